/**
 * The zip container of an .xlsx, written as a stream: each part is deflated as its text is
 * produced and the compressed bytes go to a sink straight away, so a sheet of a million rows
 * never exists whole in memory. fflate does the zip work, the same code in Node and the browser.
 */
import { strToU8, Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** Where the package's bytes go: a file, a stream, or an in-memory list. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export interface PackageOptions {
  /** Deflate level 0–9 (default 6). */
  level?: number;
  /** Modification time stored for every part (default: now). Fixed in tests for identical bytes. */
  modified?: Date;
  /**
   * Another deflate engine than fflate's: Node's zlib in the CLI, several times faster on a sheet
   * of a million rows. The zip around it stays fflate's. Left out in the browser.
   */
  compressor?: PartCompressor;
}

/** A raw-deflate engine, one stream per part. */
export interface PartCompressor {
  /** Starts a part's stream; compressed bytes go to `emit` as the engine produces them. */
  start(level: number, emit: (chunk: Uint8Array) => void): CompressorStream;
  /** CRC-32 of `chunk`, continuing from `previous` (0 at the start of a part). */
  crc32(chunk: Uint8Array, previous: number): number;
}

export interface CompressorStream {
  write(chunk: Uint8Array): void;
  /** Waits until what was written so far has been taken in (between batches of rows). */
  settle(): Promise<void>;
  /** Ends the stream once all its compressed bytes have been emitted. */
  end(): Promise<void>;
}

/** What one part's text goes into: fflate's deflate, or a PartCompressor stream. */
interface PartStream {
  push(bytes: Uint8Array, final: boolean): void;
  settle(): Promise<void>;
  end(): Promise<void>;
}

/** Text of one part, buffered into chunks of this many UTF-16 units before being deflated. */
const TEXT_CHUNK = 1 << 16;
/** Compressed bytes held before they are handed to the sink. */
const BYTE_CHUNK = 1 << 20;

export interface PartWriter {
  write(text: string): void;
  /** Lets the sink take what is compressed so far (a file write); call every few thousand rows. */
  drain(): Promise<void>;
}

export class PackageWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private failure: Error | null = null;
  private finished = false;

  constructor(
    private readonly sink: ByteSink,
    private readonly options: PackageOptions = {},
  ) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failure = err;
      else if (chunk.length) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
      }
      if (final) this.finished = true;
    });
  }

  /** Writes one part; `produce` writes its text, in as many pieces as it likes. */
  async part(path: string, produce: (out: PartWriter) => void | Promise<void>): Promise<void> {
    const stream = this.open(path);
    let buffer: string[] = [];
    let size = 0;
    const push = (final: boolean) => {
      const text = buffer.length === 1 ? buffer[0] : buffer.join('');
      buffer = [];
      size = 0;
      // fflate's UTF-8 encoder: TextEncoder where there is one, its own code elsewhere (jsdom).
      stream.push(strToU8(text), final);
      this.check();
    };
    const out: PartWriter = {
      write: (text) => {
        buffer.push(text);
        size += text.length;
        if (size >= TEXT_CHUNK) push(false);
      },
      drain: async () => {
        await stream.settle();
        this.check();
        if (this.pendingBytes >= BYTE_CHUNK) await this.flush();
      },
    };
    await produce(out);
    push(true);
    await stream.end();
    this.check();
    await this.flush();
  }

  private open(path: string): PartStream {
    const level = this.options.level ?? 6;
    const mtime = this.options.modified ?? new Date();
    const compressor = this.options.compressor;
    if (!compressor) {
      const file = new ZipDeflate(path, { level: level as 6 });
      file.mtime = mtime;
      this.zip.add(file);
      return { push: (bytes, final) => file.push(bytes, final), settle: async () => undefined, end: async () => undefined };
    }
    // The zip entry's sizes and CRC are known at its end; fflate writes them after the data.
    const file: ZipInputFile = { filename: path, size: 0, crc: 0, compression: 8, mtime, ondata: null as unknown as AsyncFlateStreamHandler };
    this.zip.add(file);
    const emit = (chunk: Uint8Array, final: boolean) => file.ondata!(null, chunk as Uint8Array<ArrayBuffer>, final);
    const engine = compressor.start(level, (chunk) => emit(chunk, false));
    let ending: Promise<void> | undefined;
    return {
      push: (bytes, final) => {
        file.crc = compressor.crc32(bytes, file.crc);
        file.size += bytes.length;
        if (bytes.length) engine.write(bytes);
        if (final) ending = engine.end().then(() => emit(new Uint8Array(0), true));
      },
      settle: () => engine.settle(),
      end: async () => void (await ending),
    };
  }

  /** A part whose text is at hand. */
  async text(path: string, text: string): Promise<void> {
    await this.part(path, (out) => out.write(text));
  }

  /** Ends the zip (central directory) and hands the last bytes to the sink. */
  async finish(): Promise<void> {
    this.zip.end();
    this.check();
    await this.flush();
    if (!this.finished) throw new Error('zip did not finish');
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    for (const c of chunks) await this.sink.write(c);
  }
}

/** A sink that keeps the bytes, for callers that want the whole file as one array. */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;

  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

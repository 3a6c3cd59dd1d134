/**
 * The zip container of an .xlsx, written as a stream: each part is deflated as its text is
 * produced and the compressed bytes go to a sink straight away, so a sheet of a million rows
 * never exists whole in memory. fflate does the zip work, the same code in Node and the browser.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';

/** Where the package's bytes go: a file, a stream, or an in-memory list. */
export interface ByteSink {
  write(chunk: Uint8Array): void | Promise<void>;
}

export interface PackageOptions {
  /** Deflate level 0–9 (default 6). */
  level?: number;
  /** Modification time stored for every part (default: now). Fixed in tests for identical bytes. */
  modified?: Date;
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
    const file = new ZipDeflate(path, { level: (this.options.level ?? 6) as 6 });
    file.mtime = this.options.modified ?? new Date();
    this.zip.add(file);
    let buffer: string[] = [];
    let size = 0;
    const push = (final: boolean) => {
      const text = buffer.length === 1 ? buffer[0] : buffer.join('');
      buffer = [];
      size = 0;
      // fflate's UTF-8 encoder: TextEncoder where there is one, its own code elsewhere (jsdom).
      file.push(strToU8(text), final);
      this.check();
    };
    const out: PartWriter = {
      write: (text) => {
        buffer.push(text);
        size += text.length;
        if (size >= TEXT_CHUNK) push(false);
      },
      drain: async () => {
        if (this.pendingBytes >= BYTE_CHUNK) await this.flush();
      },
    };
    await produce(out);
    push(true);
    await this.flush();
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

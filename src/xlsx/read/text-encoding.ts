import { ReadError } from './read-error';

/**
 * The text encoding of a CSV file, decided once for the whole file (docs/rules/parsing.md
 * "Reading files"): the encoding named by the user; else the byte-order mark; else UTF-8 when
 * every byte of the file is valid UTF-8; else GB18030, which is what Chinese Excel and WPS write
 * for "CSV". Decoding is the platform's TextDecoder (the WHATWG Encoding Standard, in browsers
 * and Node alike).
 */

export type EncodingChoice = string | undefined;

/** The canonical name of an encoding label ("GBK", "utf8", "UTF-16LE" …), or a ReadError. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new ReadError('bad-encoding', { encoding: label });
  }
}

/** The encoding a byte-order mark names, if the bytes start with one. */
export function bomEncoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A whole file's text, with the encoding decided as above. */
export function decodeWhole(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  const chosen = encoding ? checkEncoding(encoding) : bomEncoding(bytes);
  if (chosen) return { text: decodeStrict(bytes, chosen), encoding: chosen };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeStrict(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function decodeStrict(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ReadError('undecodable', { encoding, offset: firstBadByte(bytes, encoding) });
  }
}

/** 1-based offset of the first byte that does not decode (binary search over prefixes). */
function firstBadByte(bytes: Uint8Array, encoding: string): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Thrown while streaming when bytes that are not UTF-8 appear after text was already handed on
 * as UTF-8: the caller starts the file again with `encoding` (GB18030), so the whole file is
 * read in one encoding.
 */
export class EncodingRestart extends Error {
  constructor(
    readonly encoding: string,
    readonly offset: number,
  ) {
    super(`invalid UTF-8 at byte ${offset}: read the file again as ${encoding}`);
    this.name = 'EncodingRestart';
  }
}

/**
 * Decodes a file piece by piece. Without a named encoding or BOM it reads UTF-8 and, at the first
 * invalid byte, switches to GB18030 if nothing was handed on yet, or throws EncodingRestart.
 */
export class StreamDecoder {
  private decoder: TextDecoder | undefined;
  private auto: boolean;
  private seen = 0;
  encoding: string | undefined;

  constructor(encoding?: string) {
    this.encoding = encoding ? checkEncoding(encoding) : undefined;
    this.auto = !encoding;
  }

  decode(bytes: Uint8Array, last = false): string {
    if (!this.decoder) {
      const bom = this.encoding ? undefined : bomEncoding(bytes);
      if (bom) {
        this.encoding = bom;
        this.auto = false;
      }
      this.encoding ??= 'utf-8';
      this.decoder = new TextDecoder(this.encoding, { fatal: true });
    }
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      this.seen += bytes.length;
      return text;
    } catch {
      const offset = this.seen + firstBadByte(bytes, this.encoding!) ;
      if (this.auto && this.encoding === 'utf-8') {
        if (this.seen === 0) {
          // Decided on the first piece: nothing was handed on yet.
          this.encoding = 'gb18030';
          this.auto = false;
          this.decoder = new TextDecoder('gb18030', { fatal: true });
          return this.decode(bytes, last);
        }
        throw new EncodingRestart('gb18030', offset);
      }
      throw new ReadError('undecodable', { encoding: this.encoding, offset });
    }
  }
}

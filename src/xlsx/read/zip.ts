import { Inflate, inflateSync } from 'fflate';
import { ReadError } from './read-error';

/**
 * The entries of a zip archive (an .xlsx package) found through its central directory, so the
 * order of the entries in the file never matters, and looked up without regard to letter case:
 * OPC part names are case-insensitive (ECMA-376 Part 2, section 9.1.1.1), and real files do differ in case
 * between a relationship target and the entry ("xl/SharedStrings.xml"). Layout: PKWARE APPNOTE
 * 6.3, section 4.3 (end of central directory, central directory headers, local headers, Zip64).
 * Inflating is fflate's; this file only finds the bytes.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

export interface ZipArchive {
  /** Every entry name, as stored. */
  names(): string[];
  /** The entry with this name, compared without letter case; a leading "/" is ignored. */
  find(name: string): ZipEntry | undefined;
  /** The entry's bytes, inflated. */
  read(entry: ZipEntry): Uint8Array;
  /**
   * The entry's bytes in pieces, inflated as they are read, so a big worksheet is never held
   * whole; the caller may pause between pieces (the browser stays responsive).
   */
  chunks(entry: ZipEntry, compressedStep?: number): Generator<Uint8Array>;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

const damaged = (detail: string) => new ReadError('bad-format', { detail: `the zip archive is damaged: ${detail}` });

export function openZip(bytes: Uint8Array): ZipArchive {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw damaged('no end-of-central-directory record (a cut-off download?)');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(bytes, eocd - 20 + 8);
    if (u32(bytes, z) !== ZIP64_EOCD) throw damaged('bad Zip64 end record');
    count = u64(bytes, z + 32);
    offset = u64(bytes, z + 48);
  }
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) throw damaged(`central directory entry ${n + 1} of ${count} is missing`);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localHeader = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 extra field (id 1): the 64-bit sizes and offset, each present only when its 32-bit field is full.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localHeader === 0xffffffff) localHeader = u64(bytes, q);
      }
      e += 4 + len;
    }
    const entry = { name, method, compressedSize, size, localHeader };
    entries.push(entry);
    const key = normalizeName(name);
    // Two entries differing only in case: the first one wins, whatever the order of the archive.
    if (!byName.has(key)) byName.set(key, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }

  const dataOf = (entry: ZipEntry): Uint8Array => {
    const h = entry.localHeader;
    if (u32(bytes, h) !== LOCAL) throw damaged(`the entry ${entry.name} is missing`);
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    if (start + entry.compressedSize > bytes.length) throw damaged(`the entry ${entry.name} is cut off`);
    return bytes.subarray(start, start + entry.compressedSize);
  };
  const checkMethod = (entry: ZipEntry) => {
    if (entry.method !== 0 && entry.method !== 8)
      throw damaged(`the entry ${entry.name} uses compression method ${entry.method}, which no spreadsheet program writes`);
  };

  return {
    names: () => entries.map((e) => e.name),
    find: (name) => byName.get(normalizeName(name)),
    read(entry) {
      checkMethod(entry);
      const data = dataOf(entry);
      if (entry.method === 0) return data;
      try {
        return inflateSync(data, { out: new Uint8Array(entry.size) });
      } catch (err) {
        throw damaged(`the entry ${entry.name} cannot be unpacked (${(err as Error).message})`);
      }
    },
    *chunks(entry, compressedStep = 256 * 1024) {
      checkMethod(entry);
      const data = dataOf(entry);
      if (entry.method === 0) {
        for (let i = 0; i < data.length; i += compressedStep * 4) yield data.subarray(i, i + compressedStep * 4);
        return;
      }
      const out: Uint8Array[] = [];
      const inflater = new Inflate((piece) => out.push(piece));
      for (let i = 0; i < data.length || i === 0; i += compressedStep) {
        try {
          inflater.push(data.subarray(i, i + compressedStep), i + compressedStep >= data.length);
        } catch (err) {
          throw damaged(`the entry ${entry.name} cannot be unpacked (${(err as Error).message})`);
        }
        while (out.length) yield out.shift()!;
        if (data.length === 0) break;
      }
    },
  };
}

function normalizeName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

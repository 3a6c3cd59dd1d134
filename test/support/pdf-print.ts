/**
 * Reads a PDF the way a reviewer looks at a printout: page size and count (pdfinfo), every word
 * with its box (pdftotext -bbox), and how much of each page carries ink (pdftoppm, greyscale).
 * Poppler's tools measure LibreOffice's output, so nothing here depends on our own layout code.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfWord {
  text: string;
  x: number;
  y: number;
  /** Height of the word's box in points: proportional to the font size after scaling. */
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
  /** Share of the page's height between the first and the last row of pixels with ink (0–1). */
  inkExtent: number;
}

function xmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words per page from `pdftotext -bbox`. */
async function words(file: string): Promise<{ width: number; height: number; words: PdfWord[] }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const list: PdfWord[] = [];
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
        list.push({ text: xmlText(m[5]), x: Number(m[1]), y: Number(m[2]), height: Number(m[4]) - Number(m[2]) });
      return { width, height, words: list };
    });
}

/** Rows of pixels with ink, per page, from a greyscale render (binary PGM). */
async function inkExtents(file: string): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-pgm-'));
  try {
    await run('pdftoppm', ['-gray', '-r', '20', file, path.join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]))
      .map((f) => {
        const data = readFileSync(path.join(dir, f));
        // Header: "P5\n<w> <h>\n<max>\n", then w × h bytes.
        const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))!;
        const [w, h] = [Number(header[1]), Number(header[2])];
        const offset = header[0].length;
        let firstInk = -1;
        let lastInk = -1;
        for (let y = 0; y < h; y++) {
          let ink = false;
          for (let x = 0; x < w && !ink; x++) ink = data[offset + y * w + x] < 200;
          if (ink) {
            if (firstInk < 0) firstInk = y;
            lastInk = y;
          }
        }
        return firstInk < 0 ? 0 : (lastInk - firstInk + 1) / h;
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function readPdf(file: string): Promise<PdfPage[]> {
  const [pages, ink] = await Promise.all([words(file), inkExtents(file)]);
  return pages.map((p, i) => ({ ...p, inkExtent: ink[i] ?? 0 }));
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Latin words of a text, as the PDF splits them: runs of letters. */
export function latinWords(text: string): string[] {
  return text.match(/[A-Za-z]+/g) ?? [];
}

export function cjkChars(text: string): string[] {
  return text.match(CJK) ?? [];
}

export function countAll(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

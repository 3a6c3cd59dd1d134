/**
 * Every template prints in a sans face in LibreOffice, in both languages: each style of the
 * file names its font (等线 for zh-CN sheets, Calibri for en-US), so LibreOffice substitutes a
 * sans face when it lacks it (Carlito for Calibri, Noto Sans CJK for 等线) and never falls back
 * to a serif one — which it did for every style that named no font (Caladea for bold text).
 * pdffonts lists the fonts LibreOffice embedded in its PDF of each template.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { LANGS } from '../../src/sheets/core/sheet-spec';
import { TEMPLATES } from '../../src/sheets/templates/registry';
import { recalc } from '../support/libreoffice';
import { tempDir, writeTemplate } from '../support/template-files';

const run = promisify(execFile);
jest.setTimeout(600_000);

/** Serif faces LibreOffice may pick (metric-compatible replacements included). */
const SERIF = /serif|caladea|times|cambria|georgia|gelasio|tinos|song|ming|mincho|batang/i;

const dir = tempDir('ap-fonts-');
const files: { label: string; xlsx: string; lang: string }[] = [];
let pdfFonts: Map<string, string[]>;

beforeAll(async () => {
  for (const def of TEMPLATES)
    for (const lang of LANGS) {
      const { file } = await writeTemplate(def.kind, lang, true, dir);
      files.push({ label: `${def.kind} ${lang}`, xlsx: file, lang });
    }
  const pdfs = await recalc(
    files.map((f) => f.xlsx),
    'pdf',
  );
  pdfFonts = new Map();
  for (const [i, pdf] of pdfs.entries()) {
    const { stdout } = await run('pdffonts', [pdf]);
    // Lines after the two header lines: "ABCDEF+Carlito-Bold  TrueType …".
    const names = stdout
      .split('\n')
      .slice(2)
      .map((l) => l.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, ''))
      .filter((n): n is string => Boolean(n));
    pdfFonts.set(files[i].label, names);
  }
});

test('LibreOffice embeds fonts for every template (pdffonts sees them)', () => {
  for (const f of files) expect({ template: f.label, fonts: (pdfFonts.get(f.label) ?? []).length > 0 }).toEqual({ template: f.label, fonts: true });
});

test('no template prints in a serif substitute', () => {
  const serif = files.flatMap((f) => (pdfFonts.get(f.label) ?? []).filter((n) => SERIF.test(n)).map((n) => `${f.label}: ${n}`));
  expect(serif).toEqual([]);
});

test('en-US templates print in Carlito (Calibri metrics); zh-CN ones in a CJK sans face', () => {
  for (const f of files) {
    const fonts = pdfFonts.get(f.label) ?? [];
    if (f.lang === 'en-US') expect({ t: f.label, carlito: fonts.some((n) => /^Carlito/.test(n)) }).toEqual({ t: f.label, carlito: true });
    else expect({ t: f.label, cjk: fonts.some((n) => /CJK/.test(n)) }).toEqual({ t: f.label, cjk: true });
  }
});

test('every cell font of every styles part names its face: 等线 for zh-CN, Calibri for en-US; the Normal style Calibri', () => {
  for (const f of files) {
    const styles = strFromU8(unzipSync(new Uint8Array(readFileSync(f.xlsx)))['xl/styles.xml']);
    // The cell fonts (<fonts>); conditional formats' fonts (<dxfs>) change colour only.
    const list = /<fonts\b[^>]*>(.*?)<\/fonts>/.exec(styles)?.[1] ?? '';
    const fonts = [...list.matchAll(/<font>(.*?)<\/font>/g)].map((m) => /<name val="([^"]+)"/.exec(m[1])?.[1] ?? '(none)');
    expect(fonts.length).toBeGreaterThan(1);
    // Font 0 is the Normal style's: its digit width is the unit of every column width, so it is
    // Calibri in both languages (src/xlsx/write/write-workbook.ts says why).
    expect(fonts[0]).toBe('Calibri');
    expect({ file: path.basename(f.xlsx), faces: [...new Set(fonts.slice(1))] }).toEqual({ file: path.basename(f.xlsx), faces: [f.lang === 'zh-CN' ? '等线' : 'Calibri'] });
  }
});

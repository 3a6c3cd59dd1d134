/**
 * Every template's example, printed by LibreOffice to PDF and measured with poppler:
 * - A4 landscape pages;
 * - no text smaller than 8 pt after the fit-to-width scaling: each word's box height is compared
 *   with the box of 8 pt text printed unscaled in the same LibreOffice run (a calibration sheet);
 * - no near-empty page: each page carries ink over at least a third of its height, and words;
 * - at most the number of pages a planner expects for the template;
 * - no label cut: LibreOffice drops the glyphs that do not fit a cell, so every Latin word in the
 *   PDF must be a whole word the sheet holds (a cut "score" prints as "sco"), and every word and
 *   Chinese character of the labels in the print area must be printed at least as often as the
 *   sheet holds it;
 * - no number too wide for its column: LibreOffice prints such a cell as "###".
 * The measurements are printed so a reviewer can compare runs.
 */
import path from 'node:path';
import { parseCell, parseRange, printArea } from '../../src/sheets/core/a1';
import { isFormula, LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { recalc } from '../support/libreoffice';
import { cjkChars, countAll, latinWords, readPdf, type PdfPage } from '../support/pdf-print';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

/** Pages of each template's example, both languages (a sheet per page group, one after another). */
const MAX_PAGES: Record<TemplateKind, number> = {
  'development-plan': 3,
  pipeline: 4,
  'key-account-plan': 5,
  'decision-chain': 2,
  'supplier-evaluation': 1,
  swot: 2,
  ansoff: 1,
  bcg: 1,
  'opportunity-threat': 2,
  'visit-plan': 5,
  credit: 4,
  'customer-file': 4,
  'monthly-summary': 3,
  targets: 2,
  'communication-record': 3,
  'contract-checklist': 3,
  'annual-plan': 7,
  'hope-list': 3,
  dashboard: 1,
};

interface Printed {
  kind: TemplateKind;
  lang: Lang;
  sheets: SheetSpec[];
  pages: PdfPage[];
}

const printed: Printed[] = [];
let eightPoint = 0;

function calibration(): SheetSpec {
  const cells = [
    { ref: 'A1', value: 'Eight point text', style: { font: { size: 8 } } },
    { ref: 'B1', value: '八号字样本', style: { font: { size: 8 } } },
    { ref: 'C1', value: 'Bold italic', style: { font: { size: 8, bold: true, italic: true } } },
  ];
  return { name: 'Calibration', cells, print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: false } };
}

beforeAll(async () => {
  const dir = tempDir('ap-print-');
  const files = [await writeSheets([calibration()], path.join(dir, 'calibration.xlsx'))];
  const built: Omit<Printed, 'pages'>[] = [];
  for (const kind of TEMPLATE_KINDS)
    for (const lang of LANGS) {
      const sheets = getTemplate(kind).build({ lang, example: true, today: FIXED_TODAY });
      built.push({ kind, lang, sheets });
      files.push(await writeSheets(sheets, path.join(dir, `${kind}-${lang}.xlsx`)));
    }
  const pdfs = await recalc(files, 'pdf');
  const cal = await readPdf(pdfs[0]);
  eightPoint = Math.min(...cal[0].words.map((w) => w.height));
  for (const [i, b] of built.entries()) printed.push({ ...b, pages: await readPdf(pdfs[i + 1]) });
  const lines = printed.map((p) => {
    const min = Math.min(...p.pages.flatMap((pg) => pg.words.map((w) => w.height)));
    const perPage = p.pages.map((pg) => `${pg.words.length}w/${Math.round(pg.inkExtent * 100)}%`).join(' ');
    return `${p.kind.padEnd(20)} ${p.lang}  pages ${p.pages.length}  smallest text ${((8 * min) / eightPoint).toFixed(1)} pt  ${perPage}`;
  });
  console.log(`Printed examples (8 pt = ${eightPoint.toFixed(2)} pt box height):\n${lines.join('\n')}`);
}, 600_000);

/** Every text a sheet can print: constants, formula text literals, number-format literals. */
function vocabulary(sheets: SheetSpec[]): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => latinWords(text).forEach((w) => words.add(w));
  for (const s of sheets) {
    add(s.name);
    for (const c of s.cells) {
      if (typeof c.value === 'string') add(c.value);
      if (isFormula(c.value)) for (const m of c.value.formula.matchAll(/"((?:[^"]|"")*)"/g)) add(m[1]);
      if (c.style?.numFmt) for (const m of c.style.numFmt.matchAll(/"([^"]*)"/g)) add(m[1]);
    }
  }
  return words;
}

/** The constant labels inside a sheet's print area (hidden columns left out). */
function printedLabels(sheet: SheetSpec): string[] {
  if (!sheet.print?.area) return [];
  const area = parseRange(sheet.print.area);
  const hidden = new Set((sheet.columns ?? []).filter((c) => c.hidden).map((c) => c.index));
  return sheet.cells.flatMap((c) => {
    if (typeof c.value !== 'string') return [];
    const { row, col } = parseCell(c.ref);
    const inside = row >= area.top && row <= area.bottom && col >= area.left && col <= area.right && !hidden.has(col);
    return inside ? [c.value] : [];
  });
}

describe.each(TEMPLATE_KINDS.flatMap((k) => LANGS.map((l) => [k, l] as const)))('%s %s', (kind, lang) => {
  const get = () => printed.find((p) => p.kind === kind && p.lang === lang)!;

  test('prints on A4 landscape, on no more pages than expected', () => {
    const { pages } = get();
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(MAX_PAGES[kind]);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(841.9, 0);
      expect(p.height).toBeCloseTo(595.3, 0);
    }
  });

  test('no text smaller than 8 pt after scaling', () => {
    const small = get().pages.flatMap((p, i) =>
      p.words.filter((w) => w.height < eightPoint - 0.05).map((w) => `page ${i + 1}: ${w.text} (${((8 * w.height) / eightPoint).toFixed(1)} pt)`),
    );
    expect(small).toEqual([]);
  });

  test('no near-empty page', () => {
    get().pages.forEach((p, i) => {
      expect({ page: i + 1, words: p.words.length > 10, ink: p.inkExtent >= 1 / 3 }).toEqual({ page: i + 1, words: true, ink: true });
    });
  });

  test('no label is cut', () => {
    const { sheets, pages } = get();
    const known = vocabulary(sheets);
    const pdfText = pages.flatMap((p) => p.words.map((w) => w.text));
    const pdfLatin = pdfText.flatMap(latinWords);
    // A word the sheet does not hold is a fragment of a cut one.
    expect(pdfLatin.filter((w) => !known.has(w))).toEqual([]);
    const labels = sheets.flatMap(printedLabels);
    const printedCount = countAll([...pdfLatin, ...pdfText.flatMap(cjkChars)]);
    const expected = countAll([...labels.flatMap(latinWords), ...labels.flatMap(cjkChars)]);
    const missing = [...expected].filter(([w, n]) => (printedCount.get(w) ?? 0) < n).map(([w, n]) => `${w} ×${n - (printedCount.get(w) ?? 0)}`);
    expect(missing).toEqual([]);
  });

  test('no number shown as ### (too wide for its column)', () => {
    const hashes = get().pages.flatMap((p, i) => p.words.filter((w) => /^#{2,}$/.test(w.text)).map((w) => `page ${i + 1} at x=${Math.round(w.x)} y=${Math.round(w.y)}`));
    expect(hashes).toEqual([]);
  });
});

test('print areas are written so every writer keeps them', () => {
  // The .xlsx writer prefixes columns with "$" itself; see printArea in src/sheets/core/a1.ts.
  expect(printArea('A1:N73')).toBe('A$1:N$73');
  for (const kind of TEMPLATE_KINDS)
    for (const s of getTemplate(kind).build({ lang: 'zh-CN', example: false, today: FIXED_TODAY }))
      expect({ sheet: s.name, area: s.print?.area }).toEqual({ sheet: s.name, area: expect.stringMatching(/^[A-Z]+\$\d+:[A-Z]+\$\d+$/) });
});

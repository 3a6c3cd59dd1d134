/**
 * Every template kind × language, with and without example rows, plus the demo workbook:
 * recalculated in LibreOffice without a single error value, formulas limited to Excel 2010
 * functions, labels in the sheet's own language, and real tables / validations / conditional
 * formats in the written file.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { disallowedFunctions } from '../../src/sheets/core/formula-functions';
import { isFormula, LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, TEMPLATES, type TemplateKind } from '../../src/sheets/templates/registry';
import { errorCells, readWorkbook, recalc } from '../support/libreoffice';
import { overlaps, sqrefs } from '../support/xlsx-xml';
import { FIXED_TODAY, tempDir, writeSheets, writeTemplate } from '../support/template-files';

interface Built {
  kind: TemplateKind | 'demo';
  lang: Lang;
  example: boolean;
  sheets: SheetSpec[];
  file: string;
}

const built: Built[] = [];
let recalculated: string[] = [];

beforeAll(async () => {
  const dir = tempDir();
  for (const kind of TEMPLATE_KINDS)
    for (const lang of LANGS)
      for (const example of [false, true]) built.push({ kind, lang, example, ...(await writeTemplate(kind, lang, example, dir)) });
  for (const lang of LANGS) {
    const sheets = TEMPLATES.flatMap((d) => d.build({ lang, example: true, today: FIXED_TODAY }));
    built.push({ kind: 'demo', lang, example: true, sheets, file: await writeSheets(sheets, path.join(dir, `demo-${lang}.xlsx`)) });
  }
  recalculated = await recalc(built.map((b) => b.file));
}, 600_000);

/** Kinds whose sheet only reads other sheets: no table, no validated input. */
const READ_ONLY_KINDS = new Set<TemplateKind>(['dashboard']);

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
/** Latin words allowed on a zh-CN sheet: proper names, abbreviations and codes. */
const LATIN_ALLOWED = new Set([
  'SWOT', 'TOWS', 'SO', 'WO', 'ST', 'WT', 'BCG', 'KAM', 'USD', 'RMB', 'CNY', 'EUR', 'VIP', 'ABC', 'SMART', 'GM', 'VP',
  'CEO', 'CFO', 'CTO', 'ERP', 'CRM', 'IT', 'OEM', 'ODM', 'KPI', 'ROI', 'RSM', 'Excel', 'WPS', 'PDF', 'A', 'B', 'C',
  'P', 'x', 'X', 'Y', 'Q', 'N', 'TCO', 'QC', 'R', 'D',
  // SWOT item codes (S1, W2, O3, T4).
  'S', 'W', 'O', 'T',
]);

function visibleTexts(sheet: SheetSpec): string[] {
  const texts = [sheet.name];
  for (const c of sheet.cells) if (typeof c.value === 'string') texts.push(c.value);
  for (const c of sheet.cells) if (c.note) texts.push(c.note);
  for (const t of sheet.tables ?? []) texts.push(...t.columns.map((c) => c.name));
  for (const v of sheet.validations ?? []) {
    if (v.rule.type === 'list') texts.push(...v.rule.values);
    if (v.prompt) texts.push(v.prompt.title, v.prompt.message);
    if (v.error) texts.push(v.error.title, v.error.message);
  }
  return texts;
}

function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

describe.each(TEMPLATE_KINDS.flatMap((k) => LANGS.map((l) => [k, l] as const)))('%s %s', (kind, lang) => {
  const mine = () => built.filter((b) => b.kind === kind && b.lang === lang);

  test('recalculates in LibreOffice without error values', async () => {
    for (const b of mine()) {
      const out = recalculated[built.indexOf(b)];
      const sheets = await readWorkbook(out);
      expect({ file: path.basename(b.file), errors: errorCells(sheets) }).toEqual({ file: path.basename(b.file), errors: [] });
    }
  });

  test('uses only functions Excel 2010 had', () => {
    for (const b of mine())
      for (const s of b.sheets) {
        const formulas = [
          ...s.cells.flatMap((c) => (isFormula(c.value) ? [c.value.formula] : [])),
          ...(s.conditionalFormats ?? []).flatMap((cf) =>
            cf.rules.flatMap((r) => (r.type === 'expression' ? [r.formula] : r.type === 'cellIs' ? r.formulas : [])),
          ),
        ];
        expect(formulas.length).toBeGreaterThan(0);
        const bad = formulas.flatMap((f) => disallowedFunctions(f).map((fn) => `${fn} in ${f}`));
        expect(bad).toEqual([]);
      }
  });

  test('shows labels only in its own language', () => {
    for (const b of mine())
      for (const s of b.sheets) {
        const texts = visibleTexts(s);
        if (lang === 'en-US') expect(texts.filter((t) => CJK.test(t))).toEqual([]);
        else expect(texts.filter((t) => !CJK.test(t) && englishWords(t).length > 0)).toEqual([]);
      }
  });

  test('the written file carries tables, validations, conditional formats and print setup', async () => {
    const b = mine().find((x) => !x.example)!;
    const zip = await JSZip.loadAsync(readFileSync(b.file));
    const sheetXml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const tableXml = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const all = sheetXml.join('\n');
    const specTables = b.sheets.flatMap((s) => s.tables ?? []);
    // The cockpit has no table and no typed values of its own: every figure reads another sheet.
    const readOnly = READ_ONLY_KINDS.has(kind);
    expect(specTables.length > 0).toBe(!readOnly);
    for (const t of specTables) expect(tableXml.some((x) => x.includes(`displayName="${t.name}"`))).toBe(true);
    expect((all.match(/<dataValidation /g) ?? []).length > 0).toBe(!readOnly);
    for (const xml of sheetXml) expect(overlaps(sqrefs(xml))).toEqual([]);
    expect((all.match(/<conditionalFormatting /g) ?? []).length).toBeGreaterThan(0);
    expect(all).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(all).toMatch(/<pageSetup[^>]*paperSize="9"/);
    // Unprotected by default, so tables can grow; protected on request.
    expect(all).not.toMatch(/<sheetProtection /);
    const protectedFile = path.join(tempDir(), `${kind}-${lang}-protected.xlsx`);
    await writeSheets(TEMPLATES.find((d) => d.kind === kind)!.build({ lang, example: false, today: FIXED_TODAY, protect: true }), protectedFile);
    const protectedZip = await JSZip.loadAsync(readFileSync(protectedFile));
    for (const name of Object.keys(protectedZip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
      expect(await protectedZip.file(name)!.async('string')).toMatch(/<sheetProtection /);
  });
});

test('demo workbooks hold every template and recalculate without errors', async () => {
  for (const b of built.filter((x) => x.kind === 'demo')) {
    const sheets = await readWorkbook(recalculated[built.indexOf(b)]);
    expect(sheets.length).toBeGreaterThanOrEqual(TEMPLATE_KINDS.length);
    expect(errorCells(sheets)).toEqual([]);
  }
});

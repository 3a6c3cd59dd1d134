/**
 * `relink` end to end (docs/notes/links.md): a hope list made on its own, a prospect typed into
 * it, then the pipeline added with --into, then `relink`: the hope list's stages come from the
 * pipeline, the typed prospect stays, every other sheet's part is byte for byte what it was, the
 * file is schema-valid with every formula cached; after a pipeline stage is edited in the file,
 * LibreOffice's recalculation moves the prospect in the hope list's ranking.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/templates/hope-list';
import pipelineCatalog from '../../src/i18n/templates/pipeline';
import { LANGS, type Lang } from '../../src/sheets/core/sheet-spec';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { validatePackages } from '../support/ooxml-validate';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';
import { typeInto } from '../support/edit-cell';

const DATE = '2026-03-15';
const results = new Map<string, SheetValues[]>();
const files = new Map<string, string>();
const outputs = new Map<string, { code: number; out: string; err: string }>();
const unchanged = new Map<string, string[]>();

async function entries(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('uint8array'));
  return out;
}

beforeAll(async () => {
  const dir = tempDir('ap-relink-');
  const toRecalc: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS) {
    const t = translator(catalog, lang);
    const tp = translator(pipelineCatalog, lang);
    const file = path.join(dir, `plan-${lang}.xlsx`);
    expect((await cli(['template', 'hope-list', '--example', '--date', DATE, '--lang', lang, '--out', file])).code).toBe(0);
    // The user's own prospect, in the first empty row, with a local scope and an expected value.
    await typeInto(file, t('sheetName'), 'A22', 'My own prospect');
    await typeInto(file, t('sheetName'), 'B22', t('scopeLocal'));
    await typeInto(file, t('sheetName'), 'C22', 500000);
    expect((await cli(['template', 'pipeline', '--example', '--date', DATE, '--lang', lang, '--into', file])).code).toBe(0);
    const before = await entries(file);
    outputs.set(lang, await cli(['relink', file, '--lang', lang]));
    const after = await entries(file);
    unchanged.set(lang, [...before].filter(([name, bytes]) => Buffer.compare(Buffer.from(bytes), Buffer.from(after.get(name) ?? new Uint8Array())) === 0).map(([name]) => name));
    const edited = path.join(dir, `edited-${lang}.xlsx`);
    copyFileSync(file, edited);
    // Ningbo Haina (pipeline row 15): stage 3 → 4.
    await typeInto(edited, tp('sheetName'), 'C15', tp('stage4'));
    files.set(`${lang}/relinked`, file);
    for (const [variant, f] of [['relinked', file], ['edited', edited]] as const) {
      toRecalc.push(f);
      keys.push(`${lang}/${variant}`);
    }
  }
  const out = await recalc(toRecalc);
  for (let i = 0; i < out.length; i++) results.set(keys[i], await readWorkbook(out[i]));
}, 600_000);

const hopeSheet = (lang: Lang, variant: string) => sheet(results.get(`${lang}/${variant}`)!, translator(catalog, lang)('sheetName'));

/** [customer, stage] of the ranking block (places from row 50), up to the first blank. */
function ranking(lang: Lang, variant: string): [string, string][] {
  const s = hopeSheet(lang, variant);
  const out: [string, string][] = [];
  for (let r = 50; r < 80 && s.values.get(`A${r}`); r++) out.push([s.values.get(`A${r}`) as string, s.values.get(`D${r}`) as string]);
  return out;
}

describe.each(LANGS)('%s', (lang) => {
  const tp = translator(pipelineCatalog, lang);

  test('relink says what it linked; a second run finds nothing to do', async () => {
    const r = outputs.get(lang)!;
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(translator(catalog, lang)('sheetName'));
    expect(r.out).toContain(tp('sheetName'));
    const again = await cli(['relink', files.get(`${lang}/relinked`)!, '--lang', lang]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(lang === 'en-US' ? 'Nothing to link' : '没有需要建立链接');
  });

  test('only the hope list was rewritten: the pipeline sheets and their parts are byte for byte', () => {
    const kept = unchanged.get(lang)!;
    expect(kept).toEqual(expect.arrayContaining(['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/theme/theme1.xml']));
    expect(kept).not.toContain('xl/worksheets/sheet1.xml');
  });

  test('the stages come from the pipeline and the typed prospect stays', () => {
    const s = hopeSheet(lang, 'relinked');
    expect(s.values.get('D16')).toBe(tp('stage4')); // Suzhou Hengda: stage 4 in the pipeline's example
    expect(s.values.get('A22')).toBe('My own prospect');
    expect(s.values.get('C22')).toBe(500000);
    expect(s.values.get('I22')).toBe(translator(catalog, lang)('notInPipeline'));
    expect(errorCells(results.get(`${lang}/relinked`)!)).toEqual([]);
  });

  test('a stage edited in the pipeline moves the prospect in the hope list', () => {
    const before = ranking(lang, 'relinked');
    const after = ranking(lang, 'edited');
    const ningbo = lang === 'en-US' ? 'Ningbo Haina Plastics Co., Ltd.' : '宁波海纳塑业有限公司';
    expect(before.find(([c]) => c === ningbo)?.[1]).toBe(tp('stage3'));
    expect(after.find(([c]) => c === ningbo)?.[1]).toBe(tp('stage4'));
    expect(after.findIndex(([c]) => c === ningbo)).toBeLessThan(before.findIndex(([c]) => c === ningbo));
  });

  test('the relinked file is schema-valid and every formula has its cached value', async () => {
    const file = files.get(`${lang}/relinked`)!;
    expect(uncached(await readStoredFormulas(file))).toEqual([]);
    const report = await validatePackages([{ label: path.basename(file), bytes: readFileSync(file) }]);
    expect(report.errors).toEqual([]);
  }, 120_000);
});

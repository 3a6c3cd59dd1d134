/**
 * Hope list: LibreOffice's recalculation gives the ranking worked out by hand in
 * docs/rules/templates/hope-list.md — on its own (stages typed) and added with --into beside the
 * pipeline's example (stages, closed and abandoned marks looked up there by customer), also after
 * a pipeline row is edited in the file (a stage raised, a prospect abandoned).
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/templates/hope-list';
import pipelineCatalog from '../../src/i18n/templates/pipeline';
import { LANGS, type Lang } from '../../src/sheets/core/sheet-spec';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { cli } from '../support/cli';
import { typeInto } from '../support/edit-cell';
import { errorCells, readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { tempDir } from '../support/template-files';

type Variant = 'alone' | 'linked' | 'edited';
const results = new Map<string, SheetValues[]>();
const stored = new Map<string, Awaited<ReturnType<typeof readStoredFormulas>>>();
const DATE = '2026-03-15';

beforeAll(async () => {
  const dir = tempDir('ap-hope-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS) {
    const alone = path.join(dir, `alone-${lang}.xlsx`);
    expect((await cli(['template', 'hope-list', '--example', '--date', DATE, '--lang', lang, '--out', alone])).code).toBe(0);
    const linked = path.join(dir, `linked-${lang}.xlsx`);
    expect((await cli(['template', 'pipeline', '--example', '--date', DATE, '--lang', lang, '--out', linked])).code).toBe(0);
    const added = await cli(['template', 'hope-list', '--example', '--date', DATE, '--lang', lang, '--into', linked]);
    expect(added).toMatchObject({ code: 0, err: '' });
    const edited = path.join(dir, `edited-${lang}.xlsx`);
    copyFileSync(linked, edited);
    const tp = translator(pipelineCatalog, lang);
    // Row 15 is the third example prospect (宁波海纳 / Ningbo Haina): stage 3 → 4. Row 17 (无锡天成 / Wuxi Tiancheng): abandoned.
    await typeInto(edited, tp('sheetName'), 'C15', tp('stage4'));
    await typeInto(edited, tp('sheetName'), 'E17', tp('decisionAbandon'));
    for (const [variant, file] of [['alone', alone], ['linked', linked], ['edited', edited]] as const) {
      files.push(file);
      keys.push(`${lang}/${variant}`);
      stored.set(`${lang}/${variant}`, await readStoredFormulas(file));
    }
  }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], await readWorkbook(out[i]));
}, 600_000);

/** The ranking block as LibreOffice computed it (customer A, probability E, value G, place H): [customer, probability, value] by place, up to the first blank. */
function ranking(lang: Lang, variant: Variant): [string, number, number][] {
  const s = sheet(results.get(`${lang}/${variant}`)!, translator(catalog, lang)('sheetName'));
  // Prospect table header row 15, 30 rows, note at 46; ranking header at 49, places from 50.
  const out: [string, number, number][] = [];
  for (let r = 50; r < 80; r++) {
    const customer = s.values.get(`A${r}`);
    if (customer === undefined || customer === null || customer === '') break;
    expect(s.values.get(`H${r}`)).toBe(r - 49);
    out.push([customer as string, s.values.get(`E${r}`) as number, s.values.get(`G${r}`) as number]);
  }
  return out;
}

const NAMES: Record<Lang, Record<string, string>> = {
  'zh-CN': { suzhou: '苏州恒达电子科技有限公司', ningbo: '宁波海纳塑业有限公司', hangzhou: '杭州远景包装材料有限公司', wuxi: '无锡天成化工有限公司', changzhou: '常州万利五金制品厂', jiaxing: '嘉兴同舟物流设备有限公司' },
  'en-US': {
    suzhou: 'Suzhou Hengda Electronics Co., Ltd.',
    ningbo: 'Ningbo Haina Plastics Co., Ltd.',
    hangzhou: 'Hangzhou Yuanjing Packaging Co., Ltd.',
    wuxi: 'Wuxi Tiancheng Chemical Co., Ltd.',
    changzhou: 'Changzhou Wanli Hardware Factory',
    jiaxing: 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.',
  },
};

// Worked by hand (docs/rules/templates/hope-list.md): probability × (expected − development − maintenance fee).
//   Suzhou    domestic 600,000, stage 4: 0.75 × (600,000 − 100,000 − 70,000)   = 322,500
//   Hangzhou  intl   1,200,000, stage 2: 0.25 × (1,200,000 − 200,000 − 150,000) = 212,500
//   Jiaxing   domestic 400,000, stage 3: 0.50 × (400,000 − 170,000)           = 115,000
//   Ningbo    local    300,000, stage 3: 0.50 × (300,000 − 50,000 − 30,000)    = 110,000  (stage 4: 0.75 × 220,000 = 165,000)
//   Changzhou local    150,000, stage 2: 0.25 × (150,000 − 80,000)            =  17,500  (abandoned in the pipeline)
//   Wuxi      local    200,000, stage 1: 0.10 × (200,000 − 80,000)            =  12,000
describe.each(LANGS)('%s', (lang) => {
  const n = NAMES[lang];
  test('on its own: the typed stages rank all six', () => {
    expect(ranking(lang, 'alone')).toEqual([
      [n.suzhou, 0.75, 322500],
      [n.hangzhou, 0.25, 212500],
      [n.jiaxing, 0.5, 115000],
      [n.ningbo, 0.5, 110000],
      [n.changzhou, 0.25, 17500],
      [n.wuxi, 0.1, 12000],
    ]);
  });

  test('beside the pipeline: stages looked up there, the abandoned prospect left out and marked', () => {
    expect(ranking(lang, 'linked')).toEqual([
      [n.suzhou, 0.75, 322500],
      [n.hangzhou, 0.25, 212500],
      [n.jiaxing, 0.5, 115000],
      [n.ningbo, 0.5, 110000],
      [n.wuxi, 0.1, 12000],
    ]);
    const s = sheet(results.get(`${lang}/linked`)!, translator(catalog, lang)('sheetName'));
    // Changzhou is the fifth prospect row (20); its check says why it is not ranked.
    expect(s.values.get('A20')).toBe(n.changzhou);
    expect(s.values.get('I20')).toBe(translator(catalog, lang)('abandoned'));
    expect(s.values.get('D20')).toBe(translator(pipelineCatalog, lang)('stage2'));
  });

  test('after editing pipeline rows: the raised stage moves up, the newly abandoned prospect drops out', () => {
    expect(ranking(lang, 'edited')).toEqual([
      [n.suzhou, 0.75, 322500],
      [n.hangzhou, 0.25, 212500],
      [n.ningbo, 0.75, 165000],
      [n.jiaxing, 0.5, 115000],
    ]);
  });

  test('no error values anywhere, and every formula was written with its cached value equal to LibreOffice', () => {
    for (const variant of ['alone', 'linked'] as const) {
      expect(errorCells(results.get(`${lang}/${variant}`)!)).toEqual([]);
      const ours = stored.get(`${lang}/${variant}`)!;
      expect(uncached(ours)).toEqual([]);
      const s = sheet(results.get(`${lang}/${variant}`)!, translator(catalog, lang)('sheetName'));
      const mine = ours.get(translator(catalog, lang)('sheetName'))!;
      let compared = 0;
      for (const [ref, cell] of mine) {
        const lo = s.values.get(ref) ?? '';
        const v = cell.value;
        if (typeof v === 'number') expect({ ref, v: Math.abs(v - (lo as number)) < 1e-9 }).toEqual({ ref, v: true });
        else expect({ ref, v }).toEqual({ ref, v: lo });
        compared++;
      }
      expect(compared).toBeGreaterThan(200);
    }
  });
});

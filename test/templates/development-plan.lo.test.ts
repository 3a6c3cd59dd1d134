/**
 * Development plan: acceptance verdict, checklist completion, risk / lead-time / overdue flags
 * of the example rows, recalculated in LibreOffice and compared with values worked out by hand.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/development-plan';
import common from '../../src/i18n/common';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { developmentPlan } from '../../src/sheets/templates/development-plan';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { readWorkbook, recalc, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'changed' | 'blank';
const results = new Map<string, SheetValues>();
const built = new Map<string, SheetSpec>();

// Layout of the sheet (rows are the same in both languages).
const RISK = { first: 29, last: 34 };
const LEAD_OK = ['F38', 'F39'];
const STEPS = { first: 46, last: 55 };
const CRITERIA = { first: 59, last: 62 };
const VERDICT_ROW = 63;
const CHECKLIST = { first: 68, last: 73 };
const COMPLETION_ROW = 74;

beforeAll(async () => {
  const dir = tempDir('ap-devplan-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of ['example', 'changed', 'blank'] as Variant[]) {
      const [sheet] = developmentPlan.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      if (variant === 'changed') {
        const t = translator(catalog, lang);
        setCell(sheet, `B${CRITERIA.last}`, 2); // technical criterion now below its pass mark of 3
        setCell(sheet, `B${CHECKLIST.first + 3}`, t('doneYes'));
        setCell(sheet, `B${CHECKLIST.first + 5}`, t('doneYes'));
      }
      built.set(`${lang}/${variant}`, sheet);
      files.push(await writeSheets([sheet], path.join(dir, `devplan-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(files);
  for (let i = 0; i < out.length; i++) results.set(keys[i], (await readWorkbook(out[i]))[0]);
}, 600_000);

function values(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)!;
  return (ref: string) => s.values.get(ref) ?? null;
}

describe.each(LANGS)('development-plan %s', (lang) => {
  const t = translator(catalog, lang);
  const c = translator(common, lang);

  test('acceptance criteria: scores 4, 3, 5, 3 against pass marks of 3 → all pass, accept, average 3.75', () => {
    const v = values(lang, 'example');
    for (let r = CRITERIA.first; r <= CRITERIA.last; r++) expect([r, v(`D${r}`)]).toEqual([r, t('resultPass')]);
    expect(v(`A${VERDICT_ROW}`)).toBe(t('overallVerdict'));
    expect(v(`B${VERDICT_ROW}`)).toBe(t('verdictAccept'));
    expect(v(`F${VERDICT_ROW}`)).toBeCloseTo(3.75, 10);
  });

  test('preparation checklist: 4 of 6 done → 66.7 %, 2 open', () => {
    const v = values(lang, 'example');
    expect(v(`A${COMPLETION_ROW}`)).toBe(t('completion'));
    expect(v(`B${COMPLETION_ROW}`)).toBeCloseTo(4 / 6, 10);
    expect(v(`C${COMPLETION_ROW}`)).toBe(t('readyMissing', { n: 2 }));
  });

  test('one criterion below its pass mark rejects; a full checklist is ready', () => {
    const v = values(lang, 'changed');
    expect(v(`D${CRITERIA.last}`)).toBe(t('resultFail'));
    expect(v(`B${VERDICT_ROW}`)).toBe(t('verdictReject', { n: 1 }));
    expect(v(`F${VERDICT_ROW}`)).toBeCloseTo(3.5, 10); // (4 + 3 + 5 + 2) / 4
    expect(v(`B${COMPLETION_ROW}`)).toBe(1);
    expect(v(`C${COMPLETION_ROW}`)).toBe(t('readyAll'));
  });

  test('risk, lead-time and overdue flags of the example rows', () => {
    const v = values(lang, 'example');
    // Ningbo Haina: fair finances, poor credit → flagged; Suzhou Hengda: good / good.
    expect(v(`F${RISK.first}`)).toBe('');
    expect(v(`F${RISK.first + 1}`)).toBe(t('riskFlag'));
    // Lead time 7 ≤ 10 days → yes; 15 > 10 → no.
    expect(LEAD_OK.map((ref) => v(ref))).toEqual([c('yes'), c('no')]);
    // Only the step due 2026-03-12 and still in progress is overdue on 2026-03-15; the one due
    // 2026-03-05 is done.
    const overdue = [];
    for (let r = STEPS.first; r <= STEPS.last; r++) overdue.push(v(`F${r}`));
    expect(overdue).toEqual(['', t('overdueFlag'), '', '', '', '', '', '', '', '']);
  });

  test('the blank template waits for scores and counts no item as done', () => {
    const v = values(lang, 'blank');
    expect(v(`B${VERDICT_ROW}`)).toBe(t('verdictPending', { n: 0, total: 4 }));
    expect(v(`F${VERDICT_ROW}`)).toBe('');
    expect(v(`B${COMPLETION_ROW}`)).toBe(0);
    expect(v(`C${COMPLETION_ROW}`)).toBe(t('readyMissing', { n: 6 }));
    for (let r = RISK.first; r <= RISK.last; r++) expect(v(`F${r}`)).toBe('');
    for (let r = STEPS.first; r <= STEPS.last; r++) expect(v(`F${r}`)).toBe('');
  });

  test('stays within the limits Excel enforces', () => {
    for (const variant of ['example', 'blank'] as Variant[])
      expect(excelLimitViolations(built.get(`${lang}/${variant}`)!)).toEqual([]);
  });
});

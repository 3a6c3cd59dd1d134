/**
 * Contract checklist: prepayment and retention amounts, the retention release date, the lead-time
 * check, the bonus terms against the thresholds, each item's status and days late, progress per
 * part and the signing verdict — recalculated in LibreOffice and compared with values worked out
 * by hand, also after a planner edits inputs. Every formula's stored value (IronCalc) must equal
 * LibreOffice's. Cells are found by table names and labels.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/contract-checklist';
import common from '../../src/i18n/common';
import { translator } from '../../src/i18n/define';
import { cellRef, parseCell } from '../../src/sheets/core/a1';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { contractChecklist } from '../../src/sheets/templates/contract-checklist';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, errorCells, type Computed, type SheetValues } from '../support/libreoffice';
import type { Disagreement } from '../support/stored-values';
import { besideLabel, recalcAndCompare, tableCells } from '../support/template-cells';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'changed' | 'notmet' | 'ready' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'notmet', 'ready', 'blank'];
const results = new Map<string, SheetValues>();
const built = new Map<string, SheetSpec>();
const disagreements: (Disagreement & { file: string })[] = [];

function layout(sheet: SheetSpec, lang: Lang) {
  const t = translator(catalog, lang);
  const T = tableCells(sheet, 'Contract_Terms');
  /** The progress row of a part: its label, then items, confirmed, open, overdue, stalled, not met. */
  const progress = (part: string) => {
    const label = sheet.cells.find((c) => c.value === part)!;
    const { row, col } = parseCell(label.ref);
    return Array.from({ length: 6 }, (_, i) => cellRef(row, col + 1 + i));
  };
  return {
    T,
    status: T.col(t('colStatus')),
    daysLate: T.col(t('colDaysLate')),
    result: T.col(t('colResult')),
    input: {
      margin: besideLabel(sheet, t('margin'), 'input'),
      prepay: besideLabel(sheet, t('prepayShare'), 'input'),
      cycle: besideLabel(sheet, t('productionCycle'), 'input'),
      firstDeal: besideLabel(sheet, t('firstDeal'), 'input'),
    },
    prepayAmount: besideLabel(sheet, t('prepayAmount')),
    retentionAmount: besideLabel(sheet, t('retentionAmount')),
    release: besideLabel(sheet, t('retentionRelease')),
    lead: besideLabel(sheet, t('leadCheck')),
    marginCheck: besideLabel(sheet, t('marginCheck')),
    prepayCheck: besideLabel(sheet, t('prepayCheck')),
    verdict: besideLabel(sheet, t('verdict')),
    progress: [progress(t('partTerms')), progress(t('partAssurance')), progress(t('partDelivery'))],
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-contract-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const [sheet] = contractChecklist.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const x = layout(sheet, lang);
      const term = (i: number) => `${x.result}${x.T.first + i}`;
      if (variant === 'changed') {
        // Report date 2026-03-20, margin 8 %, prepayment 30 %, our production cycle 50 days.
        setCell(sheet, 'F3', new Date(Date.UTC(2026, 2, 20)));
        setCell(sheet, x.input.margin, 0.08);
        setCell(sheet, x.input.prepay, 0.3);
        setCell(sheet, x.input.cycle, 50);
      }
      if (variant === 'notmet') {
        // The penalty term is not met; the customer has bought from us before.
        setCell(sheet, term(6), t('resultNo'));
        setCell(sheet, x.input.firstDeal, translator(common, lang)('no'));
      }
      if (variant === 'ready') for (const i of [3, 5, 6, 7, 8]) setCell(sheet, term(i), t('resultOk'));
      built.set(`${lang}/${variant}`, sheet);
      files.push(await writeSheets([sheet], path.join(dir, `contract-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const run = await recalcAndCompare(files, keys);
  for (const [key, wb] of run.results) results.set(key, wb[0]);
  disagreements.push(...run.disagreements);
}, 240_000);

function values(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)!;
  return (ref: string) => s.values.get(ref) ?? null;
}
const iso = (v: Computed) => (v === '' || v === null ? v : asIsoDate(v));

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells([wb]) }).toEqual({ key, errors: [] });
});

describe.each(LANGS)('contract checklist %s', (lang) => {
  const t = translator(catalog, lang);
  const X = () => layout(built.get(`${lang}/example`)!, lang);
  const column = (v: (ref: string) => Computed, letter: string) =>
    Array.from({ length: X().T.last - X().T.first + 1 }, (_, i) => v(`${letter}${X().T.first + i}`));
  const progress = (v: (ref: string) => Computed) => X().progress.map((p) => p.map(v));

  test('contract figures: 640,000 prepaid, 128,000 retention released 12 months after 2026-05-06, lead time feasible', () => {
    const v = values(lang, 'example');
    const x = X();
    expect(v(x.prepayAmount)).toBe(1280000 * 0.5);
    expect(v(x.retentionAmount)).toBeCloseTo(1280000 * 0.1, 6);
    expect(iso(v(x.release))).toBe('2027-05-06');
    expect(v(x.lead)).toBe(t('leadOk'));
    // 12 % ≥ 10 %; industrial first order prepaid 50 % ≥ 50 %.
    expect([v(x.marginCheck), v(x.prepayCheck)]).toEqual([t('bonusMet'), t('bonusMet')]);
  });

  test('terms: four confirmed, one overdue, one stalled, one negotiating, two to check; progress and verdict', () => {
    const v = values(lang, 'example');
    const x = X();
    const [ok, late, stalled, talk, todo] = [
      t('statusConfirmed'),
      t('statusOverdue'),
      t('statusStalled'),
      t('statusTalking'),
      t('statusToCheck'),
    ];
    expect(column(v, x.status)).toEqual([ok, ok, ok, late, ok, stalled, talk, todo, todo, '', '']);
    // Delivery terms due 03-12: 3 days late on 03-15. Service terms last checked 03-05: 10 days > 7.
    expect(column(v, x.daysLate)).toEqual(['', '', '', 3, '', '', '', '', '', '', '']);
    expect(progress(v)).toEqual([
      [9, 4, 5, 1, 1, 0],
      [4, 0, 4, 0, 0, 0],
      [5, 0, 5, 0, 0, 0],
    ]);
    expect(v(x.verdict)).toBe(t('verdictOpen', { n: 5 }));
  });

  test('after edits: later report date, low margin and prepayment, a longer production cycle', () => {
    const v = values(lang, 'changed');
    const x = X();
    expect(v(x.prepayAmount)).toBe(384000);
    expect([v(x.marginCheck), v(x.prepayCheck), v(x.lead)]).toEqual([t('marginLow'), t('prepayLow'), t('leadShort')]);
    const [ok, late, talk, todo] = [t('statusConfirmed'), t('statusOverdue'), t('statusTalking'), t('statusToCheck')];
    // As of 03-20: delivery (03-12) 8 days, service (03-17) 3 days, retention (03-19) 1 day late;
    // penalty last checked 03-13, 7 days: not yet stalled.
    expect(column(v, x.status)).toEqual([ok, ok, ok, late, ok, late, talk, late, todo, '', '']);
    expect(column(v, x.daysLate)).toEqual(['', '', '', 8, '', 3, '', 1, '', '', '']);
    expect(progress(v)[0]).toEqual([9, 4, 5, 3, 0, 0]);
    expect(v(x.verdict)).toBe(t('verdictLead'));
  });

  test('a term not met stops the signing; a repeat customer needs no prepayment', () => {
    const v = values(lang, 'notmet');
    const x = X();
    expect(v(`${x.status}${x.T.first + 6}`)).toBe(t('statusNotMet'));
    expect(progress(v)[0]).toEqual([9, 4, 4, 1, 1, 1]);
    expect(v(x.verdict)).toBe(t('verdictNotMet'));
    expect(v(x.prepayCheck)).toBe(t('notApplicable'));
  });

  test('all terms agreed: ready for the contract review', () => {
    const v = values(lang, 'ready');
    expect(progress(v)[0]).toEqual([9, 9, 0, 0, 0, 0]);
    expect(v(X().verdict)).toBe(t('verdictReady'));
  });

  test('blank template: items listed, every other computed cell empty', () => {
    const v = values(lang, 'blank');
    const x = X();
    expect(column(v, x.status)).toEqual(Array(11).fill(''));
    for (const ref of [x.prepayAmount, x.retentionAmount, x.release, x.lead, x.marginCheck, x.prepayCheck])
      expect(v(ref)).toBe('');
    expect(progress(v)[0]).toEqual([9, 0, 9, 0, 0, 0]);
    expect(v(x.verdict)).toBe(t('verdictOpen', { n: 9 }));
  });

  test('within Excel’s limits', () => {
    expect(excelLimitViolations(built.get(`${lang}/example`)!)).toEqual([]);
  });
});

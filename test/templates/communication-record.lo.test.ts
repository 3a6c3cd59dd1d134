/**
 * Communication record: each customer's next-contact date and the contact-due flag, this month's
 * contacts and complaints, the promises' follow-up status and days late with their summary, and
 * the minutes' count of the meeting's promises — recalculated in LibreOffice and compared with
 * values worked out by hand, also after a planner edits inputs. Every formula's stored value
 * (IronCalc) must equal LibreOffice's. Cells are found by table names and labels.
 */
import path from 'node:path';
import catalog from '../../src/i18n/templates/communication-record';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { communicationRecord } from '../../src/sheets/templates/communication-record';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, errorCells, type Computed, type SheetValues } from '../support/libreoffice';
import type { Disagreement } from '../support/stored-values';
import { belowLabel, besideLabel, recalcAndCompare, tableCells } from '../support/template-cells';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'changed' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'blank'];
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();
const disagreements: (Disagreement & { file: string })[] = [];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function layout(sheets: SheetSpec[], lang: Lang) {
  const t = translator(catalog, lang);
  const [record, promises] = sheets;
  const L = tableCells(record, 'Comm_Log');
  const P = tableCells(promises, 'Comm_Promises');
  return {
    L,
    l: {
      date: L.col(t('colDate')),
      customer: L.col(t('colCustomer')),
      kind: L.col(t('colKind')),
      nextDue: L.col(t('colNextDue')),
      flag: L.col(t('colContactFlag')),
    },
    month: belowLabel(record, t('contactsThisMonth')),
    complaints: belowLabel(record, t('complaintsThisMonth')),
    due: belowLabel(record, t('customersDue')),
    minutes: besideLabel(record, t('meetingPromises')),
    P,
    p: {
      status: P.col(t('colStatus')),
      followUp: P.col(t('colFollowUp')),
      doneOn: P.col(t('colDoneOn')),
      follow: P.col(t('colFollow')),
      daysLate: P.col(t('colDaysLate')),
    },
    stall: besideLabel(promises, t('stallAfter'), 'input'),
    sum: {
      all: belowLabel(promises, t('countAll')),
      done: belowLabel(promises, t('countDone')),
      overdue: belowLabel(promises, t('countOverdue')),
      stalled: belowLabel(promises, t('countStalled')),
      soon: belowLabel(promises, t('countSoon')),
      rate: belowLabel(promises, t('onTimeRate')),
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('ap-comm-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const t = translator(catalog, lang);
      const sheets = communicationRecord.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      const [record, promises] = sheets;
      const x = layout(sheets, lang);
      if (variant === 'changed') {
        // Contact log: report date 2026-04-05; a new complaint call to Suzhou on 2026-04-01 (row 7).
        setCell(record, 'F3', day('2026-04-05'));
        const r = x.L.first + 6;
        setCell(record, `${x.l.date}${r}`, day('2026-04-01'));
        setCell(
          record,
          `${x.l.customer}${r}`,
          lang === 'zh-CN' ? '苏州恒达电子科技有限公司' : 'Suzhou Hengda Electronics Co., Ltd.',
        );
        setCell(record, `${x.l.kind}${r}`, t('kindComplaint'));
        // Promises (report date stays 2026-03-15): the overdue price answer done on 03-10; the
        // stalled leasing offer followed up on 03-14; the meeting's outline done on 03-14;
        // the stall rule cut to 10 days.
        const p = (i: number) => x.P.first + i;
        setCell(promises, `${x.p.status}${p(2)}`, t('statusDone'));
        setCell(promises, `${x.p.doneOn}${p(2)}`, day('2026-03-10'));
        setCell(promises, `${x.p.followUp}${p(6)}`, day('2026-03-14'));
        setCell(promises, `${x.p.status}${p(4)}`, t('statusDone'));
        setCell(promises, `${x.p.doneOn}${p(4)}`, day('2026-03-14'));
        setCell(promises, x.stall, 10);
      }
      built.set(`${lang}/${variant}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `comm-${lang}-${variant}.xlsx`)));
      keys.push(`${lang}/${variant}`);
    }
  const run = await recalcAndCompare(files, keys);
  for (const [key, wb] of run.results) results.set(key, wb);
  disagreements.push(...run.disagreements);
}, 240_000);

function values(lang: Lang, variant: Variant, sheet: 0 | 1) {
  const s = results.get(`${lang}/${variant}`)![sheet];
  return (ref: string) => s.values.get(ref) ?? null;
}
const iso = (v: Computed) => (v === '' || v === null ? v : asIsoDate(v));

test('every stored value equals LibreOffice’s recalculation, and no cell is an error', () => {
  expect(disagreements).toEqual([]);
  for (const [key, wb] of results) expect({ key, errors: errorCells(wb) }).toEqual({ key, errors: [] });
});

describe.each(LANGS)('communication record %s', (lang) => {
  const t = translator(catalog, lang);
  const X = () => layout(built.get(`${lang}/example`)!, lang);
  const col = (v: (ref: string) => Computed, first: number, letter: string, n: number) =>
    Array.from({ length: n }, (_, i) => v(`${letter}${first + i}`));

  test('contacts: only a customer’s latest contact sets the next one, 30 days on; Suzhou is due', () => {
    const v = values(lang, 'example', 0);
    const { L, l } = X();
    // Suzhou 01-19, 02-02; Huadong 02-10, 03-03; Jiaxing 02-25, 03-11 (report date 2026-03-15).
    expect(col(v, L.first, l.nextDue, 6).map(iso)).toEqual(['', '2026-03-04', '', '2026-04-02', '', '2026-04-10']);
    expect(col(v, L.first, l.flag, 6)).toEqual(['', t('contactLate'), '', '', '', '']);
    for (let r = L.first + 6; r <= L.last; r++) expect([v(`${l.nextDue}${r}`), v(`${l.flag}${r}`)]).toEqual(['', '']);
    // March: 03-03 and 03-11; the only complaint was in February.
    expect([v(X().month), v(X().complaints), v(X().due)]).toEqual([2, 0, 1]);
  });

  test('promises follow the report date; the summary counts them', () => {
    const v = values(lang, 'example', 1);
    const { P, p, sum } = X();
    expect(col(v, P.first, p.follow, 8)).toEqual([
      t('followDone'),
      t('followDoneLate'),
      t('followOverdue'),
      t('followOnPlan'),
      t('followSoon'),
      t('followOnPlan'),
      t('followStalled'),
      t('followCancelled'),
    ]);
    // Done 02-08 against 02-05: 3 days; open past 02-17 on 03-15: 26 days.
    expect(col(v, P.first, p.daysLate, 8)).toEqual(['', 3, 26, '', '', '', '', '']);
    expect([v(sum.all), v(sum.done), v(sum.overdue), v(sum.stalled), v(sum.soon)]).toEqual([7, 2, 1, 1, 1]);
    expect(v(sum.rate)).toBeCloseTo(0.5, 12);
  });

  test('minutes: the meeting’s two promises, both open', () => {
    const v = values(lang, 'example', 0);
    expect(v(X().minutes)).toBe(t('meetingPromisesCount', { n: 2, open: 2 }));
  });

  test('after edits: new report date and contact; promises done, followed up, a shorter stall rule', () => {
    const log = values(lang, 'changed', 0);
    const { L, l, P, p, sum } = X();
    // As of 04-05: Suzhou's new contact (04-01) sets 05-01 and clears 03-04; Huadong (04-02) is now due.
    expect(col(log, L.first, l.nextDue, 7).map(iso)).toEqual([
      '',
      '',
      '',
      '2026-04-02',
      '',
      '2026-04-10',
      '2026-05-01',
    ]);
    expect(col(log, L.first, l.flag, 7)).toEqual(['', '', '', t('contactLate'), '', '', '']);
    expect([log(X().month), log(X().complaints), log(X().due)]).toEqual([1, 1, 1]);
    const v = values(lang, 'changed', 1);
    // Price answer done 03-10, due 02-17: 21 days late. Leasing offer followed up 03-14, due in
    // 10 days (> 7): on plan. Consignment stock, promised 03-03, untouched 12 days > 10: stalled.
    expect(col(v, P.first, p.follow, 8)).toEqual([
      t('followDone'),
      t('followDoneLate'),
      t('followDoneLate'),
      t('followStalled'),
      t('followDone'),
      t('followOnPlan'),
      t('followOnPlan'),
      t('followCancelled'),
    ]);
    expect(col(v, P.first, p.daysLate, 8)).toEqual(['', 3, 21, '', '', '', '', '']);
    expect([v(sum.all), v(sum.done), v(sum.overdue), v(sum.stalled), v(sum.soon)]).toEqual([7, 4, 0, 1, 0]);
    expect(v(sum.rate)).toBeCloseTo(2 / 4, 12);
    expect(log(X().minutes)).toBe(t('meetingPromisesCount', { n: 2, open: 1 }));
  });

  test('blank template: every computed cell is empty, counts are 0', () => {
    const log = values(lang, 'blank', 0);
    const v = values(lang, 'blank', 1);
    const { L, l, P, p, sum } = X();
    for (let r = L.first; r <= L.last; r++) expect([log(`${l.nextDue}${r}`), log(`${l.flag}${r}`)]).toEqual(['', '']);
    for (let r = P.first; r <= P.last; r++) expect([v(`${p.follow}${r}`), v(`${p.daysLate}${r}`)]).toEqual(['', '']);
    expect([log(X().month), log(X().complaints), log(X().due), log(X().minutes)]).toEqual([0, 0, 0, '']);
    expect([v(sum.all), v(sum.done), v(sum.overdue), v(sum.stalled), v(sum.soon), v(sum.rate)]).toEqual([
      0,
      0,
      0,
      0,
      0,
      '',
    ]);
  });

  test('people met and the customer’s attendees are marked personal', () => {
    const [record] = built.get(`${lang}/example`)!;
    const { L } = X();
    expect(record.personalRanges).toContain(`${L.col(t('colPeople'))}${L.first - 1}:${L.col(t('colPeople'))}${L.last}`);
    const theirs = besideLabel(record, t('theirSide'), 'input').replace(/\$/g, '');
    expect(record.personalRanges!.some((r) => r.startsWith(`${theirs}:`))).toBe(true);
  });

  test('within Excel’s limits', () => {
    for (const s of built.get(`${lang}/example`)!) expect(excelLimitViolations(s)).toEqual([]);
  });
});

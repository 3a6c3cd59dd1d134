/**
 * Examples are dated from the day they are made for, so on any report date they show a realistic
 * mix. The examples with dated rows are generated for a month start, a month end, 31 December
 * and 29 February, recalculated in LibreOffice, and the flags LibreOffice computes are counted:
 * - pipeline: at least one open row on time (due date, neither overdue nor stalled), one
 *   overdue, one stalled, one closed (red);
 * - development plan steps: one on time (open, not overdue), one overdue, one done (the plan has
 *   no "stalled" state);
 * - visit plan: care activities done, overdue and still on time; customers visited in the
 *   report month and customers still due a visit; a visit logged in the report month and one in
 *   the month before (the plan has no "stalled" state);
 * - monthly summary: actions done, overdue and still open; wins and losses dated in the report month;
 * - targets: a rep without a flag, one to re-plan, one penalised; rows of the current period and
 *   of the one before;
 * - communication record: promises on plan or due soon, overdue, stalled, done;
 * - contract checklist: terms to check or negotiating, overdue, stalled, confirmed.
 */
import path from 'node:path';
import devCatalog from '../../src/i18n/templates/development-plan';
import pipeCatalog from '../../src/i18n/templates/pipeline';
import visitCatalog from '../../src/i18n/templates/visit-plan';
import monthlyCatalog from '../../src/i18n/templates/monthly-summary';
import targetsCatalog from '../../src/i18n/templates/targets';
import commCatalog from '../../src/i18n/templates/communication-record';
import contractCatalog from '../../src/i18n/templates/contract-checklist';
import { translator } from '../../src/i18n/define';
import { getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { asIsoDate, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
import { tableCells } from '../support/spec-cells';
import { tempDir, writeSheets } from '../support/template-files';

const DATES = ['2026-03-01', '2026-04-30', '2026-12-31', '2028-02-29'];
const KINDS: TemplateKind[] = ['pipeline', 'development-plan', 'visit-plan', 'monthly-summary', 'targets', 'communication-record', 'contract-checklist'];
const LANG = 'zh-CN';
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();

beforeAll(async () => {
  const dir = tempDir('ap-dates-');
  const files: string[] = [];
  const keys: string[] = [];
  for (const date of DATES)
    for (const kind of KINDS) {
      const sheets = getTemplate(kind).build({ lang: LANG, example: true, today: new Date(`${date}T00:00:00Z`) });
      built.set(`${kind}/${date}`, sheets);
      files.push(await writeSheets(sheets, path.join(dir, `${kind}-${date}.xlsx`)));
      keys.push(`${kind}/${date}`);
    }
  const out = await recalc(files);
  for (const [i, key] of keys.entries()) results.set(key, await readWorkbook(out[i]));
}, 600_000);

const get = (kind: TemplateKind, date: string, sheet = 0) => {
  const s = results.get(`${kind}/${date}`)![sheet];
  return (ref: string): Computed => s.values.get(ref) ?? '';
};
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const count = (values: boolean[]) => values.filter(Boolean).length;

describe.each(DATES)('examples made for %s', (date) => {
  test('the report date is the date they were made for', () => {
    for (const kind of KINDS) expect([kind, asIsoDate(get(kind, date)('F3'))]).toEqual([kind, date]);
  });

  test('pipeline: rows on time, overdue, stalled and closed', () => {
    const t = translator(pipeCatalog, LANG);
    const v = get('pipeline', date);
    // Table A12:T72: A customer, D status colour, E decision, G due, L overdue, M stalled.
    const body = rows(13, 72).filter((r) => v(`A${r}`) !== '');
    const closed = body.filter((r) => v(`D${r}`) === t('statusRed'));
    const open = body.filter((r) => v(`D${r}`) !== t('statusRed') && v(`E${r}`) !== t('decisionAbandon'));
    const counts = {
      onTime: count(open.map((r) => v(`G${r}`) !== '' && v(`L${r}`) === '' && v(`M${r}`) === '')),
      overdue: count(body.map((r) => v(`L${r}`) === t('overdueFlag'))),
      stalled: count(body.map((r) => v(`M${r}`) === t('stalledFlag'))),
      closed: closed.length,
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({
      date,
      ...counts,
      all: true,
    });
    // Closed rows are never flagged, whatever the date.
    expect(closed.map((r) => [v(`L${r}`), v(`M${r}`)])).toEqual(closed.map(() => ['', '']));
  });

  test('development plan: steps on time, overdue and done', () => {
    const t = translator(devCatalog, LANG);
    const v = get('development-plan', date);
    // Steps table A45:G55: A action, E status, F overdue.
    const steps = rows(46, 55).filter((r) => v(`A${r}`) !== '');
    const counts = {
      onTime: count(steps.map((r) => v(`E${r}`) !== t('statusDone') && v(`F${r}`) === '')),
      overdue: count(steps.map((r) => v(`F${r}`) === t('overdueFlag'))),
      done: count(steps.map((r) => v(`E${r}`) === t('statusDone'))),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({
      date,
      ...counts,
      all: true,
    });
  });

  test('visit plan: care done, overdue and on time; visits made and still due this month', () => {
    const t = translator(visitCatalog, LANG);
    const v = get('visit-plan', date);
    const log = get('visit-plan', date, 1);
    // Care table A51:I63 (H status); customers A27:I47 (E visited this month, F still due).
    const care = rows(52, 63).map((r) => v(`H${r}`));
    const customers = rows(28, 47).filter((r) => v(`A${r}`) !== '');
    const month = date.slice(0, 7);
    const logged = rows(7, 34)
      .map((r) => log(`J${r}`))
      .filter((m) => m !== '')
      .map((m) => asIsoDate(m).slice(0, 7));
    const counts = {
      careDone: count(care.map((s) => s === t('careDone'))),
      careOverdue: count(care.map((s) => s === t('careOverdue'))),
      careOnTime: count(care.map((s) => s === t('careThisMonth') || s === t('carePlanned'))),
      visited: count(customers.map((r) => (v(`E${r}`) as number) > 0)),
      stillDue: count(customers.map((r) => (v(`F${r}`) as number) > 0)),
      loggedThisMonth: count(logged.map((m) => m === month)),
      loggedEarlier: count(logged.map((m) => m < month)),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({
      date,
      ...counts,
      all: true,
    });
  });

  /** A table's column of computed values, by the table's name and the column's header. */
  const statusColumn = (kind: TemplateKind, sheet: number, table: string, header: string) => {
    const T = tableCells(built.get(`${kind}/${date}`)![sheet], table);
    const v = get(kind, date, sheet);
    return rows(T.first, T.last).map((r) => v(`${T.col(header)}${r}`));
  };

  test('communication record: promises on plan, overdue, stalled and done', () => {
    const t = translator(commCatalog, LANG);
    const follow = statusColumn('communication-record', 1, 'Comm_Promises', t('colFollow'));
    const counts = {
      onTime: count(follow.map((s) => s === t('followOnPlan') || s === t('followSoon'))),
      overdue: count(follow.map((s) => s === t('followOverdue'))),
      stalled: count(follow.map((s) => s === t('followStalled'))),
      closed: count(follow.map((s) => s === t('followDone') || s === t('followDoneLate'))),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({
      date,
      ...counts,
      all: true,
    });
  });

  test('contract checklist: terms open on time, overdue, stalled and confirmed', () => {
    const t = translator(contractCatalog, LANG);
    const status = statusColumn('contract-checklist', 0, 'Contract_Terms', t('colStatus'));
    const counts = {
      onTime: count(status.map((s) => s === t('statusToCheck') || s === t('statusTalking'))),
      overdue: count(status.map((s) => s === t('statusOverdue'))),
      stalled: count(status.map((s) => s === t('statusStalled'))),
      closed: count(status.map((s) => s === t('statusConfirmed'))),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({
      date,
      ...counts,
      all: true,
    });
  });

  test('monthly summary: actions done, overdue and open; cases dated in the report month', () => {
    const t = translator(monthlyCatalog, LANG);
    const v = get('monthly-summary', date);
    const [sheet] = built.get(`monthly-summary/${date}`)!;
    const A = tableCells(sheet, 'MonthlySummary_Actions');
    const C = tableCells(sheet, 'MonthlySummary_Cases');
    const status = rows(A.first, A.last).map((r) => v(`${A.col(t('colStatus'))}${r}`));
    const cases = rows(C.first, C.last)
      .map((r) => v(`${C.col(t('colDate'))}${r}`))
      .filter((d) => d !== '')
      .map((d) => asIsoDate(d).slice(0, 7));
    const counts = {
      done: count(status.map((s) => s === t('statusDone'))),
      overdue: count(status.map((s) => s === t('statusOverdue'))),
      open: count(status.map((s) => s === t('statusOpen'))),
      casesThisMonth: count(cases.map((m) => m === date.slice(0, 7))),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1), casesElsewhere: cases.length - counts.casesThisMonth }).toEqual({
      date,
      ...counts,
      all: true,
      casesElsewhere: 0,
    });
  });

  test('targets: reps with no flag, to re-plan and penalised; the current period and the one before', () => {
    const t = translator(targetsCatalog, LANG);
    const v = get('targets', date);
    const [sheet] = built.get(`targets/${date}`)!;
    const R = tableCells(sheet, 'Targets_Reps');
    const filled = rows(R.first, R.last).filter((r) => v(`${R.col(t('colRep'))}${r}`) !== '');
    const flags = filled.map((r) => v(`${R.col(t('colPenalty'))}${r}`));
    const periods = filled.map((r) => asIsoDate(v(`${R.col(t('colPeriod'))}${r}`)));
    const day = new Date(`${date}T00:00:00Z`);
    const quarter = new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1)).toISOString().slice(0, 10);
    const counts = {
      none: count(flags.map((f) => f === '')),
      replan: count(flags.map((f) => f === t('replanFlag'))),
      penalty: count(flags.map((f) => f === t('penaltyFlag'))),
      current: count(periods.map((p) => p === quarter)),
      earlier: count(periods.map((p) => p < quarter)),
    };
    expect({ date, ...counts, all: Object.values(counts).every((n) => n >= 1) }).toEqual({ date, ...counts, all: true });
  });
});

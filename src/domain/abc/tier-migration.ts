import { translator, type Lang } from '../../i18n/define';
import messages from '../../i18n/tier-migration';
import { Decimal } from '../exact/decimal';
import type { Tier } from './tiers';

/**
 * Tier migration (docs/rules/tier-migration.md): two ABC runs of the same customers compared —
 * per customer the tier before and after, whether it moved up, down, stayed, is new or was lost,
 * the change in value, and the change in monthly visits that the tiers' visit quotas imply.
 *
 * Customers are matched by a normalised name (customerKey), so "ACME Ltd" and " acme  ltd" are
 * the same customer; two names of one run that normalise alike are an error, never merged.
 */

export interface TierEntry {
  customer: string;
  tier: Tier;
  value: Decimal;
  /** Where the entry came from (row of the sheet or file), for messages. */
  row?: number;
}

export type Movement = 'up' | 'down' | 'same' | 'new' | 'lost';
export const MOVEMENTS: readonly Movement[] = ['up', 'down', 'new', 'lost', 'same'];

/** Visits per month by tier (docs/rules/tier-migration.md; the visit plan's defaults). */
export type VisitQuotas = Record<Tier, number>;
export const DEFAULT_VISIT_QUOTAS: VisitQuotas = { A: 4, B: 2, C: 1 };

export interface MigrationRow {
  customer: string;
  before?: Tier;
  after?: Tier;
  movement: Movement;
  valueBefore?: Decimal;
  valueAfter?: Decimal;
  /** After − before; an absent side counts as 0. */
  valueChange: Decimal;
  visitsBefore: number;
  visitsAfter: number;
  visitsChange: number;
}

/** '' stands for "not in that run" (a new customer has no tier before, a lost one none after). */
export type MatrixKey = Tier | '';
export const MATRIX_KEYS: readonly MatrixKey[] = ['A', 'B', 'C', ''];

export interface TierMigration {
  /** Ordered by movement (up, down, new, lost, same), then by the size of the value change, then by name. */
  rows: MigrationRow[];
  /** matrix[before][after] = customers; '' = absent from that run. */
  matrix: Record<MatrixKey, Record<MatrixKey, number>>;
  counts: Record<Movement, number>;
  visits: { before: number; after: number; change: number };
  value: { before: Decimal; after: Decimal; change: Decimal };
  quotas: VisitQuotas;
}

export class TierMigrationError extends Error {
  constructor(
    readonly code: 'duplicate-customer' | 'bad-quota' | 'previous-unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'TierMigrationError';
  }
}

/** The matching key: Unicode-normalised (full-width letters as half-width), trimmed, inner spaces collapsed, case ignored. */
export function customerKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

export function movementOf(before: Tier | undefined, after: Tier | undefined): Movement {
  if (before === undefined) return 'new';
  if (after === undefined) return 'lost';
  return RANK[after] < RANK[before] ? 'up' : RANK[after] > RANK[before] ? 'down' : 'same';
}

function index(entries: readonly TierEntry[], run: 'runPrevious' | 'runCurrent', lang: Lang): Map<string, TierEntry> {
  const t = translator(messages, lang);
  const byKey = new Map<string, TierEntry>();
  for (const e of entries) {
    const key = customerKey(e.customer);
    const seen = byKey.get(key);
    if (seen) {
      const where = (x: TierEntry) => (x.row !== undefined ? t('rowRef', { customer: x.customer, row: x.row }) : `"${x.customer}"`);
      throw new TierMigrationError('duplicate-customer', t('duplicateCustomer', { run: t(run), first: where(seen), second: where(e) }));
    }
    byKey.set(key, e);
  }
  return byKey;
}

/** Quotas are whole visits, 0–31 a month (as the visit plan's input cells allow). */
export function checkQuotas(quotas: VisitQuotas, lang: Lang = 'en-US'): void {
  const t = translator(messages, lang);
  for (const tier of ['A', 'B', 'C'] as const)
    if (!Number.isInteger(quotas[tier]) || quotas[tier] < 0 || quotas[tier] > 31)
      throw new TierMigrationError('bad-quota', t('badQuota', { tier, value: String(quotas[tier]) }));
}

export interface CompareOptions {
  quotas?: VisitQuotas;
  /** Language of the error messages. */
  lang?: Lang;
}

export function compareTiers(previous: readonly TierEntry[], current: readonly TierEntry[], options: CompareOptions = {}): TierMigration {
  const lang = options.lang ?? 'en-US';
  const quotas = options.quotas ?? DEFAULT_VISIT_QUOTAS;
  checkQuotas(quotas, lang);
  const before = index(previous, 'runPrevious', lang);
  const after = index(current, 'runCurrent', lang);
  const emptyRow = (): Record<MatrixKey, number> => ({ A: 0, B: 0, C: 0, '': 0 });
  const matrix = { A: emptyRow(), B: emptyRow(), C: emptyRow(), '': emptyRow() };
  const counts: Record<Movement, number> = { up: 0, down: 0, same: 0, new: 0, lost: 0 };
  const rows: MigrationRow[] = [];
  const visit = (t: Tier | undefined) => (t === undefined ? 0 : quotas[t]);
  const zero = new Decimal(0);
  let valueBefore = zero;
  let valueAfter = zero;

  const add = (b: TierEntry | undefined, a: TierEntry | undefined) => {
    const movement = movementOf(b?.tier, a?.tier);
    const vb = visit(b?.tier);
    const va = visit(a?.tier);
    const row: MigrationRow = {
      customer: (a ?? b)!.customer,
      movement,
      valueChange: (a?.value ?? zero).minus(b?.value ?? zero),
      visitsBefore: vb,
      visitsAfter: va,
      visitsChange: va - vb,
    };
    if (b) {
      row.before = b.tier;
      row.valueBefore = b.value;
      valueBefore = valueBefore.plus(b.value);
    }
    if (a) {
      row.after = a.tier;
      row.valueAfter = a.value;
      valueAfter = valueAfter.plus(a.value);
    }
    matrix[b?.tier ?? ''][a?.tier ?? '']++;
    counts[movement]++;
    rows.push(row);
  };
  for (const [key, a] of after) add(before.get(key), a);
  for (const [key, b] of before) if (!after.has(key)) add(b, undefined);

  const order = new Map(MOVEMENTS.map((m, i) => [m, i]));
  rows.sort(
    (x, y) =>
      order.get(x.movement)! - order.get(y.movement)! ||
      y.valueChange.abs().comparedTo(x.valueChange.abs()) ||
      (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : 0),
  );
  const visitsBefore = rows.reduce((s, r) => s + r.visitsBefore, 0);
  const visitsAfter = rows.reduce((s, r) => s + r.visitsAfter, 0);
  return {
    rows,
    matrix,
    counts,
    visits: { before: visitsBefore, after: visitsAfter, change: visitsAfter - visitsBefore },
    value: { before: valueBefore, after: valueAfter, change: valueAfter.minus(valueBefore) },
    quotas,
  };
}

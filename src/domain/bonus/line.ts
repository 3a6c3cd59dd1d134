import type { Lang } from '../../i18n/lang';
import type { Period } from '../calendar';
import type { Decimal } from '../exact/decimal';
import type { BonusRules, MarketScope } from './rules';
import type { ExactValue } from '../exact/exact-accumulator';

/** What every bonus engine produces: one line per contract, customer, referral or fee. */
export type BonusScheme = 'new-brand' | 'new-customer' | 'referral' | 'fees' | 'bad-debt';
export const BONUS_SCHEMES: readonly BonusScheme[] = ['new-brand', 'new-customer', 'referral', 'fees', 'bad-debt'];

/** A customer's row in the credit register (docs/rules/bonus/bad-debt.md). */
export interface CreditEntry {
  approver: string;
  /** The approved line in CNY; null when the register leaves it blank (no approved credit). */
  line: Decimal | null;
}

/** Customer name in lower case (the sheet's MATCH ignores case) → its first row in the workbook's credit register. */
export type CreditRegister = ReadonlyMap<string, CreditEntry>;

/** What every scheme's engine is given besides its rows. */
export interface SchemeContext {
  rules: BonusRules;
  lang: Lang;
  period?: Period;
  /** The credit register of the workbook the run is written into: the bad-debt split follows it. */
  creditRegister?: CreditRegister;
}

export interface LineBase {
  rep: string;
  /** The contract, customer, referred buyer … the line is about. */
  key: string;
  /** The figure the rule is applied to, in `basisUnit` (a currency code, or 'buyer' for referrals). */
  basis: Decimal;
  basisUnit: string;
  eligible: boolean;
  /** CNY, rounded half-up to 0.01 once, at the end of the line; negative for deductions. */
  bonus: Decimal;
  /** One sentence in the run's language: which band, which gate passed or failed. */
  reason: string;
  /** Source row numbers the line was computed from. */
  rows: number[];
}

export interface NewBrandLine extends LineBase {
  scheme: 'new-brand';
  /** Earliest date among the contract's rows (serial). */
  date: number;
  /** The contract's new-brand amount in `currency` (CNY when its rows mix currencies). */
  amount: Decimal;
  currency: string;
  amountCny: Decimal;
  /** Amount-weighted average margin over the contract's rows. */
  margin: Decimal;
  band: number;
  payMonth: string;
}

export interface OrderRef {
  row: number;
  date: number;
  amount: Decimal;
  currency: string;
  amountCny: Decimal;
  margin: Decimal;
  prepayment: Decimal | null;
  customerType: string;
  selfDeveloped: boolean;
}

/**
 * An order row as the run hands it to an engine's add(): amounts exact in plain numbers where
 * they fit. The run reuses one such object for every row, so an engine copies what it keeps.
 */
export interface OrderInput {
  row: number;
  rep: string;
  date: number;
  /** In `currency`. */
  amount: ExactValue;
  currency: string;
  amountCny: ExactValue;
  /** A fraction. */
  margin: ExactValue;
}

export interface NewBrandInput extends OrderInput {
  contract: string;
}

export interface NewCustomerInput extends OrderInput {
  customer: string;
  prepayment: ExactValue | null;
  customerType: string;
  selfDeveloped: boolean;
}

export interface NewCustomerLine extends LineBase {
  scheme: 'new-customer';
  customer: string;
  /** The customer's first order date over all reps, and this rep's. */
  d0: number;
  repFirst: number;
  /** Exclusive end of the window: EDATE(d0, windowMonths). */
  windowEnd: number;
  developer: boolean;
  ordersInWindow: number;
  /** Sum of the rep's orders inside the window, CNY. */
  sumCny: Decimal;
  /** Amount-weighted margin over those orders; null when they sum to 0. */
  margin: Decimal | null;
  industrial: boolean;
  prepayment: Decimal | null;
  band: number;
  quarter: string;
  payMonth: string;
  /** This rep's orders of this customer, in date order (the first is the first cooperation). */
  orders: OrderRef[];
}

export interface ReferralLine extends LineBase {
  scheme: 'referral';
  buyer: string;
  visitDate: number | null;
  registered: boolean;
  paymentDate: number | null;
  /** Last day the reward may be paid: payment date + payout days. */
  payBy: number | null;
  duplicateOf: number | null;
}

export type FeeKind = 'development' | 'maintenance';

export interface FeeLine extends LineBase {
  scheme: 'fees';
  customer: string;
  fee: FeeKind;
  scope: MarketScope;
  date: number;
  year: number;
  /** For a repeated development agreement: the row of the one that counts. */
  duplicateOf: number | null;
}

export interface BadDebtLine extends LineBase {
  scheme: 'bad-debt';
  customer: string;
  role: 'handler' | 'approver';
  withinCredit: boolean;
  amount: Decimal;
  currency: string;
  amountCny: Decimal;
  /** The share the person bears; null when the rules leave it unset. */
  share: Decimal | null;
  /**
   * With a credit register: which part of the debt the line is about (the part within the
   * approved line, or the part above it), the approved line read (null: the customer is not in
   * the register) and the part in CNY (the line's basis).
   */
  register?: { part: 'inside' | 'over'; line: Decimal | null; partCny: Decimal };
}

export type BonusLine = NewBrandLine | NewCustomerLine | ReferralLine | FeeLine | BadDebtLine;

export interface RejectedRow {
  row: number;
  reason: string;
}

export interface RepTotal {
  rep: string;
  bonus: Decimal;
  lines: number;
  eligible: number;
}

/** Per rep: the sum of the line bonuses, reps in name order. */
export function totalsByRep(lines: readonly LineBase[]): RepTotal[] {
  const totals = new RepTotals();
  for (const l of lines) totals.add(l);
  return totals.byRep();
}

/** totalsByRep one line at a time, for lines that are handed on and not kept. */
export class RepTotals {
  private readonly map = new Map<string, RepTotal>();

  add(l: LineBase): void {
    let t = this.map.get(l.rep);
    if (!t) this.map.set(l.rep, (t = { rep: l.rep, bonus: l.bonus.times(0), lines: 0, eligible: 0 }));
    if (!l.bonus.isZero()) t.bonus = t.bonus.plus(l.bonus); // most lines earn nothing: skip adding their 0
    t.lines++;
    if (l.eligible) t.eligible++;
  }

  byRep(): RepTotal[] {
    return [...this.map.values()].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  }
}

const LAZY = Symbol('fields computed on first read');
const lazyDescriptors = new Map<string, PropertyDescriptor>();

/** One accessor pair per key, shared by every line: the lines keep one hidden class between them. */
function lazyDescriptor(key: string): PropertyDescriptor {
  let d = lazyDescriptors.get(key);
  if (d === undefined) {
    const settle = (target: object, value: unknown) =>
      Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    d = {
      get(this: { [LAZY]: Record<string, () => unknown> }) {
        const value = this[LAZY][key]();
        settle(this, value);
        return value;
      },
      set(this: object, value: unknown) {
        settle(this, value);
      },
      enumerable: true,
      configurable: true,
    };
    lazyDescriptors.set(key, d);
  }
  return d;
}

/**
 * Makes `keys` of `target` computed on first read — by `state[key]()` — and ordinary data
 * properties from then on: for line fields that cost a division or many objects and that most
 * runs never read. They stay own, enumerable properties, so spreading or cloning a line still
 * carries them. One `state` object per line (a class instance: its methods are shared).
 */
export function defineLazy<T extends object, K extends keyof T & string>(target: T, keys: readonly K[], state: { [P in K]: () => T[P] }): void {
  Object.defineProperty(target, LAZY, { value: state });
  for (const key of keys) Object.defineProperty(target, key, lazyDescriptor(key));
}

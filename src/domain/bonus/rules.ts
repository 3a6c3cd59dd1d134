import { Decimal } from '../exact/decimal';
import messages from '../../i18n/bonus';
import { translator, type Lang } from '../../i18n/define';
import { isoOf } from '../calendar';
import { ymdToSerial } from '../parse/parse-date';
import { TIER_METHODS, validateTiers, type TierBand, type TierMethod, type TierTable } from './tiers';

/**
 * Every number of the bonus rules that a company would tune. Defaults are the figures listed in
 * docs/rules/bonus/ (general.md and one page per scheme); a Rules sheet shows them and
 * `--rules FILE.json` replaces any part of them. All money is CNY (the currency bonuses are paid
 * in) unless a field says otherwise.
 */
export type MarketScope = 'local' | 'domestic' | 'international';
export const MARKET_SCOPES: readonly MarketScope[] = ['local', 'domestic', 'international'];

export interface NewBrandRules {
  /** Currency the band bounds are written in (USD by default). */
  tierCurrency: string;
  tiers: TierTable;
  /** Gate: average gross margin ≥ this fraction. */
  minMargin: Decimal;
}

export interface NewCustomerRules {
  /** Window [d0, EDATE(d0, windowMonths)). */
  windowMonths: number;
  minOrders: number;
  /** Gate on the amount-weighted margin over the orders inside the window. */
  minMargin: Decimal;
  /** Gate on the first order's prepayment share, for industrial customers. */
  minPrepayment: Decimal;
  /** customer_type values that mean "industrial" (compared case-insensitively). */
  industrialTypes: string[];
  /** Bounds in CNY, on the sum of the orders inside the window. */
  tiers: TierTable;
  /** Paid this many months after the end of the bonus quarter. */
  payMonthsAfterQuarter: number;
}

export interface PenaltyRules {
  /** No new customer for this many months: flag "territory may be re-planned". */
  flagMonths: number;
  /** No new customer for this many months: deduction at year end. */
  penaltyMonths: number;
  amount: Decimal;
}

export interface ReferralRules {
  reward: Decimal;
  /** Excel serial days, inclusive; null = not set (the date test is then skipped and said so). */
  campaignStart: number | null;
  campaignEnd: number | null;
  payoutDays: number;
  requireRegistration: boolean;
  /** The new buyer's extra discount on the total price, and the cap of the gift's value. */
  buyerDiscount: Decimal;
  buyerGiftCap: Decimal;
}

export interface FeeRules {
  development: Record<MarketScope, Decimal>;
  maintenance: Record<MarketScope, Decimal>;
}

export interface BadDebtRules {
  /** Share the handler bears for a bad debt outside any approved credit line. */
  outsideHandler: Decimal;
  /** Shares inside an approved line; the sources leave them blank, so null until a company sets them. */
  insideHandler: Decimal | null;
  insideApprover: Decimal | null;
}

export interface BonusRules {
  /** CNY per one unit of each currency; CNY itself is always 1. */
  fx: Record<string, Decimal>;
  newBrand: NewBrandRules;
  newCustomer: NewCustomerRules;
  penalty: PenaltyRules;
  referral: ReferralRules;
  fees: FeeRules;
  badDebt: BadDebtRules;
}

const d = (n: number | string) => new Decimal(n);

function band(lower: number | null, lowerInclusive: boolean, upper: number | null, upperInclusive: boolean, value: number): TierBand {
  return { lower: lower === null ? null : d(lower), lowerInclusive, upper: upper === null ? null : d(upper), upperInclusive, value: d(value) };
}

/** The defaults listed in docs/rules/bonus/. */
export function defaultRules(): BonusRules {
  return {
    fx: { CNY: d(1) },
    newBrand: {
      tierCurrency: 'USD',
      minMargin: d('0.1'),
      tiers: {
        method: 'step',
        bands: [
          band(10_000, false, 30_000, true, 300),
          band(30_000, false, 60_000, true, 500),
          band(60_000, false, 100_000, true, 800),
          band(100_000, false, null, false, 1_000),
        ],
      },
    },
    newCustomer: {
      windowMonths: 3,
      minOrders: 3,
      minMargin: d('0.1'),
      minPrepayment: d('0.5'),
      industrialTypes: ['industrial', '工业', '工业客户', '工业企业'],
      payMonthsAfterQuarter: 1,
      tiers: {
        method: 'step',
        bands: [
          band(100_000, true, 200_000, false, 1_000),
          band(200_000, true, 300_000, false, 1_500),
          band(300_000, true, null, false, 2_500),
        ],
      },
    },
    penalty: { flagMonths: 6, penaltyMonths: 12, amount: d(1_000) },
    referral: {
      reward: d(3_000),
      campaignStart: null,
      campaignEnd: null,
      payoutDays: 5,
      requireRegistration: true,
      buyerDiscount: d('0.01'),
      buyerGiftCap: d(1_000),
    },
    fees: {
      development: { local: d(50_000), domestic: d(100_000), international: d(200_000) },
      maintenance: { local: d(30_000), domestic: d(70_000), international: d(150_000) },
    },
    badDebt: { outsideHandler: d(1), insideHandler: null, insideApprover: null },
  };
}

export type RulesResult = { ok: true; rules: BonusRules } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;

/**
 * Reads a rules JSON object over the defaults: any part may be left out, every part given is
 * checked, and each problem names its field ("newBrand.tiers.bands[2].upper: …").
 */
export function loadRules(json: unknown, lang: Lang = 'en-US'): RulesResult {
  const t = translator(messages, lang);
  const errors: string[] = [];
  const fail = (field: string, key: Parameters<typeof t>[0], params: Record<string, string | number> = {}) => {
    errors.push(`${field}: ${t(key, params)}`);
  };
  const rules = defaultRules();
  if (!isObj(json)) return { ok: false, errors: [`(root): ${t('ruleNotObject')}`] };

  const known = (o: Obj, path: string, keys: string[]) => {
    for (const k of Object.keys(o)) if (!keys.includes(k)) fail(join(path, k), 'ruleUnknownField', { fields: keys.join(', ') });
  };
  const section = (o: Obj, key: string, path: string): Obj | undefined => {
    if (!(key in o)) return undefined;
    if (!isObj(o[key])) {
      fail(join(path, key), 'ruleNotObject');
      return undefined;
    }
    return o[key] as Obj;
  };
  const num = (v: unknown, field: string, min?: number, max?: number): Decimal | undefined => {
    const x = toDecimal(v);
    if (!x) return void fail(field, 'ruleNotNumber');
    if (min !== undefined && x.lt(min)) return void fail(field, 'ruleTooSmall', { min });
    if (max !== undefined && x.gt(max)) return void fail(field, 'ruleTooLarge', { max });
    return x;
  };
  const int = (v: unknown, field: string, min: number): number | undefined => {
    const x = num(v, field, min);
    if (x && !x.isInteger()) return void fail(field, 'ruleNotInteger');
    return x?.toNumber();
  };
  const bool = (v: unknown, field: string): boolean | undefined => {
    if (typeof v !== 'boolean') return void fail(field, 'ruleNotBoolean');
    return v;
  };
  const date = (v: unknown, field: string): number | null | undefined => {
    if (v === null) return null;
    const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
    if (!m) return void fail(field, 'ruleNotDate');
    const s = ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    // 2026-02-30 would roll over into March: refuse it rather than guess.
    if (isoOf(s) !== v) return void fail(field, 'ruleNotDate');
    return s;
  };
  const set = <T, K extends keyof T>(target: T, key: K, value: T[K] | undefined) => {
    if (value !== undefined) target[key] = value;
  };
  const currency = (v: unknown, field: string): string | undefined => {
    if (typeof v !== 'string' || !/^[A-Za-z]{3}$/.test(v.trim())) return void fail(field, 'ruleNotCurrency');
    return v.trim().toUpperCase();
  };
  const tiers = (v: unknown, field: string, current: TierTable, rateMax?: number): TierTable | undefined => {
    if (!isObj(v)) return void fail(field, 'ruleNotObject');
    known(v, field, ['method', 'bands']);
    let method: TierMethod = current.method;
    if ('method' in v) {
      if (!TIER_METHODS.includes(v.method as TierMethod)) fail(`${field}.method`, 'ruleBadMethod', { methods: TIER_METHODS.join(', ') });
      else method = v.method as TierMethod;
    }
    let bands = current.bands;
    if ('bands' in v) {
      if (!Array.isArray(v.bands) || v.bands.length === 0) {
        fail(`${field}.bands`, 'ruleNotBandList');
        return undefined;
      }
      const before = errors.length;
      bands = v.bands.map((b: unknown, i: number): TierBand => {
        const f = `${field}.bands[${i}]`;
        if (!isObj(b)) {
          fail(f, 'ruleNotObject');
          return band(null, false, null, false, 0);
        }
        known(b, f, ['lower', 'lowerInclusive', 'upper', 'upperInclusive', 'value']);
        const lower = b.lower === null || b.lower === undefined ? null : (num(b.lower, `${f}.lower`) ?? null);
        const upper = b.upper === null || b.upper === undefined ? null : (num(b.upper, `${f}.upper`) ?? null);
        const value = num(b.value, `${f}.value`, 0) ?? d(0);
        return {
          lower,
          upper,
          // A bound's inclusive flag is required: "10,000–30,000" is exactly the ambiguity to avoid.
          lowerInclusive: lower === null ? false : (bool(b.lowerInclusive, `${f}.lowerInclusive`) ?? false),
          upperInclusive: upper === null ? false : (bool(b.upperInclusive, `${f}.upperInclusive`) ?? false),
          value,
        };
      });
      if (errors.length > before) return undefined;
    }
    const table = { method, bands };
    for (const p of validateTiers(table)) fail(`${field}.bands[${p.band}]`, `tier_${p.kind}`, { band: p.band + 1, prev: p.band });
    if (method !== 'step' && rateMax !== undefined)
      bands.forEach((b, i) => {
        if (b.value.gt(rateMax)) fail(`${field}.bands[${i}].value`, 'ruleRateTooLarge');
      });
    return table;
  };

  known(json, '', ['fx', 'newBrand', 'newCustomer', 'penalty', 'referral', 'fees', 'badDebt']);

  const fx = section(json, 'fx', '');
  if (fx)
    for (const [k, v] of Object.entries(fx)) {
      const cur = currency(k, `fx.${k}`);
      const rate = num(v, `fx.${k}`);
      if (rate && rate.lte(0)) fail(`fx.${k}`, 'ruleNotPositive');
      else if (cur && rate) rules.fx[cur] = rate;
    }
  rules.fx.CNY = d(1);

  const nb = section(json, 'newBrand', '');
  if (nb) {
    known(nb, 'newBrand', ['tierCurrency', 'tiers', 'minMargin']);
    if ('tierCurrency' in nb) set(rules.newBrand, 'tierCurrency', currency(nb.tierCurrency, 'newBrand.tierCurrency'));
    if ('minMargin' in nb) set(rules.newBrand, 'minMargin', num(nb.minMargin, 'newBrand.minMargin', 0, 1));
    if ('tiers' in nb) set(rules.newBrand, 'tiers', tiers(nb.tiers, 'newBrand.tiers', rules.newBrand.tiers, 1));
  }

  const nc = section(json, 'newCustomer', '');
  if (nc) {
    const r = rules.newCustomer;
    known(nc, 'newCustomer', ['windowMonths', 'minOrders', 'minMargin', 'minPrepayment', 'industrialTypes', 'tiers', 'payMonthsAfterQuarter']);
    if ('windowMonths' in nc) set(r, 'windowMonths', int(nc.windowMonths, 'newCustomer.windowMonths', 1));
    if ('minOrders' in nc) set(r, 'minOrders', int(nc.minOrders, 'newCustomer.minOrders', 1));
    if ('minMargin' in nc) set(r, 'minMargin', num(nc.minMargin, 'newCustomer.minMargin', 0, 1));
    if ('minPrepayment' in nc) set(r, 'minPrepayment', num(nc.minPrepayment, 'newCustomer.minPrepayment', 0, 1));
    if ('payMonthsAfterQuarter' in nc) set(r, 'payMonthsAfterQuarter', int(nc.payMonthsAfterQuarter, 'newCustomer.payMonthsAfterQuarter', 0));
    if ('industrialTypes' in nc) {
      const v = nc.industrialTypes;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) fail('newCustomer.industrialTypes', 'ruleNotTextList');
      else r.industrialTypes = v.map((x: string) => x.trim());
    }
    if ('tiers' in nc) set(r, 'tiers', tiers(nc.tiers, 'newCustomer.tiers', r.tiers, 1));
  }

  const pen = section(json, 'penalty', '');
  if (pen) {
    known(pen, 'penalty', ['flagMonths', 'penaltyMonths', 'amount']);
    if ('flagMonths' in pen) set(rules.penalty, 'flagMonths', int(pen.flagMonths, 'penalty.flagMonths', 1));
    if ('penaltyMonths' in pen) set(rules.penalty, 'penaltyMonths', int(pen.penaltyMonths, 'penalty.penaltyMonths', 1));
    if ('amount' in pen) set(rules.penalty, 'amount', num(pen.amount, 'penalty.amount', 0));
  }

  const ref = section(json, 'referral', '');
  if (ref) {
    const r = rules.referral;
    known(ref, 'referral', ['reward', 'campaignStart', 'campaignEnd', 'payoutDays', 'requireRegistration', 'buyerDiscount', 'buyerGiftCap']);
    if ('reward' in ref) set(r, 'reward', num(ref.reward, 'referral.reward', 0));
    if ('campaignStart' in ref) set(r, 'campaignStart', date(ref.campaignStart, 'referral.campaignStart'));
    if ('campaignEnd' in ref) set(r, 'campaignEnd', date(ref.campaignEnd, 'referral.campaignEnd'));
    if ('payoutDays' in ref) set(r, 'payoutDays', int(ref.payoutDays, 'referral.payoutDays', 0));
    if ('requireRegistration' in ref) set(r, 'requireRegistration', bool(ref.requireRegistration, 'referral.requireRegistration'));
    if ('buyerDiscount' in ref) set(r, 'buyerDiscount', num(ref.buyerDiscount, 'referral.buyerDiscount', 0, 1));
    if ('buyerGiftCap' in ref) set(r, 'buyerGiftCap', num(ref.buyerGiftCap, 'referral.buyerGiftCap', 0));
    if (r.campaignStart !== null && r.campaignEnd !== null && r.campaignStart > r.campaignEnd)
      fail('referral.campaignEnd', 'ruleEndBeforeStart');
  }

  const fees = section(json, 'fees', '');
  if (fees) {
    known(fees, 'fees', ['development', 'maintenance']);
    for (const kind of ['development', 'maintenance'] as const) {
      const s = section(fees, kind, 'fees');
      if (!s) continue;
      known(s, `fees.${kind}`, [...MARKET_SCOPES]);
      for (const scope of MARKET_SCOPES)
        if (scope in s) set(rules.fees[kind], scope, num(s[scope], `fees.${kind}.${scope}`, 0));
    }
  }

  const bd = section(json, 'badDebt', '');
  if (bd) {
    const r = rules.badDebt;
    known(bd, 'badDebt', ['outsideHandler', 'insideHandler', 'insideApprover']);
    if ('outsideHandler' in bd) set(r, 'outsideHandler', num(bd.outsideHandler, 'badDebt.outsideHandler', 0, 1));
    for (const k of ['insideHandler', 'insideApprover'] as const)
      if (k in bd) set(r, k, bd[k] === null ? null : num(bd[k], `badDebt.${k}`, 0, 1));
    if (r.insideHandler && r.insideApprover && r.insideHandler.plus(r.insideApprover).gt(1))
      fail('badDebt.insideApprover', 'ruleSharesOver100');
  }

  if (rules.penalty.flagMonths > rules.penalty.penaltyMonths) fail('penalty.flagMonths', 'ruleFlagAfterPenalty');
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** JSON numbers, or strings holding a plain decimal ("7.1"); nothing else. */
function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? new Decimal(v) : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return new Decimal(v.trim());
  return undefined;
}

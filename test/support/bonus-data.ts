/** Seeded random bonus data of every scheme (rows as a file would hold them) and the rules each seed runs under. */
import type { BonusScheme } from '../../src/domain/bonus/line';
import { edate } from '../../src/domain/calendar';
import { defaultRules, type BonusRules } from '../../src/domain/bonus/rules';
import { Decimal } from '../../src/domain/exact/decimal';
import { isoToSerial, serialToIso } from '../../src/domain/parse/parse-date';
import type { Lang } from '../../src/sheets/core/sheet-spec';

/** mulberry32: a small seeded generator, so every run checks the same data sets. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const fx = { USD: new Decimal('7.1'), EUR: new Decimal('7.8') };
export const START = isoToSerial('2026-01-01');
const iso = (s: number) => serialToIso(s);
const money = (r: Rng, lo: number, hi: number) => (r.int(lo * 100, hi * 100) / 100).toFixed(2);
const names = (lang: Lang, latin: string[], zh: string[]) => (lang === 'zh-CN' ? zh : latin);

function newBrandRows(r: Rng, lang: Lang): unknown[][] {
  const reps = names(lang, ['Li', 'Wang', 'Zhao'], ['李明', '王芳', '赵强']);
  const rows: unknown[][] = [];
  for (let i = 0; i < 40; i++) {
    const rep = r.pick(reps);
    const contract = `${lang === 'zh-CN' ? '合同' : 'Deal'}-${i}`;
    const parts = r.chance(0.2) ? 2 : 1;
    for (let p = 0; p < parts; p++) {
      const boundary = r.chance(0.35);
      const currency = boundary ? 'USD' : r.pick(['USD', 'EUR', 'CNY', '']);
      const amount = boundary
        ? r.pick(['10000', '10000.01', '30000', '30000.50', '60000', '60000.01', '100000', '100000.50'])
        : money(r, 0, currency === 'CNY' || currency === '' ? 900_000 : 130_000);
      const margin = r.chance(0.2) ? '10%' : `${(r.int(0, 2500) / 100).toFixed(2)}%`;
      rows.push([rep, contract, iso(START + r.int(0, 360)), amount, currency, margin]);
    }
  }
  return rows;
}

function newCustomerRows(r: Rng, lang: Lang): unknown[][] {
  const reps = names(lang, ['Li', 'Wang', 'Zhao', 'Sun'], ['李明', '王芳', '赵强', '孙丽']);
  const rows: unknown[][] = [];
  for (let c = 0; c < 25; c++) {
    const customer = `${lang === 'zh-CN' ? '客户' : 'Firm'} ${c}`;
    const d0 = START + r.int(0, 300);
    const type = r.pick(lang === 'zh-CN' ? ['工业', '贸易', '贸易', '工业客户'] : ['industrial', 'trade', 'trade', 'retail']);
    const repsHere = r.chance(0.25) ? 2 : 1;
    for (let k = 0; k < repsHere; k++) {
      const rep = r.pick(reps);
      const self = r.chance(0.85) ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no';
      const orders = r.int(1, 5);
      const windowEnd = edate(d0, 3);
      for (let o = 0; o < orders; o++) {
        // Some orders exactly on EDATE(d0, 3) (one day outside) or on its eve (inside).
        const date = o === 0 && k === 0 ? d0 : r.chance(0.2) ? r.pick([windowEnd, windowEnd - 1]) : d0 + r.int(k === 0 ? 0 : 1, 110);
        const currency = r.pick(['CNY', 'CNY', 'USD']);
        const amount = currency === 'USD' ? money(r, 2_000, 25_000) : money(r, 20_000, 160_000);
        rows.push([
          rep,
          customer,
          iso(date),
          amount,
          currency,
          `${(r.int(500, 2000) / 100).toFixed(2)}%`,
          r.chance(0.7) ? `${r.int(30, 80)}%` : '',
          type,
          self,
        ]);
      }
    }
  }
  return rows;
}

function referralRows(r: Rng, lang: Lang): unknown[][] {
  const referrers = names(lang, ['Old Zhang', 'Old Chen', 'Old Liu'], ['老张', '老陈', '老刘']);
  const rows: unknown[][] = [];
  for (let i = 0; i < 30; i++) {
    const buyer = `${lang === 'zh-CN' ? '新客户' : 'Buyer'} ${r.int(0, 24)}`;
    const visit = isoToSerial('2026-07-13') + r.int(-10, 100);
    rows.push([
      r.pick(referrers),
      buyer,
      r.chance(0.05) ? '' : iso(visit),
      r.chance(0.8) ? (lang === 'zh-CN' ? '是' : 'yes') : lang === 'zh-CN' ? '否' : 'no',
      r.chance(0.75) ? iso(visit + r.int(0, 30)) : '',
    ]);
  }
  return rows;
}

function feeRows(r: Rng, lang: Lang): unknown[][] {
  const reps = names(lang, ['Li', 'Wang'], ['李明', '王芳']);
  const scopes = lang === 'zh-CN' ? ['本地', '国内', '国际'] : ['local', 'domestic', 'international'];
  const rows: unknown[][] = [];
  for (let i = 0; i < 35; i++)
    rows.push([
      r.pick(reps),
      `${lang === 'zh-CN' ? '客户' : 'Firm'} ${r.int(0, 9)}`,
      iso(START + r.int(0, 700)),
      r.pick(scopes),
      r.chance(0.3) ? (lang === 'zh-CN' ? '合作协议' : 'agreement') : r.pick(['contract', '', lang === 'zh-CN' ? '购销合同' : 'contract']),
    ]);
  return rows;
}

function badDebtRows(r: Rng, lang: Lang): unknown[][] {
  const people = names(lang, ['Li', 'Wang', 'Zhao'], ['李明', '王芳', '赵强']);
  const rows: unknown[][] = [];
  for (let i = 0; i < 20; i++)
    rows.push([r.pick(people), r.pick(people), `${lang === 'zh-CN' ? '客户' : 'Firm'} ${i}`, money(r, 100, 90_000), r.pick(['CNY', 'USD', 'EUR']), r.pick(['yes', 'no', '是', '否'])]);
  return rows;
}

export const HEADERS: Record<BonusScheme, string[]> = {
  'new-brand': ['rep', 'contract', 'date', 'amount', 'currency', 'margin'],
  'new-customer': ['业务员', '客户', '日期', '金额', '币种', '毛利率', '预付款比例', '客户类型', '自主开发'],
  referral: ['referrer', 'buyer', 'visit_date', 'registered', 'payment_date'],
  fees: ['rep', 'customer', 'date', 'scope', 'contract_type'],
  'bad-debt': ['handler', 'approver', 'customer', 'amount', 'currency', 'within_credit'],
};
export const GENERATORS: Record<BonusScheme, (r: Rng, lang: Lang) => unknown[][]> = {
  'new-brand': newBrandRows,
  'new-customer': newCustomerRows,
  referral: referralRows,
  fees: feeRows,
  'bad-debt': badDebtRows,
};

export function rulesFor(scheme: BonusScheme, seed: number): BonusRules {
  const rules = defaultRules();
  if (scheme === 'referral' && seed % 2 === 0) {
    rules.referral.campaignStart = isoToSerial('2026-07-13');
    rules.referral.campaignEnd = isoToSerial('2026-10-13');
  }
  if (scheme === 'bad-debt' && seed % 2 === 0) {
    rules.badDebt.insideHandler = new Decimal('0.3');
    rules.badDebt.insideApprover = new Decimal('0.25');
  }
  return rules;
}

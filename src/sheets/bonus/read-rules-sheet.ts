import { loadRules, MARKET_SCOPES, defaultRules, type BonusRules } from '../../domain/bonus/rules';
import { TIER_METHODS } from '../../domain/bonus/tiers';
import { parseDate, serialToIso } from '../../domain/parse/parse-date';
import { normalizeTypedText } from '../../domain/parse/normalize-text';
import bonusMessages from '../../i18n/bonus';
import sheetMessages from '../../i18n/bonus-sheets';
import common from '../../i18n/common';
import { LANGS } from '../core/sheet-spec';
import type { TableData } from '../core/table-data';

/**
 * Reads the rules back from a Rules sheet (src/sheets/bonus-rules-sheet.ts) as the user edited
 * it. Cells are found by their labels in column A (either language), not by address, so rows
 * the user added (spare band rows, extra currencies, industrial types) are read too. The
 * result goes through the domain's loadRules, which checks every value and every band table
 * (gaps, overlaps) and names the field of each problem.
 */
export interface ReadRules {
  rules: BonusRules;
  problems: string[];
}

/** The sheet has none of the Rules sheet's sections. */
export class NotRulesSheetError extends Error {
  constructor() {
    super('the sheet has none of the sections of a bonus Rules sheet');
    this.name = 'NotRulesSheetError';
  }
}

type Grid = unknown[][];
type SectionKey = 'fx' | 'newBrand' | 'newCustomer' | 'penalty' | 'referral' | 'fees' | 'badDebt';
const SECTION_KEYS: Record<SectionKey, keyof (typeof sheetMessages)['en-US']> = {
  fx: 'secFx',
  newBrand: 'secNewBrand',
  newCustomer: 'secNewCustomer',
  penalty: 'secPenalty',
  referral: 'secReferral',
  fees: 'secFees',
  badDebt: 'secBadDebt',
};

const norm = (v: unknown) =>
  normalizeTypedText(v instanceof Date ? v.toISOString() : String(v ?? ''))
    .trim()
    .toLowerCase();
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Label text in any language → message key. */
function labelIndex(): Map<string, string> {
  const m = new Map<string, string>();
  for (const lang of LANGS)
    for (const [k, v] of Object.entries(sheetMessages[lang])) if (!m.has(norm(v))) m.set(norm(v), k);
  return m;
}

export function readRulesSheet(
  table: Pick<TableData, 'headers' | 'rows' | 'firstRowNumber'>,
  lang: 'en-US' | 'zh-CN' = 'en-US',
): ReadRules {
  // Back to a sheet-shaped grid: headers is the sheet's first row.
  const grid: Grid = [
    table.headers,
    ...Array.from({ length: Math.max(0, table.firstRowNumber - 2) }, () => []),
    ...table.rows,
  ];
  const labels = labelIndex();
  const keyOf = (row: unknown[] | undefined) => (row && !blank(row[0]) ? labels.get(norm(row[0])) : undefined);
  const yes = new Set(LANGS.map((l) => norm(common[l].yes)));
  const no = new Set(LANGS.map((l) => norm(common[l].no)));
  const methods = new Map<string, string>();
  for (const l of LANGS) for (const m of TIER_METHODS) methods.set(norm(sheetMessages[l][`method_${m}`]), m);
  const scopes = new Map<string, string>();
  for (const l of LANGS) for (const s of MARKET_SCOPES) scopes.set(norm(bonusMessages[l][`scope_${s}`]), s);
  const problems: string[] = [];

  // Split into sections by their title rows.
  const sections = new Map<SectionKey, Grid>();
  let current: SectionKey | undefined;
  for (const row of grid) {
    const k = keyOf(row);
    const sec = (Object.keys(SECTION_KEYS) as SectionKey[]).find((s) => SECTION_KEYS[s] === k);
    if (sec) {
      current = sec;
      sections.set(sec, []);
      continue;
    }
    if (current) sections.get(current)!.push(row ?? []);
  }
  const missing = (Object.keys(SECTION_KEYS) as SectionKey[]).filter((s) => !sections.has(s));
  if (missing.length === Object.keys(SECTION_KEYS).length) throw new NotRulesSheetError();

  const setting = (sec: SectionKey, key: string): unknown => sections.get(sec)?.find((r) => keyOf(r) === key)?.[1];
  const num = (v: unknown): unknown =>
    typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  const bool = (v: unknown): unknown =>
    typeof v === 'boolean' ? v : yes.has(norm(v)) ? true : no.has(norm(v)) ? false : v;
  const date = (v: unknown): unknown => {
    if (blank(v)) return null;
    const p = parseDate(v);
    return p.ok ? serialToIso(p.value) : v;
  };
  const tiers = (sec: SectionKey) => {
    const rows = sections.get(sec) ?? [];
    const method = methods.get(norm(setting(sec, 'method'))) ?? norm(setting(sec, 'method'));
    const start = rows.findIndex((r) => keyOf(r) === 'colBand');
    const bands: Record<string, unknown>[] = [];
    for (let i = start + 1; start >= 0 && i < rows.length; i++) {
      const r = rows[i] ?? [];
      if (typeof r[0] !== 'number' && !/^\d+$/.test(String(r[0] ?? '').trim())) break;
      if ([1, 2, 3, 4, 5].every((c) => blank(r[c]))) continue;
      const lower = blank(r[1]) ? null : num(r[1]);
      const upper = blank(r[3]) ? null : num(r[3]);
      bands.push({
        lower,
        ...(lower === null ? {} : { lowerInclusive: bool(r[2]) }),
        upper,
        ...(upper === null ? {} : { upperInclusive: bool(r[4]) }),
        value: num(r[5]),
      });
    }
    return { method, bands };
  };

  const json: Record<string, unknown> = {};
  const fxRows = sections.get('fx');
  if (fxRows) {
    const fx: Record<string, unknown> = {};
    for (const r of fxRows) {
      if (blank(r[0]) || keyOf(r) === 'colCurrency') continue;
      const code = String(r[0]).trim();
      // A code without a rate is a placeholder (the band currency before anyone sets its rate).
      if (code.toUpperCase() === 'CNY' || blank(r[1])) continue;
      fx[code] = num(r[1]);
    }
    json.fx = fx;
  }
  if (sections.has('newBrand'))
    json.newBrand = {
      tierCurrency: String(setting('newBrand', 'tierCurrency') ?? ''),
      minMargin: num(setting('newBrand', 'minMargin')),
      tiers: tiers('newBrand'),
    };
  if (sections.has('newCustomer')) {
    const rows = sections.get('newCustomer')!;
    const at = rows.findIndex((r) => keyOf(r) === 'industrialTypes');
    const types: string[] = [];
    for (let i = at; at >= 0 && i < rows.length; i++) {
      const r = rows[i] ?? [];
      if (i > at && !blank(r[0])) break;
      if (!blank(r[1])) types.push(String(r[1]).trim());
    }
    json.newCustomer = {
      windowMonths: num(setting('newCustomer', 'windowMonths')),
      minOrders: num(setting('newCustomer', 'minOrders')),
      minMargin: num(setting('newCustomer', 'minWeightedMargin')),
      minPrepayment: num(setting('newCustomer', 'minPrepayment')),
      payMonthsAfterQuarter: num(setting('newCustomer', 'payMonths')),
      industrialTypes: types,
      tiers: tiers('newCustomer'),
    };
  }
  if (sections.has('penalty'))
    json.penalty = {
      flagMonths: num(setting('penalty', 'flagMonths')),
      penaltyMonths: num(setting('penalty', 'penaltyMonths')),
      amount: num(setting('penalty', 'penaltyAmount')),
    };
  if (sections.has('referral'))
    json.referral = {
      reward: num(setting('referral', 'reward')),
      campaignStart: date(setting('referral', 'campaignStart')),
      campaignEnd: date(setting('referral', 'campaignEnd')),
      payoutDays: num(setting('referral', 'payoutDays')),
      requireRegistration: bool(setting('referral', 'requireRegistration')),
      buyerDiscount: num(setting('referral', 'buyerDiscount')),
      buyerGiftCap: num(setting('referral', 'giftCap')),
    };
  if (sections.has('fees')) {
    const development: Record<string, unknown> = {};
    const maintenance: Record<string, unknown> = {};
    for (const r of sections.get('fees')!) {
      const scope = scopes.get(norm(r[0]));
      if (!scope) continue;
      development[scope] = num(r[1]);
      maintenance[scope] = num(r[2]);
    }
    json.fees = { development, maintenance };
  }
  if (sections.has('badDebt')) {
    const share = (k: string) => {
      const v = setting('badDebt', k);
      return blank(v) ? null : num(v);
    };
    json.badDebt = {
      outsideHandler: share('outsideHandler'),
      insideHandler: share('insideHandler'),
      insideApprover: share('insideApprover'),
    };
  }

  const loaded = loadRules(json, lang);
  if (loaded.ok) return { rules: loaded.rules, problems };
  return { rules: defaultRules(), problems: [...problems, ...loaded.errors] };
}

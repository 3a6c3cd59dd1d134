import type { BonusRules } from '../../domain/bonus/rules';
import { MARKET_SCOPES, type MarketScope } from '../../domain/bonus/rules';
import { TIER_METHODS, type TierMethod, type TierTable } from '../../domain/bonus/tiers';
import type { Decimal } from '../../domain/exact/decimal';
import { serialToDate } from '../../domain/parse/parse-date';
import messages from '../../i18n/bonus';
import sheetMessages from '../../i18n/bonus-sheets';
import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { cellRef, quoteSheet, rangeRef } from '../core/a1';
import { str, type TierRefs } from './tier-formula';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';

/**
 * The Rules sheet a sales manager edits: every number of docs/rules/bonus/ in a labelled yellow cell,
 * tier tables with explicit lower/upper bounds and "included" flags, and a Check column whose
 * formula names a gap, an overlap or an empty band next to the offending row. The bonus sheets'
 * formulas read these cells, so an edit here recomputes every bonus.
 */
export interface BonusRulesSheetOptions {
  lang: Lang;
  /** Spare blank band rows under each tier table, for a manager to add bands. */
  spareBands?: number;
}

export interface RulesRefs {
  sheetName: string;
  yes: string;
  no: string;
  methodNames: Record<TierMethod, string>;
  /** Two columns: currency code, CNY per unit. */
  fx: string;
  newBrand: { tiers: TierRefs; tierCurrency: string; tierRate: string; minMargin: string };
  newCustomer: {
    tiers: TierRefs;
    windowMonths: string;
    minOrders: string;
    minMargin: string;
    minPrepayment: string;
    payMonths: string;
    industrialTypes: string;
  };
  penalty: { flagMonths: string; penaltyMonths: string; amount: string };
  referral: { reward: string; start: string; end: string; payoutDays: string; requireRegistration: string };
  /** Three columns: localized scope name, development fee, maintenance fee. */
  fees: { scopes: string; development: string; maintenance: string; names: Record<MarketScope, string> };
  badDebt: { outsideHandler: string; insideHandler: string; insideApprover: string };
}

export interface BonusRulesSheet {
  sheet: SheetSpec;
  refs: RulesRefs;
}

const num = (d: Decimal) => d.toNumber();

export function buildBonusRulesSheet(rules: BonusRules, options: BonusRulesSheetOptions): BonusRulesSheet {
  const { lang } = options;
  const spare = options.spareBands ?? 3;
  const t = translator(sheetMessages, lang);
  const tb = translator(messages, lang);
  const c = translator(common, lang);
  const yes = c('yes');
  const no = c('no');
  const name = t('rulesSheet');
  const b = new SheetBuilder(name);
  const abs = (row: number, col: number) => `${quoteSheet(name)}!${cellRef(row, col, true)}`;
  const absRange = (r1: number, c1: number, r2: number, c2: number) => `${quoteSheet(name)}!${rangeRef(r1, c1, r2, c2, true)}`;
  const methodNames = Object.fromEntries(TIER_METHODS.map((m) => [m, t(`method_${m}`)])) as Record<TierMethod, string>;
  const input = STYLE.input;
  const yesNoValidation = (ref: string) =>
    b.validation({
      ref,
      rule: { type: 'list', values: [yes, no] },
      error: { title: c('listErrorTitle'), message: c('listErrorMessage') },
    });

  b.set('A1', t('rulesSheet'), STYLE.title).merge('A1:G1');
  b.set('A2', t('rulesPurpose'), STYLE.subtitle).merge('A2:G2');
  b.set('A3', t('legend'), STYLE.note).merge('A3:G3');
  let row = 5;

  const section = (title: string) => {
    row++;
    b.set(cellRef(row, 1), title, STYLE.section).merge(rangeRef(row, 1, row, 7));
    row++;
  };
  /** A labelled input cell in column B; returns its absolute reference. */
  const setting = (label: string, value: CellContent, numFmt?: string, note?: string, computed = false): string => {
    b.set(cellRef(row, 1), label, style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } }));
    b.set(cellRef(row, 2), value, style(computed ? STYLE.computed : input, numFmt ? { numFmt } : undefined));
    if (note) b.set(cellRef(row, 3), note, STYLE.note).merge(rangeRef(row, 3, row, 7));
    return abs(row++, 2);
  };

  // Currency rates.
  section(t('secFx'));
  b.row(row, 1, [t('colCurrency'), t('colCnyPerUnit')], STYLE.header);
  row++;
  const fxFirst = row;
  // The band currency is always listed, with a blank rate to fill in when none is known yet.
  const codes = ['CNY', ...new Set([...Object.keys(rules.fx), rules.newBrand.tierCurrency].filter((k) => k !== 'CNY'))].sort((a, b) =>
    a === 'CNY' ? -1 : b === 'CNY' ? 1 : a < b ? -1 : 1,
  );
  for (const code of codes) {
    const rate = rules.fx[code];
    b.at(row, 1, code, code === 'CNY' ? STYLE.computed : input).at(row, 2, rate ? num(rate) : null, style(code === 'CNY' ? STYLE.computed : input, { numFmt: '0.0000' }));
    row++;
  }
  for (let i = 0; i < 4; i++, row++) b.at(row, 1, null, input).at(row, 2, null, style(input, { numFmt: '0.0000' }));
  const fx = absRange(fxFirst, 1, row - 1, 2);
  b.validation({ ref: rangeRef(fxFirst + 1, 2, row - 1, 2), rule: { type: 'decimal', min: 0.000001, max: 1_000_000 }, allowBlank: true });

  const methodCell = (method: TierMethod): string => {
    const ref = setting(t('method'), methodNames[method], undefined, t('methodNote'));
    b.validation({ ref: ref.split('!')[1].replace(/\$/g, ''), rule: { type: 'list', values: TIER_METHODS.map((m) => methodNames[m]) } });
    return ref;
  };

  /** The band table; returns refs over the band rows, spare rows included. */
  const tierTable = (table: TierTable, method: string): TierRefs => {
    b.row(row, 1, [t('colBand'), t('colLower'), t('colLowerIncl'), t('colUpper'), t('colUpperIncl'), t('colValue'), t('colCheck')], STYLE.header);
    row++;
    const first = row;
    const count = table.bands.length + spare;
    const valueFmt = table.method === 'step' ? NUMFMT.integer : '0.00%';
    for (let i = 0; i < count; i++, row++) {
      const band = table.bands[i];
      b.at(row, 1, i + 1, STYLE.computed);
      b.at(row, 2, band && band.lower !== null ? num(band.lower) : null, style(input, { numFmt: NUMFMT.integer }));
      b.at(row, 3, band ? (band.lower === null ? null : band.lowerInclusive ? yes : no) : null, input);
      b.at(row, 4, band && band.upper !== null ? num(band.upper) : null, style(input, { numFmt: NUMFMT.integer }));
      b.at(row, 5, band ? (band.upper === null ? null : band.upperInclusive ? yes : no) : null, input);
      b.at(row, 6, band ? num(band.value) : null, style(input, { numFmt: valueFmt }));
      b.at(row, 7, { formula: checkFormula(row, i === 0) }, STYLE.computed);
    }
    const last = row - 1;
    yesNoValidation(rangeRef(first, 3, last, 3));
    yesNoValidation(rangeRef(first, 5, last, 5));
    b.conditional({
      ref: rangeRef(first, 7, last, 7),
      rules: [{ type: 'expression', formula: `AND(G${first}<>"",G${first}<>${str(t('checkOk'))})`, style: { fill: COLORS.red, font: { color: COLORS.redText, bold: true } } }],
    });
    b.set(cellRef(row, 1), t('boundsNote'), STYLE.note).merge(rangeRef(row, 1, row, 7));
    row++;
    return {
      method,
      lower: absRange(first, 2, last, 2),
      lowerIncl: absRange(first, 3, last, 3),
      upper: absRange(first, 4, last, 4),
      upperIncl: absRange(first, 5, last, 5),
      value: absRange(first, 6, last, 6),
      number: absRange(first, 1, last, 1),
      firstRow: first,
    };
  };

  const checkFormula = (r: number, first: boolean): string => {
    const Y = str(yes);
    const cell = (col: string, rr = r) => `${col}${rr}`;
    const p = r - 1;
    const blank = `AND(${cell('B')}="",${cell('C')}="",${cell('D')}="",${cell('E')}="",${cell('F')}="")`;
    const empty = `AND(${cell('B')}<>"",${cell('D')}<>"",OR(${cell('B')}>${cell('D')},AND(${cell('B')}=${cell('D')},NOT(AND(${cell('C')}=${Y},${cell('E')}=${Y})))))`;
    const ok = str(t('checkOk'));
    const tail = first
      ? ok
      : `IF(${cell('F', p)}="",${str(t('checkBlankAbove'))},IF(OR(${cell('D', p)}="",${cell('B')}=""),${str(t('checkUnbounded'))},` +
        `IF(OR(${cell('D', p)}<${cell('B')},AND(${cell('D', p)}=${cell('B')},${cell('E', p)}<>${Y},${cell('C')}<>${Y})),${str(t('checkGap'))},` +
        `IF(OR(${cell('D', p)}>${cell('B')},AND(${cell('D', p)}=${cell('B')},${cell('E', p)}=${Y},${cell('C')}=${Y})),${str(t('checkOverlap'))},${ok}))))`;
    return `IF(${blank},"",IF(${cell('F')}="",${str(t('checkNoValue'))},IF(${empty},${str(t('checkEmpty'))},${tail})))`;
  };

  // (a) New-brand contract bonus.
  section(t('secNewBrand'));
  const nb = rules.newBrand;
  const nbMethod = methodCell(nb.tiers.method);
  const tierCurrency = setting(t('tierCurrency'), nb.tierCurrency);
  const tierRate = setting(t('tierRate'), { formula: `VLOOKUP(${tierCurrency},${fx},2,FALSE)` }, '0.0000', undefined, true);
  const nbMinMargin = setting(t('minMargin'), num(nb.minMargin), NUMFMT.percent);
  const nbTiers = tierTable(nb.tiers, nbMethod);

  // (b) New-customer bonus.
  section(t('secNewCustomer'));
  const nc = rules.newCustomer;
  const ncMethod = methodCell(nc.tiers.method);
  const windowMonths = setting(t('windowMonths'), nc.windowMonths, NUMFMT.integer);
  const minOrders = setting(t('minOrders'), nc.minOrders, NUMFMT.integer);
  const ncMinMargin = setting(t('minWeightedMargin'), num(nc.minMargin), NUMFMT.percent);
  const minPrepayment = setting(t('minPrepayment'), num(nc.minPrepayment), NUMFMT.percent);
  const payMonths = setting(t('payMonths'), nc.payMonthsAfterQuarter, NUMFMT.integer);
  b.set(cellRef(row, 1), t('industrialTypes'), style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } }));
  const typesFirst = row;
  for (let i = 0; i < nc.industrialTypes.length + 2; i++, row++) b.at(row, 2, nc.industrialTypes[i] ?? null, input);
  const industrialTypes = absRange(typesFirst, 2, row - 1, 2);
  const ncTiers = tierTable(nc.tiers, ncMethod);

  // (c) Penalty.
  section(t('secPenalty'));
  const flagMonths = setting(t('flagMonths'), rules.penalty.flagMonths, NUMFMT.integer);
  const penaltyMonths = setting(t('penaltyMonths'), rules.penalty.penaltyMonths, NUMFMT.integer);
  const penaltyAmount = setting(t('penaltyAmount'), num(rules.penalty.amount), NUMFMT.cny);

  // (d) Referral.
  section(t('secReferral'));
  const rf = rules.referral;
  const reward = setting(t('reward'), num(rf.reward), NUMFMT.cny);
  const start = setting(t('campaignStart'), rf.campaignStart === null ? null : serialToDate(rf.campaignStart), NUMFMT.date, t('campaignNote'));
  const end = setting(t('campaignEnd'), rf.campaignEnd === null ? null : serialToDate(rf.campaignEnd), NUMFMT.date, t('campaignNote'));
  const payoutDays = setting(t('payoutDays'), rf.payoutDays, NUMFMT.integer);
  const requireRegistration = setting(t('requireRegistration'), rf.requireRegistration ? yes : no);
  yesNoValidation(requireRegistration.split('!')[1].replace(/\$/g, ''));
  setting(t('buyerDiscount'), num(rf.buyerDiscount), NUMFMT.percent);
  setting(t('giftCap'), num(rf.buyerGiftCap), NUMFMT.cny);

  // (e) Fees.
  section(t('secFees'));
  b.row(row, 1, [t('colScope'), t('colDevelopmentFee'), t('colMaintenanceFee')], STYLE.header);
  row++;
  const feeFirst = row;
  for (const scope of MARKET_SCOPES) {
    b.at(row, 1, tb(`scope_${scope}`), STYLE.computed);
    b.at(row, 2, num(rules.fees.development[scope]), style(input, { numFmt: NUMFMT.cny }));
    b.at(row, 3, num(rules.fees.maintenance[scope]), style(input, { numFmt: NUMFMT.cny }));
    row++;
  }
  const feeLast = row - 1;

  // (f) Bad debt.
  section(t('secBadDebt'));
  const bd = rules.badDebt;
  const outsideHandler = setting(t('outsideHandler'), num(bd.outsideHandler), NUMFMT.percent0);
  const insideHandler = setting(t('insideHandler'), bd.insideHandler ? num(bd.insideHandler) : null, NUMFMT.percent0, bd.insideHandler ? undefined : t('notSetNote'));
  const insideApprover = setting(t('insideApprover'), bd.insideApprover ? num(bd.insideApprover) : null, NUMFMT.percent0, bd.insideApprover ? undefined : t('notSetNote'));

  b.widths([34, 14, 12, 14, 12, 18, 30]);
  b.configure({
    lang,
    stamp: { kind: 'bonus-rules', version: 1 },
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true },
    protection: { enabled: true },
    tabColor: COLORS.title,
  });

  return {
    sheet: b.build(),
    refs: {
      sheetName: name,
      yes,
      no,
      methodNames,
      fx,
      newBrand: { tiers: nbTiers, tierCurrency, tierRate, minMargin: nbMinMargin },
      newCustomer: { tiers: ncTiers, windowMonths, minOrders, minMargin: ncMinMargin, minPrepayment, payMonths, industrialTypes },
      penalty: { flagMonths, penaltyMonths, amount: penaltyAmount },
      referral: { reward, start, end, payoutDays, requireRegistration },
      fees: {
        scopes: absRange(feeFirst, 1, feeLast, 1),
        development: absRange(feeFirst, 2, feeLast, 2),
        maintenance: absRange(feeFirst, 3, feeLast, 3),
        names: Object.fromEntries(MARKET_SCOPES.map((s) => [s, tb(`scope_${s}`)])) as Record<MarketScope, string>,
      },
      badDebt: { outsideHandler, insideHandler, insideApprover },
    },
  };
}

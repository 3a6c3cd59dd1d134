import messages from '../../../i18n/bonus';
import { translator } from '../../../i18n/define';
import { inPeriod, isoOf } from '../../calendar';
import { fmtMoney } from '../format';
import type { FeeKind, FeeLine, SchemeContext } from '../line';
import type { MarketScope } from '../rules';
import { Decimal } from '../../exact/decimal';
import { serialToYmd } from '../../parse/parse-date';

/**
 * Customer development and maintenance fees (docs/rules/bonus/fees.md), from a list of signed
 * documents: a cooperation agreement makes the one-time development fee due (once per
 * customer: a second agreement gets a line saying it is not due again); the first purchase
 * contract of each calendar year makes that year's maintenance fee due. Amounts by market
 * scope come from the rules. The settlement period selects by signing date.
 */
export type ContractType = 'agreement' | 'contract';

export interface FeeRecord {
  row: number;
  rep: string;
  customer: string;
  date: number;
  scope: MarketScope;
  contractType: ContractType;
}

export function feeLines(records: Iterable<FeeRecord>, ctx: SchemeContext): FeeLine[] {
  const t = translator(messages, ctx.lang);
  const fees = ctx.rules.fees;
  const sorted = [...records].sort((a, b) => a.date - b.date || a.row - b.row);
  const developed = new Map<string, FeeRecord>();
  const maintained = new Set<string>();
  const lines: FeeLine[] = [];
  for (const rec of sorted) {
    const [year] = serialToYmd(rec.date);
    let fee: FeeKind;
    let duplicateOf: number | null = null;
    if (rec.contractType === 'agreement') {
      fee = 'development';
      const earlier = developed.get(rec.customer);
      if (earlier) duplicateOf = earlier.row;
      else developed.set(rec.customer, rec);
    } else {
      const k = `${rec.customer}\u0000${year}`;
      if (maintained.has(k)) continue;
      maintained.add(k);
      fee = 'maintenance';
    }
    if (!inPeriod(rec.date, ctx.period)) continue;
    const eligible = duplicateOf === null;
    const amount = fees[fee][rec.scope];
    const bonus = eligible ? amount : new Decimal(0);
    const params = { scope: t(`scope_${rec.scope}`), date: isoOf(rec.date), year, fee: fmtMoney(amount), row: duplicateOf ?? 0 };
    const reason =
      fee === 'maintenance'
        ? t('feeMaintenance', params)
        : eligible
          ? t('feeDevelopment', params)
          : t('noBonus', { why: t('feeDevRepeat', { ...params, date: isoOf(developed.get(rec.customer)!.date) }) });
    lines.push({
      scheme: 'fees',
      rep: rec.rep,
      key: rec.customer,
      customer: rec.customer,
      basis: amount,
      basisUnit: 'CNY',
      eligible,
      bonus,
      reason,
      rows: [rec.row],
      fee,
      scope: rec.scope,
      date: rec.date,
      year,
      duplicateOf,
    });
  }
  return lines;
}

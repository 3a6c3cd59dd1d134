import messages from '../../../i18n/bonus';
import { translator, type Lang } from '../../../i18n/define';
import { edate, isoOf } from '../../calendar';
import { fmtMoney } from '../format';
import type { Development } from './new-customer';
import type { PenaltyRules } from '../rules';
import { Decimal } from '../../exact/decimal';
import { serialToYmd } from '../../parse/parse-date';

/**
 * No new customer (docs/rules/bonus/penalty.md), per rep as of a date: none developed in the last
 * `flagMonths` months → flag "territory may be re-planned"; none in the last `penaltyMonths`
 * months → the deduction, booked when the as-of date is a year end (31 December) and shown as
 * a risk before that.
 */
export interface PenaltyLine {
  rep: string;
  asOf: number;
  lastDevelopment: number | null;
  flagged: boolean;
  /** No development within penaltyMonths. */
  atRisk: boolean;
  /** −amount when at risk on a year end, else 0. */
  penalty: Decimal;
  reason: string;
}

export function penaltyLines(reps: Iterable<string>, developments: Development[], asOf: number, rules: PenaltyRules, lang: Lang): PenaltyLine[] {
  const t = translator(messages, lang);
  const last = new Map<string, number>();
  for (const d of developments) if (d.d0 <= asOf && d.d0 > (last.get(d.rep) ?? -Infinity)) last.set(d.rep, d.d0);
  const [, month, day] = serialToYmd(asOf);
  const yearEnd = month === 12 && day === 31;
  return [...new Set(reps)].sort().map((rep) => {
    const lastDev = last.get(rep) ?? null;
    const flagged = lastDev === null || lastDev <= edate(asOf, -rules.flagMonths);
    const atRisk = lastDev === null || lastDev <= edate(asOf, -rules.penaltyMonths);
    const penalty = atRisk && yearEnd ? rules.amount.neg() : new Decimal(0);
    const since = lastDev === null ? t('penNever') : t('penSince', { date: isoOf(lastDev) });
    const params = { since, months: rules.penaltyMonths, flagMonths: rules.flagMonths, asOf: isoOf(asOf), amount: fmtMoney(rules.amount.neg()) };
    const reason = !flagged
      ? t('penOk', params)
      : !atRisk
        ? t('penFlag', params)
        : yearEnd
          ? t('penDue', params)
          : t('penRisk', params);
    return { rep, asOf, lastDevelopment: lastDev, flagged, atRisk, penalty, reason };
  });
}

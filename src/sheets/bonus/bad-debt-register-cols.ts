/**
 * The bad-debt sheet's columns when the workbook holds a credit register
 * (docs/rules/bonus/bad-debt.md): the register's approver and approved line looked up by
 * customer, each debt split into the part within the line and the part above it, one row per
 * person and part. The parts and liabilities are live: an edited line in the register moves
 * money between the rows; a customer the register lacks says so; a deleted register sheet gives
 * a message instead of #REF!.
 */
import type { BadDebtLine } from '../../domain/bonus/line';
import common from '../../i18n/common';
import { translator, type Lang } from '../../i18n/define';
import { guardedLink, type SourceLinks } from '../core/source-link';
import { NUMFMT } from '../core/styles';
import { CREDIT_NAMES } from '../templates/credit';
import type { Col, T } from './bonus-sheets';
import type { RulesRefs } from './rules-sheet';
import { str } from './tier-formula';

export interface CreditRefs {
  sheet: string;
  customers: string;
  approvers: string;
  lines: string;
}

/** The register's columns, when the workbook holds a credit register with all three names. */
export function creditRefs(sources: SourceLinks | undefined): CreditRefs | undefined {
  const source = sources?.credit;
  if (!source) return undefined;
  const n = source.names;
  const refs = { sheet: source.sheet, customers: n[CREDIT_NAMES.customers], approvers: n[CREDIT_NAMES.approvers], lines: n[CREDIT_NAMES.lines] };
  return refs.customers && refs.approvers && refs.lines ? (refs as CreditRefs) : undefined;
}

/** Which part of the debt a line is about (lines of a run without the register: by its within flag). */
const partOf = (l: BadDebtLine): 'inside' | 'over' => l.register?.part ?? (l.withinCredit ? 'inside' : 'over');

/**
 * Columns A–O: person, role, customer, amount, currency, rate, amount in CNY (as without the
 * register), then the register's approver (H) and approved line (I), the part (J), the part in
 * CNY (K), the share (L), eligible (M), liability (N; 0 − ROUND(…), never −0), reason (O).
 */
export function badDebtRegisterCols(t: T, R: RulesRefs, credit: CreditRefs, lang: Lang): Col<BadDebtLine>[] {
  const bd = R.badDebt;
  const notIn = str(t('notInRegister'));
  const gone = translator(common, lang)('linkSourceGone', { sheet: credit.sheet });
  const match = (r: number) => `MATCH(C${r},${credit.customers},0)`;
  // The part within the line: the amount up to the line (a negative line counts as none); none
  // for a customer the register lacks; blank when the register is gone.
  const within = (r: number) => `MIN(G${r},MAX(I${r},0))`;
  const part = (l: BadDebtLine, r: number) =>
    partOf(l) === 'inside' ? `IF(ISNUMBER(I${r}),${within(r)},IF(I${r}=${notIn},0,""))` : `IF(ISNUMBER(I${r}),G${r}-${within(r)},IF(I${r}=${notIn},G${r},""))`;
  const share = (l: BadDebtLine) => {
    if (partOf(l) === 'over') return bd.outsideHandler;
    const s = l.role === 'handler' ? bd.insideHandler : bd.insideApprover;
    return `IF(${s}="","",${s})`;
  };
  const Y = str(R.yes);
  return [
    { header: t('colPerson'), width: 12, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colRole'), width: 9, kind: 'data', cell: (l) => t(`role_${l.role}`), statement: true },
    { header: t('colCustomer'), width: 16, kind: 'data', cell: (l) => l.customer, statement: true },
    { header: t('colAmount'), width: 14, kind: 'input', numFmt: NUMFMT.decimal2, cell: (l) => l.amount.toNumber(), statement: true },
    { header: t('colCurrency2'), width: 8, kind: 'input', cell: (l) => l.currency },
    { header: t('colRate'), width: 12, kind: 'formula', numFmt: '0.0000', cell: (_, r) => ({ formula: `VLOOKUP(E${r},${R.fx},2,FALSE)` }) },
    { header: t('colAmountCny'), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, cell: (_, r) => ({ formula: `D${r}*F${r}` }) },
    {
      header: t('colRegisterApprover'),
      width: 12,
      kind: 'formula',
      cell: (_, r) => ({ formula: guardedLink(credit.approvers, gone, `IFERROR(INDEX(${credit.approvers},${match(r)})&"",${notIn})`) }),
    },
    {
      header: t('colApprovedLine'),
      width: 14,
      kind: 'formula',
      numFmt: NUMFMT.integer,
      statement: true,
      cell: (_, r) => ({ formula: guardedLink(credit.lines, gone, `IFERROR(N(INDEX(${credit.lines},${match(r)})),${notIn})`) }),
    },
    { header: t('colPart'), width: 11, kind: 'data', cell: (l) => t(`part_${partOf(l)}`), statement: true },
    { header: t('colPartCny'), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, statement: true, cell: (l, r) => ({ formula: part(l, r) }) },
    { header: t('colShare'), width: 8, kind: 'formula', numFmt: NUMFMT.percent0, statement: true, cell: (l) => ({ formula: share(l) }) },
    { header: t('colEligible'), width: 9, kind: 'formula', role: 'eligible', cell: (_, r) => ({ formula: `IF(AND(L${r}<>"",ISNUMBER(K${r})),${Y},${str(R.no)})` }) },
    { header: t('colLiability'), width: 13, kind: 'formula', numFmt: NUMFMT.cny, role: 'bonus', statement: true, cell: (_, r) => ({ formula: `IF(M${r}=${Y},0-ROUND(K${r}*L${r},2),0)` }) },
    { header: t('colReason'), width: 60, kind: 'value', cell: (l) => l.reason, statement: true },
  ];
}

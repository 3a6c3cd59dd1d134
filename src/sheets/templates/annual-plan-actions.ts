import catalog from '../../i18n/templates/annual-plan';
import { translator } from '../../i18n/define';
import { rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { type FieldOptions } from '../core/form-grid';
import { FLAG_STYLE, planTable, q, rowCells } from '../core/planning-table';
import type { CellContent, SheetSpec } from '../core/sheet-spec';
import { NUMFMT } from '../core/styles';
import { AMBER, CENTRED, levels, PlanSheet, trafficLight } from './annual-plan-shared';
import { ACTIONS, BUDGET_CAP, EXPECTED_SALES, MARGIN, RISKS } from './annual-plan-example';
import type { TemplateOptions } from './registry';

/**
 * The annual plan's second sheet (docs/rules/templates/annual-plan.md): the action plan with
 * its budget checked against a cap, the expected return on that budget, and the contingency plan.
 */

const WIDTH = 11;
const ACTION_ROWS = 12;
const RISK_ROWS = 6;
const MONEY = NUMFMT.integer;

type ActionKey = 'action' | 'content' | 'element' | 'owner' | 'start' | 'end' | 'status' | 'budget' | 'spent' | 'remaining' | 'flag';
type RiskKey = 'risk' | 'response' | 'likelihood' | 'impact' | 'priority' | 'owner' | 'status';

export function buildActions(o: TemplateOptions): SheetSpec {
  const { lang, example } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const p = new PlanSheet(o, WIDTH, { name: t('actionsSheetName'), title: t('actionsTitle'), purpose: t('actionsPurpose'), stamp: 'annual-plan-actions' });
  const { b, form, rowHeights, report } = p;
  let row = p.top;
  const money = { decimal: [0, 1e12] as [number, number], prompt: t('moneyPrompt') };
  const dateRule = { date: true as const, prompt: t('datePrompt') };

  // 7. Actions: who does what, when, at what cost; the summary above the table.
  row = p.section(row, t('sectionActions'));
  const summaryRow = row;
  row += 4;
  const elements = [t('mixProduct'), t('mixPrice'), t('mixPlace'), t('mixPromotion')];
  const statuses = [t('statusPlanned'), t('statusRunning'), t('statusDone'), t('statusCancelled')];
  const actions = planTable<ActionKey>(b, lang, {
    name: 'AnnualPlan_Actions',
    top: row,
    left: 1,
    rows: ACTION_ROWS,
    columns: [
      { key: 'action', header: t('colAction') },
      { key: 'content', header: t('colContent') },
      { key: 'element', header: t('colElement'), align: CENTRED, input: { list: elements, prompt: t('elementPrompt') } },
      { key: 'owner', header: t('colOwner'), align: CENTRED },
      { key: 'start', header: t('colStart'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'end', header: t('colEnd'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'status', header: t('colStatus'), align: CENTRED, input: { list: statuses, prompt: t('statusPrompt') } },
      { key: 'budget', header: t('colBudget'), numFmt: MONEY, input: money },
      { key: 'spent', header: t('colSpent'), numFmt: MONEY, input: money },
      {
        key: 'remaining',
        header: t('colRemaining'),
        numFmt: MONEY,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.action}="",${x.budget}=""),"",${x.budget}-${x.spent})`;
        },
      },
      {
        key: 'flag',
        header: t('colActionFlag'),
        align: CENTRED,
        // One flag a row, the costliest first: overspending, then a missed end date, then a gap in the plan.
        formula: (r, c) => {
          const x = rowCells(c, r);
          const open = `AND(${x.status}<>${q(statuses[2])},${x.status}<>${q(statuses[3])})`;
          return (
            `IF(${x.action}="","",IF(AND(${x.budget}<>"",${x.spent}>${x.budget}),${q(t('flagOverspent'))},` +
            `IF(AND(${x.end}<>"",${x.end}<${report},${open}),${q(t('flagOverdue'))},` +
            `IF(OR(${x.owner}="",${x.start}="",${x.end}=""),${q(t('flagNoOwner'))},""))))`
          );
        },
      },
    ],
    data: example
      ? ACTIONS.map((a) => ({
          action: a.action[lang],
          content: a.content[lang],
          element: elements[a.element],
          owner: a.owner?.[lang] ?? null,
          start: daysFrom(today, a.start),
          end: daysFrom(today, a.end),
          status: statuses[a.status],
          budget: a.budget,
          spent: a.spent,
        }))
      : undefined,
  });
  rowHeights[actions.headerRow] = 32;
  b.conditional({ ref: actions.body('flag'), rules: [{ type: 'expression', formula: `${actions.col.flag}${actions.firstRow}<>""`, style: FLAG_STYLE }] });
  b.conditional({
    ref: actions.body('remaining'),
    rules: [{ type: 'expression', formula: `AND(ISNUMBER(${actions.col.remaining}${actions.firstRow}),${actions.col.remaining}${actions.firstRow}<0)`, style: FLAG_STYLE }],
  });

  // Summary: cap, totals, the check against the cap, the budget by 4P.
  const budget = actions.range('budget');
  const total = `SUM(${budget})`;
  const cap = form.field(summaryRow, 1, 2, 2, t('budgetCap'), example ? BUDGET_CAP : null, { numFmt: MONEY, input: { decimal: [0, 1e12], prompt: t('capPrompt') } });
  const totalRef = form.field(summaryRow, 3, 5, 6, t('totalBudget'), { formula: total }, { computed: true, numFmt: MONEY });
  form.field(summaryRow, 7, 9, 10, t('totalSpent'), { formula: `SUM(${actions.range('spent')})` }, { computed: true, numFmt: MONEY });
  const capCheck = form.field(
    summaryRow + 1,
    1,
    2,
    WIDTH,
    t('capCheck'),
    {
      formula:
        `IF(${cap}="",${q(t('capNone'))},IF(${totalRef}>${cap},${messageFormula(t('capOver'), { amount: `TEXT(${totalRef}-${cap},"#,##0")` })},` +
        `${q(t('capWithin'))}))`,
    },
    { computed: true },
  );
  trafficLight(b, rangeRef(summaryRow + 1, 2, summaryRow + 1, WIDTH), capCheck, [t('capWithin')]);
  form.label(summaryRow + 2, 1, t('byElement'), 2);
  elements.forEach((element, i) => {
    const col = 3 + i * 2;
    form.label(summaryRow + 2, col, element);
    form.value(summaryRow + 2, col + 1, col + 1, { formula: `SUMIF(${actions.range('element')},${q(element)},${budget})` }, { computed: true, numFmt: MONEY });
  });
  rowHeights[summaryRow] = rowHeights[summaryRow + 1] = rowHeights[summaryRow + 2] = 24;
  row = actions.lastRow + 2;

  // 8. Expected return on the budget.
  row = p.section(row, t('sectionReturn'));
  // Three pairs a row: label and value; label over three columns and value; label over two and value over three.
  const trio = (cells: [string, CellContent, FieldOptions][]) => {
    const refs = cells.map(([label, value, options], i) =>
      i === 0 ? form.field(row, 1, 2, 2, label, value, options) : i === 1 ? form.field(row, 3, 6, 6, label, value, options) : form.field(row, 7, 9, WIDTH, label, value, options),
    );
    rowHeights[row] = 30;
    row += 1;
    return refs;
  };
  const computed = (numFmt?: string): FieldOptions => ({ computed: true, numFmt, align: numFmt === NUMFMT.percent ? CENTRED : undefined });
  const [sales, margin] = trio([
    [t('expectedSales'), example ? EXPECTED_SALES : null, { numFmt: MONEY, input: { decimal: [0, 1e13], prompt: t('salesPrompt') } }],
    [t('margin'), example ? MARGIN : null, { numFmt: NUMFMT.percent, align: CENTRED, input: { decimal: [-1, 1], prompt: t('marginPrompt'), shown: ['-100%', '100%'] } }],
    [t('planBudget'), { formula: totalRef }, computed(MONEY)],
  ]);
  const profit = form.field(row, 1, 2, 2, t('grossProfit'), { formula: `IF(OR(${sales}="",${margin}=""),"",${sales}*${margin})` }, computed(MONEY));
  const net = form.field(row, 3, 6, 6, t('netReturn'), { formula: `IF(${profit}="","",${profit}-${totalRef})` }, computed(MONEY));
  form.field(row, 7, 9, WIDTH, t('roi'), { formula: `IF(OR(${net}="",${totalRef}=0),"",${net}/${totalRef})` }, computed(NUMFMT.percent));
  rowHeights[row] = 30;
  row += 1;
  form.field(row, 1, 2, 2, t('breakEven'), { formula: `IF(OR(${margin}="",${margin}<=0),"",${totalRef}/${margin})` }, computed(MONEY));
  const verdict = form.field(row, 3, 6, WIDTH, t('returnCheck'), { formula: `IF(${net}="","",IF(${net}<0,${q(t('returnLoss'))},${q(t('returnGain'))}))` }, { computed: true });
  trafficLight(b, rangeRef(row, 6, row, WIDTH), verdict, [t('returnGain')]);
  rowHeights[row] = 30;
  row += 2;

  // 9. Contingencies.
  row = p.section(row, t('sectionContingency'));
  const level = levels(lang);
  const riskStatus = [t('riskQuiet'), t('riskTriggered'), t('riskHandled')];
  const priorities = [t('riskWatch'), t('riskFollow'), t('riskLow')];
  const risks = planTable<RiskKey>(b, lang, {
    name: 'AnnualPlan_Contingency',
    top: row,
    left: 1,
    rows: RISK_ROWS,
    columns: [
      { key: 'risk', header: t('colRisk') },
      { key: 'response', header: t('colResponse') },
      { key: 'likelihood', header: t('colLikelihood'), align: CENTRED, input: { list: level, prompt: t('likelihoodPrompt') } },
      { key: 'impact', header: t('colImpact'), align: CENTRED, input: { list: level, prompt: t('impactPrompt') } },
      {
        key: 'priority',
        header: t('colRiskPriority'),
        align: CENTRED,
        // High on both counts: prepare now; high on one: watch; otherwise routine.
        formula: (r, c) => {
          const x = rowCells(c, r);
          const high = q(level[0]);
          return (
            `IF(OR(${x.risk}="",${x.likelihood}="",${x.impact}=""),"",IF(AND(${x.likelihood}=${high},${x.impact}=${high}),${q(priorities[0])},` +
            `IF(OR(${x.likelihood}=${high},${x.impact}=${high}),${q(priorities[1])},${q(priorities[2])})))`
          );
        },
      },
      { key: 'owner', header: t('colOwner'), align: CENTRED },
      { key: 'status', header: t('colRiskStatus'), align: CENTRED, input: { list: riskStatus, prompt: t('riskStatusPrompt') } },
    ],
    data: example
      ? RISKS.map((r) => ({
          risk: r.risk[lang],
          response: r.response[lang],
          likelihood: level[r.likelihood],
          impact: level[r.impact],
          owner: r.owner[lang],
          status: riskStatus[r.status],
        }))
      : undefined,
  });
  rowHeights[risks.headerRow] = 22;
  const first = `${risks.col.priority}${risks.firstRow}`;
  b.conditional({
    ref: risks.body('priority'),
    rules: [
      { type: 'expression', formula: `${first}=${q(priorities[0])}`, style: FLAG_STYLE },
      { type: 'expression', formula: `${first}=${q(priorities[1])}`, style: AMBER },
    ],
  });
  b.conditional({
    ref: risks.body('status'),
    rules: [{ type: 'expression', formula: `${risks.col.status}${risks.firstRow}=${q(riskStatus[1])}`, style: FLAG_STYLE }],
  });
  const last = risks.lastRow;

  return p.finish(lang === 'en-US' ? [20, 26, 11, 10, 12, 12, 11, 11, 11, 11, 17] : [20, 26, 9, 9, 12, 12, 9, 11, 11, 11, 15], last);
}

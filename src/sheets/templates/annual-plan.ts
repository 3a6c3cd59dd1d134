import catalog from '../../i18n/templates/annual-plan';
import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { monthStart } from '../core/example-dates';
import { type FieldOptions } from '../core/form-grid';
import { OK_STYLE, planTable, q, rowCells } from '../core/planning-table';
import type { CellContent, SheetSpec } from '../core/sheet-spec';
import { NUMFMT, STYLE } from '../core/styles';
import { buildActions } from './annual-plan-actions';
import { AP_NAMES, CENTRED, levels, PlanSheet, trafficLight } from './annual-plan-shared';
import { buildEvaluation } from './annual-plan-evaluation';
import { MISSION, MIX, OBJECTIVES, SEGMENTS, SITUATION, START_MONTHS_BACK, STRATEGY } from './annual-plan-example';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Annual marketing plan (docs/rules/templates/annual-plan.md): the plan sheet (mission →
 * situation → SMART objectives → segments → strategy → 4P/4C), the actions-and-budget sheet
 * (actions, budget against its cap, expected return, contingencies) and the monthly evaluation
 * against the objectives. The sheets meet through workbook names (AP_NAMES), so each can be
 * built on its own and rows inserted anywhere keep every reference.
 */

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const annualPlan: TemplateDef = {
  kind: 'annual-plan',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildPlan(o), buildActions(o), buildEvaluation(o)],
};

const WIDTH = 12;
const SITUATION_AREAS = [
  'areaDemographic',
  'areaEconomic',
  'areaPolitical',
  'areaTechnology',
  'areaSocial',
  'areaNature',
  'areaCustomers',
  'areaCompetitors',
  'areaIntermediaries',
  'areaSuppliers',
  'areaCompany',
] as const;
const OBJECTIVE_ROWS = 8;
const SEGMENT_ROWS = 6;

type SituationKey = 'area' | 'finding' | 'consequence' | 'swot' | 'importance';
type ObjectiveKey =
  | 'code'
  | 'objective'
  | 'measure'
  | 'unit'
  | 'target'
  | 'deadline'
  | 'owner'
  | 'check'
  | 'planToDate'
  | 'actualToDate'
  | 'yearAttainment'
  | 'pace';
type SegmentKey = 'segment' | 'needs' | 'customers' | 'potential' | 'ourSales' | 'share' | 'attractive' | 'targeted' | 'priority';

function buildPlan(o: TemplateOptions): SheetSpec {
  const { lang, example } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const p = new PlanSheet(o, WIDTH, { name: t('sheetName'), title: t('planTitle'), purpose: t('planPurpose') });
  const { b, form, rowHeights, report } = p;
  let row = p.top;
  const wide = (label: string, value: CellContent, options?: FieldOptions) => {
    const ref = form.field(row, 1, 2, WIDTH, label, value, options);
    row += 1;
    return ref;
  };
  const ex = <T,>(value: T) => (example ? value : null);

  // 1. Mission and the plan year.
  row = p.section(row, t('sectionMission'));
  wide(t('mission'), ex(MISSION.mission[lang]));
  wide(t('vision'), ex(MISSION.vision[lang]));
  wide(t('values'), ex(MISSION.values[lang]));
  const startValue = example ? monthStart(today, START_MONTHS_BACK) : new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
  const start = form.field(row, 1, 2, 3, t('planStart'), startValue, { numFmt: NUMFMT.date, input: { date: true, prompt: t('startPrompt') }, align: CENTRED });
  const end = form.field(row, 4, 6, 7, t('planEnd'), { formula: `IF(${start}="","",EDATE(${start},12)-1)` }, { computed: true, numFmt: NUMFMT.date, align: CENTRED });
  b.defineName({ name: AP_NAMES.start, ref: start });
  row += 2;

  // 2. Situation: macro and micro environment, each finding classed S/W/O/T.
  row = p.section(row, t('sectionSituation'));
  const swot = [t('swotS'), t('swotW'), t('swotO'), t('swotT')];
  const level = levels(lang);
  const situation = planTable<SituationKey>(b, lang, {
    name: 'AnnualPlan_Situation',
    top: row,
    left: 1,
    rows: SITUATION_AREAS.length,
    columns: [
      { key: 'area', header: t('colArea'), labels: SITUATION_AREAS.map((k) => t(k)) },
      { key: 'finding', header: t('colFinding') },
      { key: 'consequence', header: t('colConsequence') },
      { key: 'swot', header: t('colSwot'), align: CENTRED, input: { list: swot, prompt: t('swotPrompt') } },
      { key: 'importance', header: t('colImportance'), align: CENTRED, input: { list: level, prompt: t('importancePrompt') } },
    ],
    data: SITUATION.map((s) => (example && s ? { finding: s[0][lang], swot: swot[s[1]], importance: level[s[2]], consequence: s[3][lang] } : {})),
  });
  // Findings per SWOT class, beside the table.
  const countsTop = situation.headerRow;
  [t('colSwot'), t('colFindings'), t('colHigh')].forEach((text, i) => b.at(countsTop, 8 + i, text, STYLE.header));
  swot.forEach((kind, i) => {
    const r = countsTop + 1 + i;
    form.label(r, 8, kind);
    form.value(r, 9, 9, { formula: `COUNTIF(${situation.range('swot')},${q(kind)})` }, { computed: true, align: CENTRED });
    const high = `COUNTIFS(${situation.range('swot')},${q(kind)},${situation.range('importance')},${q(level[0])})`;
    form.value(r, 10, 10, { formula: high }, { computed: true, align: CENTRED });
  });
  row = situation.lastRow + 2;

  // 3. SMART objectives, each checked for its parts and followed from the monthly evaluation.
  row = p.section(row, t('sectionObjectives'));
  const closedTo = `EOMONTH(${report},-1)`;
  const toDate = (range: string, code: string) => `SUMIFS(${range},${AP_NAMES.logCode},${code},${AP_NAMES.logMonth},"<="&${closedTo})`;
  const sep = t('listSeparator');
  const objectives = planTable<ObjectiveKey>(b, lang, {
    name: 'AnnualPlan_Objectives',
    top: row,
    left: 1,
    rows: OBJECTIVE_ROWS,
    columns: [
      { key: 'code', header: t('colCode'), align: CENTRED },
      { key: 'objective', header: t('colObjective') },
      { key: 'measure', header: t('colMeasure') },
      { key: 'unit', header: t('colUnit'), align: CENTRED },
      { key: 'target', header: t('colTarget'), numFmt: NUMFMT.integer, input: { decimal: [-1e12, 1e12], prompt: t('targetPrompt') } },
      { key: 'deadline', header: t('colDeadline'), numFmt: NUMFMT.date, align: CENTRED, input: { date: true, prompt: t('deadlinePrompt') } },
      { key: 'owner', header: t('colOwner'), align: CENTRED },
      {
        key: 'check',
        header: t('colCheck'),
        // Every objective names its measure, target, deadline and owner; the deadline lies in the plan year.
        formula: (r, c) => {
          const x = rowCells(c, r);
          const part = (ref: string, key: 'partMeasure' | 'partTarget' | 'partDeadline' | 'partOwner') => `IF(${ref}="",${q(sep + t(key))},"")`;
          const missing = [part(x.measure, 'partMeasure'), part(x.target, 'partTarget'), part(x.deadline, 'partDeadline'), part(x.owner, 'partOwner')].join('&');
          const outside = `AND(${x.deadline}<>"",${start}<>"",OR(${x.deadline}<${start},${x.deadline}>${end}))`;
          return (
            `IF(${x.objective}="","",IF(${missing}<>"",${q(t('checkMissing'))}&MID(${missing},${sep.length + 1},200),` +
            `IF(${outside},${q(t('checkOutside'))},${q(t('checkOk'))})))`
          );
        },
      },
      {
        key: 'planToDate',
        header: t('colPlanToDate'),
        numFmt: NUMFMT.integer,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.code}="",COUNTIF(${AP_NAMES.logCode},${x.code})=0),"",${toDate(AP_NAMES.logTarget, x.code)})`;
        },
      },
      {
        key: 'actualToDate',
        header: t('colActualToDate'),
        numFmt: NUMFMT.integer,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(${x.planToDate}="","",${toDate(AP_NAMES.logActual, x.code)})`;
        },
      },
      {
        key: 'yearAttainment',
        header: t('colYearAttainment'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.actualToDate}="",${x.target}="",${x.target}=0),"",${x.actualToDate}/${x.target})`;
        },
      },
      {
        key: 'pace',
        header: t('colPace'),
        align: CENTRED,
        // Reached beats everything; a passed deadline beats the pace; the pace compares with the plan to date.
        formula: (r, c) => {
          const x = rowCells(c, r);
          const ratio = `${x.actualToDate}/${x.planToDate}`;
          return (
            `IF(${x.actualToDate}="","",IF(AND(${x.target}<>"",${x.actualToDate}>=${x.target}),${q(t('paceReached'))},` +
            `IF(AND(${x.deadline}<>"",${x.deadline}<${report}),${q(t('paceLate'))},IF(${x.planToDate}=0,"",` +
            `IF(${ratio}>=1,${q(t('paceOnTrack'))},IF(${ratio}>=${AP_NAMES.warn},${q(t('paceSlightly'))},${q(t('paceBehind'))}))))))`
          );
        },
      },
    ],
    data: example
      ? OBJECTIVES.map((x) => ({
          code: x.code,
          objective: x.objective[lang],
          measure: x.measure?.[lang] ?? null,
          unit: x.unit?.[lang] ?? null,
          target: x.target,
          deadline: x.deadlineMonth === null ? null : monthEndAfter(startValue, x.deadlineMonth),
          owner: x.owner?.[lang] ?? null,
        }))
      : undefined,
  });
  b.defineName({ name: AP_NAMES.codes, ref: objectives.range('code') });
  b.defineName({ name: AP_NAMES.objectives, ref: objectives.range('objective') });
  rowHeights[objectives.headerRow] = 32;
  const first = (key: ObjectiveKey) => `${objectives.col[key]}${objectives.firstRow}`;
  trafficLight(b, objectives.body('check'), first('check'), [t('checkOk')]);
  trafficLight(b, objectives.body('pace'), first('pace'), [t('paceReached'), t('paceOnTrack')], t('paceSlightly'));
  row = objectives.lastRow + 1;
  form.note(row, 1, WIDTH, t('objectivesNote'));
  row += 2;

  // 4. Segments and target markets.
  row = p.section(row, t('sectionSegments'));
  const priorities = [t('priorityKey'), t('priorityNormal'), t('priorityOut')];
  const c = translator(common, lang);
  const targetedList = [c('yes'), c('no')];
  const segments = planTable<SegmentKey>(b, lang, {
    name: 'AnnualPlan_Segments',
    top: row,
    left: 1,
    rows: SEGMENT_ROWS,
    columns: [
      { key: 'segment', header: t('colSegment') },
      { key: 'needs', header: t('colNeeds') },
      { key: 'customers', header: t('colCustomers'), numFmt: NUMFMT.integer, align: CENTRED, input: { whole: [0, 10_000_000], prompt: t('countPrompt') } },
      { key: 'potential', header: t('colPotential'), numFmt: NUMFMT.integer, input: { decimal: [0, 1e9], prompt: t('tenThousandPrompt') } },
      { key: 'ourSales', header: t('colOurSales'), numFmt: NUMFMT.integer, input: { decimal: [0, 1e9], prompt: t('tenThousandPrompt') } },
      {
        key: 'share',
        header: t('colShare'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.potential}="",${x.potential}=0,${x.ourSales}=""),"",${x.ourSales}/${x.potential})`;
        },
      },
      { key: 'attractive', header: t('colAttractive'), align: CENTRED, input: { list: level, prompt: t('attractivePrompt') } },
      { key: 'targeted', header: t('colTargeted'), align: CENTRED, input: { list: targetedList, prompt: t('targetedPrompt') } },
      {
        key: 'priority',
        header: t('colPriority'),
        align: CENTRED,
        // A target market of high attractiveness is a key segment; other target markets are served.
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(OR(${x.segment}="",${x.targeted}=""),"",IF(${x.targeted}=${q(targetedList[1])},${q(priorities[2])},` +
            `IF(${x.attractive}=${q(level[0])},${q(priorities[0])},${q(priorities[1])})))`
          );
        },
      },
    ],
    data: example
      ? SEGMENTS.map((s) => ({
          segment: s.segment[lang],
          needs: s.needs[lang],
          customers: s.customers,
          potential: s.potential,
          ourSales: s.ourSales,
          attractive: level[s.attractive],
          targeted: targetedList[s.targeted ? 0 : 1],
        }))
      : undefined,
  });
  rowHeights[segments.headerRow] = 32;
  b.conditional({
    ref: segments.body('priority'),
    rules: [{ type: 'expression', formula: `${segments.col.priority}${segments.firstRow}=${q(priorities[0])}`, style: OK_STYLE }],
  });
  row = segments.lastRow + 1;
  const potential = segments.range('potential');
  const ours = segments.range('ourSales');
  form.label(row, 1, t('segmentsTotal'), 3);
  form.value(row, 4, 4, { formula: `SUM(${potential})` }, { computed: true, numFmt: NUMFMT.integer });
  form.value(row, 5, 5, { formula: `SUM(${ours})` }, { computed: true, numFmt: NUMFMT.integer });
  form.value(row, 6, 6, { formula: `IF(SUM(${potential})=0,"",SUM(${ours})/SUM(${potential}))` }, { computed: true, numFmt: NUMFMT.percent, align: CENTRED });
  form.label(row, 7, t('targetedPotential'), 8);
  form.value(row, 9, 9, { formula: `SUMIF(${segments.range('targeted')},${q(targetedList[0])},${potential})` }, { computed: true, numFmt: NUMFMT.integer });
  rowHeights[row] = 30;
  row += 2;

  // 5. Strategy.
  row = p.section(row, t('sectionStrategy'));
  const directions = [t('directionPenetration'), t('directionMarket'), t('directionProduct'), t('directionDiversification')];
  form.field(row, 1, 2, 3, t('direction'), ex(directions[STRATEGY.direction]), { input: { list: directions, prompt: t('directionPrompt') } });
  form.field(row, 4, 6, WIDTH, t('portfolio'), ex(STRATEGY.portfolio[lang]));
  row += 1;
  wide(t('positioning'), ex(STRATEGY.positioning[lang]));
  wide(t('strategyPoints'), ex(STRATEGY.points[lang]));
  row += 1;

  // 6. The marketing mix: each P beside the customer's view of it (its C).
  row = p.section(row, t('sectionMix'));
  const ps = ['mixProduct', 'mixPrice', 'mixPlace', 'mixPromotion'] as const;
  const cs = ['mixCustomer', 'mixCost', 'mixConvenience', 'mixCommunication'] as const;
  ps.forEach((p, i) => {
    form.field(row, 1, 2, 6, t(p), ex(MIX[i][0][lang]));
    form.field(row, 7, 9, WIDTH, t(cs[i]), ex(MIX[i][1][lang]));
    rowHeights[row] = 24;
    row += 1;
  });
  const last = row - 1;

  return p.finish(lang === 'en-US' ? [13, 24, 18, 14, 10, 12, 10, 26, 10, 10, 10, 13] : [11, 28, 20, 8, 10, 12, 9, 17, 10, 10, 9, 11], last);
}

/** The last day of the month `months` months after the start month. */
function monthEndAfter(start: Date, months: number): Date {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months + 1, 0));
}

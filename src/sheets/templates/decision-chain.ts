import messages from '../../i18n/templates/decision-chain';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { keepBlocksTogether } from '../core/print-layout';
import {
  CNY_WHOLE,
  FLAG_STYLE,
  OK_STYLE,
  planTable,
  q,
  validationFor,
  fitRowHeights,
  type ColumnLetters,
  type PlanColumn,
  type PlanRow,
} from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, CellStyle, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { DEFAULT_HIGH_INFLUENCE } from '../../domain/planning/decision-chain-score';

const BODY_ROWS = 20;
const PROJECT_ROW = 5;
const HEADER_ROW = 6;
/** Columns printed: the personal columns after them are not. */
const PRINTED_WIDTH = 11;

type Vocab = ReturnType<typeof vocabulary>;

function vocabulary(lang: Lang) {
  const t = translator(messages, lang);
  return {
    roles: [t('roleDecisionMaker'), t('roleEvaluator'), t('roleExecutor'), t('roleTechnical'), t('roleUser')],
    attitudes: { supporter: t('attSupporter'), neutral: t('attNeutral'), opponent: t('attOpponent'), unknown: t('attUnknown') },
    ladder: [t('ladderAcquainted'), t('ladderMeeting'), t('ladderAgreement'), t('ladderTrust'), t('ladderAlly')],
  };
}

/**
 * The five-person case of docs/rules/templates/decision-chain.md. Influence values are ours: user 2, technical approver 4,
 * buyer 3, finance evaluator 4, general manager 5 → support score −1, coverage 13/18.
 */
/** The project the example's decision chain is about (the fleet purchase of docs/rules/templates/decision-chain.md). */
const EXAMPLE_PROJECT: Record<Lang, { customer: string; project: string; budget: number }> = {
  'zh-CN': { customer: '华东物流集团', project: '车队更新采购（120 台）', budget: 36000000 },
  'en-US': { customer: 'East China Logistics Group', project: 'Fleet renewal (120 vehicles)', budget: 36000000 },
};

type PersonKey =
  | 'person'
  | 'department'
  | 'role'
  | 'roleClass'
  | 'influence'
  | 'attitude'
  | 'ladder'
  | 'owner'
  | 'nextStep'
  | 'points'
  | 'risk'
  | 'hometown'
  | 'age'
  | 'hobbies'
  | 'family';

function exampleRows(lang: Lang, v: Vocab): PlanRow<PersonKey>[] {
  return exampleCells(lang, v).map(([person, department, role, roleClass, influence, attitude, ladder, owner, nextStep, , , hometown, age, hobbies, family]) => ({
    person,
    department,
    role,
    roleClass,
    influence,
    attitude,
    ladder,
    owner,
    nextStep,
    hometown,
    age,
    hobbies,
    family,
  }));
}

function exampleCells(lang: Lang, v: Vocab): CellContent[][] {
  const [dm, evaluator, executor, technical, user] = v.roles;
  const a = v.attitudes;
  const [acquainted, meeting, , trust] = v.ladder;
  const zh = lang === 'zh-CN';
  // person, department, role, role class, influence, attitude, ladder, owner, next step, (points, risk), hometown, age, hobbies, family
  return zh
    ? [
        ['吴伟', '用车部门', '提出用车需求，日常使用', user, 2, a.neutral, acquainted, '陈明', '邀请参加样车试驾', null, null, null, null, '钓鱼', null],
        ['张华', '技术部', '负责技术选型', technical, 4, a.neutral, meeting, '陈明', '安排技术交流会', null, null, '浙江宁波', null, null, null],
        ['李建', '采购部', '筛选供应商，提出候选名单', executor, 3, a.supporter, trust, '陈明', '确认招标时间表', null, null, null, null, '羽毛球', null],
        ['王桑', '财务部', '审核预算与付款条件', evaluator, 4, a.opponent, acquainted, '刘洋', '提交总拥有成本对比', null, null, null, null, null, null],
        ['李阳', '总经理办公室', '总经理，最终决定', dm, 5, a.unknown, null, '刘洋', '请我方总经理安排高层会面', null, null, null, null, null, null],
      ]
    : [
        ['Wu Wei', 'Fleet users', 'States the need, uses the vehicles', user, 2, a.neutral, acquainted, 'Chen Ming', 'Invite to a test drive', null, null, null, null, 'Fishing', null],
        ['Zhang Hua', 'Technical dept.', 'Owns the technical selection', technical, 4, a.neutral, meeting, 'Chen Ming', 'Arrange a technical exchange', null, null, 'Ningbo, Zhejiang', null, null, null],
        ['Li Jian', 'Purchasing', 'Screens suppliers, makes the shortlist', executor, 3, a.supporter, trust, 'Chen Ming', 'Confirm the tender timetable', null, null, null, null, 'Badminton', null],
        ['Wang Sang', 'Finance', 'Reviews budget and payment terms', evaluator, 4, a.opponent, acquainted, 'Liu Yang', 'Send a total-cost-of-ownership comparison', null, null, null, null, null, null],
        ['Li Yang', 'General management', 'General manager, has the final say', dm, 5, a.unknown, null, 'Liu Yang', 'Ask our GM to arrange a top-level meeting', null, null, null, null, null, null],
      ];
}

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const t = translator(messages, lang);
  const v = vocabulary(lang);
  const a = v.attitudes;
  const b = new SheetBuilder(t('sheetName'), o);
  const today = o.today ?? new Date();
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: PRINTED_WIDTH, date: today, protect });

  // Project header on row 5: customer, project, budget, expected decision date.
  const label = style(STYLE.label, { alignment: { horizontal: 'right', vertical: 'middle', wrapText: true } });
  const field = style(STYLE.input, { alignment: { vertical: 'middle' } });
  const header: [string, number, number, number, CellContent, CellStyle][] = [
    [t('projectCustomer'), 1, 2, 3, example ? EXAMPLE_PROJECT[lang].customer : null, field],
    [t('projectName'), 4, 5, 7, example ? EXAMPLE_PROJECT[lang].project : null, field],
    [t('projectBudget'), 8, 9, 9, example ? EXAMPLE_PROJECT[lang].budget : null, style(field, { numFmt: CNY_WHOLE })],
    [t('projectDecisionDate'), 10, 11, 11, example ? daysFrom(today, 75) : null, style(field, { numFmt: NUMFMT.date, alignment: { horizontal: 'center' } })],
  ];
  for (const [text, at, from, to, value, valueStyle] of header) {
    b.at(PROJECT_ROW, at, text, label);
    b.at(PROJECT_ROW, from, value, valueStyle);
    if (to > from) b.fill(rangeRef(PROJECT_ROW, from, PROJECT_ROW, to), valueStyle).merge(rangeRef(PROJECT_ROW, from, PROJECT_ROW, to));
  }
  b.validation(validationFor(lang, cellRef(PROJECT_ROW, 9), { decimal: [0, 1e12], prompt: t('promptBudget') }));
  b.validation(validationFor(lang, cellRef(PROJECT_ROW, 11), { date: true, prompt: t('promptDecisionDate') }));

  const first = HEADER_ROW + 1;
  const dm = q(v.roles[0]);
  // The rule cell is read by name, wherever the summary below ends up.
  const threshold = 'DecisionChain_HighInfluence';

  const columns: PlanColumn<PersonKey>[] = [
    { key: 'person', header: t('colPerson'), width: 12 },
    { key: 'department', header: t('colDepartment'), width: 18 },
    { key: 'role', header: t('colRole'), width: 22 },
    { key: 'roleClass', header: t('colRoleClass'), input: { list: v.roles, prompt: t('promptRoleClass') }, width: 16 },
    {
      key: 'influence',
      header: t('colInfluence'),
      input: { whole: [1, 5], prompt: t('promptInfluence') },
      align: 'center',
      width: 12,
    },
    {
      key: 'attitude',
      header: t('colAttitude'),
      input: { list: Object.values(a), prompt: t('promptAttitude') },
      width: 11,
    },
    { key: 'ladder', header: t('colLadder'), input: { list: v.ladder, prompt: t('promptLadder') }, width: 11 },
    { key: 'owner', header: t('colOwner'), width: 11 },
    { key: 'nextStep', header: t('colNextStep'), width: 24 },
    {
      key: 'points',
      header: t('colPoints'),
      align: 'center',
      width: 10,
      formula: (r, c) => {
        const [E, F] = [`${c.influence}${r}`, `${c.attitude}${r}`];
        return `IF(OR(NOT(ISNUMBER(${E})),${F}="",${F}=${q(a.unknown)}),"",${E}*IF(${F}=${q(a.supporter)},1,IF(${F}=${q(a.opponent)},-1,0)))`;
      },
    },
    {
      key: 'risk',
      header: t('colRowRisk'),
      width: 24,
      formula: (r, c) => {
        const [D, E, F] = [`${c.roleClass}${r}`, `${c.influence}${r}`, `${c.attitude}${r}`];
        const notSupportingDm = `AND(${D}=${dm},${F}<>${q(a.supporter)})`;
        const strongOpponent = `AND(${F}=${q(a.opponent)},ISNUMBER(${E}),${E}>=${threshold})`;
        return (
          `IF(${notSupportingDm},${q(t('rowRiskDecisionMaker'))},"")` +
          `&IF(AND(${notSupportingDm},${strongOpponent}),"; ","")` +
          `&IF(${strongOpponent},${q(t('rowRiskOpponent'))},"")`
        );
      },
    },
    { key: 'hometown', header: t('colHometown'), personal: true, width: 10 },
    { key: 'age', header: t('colAge'), personal: true, width: 12 },
    { key: 'hobbies', header: t('colHobbies'), personal: true, width: 12 },
    { key: 'family', header: t('colFamily'), personal: true, width: 12 },
  ];
  const people = planTable(b, lang, {
    name: 'DecisionChain_People',
    top: HEADER_ROW,
    left: 1,
    columns,
    rows: BODY_ROWS,
    data: example ? exampleRows(lang, v) : undefined,
  });
  const names = people.range('person');
  const roleClass = people.range('roleClass');
  const influence = people.range('influence');
  const attitude = people.range('attitude');
  const ladder = people.range('ladder');
  const points = people.range('points');
  const anyone = `COUNTA(${names})+COUNT(${influence})=0`;

  // Summary, stacked under the table so each part grows on its own: role classes, measures,
  // risk checks with the influence threshold they use.
  const summaryTop = people.lastRow + 2;
  b.set(cellRef(summaryTop, 1), t('summarySection'), STYLE.section).merge(rangeRef(summaryTop, 1, summaryTop, PRINTED_WIDTH));
  const rcStatus = (r: number, c: ColumnLetters<'people' | 'supporters'>) =>
    `IF(${anyone},"",IF(${c.people}${r}=0,${q(t('rcNotIdentified'))},IF(${c.supporters}${r}=0,${q(t('rcNoSupporter'))},${q(t('rcOk'))})))`;
  const roles = planTable(b, lang, {
    name: 'DecisionChain_RoleClasses',
    top: summaryTop + 1,
    left: 1,
    rows: v.roles.length,
    columns: [
      { key: 'roleClass', header: t('rcRoleClass'), labels: v.roles },
      // Second, where the column is wide enough for the longest status.
      { key: 'status', header: t('rcStatus'), formula: rcStatus, align: 'center' },
      { key: 'people', header: t('rcPeople'), formula: (r, c) => `COUNTIF(${roleClass},${c.roleClass}${r})`, align: 'center' },
      {
        key: 'influence',
        header: t('rcInfluence'),
        formula: (r, c) => `SUMIF(${roleClass},${c.roleClass}${r},${influence})`,
        align: 'center',
      },
      {
        key: 'supporters',
        header: t('rcSupporters'),
        formula: (r, c) => `COUNTIFS(${roleClass},${c.roleClass}${r},${attitude},${q(a.supporter)})`,
        align: 'center',
      },
      {
        key: 'opponents',
        header: t('rcOpponents'),
        formula: (r, c) => `COUNTIFS(${roleClass},${c.roleClass}${r},${attitude},${q(a.opponent)})`,
        align: 'center',
      },
    ],
  });

  const kpiHead = roles.lastRow + 2;
  b.at(kpiHead, 1, t('kpiHeader'), STYLE.header).at(kpiHead, 2, null, STYLE.header).merge(rangeRef(kpiHead, 1, kpiHead, 2));
  b.at(kpiHead, 3, t('kpiValueHeader'), STYLE.header);
  const kpiLabel = style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true }, border: COLORS.border });
  const known = Object.values({ s: a.supporter, n: a.neutral, o: a.opponent })
    .map((x) => `SUMIF(${attitude},${q(x)},${influence})`)
    .join('+');
  const kpis: [string, string, string?][] = [
    [t('kpiScore'), `IF(COUNT(${points})=0,"",SUM(${points}))`, '0;-0;0'],
    [t('kpiTotalInfluence'), `IF(COUNT(${influence})=0,"",SUM(${influence}))`],
    [t('kpiKnownInfluence'), `IF(COUNT(${influence})=0,"",${known})`],
    [t('kpiCoverage'), `IF(SUM(${influence})=0,"",(${known})/SUM(${influence}))`, NUMFMT.percent],
    [t('kpiInsiders'), `IF(${anyone},"",COUNTIF(${ladder},${q(v.ladder[3])})+COUNTIF(${ladder},${q(v.ladder[4])}))`],
  ];
  const centred = style(STYLE.computed, { alignment: { horizontal: 'center' } });
  kpis.forEach(([text, formula, numFmt], i) => {
    const r = kpiHead + 1 + i;
    b.at(r, 1, text, kpiLabel).at(r, 2, null, kpiLabel).merge(rangeRef(r, 1, r, 2));
    b.at(r, 3, { formula }, style(centred, { numFmt, font: { bold: true } }));
  });

  const riskHead = kpiHead + kpis.length + 2;
  b.at(riskHead, 1, t('riskHeader'), STYLE.header).at(riskHead, 2, null, STYLE.header).merge(rangeRef(riskHead, 1, riskHead, 2));
  b.at(riskHead, 3, t('riskCount'), STYLE.header).at(riskHead, 4, t('riskStatus'), STYLE.header);
  const statusRange = roles.range('status');
  const risks: [string, string][] = [
    // All decision makers minus the supporting ones (a blank attitude counts as not supporting):
    // IronCalc's "<>"&x criterion skips empty cells where Excel and LibreOffice match them.
    [t('riskDecisionMaker'), `COUNTIF(${roleClass},${dm})-COUNTIFS(${roleClass},${dm},${attitude},${q(a.supporter)})`],
    [t('riskOpponent'), `COUNTIFS(${attitude},${q(a.opponent)},${influence},">="&${threshold})`],
    [t('riskNoSupporter'), `COUNTIF(${statusRange},${q(t('rcNoSupporter'))})`],
    [t('riskNotIdentified'), `COUNTIF(${statusRange},${q(t('rcNotIdentified'))})`],
  ];
  risks.forEach(([text, formula], i) => {
    const r = riskHead + 1 + i;
    b.at(r, 1, text, kpiLabel).at(r, 2, null, kpiLabel).merge(rangeRef(r, 1, r, 2));
    b.at(r, 3, { formula }, centred);
    b.at(r, 4, { formula: `IF(${anyone},"",IF(${cellRef(r, 3)}>0,${q(t('statusRisk'))},${q(t('statusOk'))}))` }, centred);
  });
  const thresholdRow = riskHead + risks.length + 1;
  b.at(thresholdRow, 1, t('riskThreshold'), kpiLabel).at(thresholdRow, 2, null, kpiLabel).merge(rangeRef(thresholdRow, 1, thresholdRow, 2));
  b.at(thresholdRow, 3, DEFAULT_HIGH_INFLUENCE, style(STYLE.input, { alignment: { horizontal: 'center' } }));
  b.validation(validationFor(lang, cellRef(thresholdRow, 3), { whole: [1, 5], prompt: t('promptThreshold') }));
  b.defineName({ name: threshold, ref: cellRef(thresholdRow, 3, true) });

  const attitudeBody = people.body('attitude');
  const F = `${people.col.attitude}${first}`;
  b.conditional({
    ref: attitudeBody,
    rules: [
      { type: 'expression', formula: `${F}=${q(a.supporter)}`, style: { fill: COLORS.green, font: { color: COLORS.greenText } } },
      { type: 'expression', formula: `${F}=${q(a.opponent)}`, style: { fill: COLORS.red, font: { color: COLORS.redText } } },
      { type: 'expression', formula: `${F}=${q(a.neutral)}`, style: { fill: COLORS.yellow, font: { color: COLORS.yellowText } } },
    ],
  });
  b.conditional({ ref: people.body('influence'), rules: [{ type: 'dataBar', color: COLORS.dataBar }] });
  b.conditional({
    ref: people.body('risk'),
    rules: [{ type: 'expression', formula: `${people.col.risk}${first}<>""`, style: FLAG_STYLE }],
  });
  const flagged = [t('rcNoSupporter'), t('rcNotIdentified'), t('statusRisk')];
  for (const ref of [roles.body('status'), rangeRef(riskHead + 1, 4, riskHead + risks.length, 4)]) {
    const tl = ref.split(':')[0];
    b.conditional({
      ref,
      rules: [
        { type: 'expression', formula: `OR(${flagged.map((f) => `${tl}=${q(f)}`).join(',')})`, style: FLAG_STYLE },
        { type: 'expression', formula: `OR(${tl}=${q(t('rcOk'))},${tl}=${q(t('statusOk'))})`, style: OK_STYLE },
      ],
    });
  }
  b.conditional({
    ref: cellRef(kpiHead + 1, 3),
    rules: [
      { type: 'cellIs', operator: 'lessThan', formulas: ['0'], style: FLAG_STYLE },
      { type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: OK_STYLE },
    ],
  });

  const noteRow = thresholdRow + 1;
  b.set(cellRef(noteRow, 1), t('scoreNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, PRINTED_WIDTH));

  b.configure({
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      titleRows: '1:2',
      // The personal columns to the right of the printed range stay on screen only.
      area: printArea(rangeRef(1, 1, noteRow, PRINTED_WIDTH)),
    },
    protection: protect ? { enabled: true } : undefined,
    personalRanges: people.personal,
  });
  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20, [HEADER_ROW]: 32, [roles.headerRow]: 30 };
  // Body rows keep no fixed height so wrapped text (long English phrases) grows the row.
  b.configure({ rowHeights: heights });
  const sheet = fitRowHeights(b.build(), 2);
  return [{ ...sheet, print: { ...sheet.print!, rowBreaks: keepBlocksTogether(sheet, [summaryTop]) } }];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const decisionChain: TemplateDef = {
  kind: 'decision-chain',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};

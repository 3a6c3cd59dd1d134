import catalog from '../../i18n/templates/contract-checklist';
import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED, FORM_LABEL, type FieldOptions } from '../core/form-grid';
import {
  customerTypes,
  fitRowHeights,
  FLAG_STYLE,
  OK_STYLE,
  planTable,
  q,
  rowCells,
  validationFor,
  type PlacedTable,
  type PlanRow,
} from '../core/planning-table';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Contract and negotiation checklist (docs/rules/templates/contract-checklist.md): the contract's
 * figures with prepayment, retention and lead-time checks, the bonus terms against the bonus
 * rules' thresholds, and three checklists — terms before signing, order assurance, inspection and
 * delivery — whose items carry a status that follows the report date.
 */

const WIDTH = 10;
/** Rows left blank under each checklist's fixed items, for the planner's own. */
const EXTRA_ROWS = 2;
/** Bonus rules (docs/rules/bonus/new-brand.md, new-customer.md): margin at least 10 %, industrial first order prepaid at least 50 %. */
const DEFAULT_MIN_MARGIN = 0.1;
const DEFAULT_MIN_PREPAY = 0.5;
const DEFAULT_STALL = 7;
const CENTRED = 'center' as const;
const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };

const TERMS = [
  'termConfig',
  'termPrice',
  'termPayment',
  'termDelivery',
  'termLeadTime',
  'termService',
  'termPenalty',
  'termRetention',
  'termReview',
] as const;
const ASSURANCE = ['assureProduction', 'assureParts', 'assureMatch', 'assureSample'] as const;
const DELIVERY = [
  'deliverInspection',
  'deliverNameplate',
  'deliverDocuments',
  'deliverTransport',
  'deliverAcceptance',
] as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const contractChecklist: TemplateDef = {
  kind: 'contract-checklist',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildChecklist(o)],
};

type CheckKey =
  'item' | 'agreed' | 'standard' | 'checkedBy' | 'due' | 'checkedOn' | 'result' | 'risk' | 'status' | 'daysLate';
type T = ReturnType<typeof translator<(typeof catalog)['en-US']>>;

function buildChecklist(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const c = translator(common, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef: report } = titleBlock(b, {
    lang,
    title: t('sheetTitle'),
    purpose: t('sheetPurpose'),
    width: WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? contractExample(lang, today) : undefined;
  const form = new Form(b, lang);
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  const sectionStarts: number[] = [];
  let row = 6;
  const section = (text: string) => {
    sectionStarts.push(row);
    sectionBand(b, row, WIDTH, text);
    rowHeights[row] = 22;
    row += 1;
  };
  /** Up to three fields a row: columns 1|2, 3|4–6, 7–8|9–10. */
  const slots: [number, number, number][] = [
    [1, 2, 2],
    [3, 4, 6],
    [7, 9, 10],
  ];
  const fields = (...items: ([string, CellContent, FieldOptions?] | null)[]) => {
    const refs = items.map((item, i) => {
      if (!item) return '';
      const [labelCol, from, to] = slots[i];
      form.label(row, labelCol, item[0], from - 1);
      // The rule covers every cell of a merged value, so no part of it takes an unchecked entry.
      const { input, ...rest } = item[2] ?? {};
      if (input) b.validation(validationFor(lang, rangeRef(row, from, row, to), input));
      return form.value(row, from, to, item[1], rest);
    });
    row += 1;
    return refs;
  };
  const money = { decimal: [0, 1e12] as [number, number], prompt: t('moneyPrompt') };
  const share = {
    decimal: [0, 1] as [number, number],
    prompt: t('sharePrompt'),
    shown: ['0%', '100%'] as [string, string],
  };
  const days = { whole: [0, 3650] as [number, number], prompt: t('daysPrompt') };
  const dateRule = { date: true as const, prompt: t('datePrompt') };
  const yesNo = [c('yes'), c('no')];
  const yesNoRule = { list: yesNo, prompt: t('yesNoPrompt') };
  const pct: FieldOptions = { numFmt: NUMFMT.percent0, input: share, align: CENTRED };
  const computed = (numFmt?: string): FieldOptions => ({ computed: true, numFmt, align: CENTRED });

  // 1. The contract's figures.
  section(t('sectionContract'));
  fields(
    [t('customer'), ex?.customer ?? null],
    [t('contractNo'), ex?.contractNo ?? null],
    [t('signBy'), ex ? daysFrom(today, ex.signIn) : null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }],
  );
  const types = customerTypes(lang);
  const [, amount] = fields(
    [t('product'), ex?.product ?? null],
    [t('amount'), ex?.amount ?? null, { numFmt: NUMFMT.integer, input: money }],
    [t('type'), ex ? types[3] : null, { input: { list: types, prompt: c('typePrompt') } }],
  );
  const [industrial, firstDeal, margin] = fields(
    [t('industrial'), ex ? yesNo[0] : null, { input: yesNoRule, align: CENTRED }],
    [t('firstDeal'), ex ? yesNo[0] : null, { input: yesNoRule, align: CENTRED }],
    // A loss-making contract has a negative margin.
    [
      t('margin'),
      ex?.margin ?? null,
      { ...pct, input: { decimal: [-1, 1], prompt: t('marginPrompt'), shown: ['-100%', '100%'] } },
    ],
  );
  const [prepay] = fields(
    [t('prepayShare'), ex?.prepay ?? null, pct],
    [t('prepayAmount'), { formula: '' }, computed(NUMFMT.integer)],
    [t('penalty'), ex?.penalty ?? null, pct],
  );
  setFormula(b, row - 1, 4, `IF(OR(${amount}="",${prepay}=""),"",${amount}*${prepay})`);
  const [retention, , months] = fields(
    [t('retentionShare'), ex?.retention ?? null, pct],
    [t('retentionAmount'), { formula: '' }, computed(NUMFMT.integer)],
    [
      t('retentionMonths'),
      ex?.retentionMonths ?? null,
      { input: { whole: [0, 120], prompt: t('monthsPrompt') }, align: CENTRED },
    ],
  );
  setFormula(b, row - 1, 4, `IF(OR(${amount}="",${retention}=""),"",${amount}*${retention})`);
  const [delivery] = fields(
    [
      t('deliveryDate'),
      ex ? daysFrom(today, ex.deliveryIn) : null,
      { numFmt: NUMFMT.date, input: dateRule, align: CENTRED },
    ],
    [t('retentionRelease'), { formula: '' }, computed(NUMFMT.date)],
  );
  // Retention is returned the given number of months after delivery.
  setFormula(b, row - 1, 4, `IF(OR(${delivery}="",${months}=""),"",EDATE(${delivery},${months}))`);
  const [lead, cycle] = fields(
    [t('leadTime'), ex?.leadTime ?? null, { input: days, align: CENTRED }],
    [t('productionCycle'), ex?.cycle ?? null, { input: days, align: CENTRED }],
    [t('leadCheck'), { formula: '' }, computed()],
  );
  const leadCheck = cellRef(row - 1, 9, true);
  setFormula(
    b,
    row - 1,
    9,
    `IF(OR(${lead}="",${cycle}=""),"",IF(${lead}<${cycle},${q(t('leadShort'))},${q(t('leadOk'))}))`,
  );
  b.conditional({
    ref: rangeRef(row - 1, 9, row - 1, 10),
    rules: [
      { type: 'expression', formula: `${leadCheck}=${q(t('leadShort'))}`, style: FLAG_STYLE },
      { type: 'expression', formula: `${leadCheck}=${q(t('leadOk'))}`, style: OK_STYLE },
    ],
  });
  row += 1;

  // 2. Bonus terms against the bonus rules' thresholds, then progress and the signing verdict.
  section(t('sectionBonus'));
  const [minMargin, minPrepay, stall] = fields(
    [
      t('minMargin'),
      DEFAULT_MIN_MARGIN,
      { numFmt: NUMFMT.percent0, input: { ...share, prompt: t('minMarginPrompt') }, align: CENTRED },
    ],
    [
      t('minPrepay'),
      DEFAULT_MIN_PREPAY,
      { numFmt: NUMFMT.percent0, input: { ...share, prompt: t('minPrepayPrompt') }, align: CENTRED },
    ],
    [t('stallDays'), DEFAULT_STALL, { input: { whole: [1, 365], prompt: t('stallPrompt') }, align: CENTRED }],
  );
  const yes = q(yesNo[0]);
  const marginCheck = `IF(${margin}="","",IF(${margin}>=${minMargin},${q(t('bonusMet'))},${q(t('marginLow'))}))`;
  // Only an industrial customer's first cooperation needs the prepayment (bonus rules, new-customer bonus).
  const prepayCheck =
    `IF(OR(${industrial}="",${firstDeal}=""),"",IF(AND(${industrial}=${yes},${firstDeal}=${yes}),` +
    `IF(${prepay}="",${q(t('prepayMissing'))},IF(${prepay}>=${minPrepay},${q(t('bonusMet'))},${q(t('prepayLow'))})),${q(t('notApplicable'))}))`;
  const checksRow = row;
  fields(
    [t('marginCheck'), { formula: marginCheck }, { computed: true }],
    [t('prepayCheck'), { formula: prepayCheck }, { computed: true }],
  );
  const bonusStyle = (ref: string) => [
    { type: 'expression' as const, formula: `${ref}=${q(t('bonusMet'))}`, style: OK_STYLE },
    { type: 'expression' as const, formula: `AND(${ref}<>"",${ref}<>${q(t('notApplicable'))})`, style: FLAG_STYLE },
  ];
  b.conditional({ ref: cellRef(checksRow, 2), rules: bonusStyle(cellRef(checksRow, 2, true)) });
  b.conditional({ ref: rangeRef(checksRow, 4, checksRow, 6), rules: bonusStyle(cellRef(checksRow, 4, true)) });
  form.note(row, 1, WIDTH, t('bonusNote'), 2);
  row += 3;

  // The progress table is filled once the checklists are placed (it counts their statuses).
  const progressTop = row;
  row += 5;
  const verdictRow = row - 1;
  row += 1;

  const statuses = {
    confirmed: t('statusConfirmed'),
    notMet: t('statusNotMet'),
    overdue: t('statusOverdue'),
    stalled: t('statusStalled'),
  };
  const parts: [string, readonly ItemKey[], string, string, PlanRow<CheckKey>[] | undefined][] = [
    ['Contract_Terms', TERMS, t('sectionTerms'), t('partTerms'), ex?.terms],
    ['Contract_Assurance', ASSURANCE, t('sectionAssurance'), t('partAssurance'), ex?.assurance],
    ['Contract_Delivery', DELIVERY, t('sectionDelivery'), t('partDelivery'), ex?.delivery],
  ];
  const tables: PlacedTable<CheckKey>[] = [];
  for (const [name, items, heading, , data] of parts) {
    section(heading);
    const table = checkTable(b, lang, t, { name, top: row, items, data, report, stall });
    rowHeights[table.headerRow] = 22;
    tables.push(table);
    row = table.lastRow + 2;
  }
  const last = row - 2;

  // Progress per part, and whether the terms allow signing.
  const headers = [
    t('progressPart'),
    t('progressItems'),
    t('progressConfirmed'),
    t('progressOpen'),
    t('progressOverdue'),
    t('progressStalled'),
    t('progressNotMet'),
  ];
  headers.forEach((h, i) =>
    b.at(progressTop, 1 + i, h, style(STYLE.header, { alignment: { horizontal: CENTRED, wrapText: true } })),
  );
  const counts = tables.map((table, i) => {
    const r = progressTop + 1 + i;
    const count = (s: string) => `COUNTIF(${table.range('status')},${q(s)})`;
    const items = cellRef(r, 2, true);
    const cells = [
      `COUNTA(${table.range('item')})`,
      count(statuses.confirmed),
      `${items}-${cellRef(r, 3, true)}-${cellRef(r, 7, true)}`,
      count(statuses.overdue),
      count(statuses.stalled),
      count(statuses.notMet),
    ];
    b.at(r, 1, parts[i][3], FORM_LABEL);
    cells.forEach((formula, k) =>
      b.at(r, 2 + k, { formula }, style(FORM_COMPUTED, { alignment: { horizontal: CENTRED } })),
    );
    return { items, confirmed: cellRef(r, 3, true), notMet: cellRef(r, 7, true) };
  });
  b.conditional({
    ref: rangeRef(progressTop + 1, 5, progressTop + 3, 7),
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }],
  });
  const terms = counts[0];
  const verdict =
    `IF(${terms.items}=0,"",IF(${terms.notMet}>0,${q(t('verdictNotMet'))},IF(${leadCheck}=${q(t('leadShort'))},${q(t('verdictLead'))},` +
    `IF(${terms.confirmed}=${terms.items},${q(t('verdictReady'))},${messageFormula(t('verdictOpen'), { n: `${terms.items}-${terms.confirmed}` })}))))`;
  const verdictRef = form.field(verdictRow, 1, 2, 6, t('verdict'), { formula: verdict }, { computed: true });
  b.conditional({
    ref: rangeRef(verdictRow, 2, verdictRow, 6),
    rules: [
      { type: 'expression', formula: `${verdictRef}=${q(t('verdictReady'))}`, style: OK_STYLE },
      {
        type: 'expression',
        formula: `OR(${verdictRef}=${q(t('verdictNotMet'))},${verdictRef}=${q(t('verdictLead'))})`,
        style: FLAG_STYLE,
      },
      { type: 'expression', formula: `${verdictRef}<>""`, style: AMBER },
    ],
  });

  b.widths(lang === 'en-US' ? [28, 30, 26, 11, 11, 11, 12, 8, 13, 8] : [26, 28, 24, 9, 11, 11, 9, 7, 11, 9]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH)), '1:2'),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  const fitted = fitRowHeights(sheet);
  return { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, sectionStarts) } };
}

/** Replaces a computed field's placeholder with its formula, once the cells it reads are known. */
function setFormula(b: SheetBuilder, row: number, col: number, formula: string): void {
  const ref = cellRef(row, col);
  b.set(ref, { formula }, b.get(ref)!.style);
}

type ItemKey = (typeof TERMS)[number] | (typeof ASSURANCE)[number] | (typeof DELIVERY)[number];

interface CheckTableOptions {
  name: string;
  top: number;
  items: readonly ItemKey[];
  data?: PlanRow<CheckKey>[];
  report: string;
  stall: string;
}

/**
 * One checklist: fixed items and blank rows, each with its agreed value, check and risk; the
 * status follows the result and the report date (rules page, "Status of an item").
 */
function checkTable(b: SheetBuilder, lang: Lang, t: T, o: CheckTableOptions): PlacedTable<CheckKey> {
  const results = [t('resultOk'), t('resultTalk'), t('resultNo')];
  const risks = [t('riskHigh'), t('riskMedium'), t('riskLow')];
  const table = planTable<CheckKey>(b, lang, {
    name: o.name,
    top: o.top,
    left: 1,
    rows: o.items.length + EXTRA_ROWS,
    columns: [
      { key: 'item', header: t('colItem'), labels: o.items.map((k) => t(k)) },
      { key: 'agreed', header: t('colAgreed') },
      { key: 'standard', header: t('colStandard') },
      { key: 'checkedBy', header: t('colCheckedBy'), align: CENTRED },
      {
        key: 'due',
        header: t('colDue'),
        numFmt: NUMFMT.date,
        align: CENTRED,
        input: { date: true, prompt: t('datePrompt') },
      },
      {
        key: 'checkedOn',
        header: t('colCheckedOn'),
        numFmt: NUMFMT.date,
        align: CENTRED,
        input: { date: true, prompt: t('datePrompt') },
      },
      { key: 'result', header: t('colResult'), align: CENTRED, input: { list: results, prompt: t('resultPrompt') } },
      { key: 'risk', header: t('colRisk'), align: CENTRED, input: { list: risks, prompt: t('riskPrompt') } },
      {
        key: 'status',
        header: t('colStatus'),
        align: CENTRED,
        // An item with nothing entered yet shows nothing. A settled item (agreed or not met) is never overdue or stalled; an open one is overdue
        // past its check-by date, else stalled when negotiation has not moved for the stall days.
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(OR(${x.item}="",AND(${x.due}="",${x.checkedOn}="",${x.result}="")),"",IF(${x.result}=${q(results[2])},${q(t('statusNotMet'))},IF(${x.result}=${q(results[0])},${q(t('statusConfirmed'))},` +
            `IF(${x.due}="",${q(t('statusNoDue'))},IF(${x.due}<${o.report},${q(t('statusOverdue'))},` +
            `IF(AND(${x.result}=${q(results[1])},${x.checkedOn}<>"",${o.report}-${x.checkedOn}>${o.stall}),${q(t('statusStalled'))},` +
            `IF(${x.result}=${q(results[1])},${q(t('statusTalking'))},${q(t('statusToCheck'))})))))))`
          );
        },
      },
      {
        key: 'daysLate',
        header: t('colDaysLate'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(${x.status}=${q(t('statusOverdue'))},${o.report}-${x.due},"")`;
        },
      },
    ],
    data: o.data,
  });
  const s = `${table.col.status}${table.firstRow}`;
  b.conditional({
    ref: table.span('status', 'daysLate'),
    rules: [
      {
        type: 'expression',
        formula: `OR(${s}=${q(t('statusNotMet'))},${s}=${q(t('statusOverdue'))},${s}=${q(t('statusStalled'))},${s}=${q(t('statusNoDue'))})`,
        style: FLAG_STYLE,
      },
      { type: 'expression', formula: `${s}=${q(t('statusTalking'))}`, style: AMBER },
      { type: 'expression', formula: `${s}=${q(t('statusConfirmed'))}`, style: OK_STYLE },
    ],
  });
  b.conditional({
    ref: table.body('risk'),
    rules: [{ type: 'expression', formula: `${table.col.risk}${table.firstRow}=${q(risks[0])}`, style: FLAG_STYLE }],
  });
  return table;
}

/* ---------------------------------------------------------------- example */

interface ContractExample {
  customer: string;
  contractNo: string;
  product: string;
  /** Days from the report date. */
  signIn: number;
  deliveryIn: number;
  amount: number;
  margin: number;
  prepay: number;
  penalty: number;
  retention: number;
  retentionMonths: number;
  leadTime: number;
  cycle: number;
  terms: PlanRow<CheckKey>[];
  assurance: PlanRow<CheckKey>[];
  delivery: PlanRow<CheckKey>[];
}

/** agreed, our policy, checked by, check-by and checked-on in days from the report date, result index, risk index */
type ExampleItem = [string, string, string, number, number | null, number | null, number];

/**
 * A first contract with an industrial customer, to be signed in 7 days (rules page, "Example"):
 * of nine terms four are agreed, one is overdue, one stalled, one under negotiation, two to check.
 */
function contractExample(lang: Lang, today: Date): ContractExample {
  const t = translator(catalog, lang);
  const results = [t('resultOk'), t('resultTalk'), t('resultNo')];
  const risks = [t('riskHigh'), t('riskMedium'), t('riskLow')];
  const z = lang === 'zh-CN';
  const row = ([agreed, standard, by, due, on, result, risk]: ExampleItem): PlanRow<CheckKey> => ({
    agreed,
    standard,
    checkedBy: by,
    due: daysFrom(today, due),
    checkedOn: on === null ? null : daysFrom(today, on),
    result: result === null ? null : results[result],
    risk: risks[risk],
  });
  const wang = z ? '王磊' : 'Wang Lei';
  const liu = z ? '刘洋' : 'Liu Yang';
  const sun = z ? '孙立' : 'Sun Li';
  const terms: ExampleItem[] = z
    ? [
        ['CPD30 锂电叉车 10 台，国标 GB/T 26949', '标准配置，可选装侧移器', '孙立', -10, -12, 0, 2],
        ['含运费、包装；上牌费客户自理', '运费按区域核算', '王磊', -8, -9, 0, 2],
        ['预付 50%，发货前付 40%，质保金 10%', '首单预付不少于 50%', '赵敏', -6, -6, 0, 1],
        ['分两批交货，嘉兴厂区', '同省内送货上门', '王磊', -3, -20, 1, 1],
        ['签约后 45 天交货', '生产周期 40 天', '孙立', -5, -5, 0, 1],
        ['驻厂服务两周，免费培训司机', '标准服务含 3 天培训', '刘洋', 2, -10, 1, 0],
        ['延期交货每天 0.05%，上限 5%', '违约金上限 5%', '赵敏', 5, -2, 1, 0],
        ['质保金 10%，交货满 12 个月返还', '质保期不超过 12 个月', '赵敏', 4, null, null, 1],
        ['', '合同评审单签字齐全', '刘洋', 7, null, null, 0],
      ]
    : [
        ['10 CPD30 lithium trucks, to GB/T 26949', 'Standard build; side-shifter optional', 'Sun Li', -10, -12, 0, 2],
        [
          'Freight and packing included; registration paid by the customer',
          'Freight priced by region',
          'Wang Lei',
          -8,
          -9,
          0,
          2,
        ],
        [
          '50% prepaid, 40% before shipment, 10% retention',
          'First order prepaid at least 50%',
          'Zhao Min',
          -6,
          -6,
          0,
          1,
        ],
        ['Two batches to the Jiaxing site', 'Door delivery within the province', 'Wang Lei', -3, -20, 1, 1],
        ['Delivery 45 days after signing', 'Production cycle 40 days', 'Sun Li', -5, -5, 0, 1],
        ['Two weeks on site, free driver training', 'Standard service: 3 days of training', 'Liu Yang', 2, -10, 1, 0],
        ['Late delivery 0.05% a day, at most 5%', 'Penalty capped at 5%', 'Zhao Min', 5, -2, 1, 0],
        [
          'Retention 10%, released 12 months after delivery',
          'Retention held at most 12 months',
          'Zhao Min',
          4,
          null,
          null,
          1,
        ],
        ['', 'Review form fully signed', 'Liu Yang', 7, null, null, 0],
      ];
  const assurance: ExampleItem[] = [
    [
      z ? '排产后每周报进度' : 'Weekly progress once scheduled',
      z ? '生产计划表' : 'Production plan',
      sun,
      14,
      null,
      null,
      1,
    ],
    [z ? '电芯：宁德时代' : 'Battery cells: CATL', z ? '合同附件二' : 'Contract annex 2', sun, 21, null, null, 0],
    [
      z ? '逐项核对配置单' : 'Item-by-item against the build sheet',
      z ? '技术协议' : 'Technical agreement',
      sun,
      40,
      null,
      null,
      1,
    ],
    [
      z ? '首台样车客户签字' : 'Customer signs off the first truck',
      z ? '首样确认单' : 'First-sample form',
      wang,
      35,
      null,
      null,
      1,
    ],
  ];
  const delivery: ExampleItem[] = [
    [
      z ? '外观、载荷、续航测试' : 'Finish, load and range tests',
      z ? '出厂检验规程' : 'Inspection procedure',
      sun,
      50,
      null,
      null,
      1,
    ],
    [
      z ? '铭牌与配置单一致' : 'Nameplate matches the build sheet',
      z ? '技术协议' : 'Technical agreement',
      sun,
      50,
      null,
      null,
      2,
    ],
    [
      z ? '合格证、说明书、保修卡' : 'Certificate, manual, warranty card',
      z ? '随货清单' : 'Packing list',
      sun,
      51,
      null,
      null,
      2,
    ],
    [
      z ? '两批各 5 台，专车运输' : 'Two loads of 5 trucks',
      z ? '物流合同' : 'Carrier contract',
      liu,
      52,
      null,
      null,
      2,
    ],
    [
      z ? '客户验收单签字' : 'Customer signs the acceptance form',
      z ? '验收单' : 'Acceptance form',
      wang,
      55,
      null,
      null,
      1,
    ],
  ];
  return {
    customer: z ? '嘉兴同舟物流设备有限公司' : 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.',
    contractNo: '2026-0318',
    product: z ? 'CPD30 锂电叉车 10 台' : '10 CPD30 lithium forklift trucks',
    signIn: 7,
    deliveryIn: 52,
    amount: 1_280_000,
    margin: 0.12,
    prepay: 0.5,
    penalty: 0.05,
    retention: 0.1,
    retentionMonths: 12,
    leadTime: 45,
    cycle: 40,
    terms: terms.map(row),
    assurance: assurance.map(row),
    delivery: delivery.map(row),
  };
}

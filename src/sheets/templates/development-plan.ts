import common from '../../i18n/common';
import catalog from '../../i18n/templates/development-plan';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { messageFormula } from '../core/formula-text';
import { customerTypes, FLAG_STYLE, OK_STYLE, planTable, q, rowCells, validationFor } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand } from '../core/section-band';
import { daysFrom } from '../core/example-dates';

const WIDTH = 8;
const ROWS = { targets: 8, needs: 6, status: 6, supply: 5, steps: 10 };

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const developmentPlan: TemplateDef = {
  kind: 'development-plan',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildDevelopmentPlan(o)],
};

function buildDevelopmentPlan(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const c = translator(common, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { nextRow, dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? EXAMPLE[lang] : undefined;
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  let row = nextRow;

  const section = (text: string) => {
    sectionBand(b, row, WIDTH, text);
    rowHeights[row] = 22;
    row += 1;
  };
  const subsection = (text: string) => {
    b.at(row, 1, text, style(STYLE.label, { alignment: { horizontal: 'left' } }));
    row += 1;
  };
  const header = (r: number) => (rowHeights[r] = 30);
  // Fixed labels and evidence are longer than one line: wrap them in taller rows.
  const twoLineRows = (from: number, to: number) => {
    for (let r = from; r <= to; r++) {
      rowHeights[r] = 30;
      for (let col = 1; col <= WIDTH; col++) {
        const cell = b.get(cellRef(r, col));
        if (cell) cell.style = style(cell.style, { alignment: { wrapText: true, vertical: 'middle' } });
      }
    }
  };
  const centred = 'center' as const;

  // 1. Target customers.
  section(t('sectionTargets'));
  const scales = [t('scaleLarge'), t('scaleMedium'), t('scaleSmall')];
  const focuses = [t('focusPrimary'), t('focusSecondary'), t('focusInfluenced')];
  const directions = [t('directionExisting'), t('directionNewProduct'), t('directionNewBoth'), t('directionNewMarket')];
  // Customer types (docs/rules/templates/development-plan.md); an enterprise's scale goes in the next column.
  const types = customerTypes(lang);
  const targets = planTable(b, lang, {
    name: 'DevelopmentPlan_Targets',
    top: row,
    left: 1,
    rows: ROWS.targets,
    columns: [
      { key: 'customer', header: t('colCustomer') },
      { key: 'industry', header: t('colIndustry') },
      { key: 'type', header: t('colType'), input: { list: types, prompt: c('typePrompt') } },
      { key: 'scale', header: t('colScale'), align: centred, input: { list: scales, prompt: t('scalePrompt') } },
      { key: 'focus', header: t('colFocus'), align: centred, input: { list: focuses, prompt: t('focusPrompt') } },
      { key: 'direction', header: t('colDirection'), input: { list: directions, prompt: t('directionPrompt') } },
      { key: 'product', header: t('colMainProduct') },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.targets.map(([customer, industry, type, scale, focus, direction, product, notes]) => ({
      customer,
      industry,
      type: types[type],
      scale: scales[scale],
      focus: focuses[focus],
      direction: directions[direction],
      product,
      notes,
    })),
  });
  header(targets.headerRow);
  row = targets.lastRow + 2;

  // 2. Needs analysis: what they buy and use now, then their status.
  section(t('sectionNeeds'));
  subsection(t('subNeeds'));
  const needs = planTable(b, lang, {
    name: 'DevelopmentPlan_Needs',
    top: row,
    left: 1,
    rows: ROWS.needs,
    columns: [
      { key: 'customer', header: t('colCustomer') },
      { key: 'product', header: t('colNeededProduct') },
      { key: 'requirements', header: t('colRequirements') },
      { key: 'similar', header: t('colSimilarProduct') },
      { key: 'spec', header: t('colSpec') },
      { key: 'features', header: t('colFeatures') },
      {
        key: 'price',
        header: t('colPrice'),
        numFmt: NUMFMT.decimal2,
        input: { decimal: [0, 1e12], prompt: t('pricePrompt') },
      },
      { key: 'supplier', header: t('colSupplier') },
    ],
    data: ex?.needs.map(([customer, product, requirements, similar, spec, features, price, supplier]) => ({
      customer,
      product,
      requirements,
      similar,
      spec,
      features,
      price,
      supplier,
    })),
  });
  header(needs.headerRow);
  row = needs.lastRow + 2;

  subsection(t('subStatus'));
  const ratings = [t('ratingGood'), t('ratingFair'), t('ratingPoor')];
  const poor = q(t('ratingPoor'));
  const status = planTable(b, lang, {
    name: 'DevelopmentPlan_Status',
    top: row,
    left: 1,
    rows: ROWS.status,
    columns: [
      { key: 'customer', header: t('colCustomer') },
      { key: 'volume', header: t('colPurchaseVolume') },
      { key: 'sales', header: t('colSales') },
      { key: 'finances', header: t('colFinances'), align: centred, input: { list: ratings, prompt: t('financesPrompt') } },
      { key: 'credit', header: t('colCredit'), align: centred, input: { list: ratings, prompt: t('creditPrompt') } },
      {
        key: 'risk',
        header: t('colRisk'),
        // A customer with credit or financial problems is reported before the talks go on.
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(${x.customer}="","",IF(OR(${x.finances}=${poor},${x.credit}=${poor}),${q(t('riskFlag'))},""))`;
        },
      },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.status.map(([customer, volume, sales, finances, credit, notes]) => ({
      customer,
      volume,
      sales,
      finances: ratings[finances],
      credit: ratings[credit],
      notes,
    })),
  });
  header(status.headerRow);
  b.conditional({
    ref: status.body('risk'),
    rules: [{ type: 'expression', formula: `$${status.col.risk}${status.firstRow}<>""`, style: FLAG_STYLE }],
  });
  row = status.lastRow + 2;

  // Printed as three pages: targets and needs; supply and steps; criteria and checklist.
  const pageBreaks = [row - 1];
  // 3. Our supply capability.
  section(t('sectionSupply'));
  const technical = [t('technicalFull'), t('technicalMostly'), t('technicalNot')];
  const supply = planTable(b, lang, {
    name: 'DevelopmentPlan_Supply',
    top: row,
    left: 1,
    rows: ROWS.supply,
    columns: [
      { key: 'product', header: t('colProduct') },
      {
        key: 'technical',
        header: t('colTechnical'),
        align: centred,
        input: { list: technical, prompt: t('technicalPrompt') },
      },
      { key: 'output', header: t('colOutput') },
      { key: 'lead', header: t('colLeadTime'), align: centred, input: { whole: [0, 3650], prompt: t('leadPrompt') } },
      {
        key: 'required',
        header: t('colRequiredLead'),
        align: centred,
        input: { whole: [0, 3650], prompt: t('leadPrompt') },
      },
      {
        key: 'leadOk',
        header: t('colLeadOk'),
        align: centred,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.lead}="",${x.required}=""),"",IF(${x.lead}<=${x.required},${q(c('yes'))},${q(c('no'))}))`;
        },
      },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.supply.map(([product, tech, output, lead, required, notes]) => ({
      product,
      technical: technical[tech],
      output,
      lead,
      required,
      notes,
    })),
  });
  header(supply.headerRow);
  b.conditional({
    ref: supply.body('leadOk'),
    rules: [{ type: 'expression', formula: `$${supply.col.leadOk}${supply.firstRow}=${q(c('no'))}`, style: FLAG_STYLE }],
  });
  row = supply.lastRow + 2;

  // 4. Development process.
  section(t('sectionSteps'));
  const stepStatus = [t('statusNotStarted'), t('statusInProgress'), t('statusDone')];
  const steps = planTable(b, lang, {
    name: 'DevelopmentPlan_Steps',
    top: row,
    left: 1,
    rows: ROWS.steps,
    columns: [
      { key: 'action', header: t('colAction') },
      { key: 'start', header: t('colStart'), numFmt: NUMFMT.date, align: centred },
      { key: 'due', header: t('colDue'), numFmt: NUMFMT.date, align: centred },
      { key: 'owner', header: t('colOwner'), align: centred },
      { key: 'status', header: t('colStatus'), align: centred, input: { list: stepStatus, prompt: t('statusPrompt') } },
      {
        key: 'overdue',
        header: t('colOverdue'),
        align: centred,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.action}="",${x.due}=""),"",IF(AND(${x.due}<${dateRef},${x.status}<>${q(stepStatus[2])}),${q(t('overdueFlag'))},""))`;
        },
      },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.steps.map(([action, start, due, owner, s, notes]) => ({
      action,
      start: daysFrom(today, start),
      due: daysFrom(today, due),
      owner,
      status: stepStatus[s],
      notes,
    })),
  });
  header(steps.headerRow);
  b.validation(validationFor(lang, steps.body('start'), { date: true, prompt: t('startPrompt') }));
  b.validation(validationFor(lang, steps.body('due'), { date: true, prompt: t('duePrompt') }));
  b.conditional({
    ref: steps.body('overdue'),
    rules: [{ type: 'expression', formula: `$${steps.col.overdue}${steps.firstRow}<>""`, style: FLAG_STYLE }],
  });
  row = steps.lastRow + 2;

  pageBreaks.push(row - 1);
  // 5. Acceptance criteria: each scored against a pass mark; all must pass.
  section(t('sectionCriteria'));
  const [pass, fail] = [t('resultPass'), t('resultFail')];
  const criteria = planTable(b, lang, {
    name: 'DevelopmentPlan_Criteria',
    top: row,
    left: 1,
    rows: 4,
    columns: [
      {
        key: 'criterion',
        header: t('colCriterion'),
        labels: [t('criterionFinance'), t('criterionEffort'), t('criterionValue'), t('criterionTechnical')],
      },
      { key: 'score', header: t('colScore'), align: centred, input: { whole: [1, 5], prompt: t('scorePrompt') } },
      { key: 'passMark', header: t('colPassMark'), align: centred, input: { whole: [1, 5], prompt: t('passMarkPrompt') } },
      {
        key: 'result',
        header: t('colResult'),
        align: centred,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.score}="",${x.passMark}=""),"",IF(${x.score}>=${x.passMark},${q(pass)},${q(fail)}))`;
        },
      },
      { key: 'evidence', header: t('colEvidence') },
    ],
    data: [0, 1, 2, 3].map((i) => ({ score: ex?.criteria[i][0] ?? null, passMark: 3, evidence: ex?.criteria[i][1] ?? null })),
  });
  header(criteria.headerRow);
  twoLineRows(criteria.firstRow, criteria.lastRow);
  const results = criteria.range('result');
  const assessed = `COUNTIF(${results},${q(pass)})+COUNTIF(${results},${q(fail)})`;
  // Every criterion row counts, so a criterion added as a row takes part in the verdict.
  const total = `ROWS(${results})`;
  const failed = `COUNTIF(${results},${q(fail)})`;
  row = criteria.lastRow + 1;
  const verdictRef = `B${row}`;
  b.at(row, 1, t('overallVerdict'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  b.set(
    verdictRef,
    {
      formula:
        `IF(${assessed}<${total},${messageFormula(t('verdictPending'), { n: assessed, total })},` +
        `IF(${failed}=0,${q(t('verdictAccept'))},${messageFormula(t('verdictReject'), { n: failed })}))`,
    },
    style(STYLE.computed, { font: { bold: true } }),
  );
  b.fill(rangeRef(row, 2, row, 4), STYLE.computed).merge(rangeRef(row, 2, row, 4));
  b.at(row, 5, t('averageScore'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  const scores = criteria.range('score');
  b.at(row, 6, { formula: `IF(COUNT(${scores})=0,"",AVERAGE(${scores}))` }, style(STYLE.computed, { numFmt: '0.00' }));
  b.conditional({
    ref: rangeRef(row, 2, row, 4),
    rules: [
      { type: 'expression', formula: `${verdictRef}=${q(t('verdictAccept'))}`, style: OK_STYLE },
      { type: 'expression', formula: `AND(${assessed}=${total},${failed}>0)`, style: FLAG_STYLE },
    ],
  });
  b.conditional({
    ref: criteria.body('result'),
    rules: [{ type: 'expression', formula: `$${criteria.col.result}${criteria.firstRow}=${q(fail)}`, style: FLAG_STYLE }],
  });
  row += 1;
  b.at(row, 1, t('criteriaNote'), TEMPLATE_NOTE).merge(rangeRef(row, 1, row, WIDTH));
  row += 2;

  // 6. Preparation checklist with its completion rate.
  section(t('sectionChecklist'));
  const [doneYes, doneNo] = [t('doneYes'), t('doneNo')];
  const items = [
    t('itemContact'),
    t('itemDecisionMaker'),
    t('itemSuppliers'),
    t('itemDecisionPattern'),
    t('itemPayment'),
    t('itemBusiness'),
  ];
  const checklist = planTable(b, lang, {
    name: 'DevelopmentPlan_Checklist',
    top: row,
    left: 1,
    rows: items.length,
    columns: [
      { key: 'item', header: t('colItem'), labels: items },
      { key: 'done', header: t('colDone'), align: centred, input: { list: [doneYes, doneNo], prompt: t('donePrompt') } },
      { key: 'doneDate', header: t('colDoneDate'), numFmt: NUMFMT.date, align: centred },
      { key: 'owner', header: t('colOwner'), align: centred },
      { key: 'notes', header: t('colNotes') },
    ],
    data: items.map((_, i) => {
      const e = ex?.checklist[i];
      return {
        done: e ? (e[0] ? doneYes : doneNo) : doneNo,
        doneDate: e?.[1] === null || e?.[1] === undefined ? null : daysFrom(today, e[1]),
        owner: e?.[2] ?? null,
        notes: e?.[3] ?? null,
      };
    }),
  });
  header(checklist.headerRow);
  twoLineRows(checklist.firstRow, checklist.lastRow);
  b.validation(validationFor(lang, checklist.body('doneDate'), { date: true, prompt: t('doneDatePrompt') }));
  const doneCell = `$${checklist.col.done}${checklist.firstRow}`;
  b.conditional({
    ref: checklist.body('done'),
    rules: [
      { type: 'expression', formula: `${doneCell}=${q(doneYes)}`, style: OK_STYLE },
      { type: 'expression', formula: `${doneCell}=${q(doneNo)}`, style: FLAG_STYLE },
    ],
  });
  row = checklist.lastRow + 1;
  const done = checklist.range('done');
  const completionRef = `B${row}`;
  b.at(row, 1, t('completion'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  b.set(
    completionRef,
    { formula: `COUNTIF(${done},${q(doneYes)})/ROWS(${done})` },
    style(STYLE.computed, { numFmt: NUMFMT.percent, font: { bold: true } }),
  );
  const open = `ROWS(${done})-COUNTIF(${done},${q(doneYes)})`;
  b.at(
    row,
    3,
    { formula: `IF(${open}=0,${q(t('readyAll'))},${messageFormula(t('readyMissing'), { n: open })})` },
    STYLE.computed,
  );
  b.fill(rangeRef(row, 3, row, 5), STYLE.computed).merge(rangeRef(row, 3, row, 5));
  b.conditional({ ref: completionRef, rules: [{ type: 'dataBar', color: '5B9BD5' }] });
  const last = row;

  b.widths([32, 16, 16, 16, 26, 28, 14, 24]);
  return b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 0 },
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: '1:2',
        area: printArea(rangeRef(1, 1, last, WIDTH)),
        rowBreaks: pageBreaks,
      },
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
}

interface Example {
  /** customer, industry, type index, scale index, focus index, direction index, main product, notes */
  targets: [string, string, number, number, number, number, string, string | null][];
  needs: CellContent[][];
  /** customer, purchase volume, sales, finances index, credit index, notes */
  status: [string, string, string, number, number, string | null][];
  /** product, technical index, monthly output, our lead time, required lead time, notes */
  supply: [string, number, string, number, number, string | null][];
  /** action, start and due (days from the report date), owner, status index, notes */
  steps: [string, number, number, string, number, string | null][];
  /** score, evidence — in the order of the four criteria */
  criteria: [number, string][];
  /** done, done on (days from the report date), owner, notes — in the order of the six items */
  checklist: [boolean, number | null, string | null, string | null][];
}

/**
 * Numbers and choices are the same in both languages, and dates are days from the report date,
 * so the results agree: one step done, one overdue, the others on time.
 */
const EXAMPLE: Record<Lang, Example> = {
  'zh-CN': {
    targets: [
      ['苏州恒达电子科技有限公司', '电子制造', 3, 1, 0, 0, '工业胶粘剂', '年采购约 300 万元'],
      ['宁波海纳塑业有限公司', '塑料制品', 3, 0, 0, 1, '色母粒', '现有客户，拟推新品'],
      ['杭州远景包装材料有限公司', '包装材料', 3, 1, 1, 2, '环保复合膜', null],
      ['合肥城建设备租赁公司', '工程机械', 3, 2, 2, 3, '密封材料', '经行业协会介绍'],
    ],
    needs: [
      [
        '苏州恒达电子科技有限公司',
        '工业胶粘剂',
        '耐温 150 度',
        '进口环氧胶',
        '500 克/支',
        '固化快，价格高',
        58,
        '外资品牌代理商',
      ],
      [
        '宁波海纳塑业有限公司',
        '色母粒',
        '分散均匀，无色差',
        '国产色母粒',
        '25 公斤/袋',
        '价格低，偶有色差',
        1200,
        '本地供应商',
      ],
    ],
    status: [
      ['苏州恒达电子科技有限公司', '约 300 万元/年', '约 1.2 亿元/年', 0, 0, '上市子公司'],
      ['宁波海纳塑业有限公司', '约 150 万元/年', '约 8000 万元/年', 1, 2, '两次逾期付款'],
    ],
    supply: [
      ['工业胶粘剂', 0, '20 吨', 7, 10, '常备库存'],
      ['色母粒', 1, '50 吨', 15, 10, '需增加排产'],
    ],
    steps: [
      ['电话邀约采购经理并登门拜访', -23, -10, '王磊', 2, null],
      ['寄送样品并跟进测试结果', -14, -3, '李娜', 1, '实验室排队中'],
      ['提交产品推介书与报价', -5, 10, '王磊', 1, null],
      ['技术交流与工厂考察', 17, 31, '张伟', 0, '邀请来厂参观'],
      ['商务谈判与签约', 36, 56, '王磊', 0, null],
    ],
    criteria: [
      [4, '近三年盈利，付款记录良好'],
      [3, '预计三个月内成交，开发费用约 2 万元'],
      [5, '年采购额可达 300 万元'],
      [3, '耐温要求需加做一项测试'],
    ],
    checklist: [
      [true, -25, '王磊', '采购部赵经理'],
      [true, -18, '王磊', '生产副总陈总'],
      [true, -13, '李娜', '现用进口品牌'],
      [false, null, '李娜', '待内线确认'],
      [true, -9, '王磊', '月结 60 天'],
      [false, null, '张伟', null],
    ],
  },
  'en-US': {
    targets: [
      [
        'Suzhou Hengda Electronics Co., Ltd.',
        'Electronics',
        3,
        1,
        0,
        0,
        'Adhesive',
        'About CNY 3M a year',
      ],
      ['Ningbo Haina Plastics Co., Ltd.', 'Plastics', 3, 0, 0, 1, 'Masterbatch', 'Existing customer'],
      ['Hangzhou Yuanjing Packaging Co., Ltd.', 'Packaging', 3, 1, 1, 2, 'Eco film', null],
      ['Hefei Chengjian Equipment Leasing', 'Machinery', 3, 2, 2, 3, 'Seals', 'Via trade association'],
    ],
    needs: [
      [
        'Suzhou Hengda Electronics Co., Ltd.',
        'Adhesive',
        'Heat-proof',
        'Imported epoxy',
        '500 g tube',
        'Cures fast; expensive',
        58,
        'Agent of a foreign brand',
      ],
      [
        'Ningbo Haina Plastics Co., Ltd.',
        'Masterbatch',
        'Even colour',
        'Local brand',
        '25 kg bag',
        'Cheap; colour varies',
        1200,
        'Local supplier',
      ],
    ],
    status: [
      ['Suzhou Hengda Electronics Co., Ltd.', 'CNY 3M/year', 'CNY 120M/year', 0, 0, 'Listed group'],
      ['Ningbo Haina Plastics Co., Ltd.', 'CNY 1.5M/year', 'CNY 80M/year', 1, 2, 'Paid late 2x'],
    ],
    supply: [
      ['Adhesive', 0, '20 tonnes', 7, 10, 'Kept in stock'],
      ['Masterbatch', 1, '50 tonnes', 15, 10, 'Extra shifts'],
    ],
    steps: [
      ['Call the purchasing manager and visit', -23, -10, 'Wang Lei', 2, null],
      ['Send samples and follow up the tests', -14, -3, 'Li Na', 1, 'Lab delayed'],
      ['Send proposal and quotation', -5, 10, 'Wang Lei', 1, null],
      ['Tech exchange, plant visit', 17, 31, 'Zhang Wei', 0, 'At our plant'],
      ['Negotiate and sign', 36, 56, 'Wang Lei', 0, null],
    ],
    criteria: [
      [4, 'Profitable for three years; pays on time'],
      [3, 'Deal in 3 months; costs CNY 20,000'],
      [5, 'Could buy CNY 3 million a year'],
      [3, 'Heat resistance needs one extra test'],
    ],
    checklist: [
      [true, -25, 'Wang Lei', 'Mr Zhao, purchasing'],
      [true, -18, 'Wang Lei', 'Mr Chen, production VP'],
      [true, -13, 'Li Na', 'They use an imported brand'],
      [false, null, 'Li Na', 'Insider to confirm'],
      [true, -9, 'Wang Lei', '60 days after month end'],
      [false, null, 'Zhang Wei', null],
    ],
  },
};

import catalog from '../../i18n/templates/customer-file';
import chain from '../../i18n/templates/decision-chain';
import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { cellRef, printArea, quoteSheet, rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED, type FieldOptions } from '../core/form-grid';
import { customerTypes, fitRowHeights, FLAG_STYLE, OK_STYLE, planTable, q, rowCells } from '../core/planning-table';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Customer file and customer card (docs/rules/templates/customer-file.md): one file sheet per
 * customer with live ages, replacement years, shares of wallet and service flags, and the card
 * a rep takes to a visit, which reads the file and adds the pre-visit check.
 */

const WIDTH = 8;
const INSTALLED_ROWS = 6;
const HISTORY_YEARS = 3;
const PEOPLE_ROWS = 6;
const SERVICE_ROWS = 8;
const DEFAULT_CLOSE_WITHIN = 7;
/** Visits a month by tier (docs/rules/templates/visit-plan.md defaults). */
const DEFAULT_VISITS = [4, 2, 1];
const TIERS = ['A', 'B', 'C'];
const CENTRED = 'center' as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const customerFile: TemplateDef = {
  kind: 'customer-file',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => {
    const file = buildFile(o);
    return [file.sheet, buildCard(o, file.refs)];
  },
};

type InstalledKey = 'brand' | 'model' | 'quantity' | 'bought' | 'cycle' | 'age' | 'replaceIn' | 'status';
type HistoryKey = 'year' | 'theirs' | 'ours' | 'share' | 'growth';
type PeopleKey = 'name' | 'title' | 'role' | 'attitude' | 'phone' | 'birthday' | 'notes';
type ServiceKey = 'date' | 'kind' | 'what' | 'handledBy' | 'closed' | 'daysOpen' | 'status';

/** Cells of the file the card reads, as absolute addresses on the file sheet. */
interface FileRefs {
  sheet: string;
  customer: string;
  code: string;
  type: string;
  tier: string;
  address: string;
  industry: string;
  lastYearSales: string;
  lastYearShare: string;
  decisionMaker: string;
  openItems: string;
}

function buildFile(o: TemplateOptions): { sheet: SheetSpec; refs: FileRefs } {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const dc = translator(chain, lang);
  const c = translator(common, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef: report } = titleBlock(b, {
    lang,
    title: t('fileTitle'),
    purpose: t('filePurpose'),
    width: WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? EXAMPLE[lang] : undefined;
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
  const pair = (left: [string, CellContent, FieldOptions?], right?: [string, CellContent, FieldOptions?]) => {
    const l = form.field(row, 1, 2, 4, left[0], left[1], left[2]);
    const r = right ? form.field(row, 5, 6, 8, right[0], right[1], right[2]) : undefined;
    row += 1;
    return [l, r] as const;
  };
  const wide = (label: string, value: CellContent, options?: FieldOptions) => {
    const ref = form.field(row, 1, 2, WIDTH, label, value, options);
    row += 1;
    return ref;
  };
  const dateRule = { date: true as const, prompt: t('datePrompt') };
  const days = { whole: [0, 3650] as [number, number], prompt: t('daysPrompt') };
  const money = { decimal: [0, 1e12] as [number, number], prompt: t('moneyPrompt') };

  // 1. Company facts.
  section(t('sectionCompany'));
  const [code] = pair(
    [t('code'), ex?.code ?? null],
    [t('opened'), ex ? daysFrom(today, -ex.openedDaysAgo) : null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }],
  );
  const [customer, industry] = pair([t('customer'), ex?.customer ?? null], [t('industry'), ex?.industry ?? null]);
  const scales = [t('scaleLarge'), t('scaleMedium'), t('scaleSmall')];
  const types = customerTypes(lang);
  const [type] = pair(
    [t('type'), ex ? types[ex.type] : null, { input: { list: types, prompt: c('typePrompt') } }],
    [t('scale'), ex ? scales[ex.scale] : null, { input: { list: scales, prompt: t('scalePrompt') } }],
  );
  const address = wide(t('address'), ex?.address ?? null);
  pair([t('registration'), ex?.registration ?? null]);
  wide(t('products'), ex?.products ?? null);
  row += 1;

  // 2. Installed base: ages and replacement years from the report date's year.
  section(t('sectionInstalled'));
  const year = `YEAR(${report})`;
  const installed = planTable<InstalledKey>(b, lang, {
    name: 'CustomerFile_Installed',
    top: row,
    left: 1,
    rows: INSTALLED_ROWS,
    columns: [
      { key: 'brand', header: t('colBrand') },
      { key: 'model', header: t('colModel') },
      { key: 'quantity', header: t('colQuantity'), align: CENTRED, numFmt: NUMFMT.integer, input: { whole: [0, 1000000], prompt: t('quantityPrompt') } },
      { key: 'bought', header: t('colBought'), align: CENTRED, input: { whole: [1950, 2099], prompt: t('yearPrompt') } },
      { key: 'cycle', header: t('colCycle'), align: CENTRED, input: { whole: [1, 50], prompt: t('cyclePrompt') } },
      {
        key: 'age',
        header: t('colAge'),
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(${x.bought}="","",${year}-${x.bought})`;
        },
      },
      {
        key: 'replaceIn',
        header: t('colReplaceIn'),
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.bought}="",${x.cycle}=""),"",${x.bought}+${x.cycle})`;
        },
      },
      {
        key: 'status',
        header: t('colReplaceStatus'),
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(${x.replaceIn}="","",IF(${x.replaceIn}<=${year},${q(t('replaceDue'))},IF(${x.replaceIn}=${year}+1,${q(t('replaceNext'))},"")))`;
        },
      },
    ],
    data: ex?.installed.map(([brand, model, quantity, age, cycle]) => ({
      brand,
      model,
      quantity,
      bought: today.getUTCFullYear() - age,
      cycle,
    })),
  });
  rowHeights[installed.headerRow] = 30;
  row = installed.lastRow + 1;
  form.label(row, 1, t('installedTotal'), 2);
  form.spread(row, 3, 3, { formula: `SUM(${installed.range('quantity')})` }, style(FORM_COMPUTED, { numFmt: NUMFMT.integer, alignment: { horizontal: CENTRED } }));
  form.label(row, 4, t('replaceCount'), 6);
  const dueUnits = cellRef(row, 7, true);
  form.spread(
    row,
    7,
    7,
    { formula: `SUMIF(${installed.range('status')},${q(t('replaceDue'))},${installed.range('quantity')})` },
    style(FORM_COMPUTED, { numFmt: NUMFMT.integer, alignment: { horizontal: CENTRED } }),
  );
  const amber = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };
  b.conditional({
    ref: installed.body('status'),
    rules: [
      { type: 'expression', formula: `${installed.col.status}${installed.firstRow}=${q(t('replaceDue'))}`, style: FLAG_STYLE },
      { type: 'expression', formula: `${installed.col.status}${installed.firstRow}=${q(t('replaceNext'))}`, style: amber },
    ],
  });
  b.conditional({ ref: dueUnits.replace(/\$/g, ''), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }] });
  row += 2;

  // 3. Purchasing.
  section(t('sectionPurchasing'));
  const patterns = [t('patternTender'), t('patternQuotes'), t('patternContract'), t('patternSpot')];
  const payments = [t('payPrepay'), t('payOnDelivery'), t('payMonthly'), t('payTerms')];
  pair(
    [t('pattern'), ex ? patterns[ex.pattern] : null, { input: { list: patterns, prompt: t('patternPrompt') } }],
    [t('cycle'), ex?.decisionDays ?? null, { input: days, align: CENTRED }],
  );
  pair(
    [t('payment'), ex ? payments[ex.payment] : null, { input: { list: payments, prompt: t('paymentPrompt') } }],
    [t('collection'), ex?.collectionDays ?? null, { input: days, align: CENTRED }],
  );
  row += 1;

  // 4. History with us: the last three years up to the report date's year.
  section(t('sectionHistory'));
  const [firstOrder] = pair(
    [t('firstOrder'), ex ? daysFrom(today, -ex.firstOrderDaysAgo) : null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }],
    [t('yearsWithUs'), null, { computed: true, align: CENTRED }],
  );
  const yearsRef = cellRef(row - 1, 6);
  b.set(yearsRef, { formula: `IF(${firstOrder}="","",DATEDIF(${firstOrder},${report},"y"))` }, b.get(yearsRef)!.style);
  const [tier] = pair([t('tier'), ex?.tier ?? null, { input: { list: TIERS, prompt: t('tierPrompt') }, align: CENTRED }]);
  const historyTop = row;
  const history = planTable<HistoryKey>(b, lang, {
    name: 'CustomerFile_History',
    top: historyTop,
    left: 1,
    rows: HISTORY_YEARS,
    columns: [
      // The full years before the report date's year, oldest first.
      { key: 'year', header: t('colYear'), align: CENTRED, formula: (r) => `${year}-${historyTop + HISTORY_YEARS + 1 - r}` },
      { key: 'theirs', header: t('colTheirPurchases'), numFmt: NUMFMT.integer, input: money },
      { key: 'ours', header: t('colOurSales'), numFmt: NUMFMT.integer, input: money },
      {
        key: 'share',
        header: t('colShare'),
        align: CENTRED,
        numFmt: NUMFMT.percent,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.theirs}="",${x.ours}="",${x.theirs}=0),"",${x.ours}/${x.theirs})`;
        },
      },
      {
        key: 'growth',
        header: t('colGrowth'),
        align: CENTRED,
        numFmt: NUMFMT.percent,
        // Against the row above; the first year has nothing to compare with.
        formula: (r, col) => {
          if (r === historyTop + 1) return '""';
          const x = rowCells(col, r);
          const prev = `$${col.ours}${r - 1}`;
          return `IF(OR(${x.ours}="",N(${prev})=0),"",${x.ours}/${prev}-1)`;
        },
      },
    ],
    data: ex?.history.map(([theirs, ours]) => ({ theirs, ours })),
  });
  rowHeights[history.headerRow] = 30;
  const lastYear = history.lastRow;
  row = history.lastRow + 2;

  // 5. Key people: a short list; the decision chain holds the full analysis.
  section(t('sectionPeople'));
  const roles = [dc('roleDecisionMaker'), dc('roleEvaluator'), dc('roleExecutor'), dc('roleTechnical'), dc('roleUser')];
  const attitudes = [dc('attSupporter'), dc('attNeutral'), dc('attOpponent'), dc('attUnknown')];
  const people = planTable<PeopleKey>(b, lang, {
    name: 'CustomerFile_People',
    top: row,
    left: 1,
    rows: PEOPLE_ROWS,
    columns: [
      { key: 'name', header: t('colName') },
      { key: 'title', header: t('colTitle') },
      { key: 'role', header: t('colRoleClass'), input: { list: roles, prompt: t('rolePrompt') } },
      { key: 'attitude', header: t('colAttitude'), align: CENTRED, input: { list: attitudes, prompt: t('attitudePrompt') } },
      { key: 'phone', header: t('colPhone'), personal: true },
      { key: 'birthday', header: t('colBirthday'), personal: true, numFmt: 'mm-dd', align: CENTRED },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.people.map(([name, title, role, attitude, phone, birthday, notes]) => ({
      name,
      title,
      role: role === null ? null : roles[role],
      attitude: attitude === null ? null : attitudes[attitude],
      phone,
      birthday: birthday === null ? null : new Date(Date.UTC(2000, birthday[0] - 1, birthday[1])),
      notes,
    })),
  });
  row = people.lastRow + 1;
  const dm = q(roles[0]);
  const peopleCheck = cellRef(row, 1, true);
  form.spread(
    row,
    1,
    WIDTH,
    {
      formula:
        `IF(COUNTA(${people.range('name')})=0,"",IF(COUNTIF(${people.range('role')},${dm})=0,${q(t('noDecisionMaker'))},` +
        `IF(COUNTIFS(${people.range('role')},${dm},${people.range('attitude')},${q(attitudes[0])})=0,${q(t('decisionMakerSupport'))},"")))`,
    },
    style(FORM_COMPUTED, { font: { bold: true, color: COLORS.redText } }),
  );
  // The decision maker's name, for the card: the first row whose role class is decision maker.
  const decisionMaker = `IFERROR(INDEX(${people.range('name')},MATCH(${dm},${people.range('role')},0))&"","")`;
  b.conditional({ ref: peopleCheck.replace(/\$/g, ''), rules: [{ type: 'expression', formula: `${peopleCheck}<>""`, style: FLAG_STYLE }] });
  row += 2;

  // 6. Service and complaint record.
  section(t('sectionService'));
  const within = form.field(row, 1, 2, 2, t('answerWithin'), DEFAULT_CLOSE_WITHIN, {
    input: { whole: [1, 365], prompt: t('answerWithinPrompt') },
    align: CENTRED,
  });
  row += 1;
  const kinds = [t('kindService'), t('kindRepair'), t('kindComplaint'), t('kindSuggestion')];
  const service = planTable<ServiceKey>(b, lang, {
    name: 'CustomerFile_Service',
    top: row,
    left: 1,
    rows: SERVICE_ROWS,
    columns: [
      { key: 'date', header: t('colDate'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'kind', header: t('colKind'), align: CENTRED, input: { list: kinds, prompt: t('kindPrompt') } },
      { key: 'what', header: t('colWhat') },
      { key: 'handledBy', header: t('colHandledBy'), align: CENTRED },
      { key: 'closed', header: t('colClosed'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      {
        key: 'daysOpen',
        header: t('colDaysOpen'),
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(${x.date}="","",IF(${x.closed}="",${report},${x.closed})-${x.date})`;
        },
      },
      {
        key: 'status',
        header: t('colStatus'),
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return (
            `IF(${x.date}="","",IF(${x.closed}<>"",${q(t('statusClosed'))},` +
            `IF(${x.daysOpen}>${within},${q(t('statusLate'))},${q(t('statusOpen'))})))`
          );
        },
      },
    ],
    data: ex?.service.map(([ago, kind, what, handledBy, closedAfter]) => ({
      date: daysFrom(today, -ago),
      kind: kinds[kind],
      what,
      handledBy,
      closed: closedAfter === null ? null : daysFrom(today, -ago + closedAfter),
    })),
  });
  rowHeights[service.headerRow] = 22;
  b.conditional({
    ref: service.body('status'),
    rules: [
      { type: 'expression', formula: `${service.col.status}${service.firstRow}=${q(t('statusLate'))}`, style: FLAG_STYLE },
      { type: 'expression', formula: `${service.col.status}${service.firstRow}=${q(t('statusOpen'))}`, style: amber },
      { type: 'expression', formula: `${service.col.status}${service.firstRow}=${q(t('statusClosed'))}`, style: OK_STYLE },
    ],
  });
  row = service.lastRow + 1;
  const statuses = service.range('status');
  const open = `COUNTIF(${statuses},${q(t('statusOpen'))})+COUNTIF(${statuses},${q(t('statusLate'))})`;
  form.label(row, 1, t('openCount'), 2);
  const openItems = cellRef(row, 3, true);
  form.spread(row, 3, 3, { formula: open }, style(FORM_COMPUTED, { alignment: { horizontal: CENTRED } }));
  form.label(row, 4, t('lateCount'), 5);
  const late = cellRef(row, 6, true);
  form.spread(row, 6, 6, { formula: `COUNTIF(${statuses},${q(t('statusLate'))})` }, style(FORM_COMPUTED, { alignment: { horizontal: CENTRED } }));
  b.conditional({ ref: late.replace(/\$/g, ''), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }] });
  const last = row;

  b.widths(lang === 'en-US' ? [20, 18, 20, 12, 16, 12, 16, 30] : [18, 16, 18, 14, 16, 14, 14, 24]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH)), '1:2'),
      protection: protect ? { enabled: true } : undefined,
      personalRanges: people.personal,
    })
    .build();
  const fitted = fitRowHeights(sheet);
  const name = quoteSheet(t('sheetName'));
  const at = (ref: string) => `${name}!${ref}`;
  return {
    sheet: { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, sectionStarts) } },
    refs: {
      sheet: t('sheetName'),
      customer: at(customer!),
      code: at(code!),
      type: at(type!),
      tier: at(tier!),
      address: at(address),
      industry: at(industry!),
      lastYearSales: at(cellRef(lastYear, history.index('ours'), true)),
      lastYearShare: at(cellRef(lastYear, history.index('share'), true)),
      decisionMaker: decisionMaker.replace(/\$[A-Z]+\$\d+:\$[A-Z]+\$\d+/g, (r) => at(r)),
      openItems: at(openItems),
    },
  };
}

type CheckKey = 'item' | 'ready' | 'notes';

function buildCard(o: TemplateOptions, file: FileRefs): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const c = translator(common, lang);
  const b = new SheetBuilder(t('cardSheetName'), o);
  // A sheet of its own kind, as the visit plan's log: the stamp tells it from the file.
  b.configure({ stamp: { kind: 'customer-card', version: 1 } });
  titleBlock(b, {
    lang,
    title: t('cardTitle'),
    purpose: t('cardPurpose'),
    width: WIDTH,
    date: today,
    planName: t('cardPlanName'),
    protect,
  });
  const ex = example ? EXAMPLE[lang] : undefined;
  const form = new Form(b, lang);
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  const shown = (row: number, labelCol: number, label: string, formula: string, o2: { numFmt?: string; to?: number } = {}) =>
    form.field(row, labelCol, labelCol + 1, o2.to ?? (labelCol === 1 ? 4 : WIDTH), label, { formula }, { computed: true, numFmt: o2.numFmt });
  // A blank file cell reads as "" on the card, not 0.
  const text = (ref: string) => `IF(${ref}="","",${ref})`;

  // The customer at a glance, read from the file sheet.
  sectionBand(b, 6, WIDTH, t('sectionGlance'));
  rowHeights[6] = 22;
  shown(7, 1, t('customer'), text(file.customer));
  shown(7, 5, t('code'), text(file.code));
  shown(8, 1, t('type'), text(file.type));
  const tier = shown(8, 5, t('tier'), text(file.tier));
  shown(9, 1, t('industry'), text(file.industry));
  shown(9, 5, t('mainContact'), file.decisionMaker);
  shown(10, 1, t('address'), text(file.address), { to: WIDTH });
  shown(11, 1, t('lastYearSales'), text(file.lastYearSales), { numFmt: NUMFMT.integer });
  shown(11, 5, t('lastYearShare'), text(file.lastYearShare), { numFmt: NUMFMT.percent });
  shown(12, 1, t('openItems'), file.openItems);
  b.conditional({ ref: rangeRef(12, 2, 12, 4), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }] });

  // The pre-visit check. The card is one printed page, so its blocks sit without spacer rows.
  sectionBand(b, 13, WIDTH, t('sectionCheck'));
  rowHeights[13] = 22;
  form.field(14, 1, 2, 4, t('visitDate'), ex ? daysFrom(today, 2) : null, {
    numFmt: NUMFMT.date,
    input: { date: true, prompt: t('datePrompt') },
    align: CENTRED,
  });
  // Visits a month for tiers A, B, C: three rule cells, each showing its tier in its number format.
  form.label(14, 5, t('visitsRule'));
  const rule = DEFAULT_VISITS.map((v, i) =>
    form.value(14, 6 + i, 6 + i, v, { numFmt: `"${TIERS[i]}: "0`, input: { whole: [0, 31], prompt: t('visitsPrompt') }, align: CENTRED }),
  );
  form.label(15, 1, t('objective'));
  const objective = form.text(15, 2, WIDTH, ex?.objective ?? null, 2);
  rowHeights[15] = rowHeights[16] = 20;
  const planned = rule.map((ref, i) => `${tier}=${q(TIERS[i])},${ref}`).reduceRight((rest, pairText) => `IF(${pairText},${rest})`, '""');
  const readinessRow = 17;
  form.field(readinessRow, 1, 2, 4, t('visitsPlanned'), { formula: planned }, { computed: true, numFmt: '0', align: CENTRED });

  const items = [t('itemMaterials'), t('itemSamples'), t('itemRecord'), t('itemAppearance'), t('itemHabits'), t('itemAgenda')];
  const yesNo = [c('yes'), c('no')];
  const check = planTable<CheckKey>(b, lang, {
    name: 'CustomerCard_Check',
    top: 18,
    left: 1,
    rows: items.length,
    columns: [
      { key: 'item', header: t('colItem'), labels: items },
      { key: 'ready', header: t('colReady'), align: CENTRED, input: { list: yesNo, prompt: t('readyPrompt') } },
      { key: 'notes', header: t('colItemNotes') },
    ],
    data: items.map((_, i) => ({ ready: ex ? yesNo[ex.ready[i] ? 0 : 1] : null, notes: ex?.readyNotes[i] ?? null })),
  });
  const ready = check.range('ready');
  const missing = `ROWS(${ready})-COUNTIF(${ready},${q(yesNo[0])})`;
  form.label(readinessRow, 5, t('readiness'));
  const readiness = form.value(
    readinessRow,
    6,
    WIDTH,
    {
      formula:
        `IF(${objective}="",${q(t('readyNoObjective'))},IF(${missing}=0,${q(t('readyAll'))},` + `${messageFormula(t('readyMissing'), { n: missing })}))`,
    },
    { computed: true },
  );
  b.conditional({
    ref: rangeRef(readinessRow, 6, readinessRow, WIDTH),
    rules: [
      { type: 'expression', formula: `${readiness}=${q(t('readyAll'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${readiness}<>""`, style: FLAG_STYLE },
    ],
  });
  const row = check.lastRow + 1;
  form.label(row, 1, t('habits'));
  form.text(row, 2, WIDTH, ex?.habits ?? null);
  const last = row;

  b.widths(lang === 'en-US' ? [34, 10, 36, 10, 22, 12, 12, 12] : [24, 10, 40, 10, 20, 12, 12, 12]);
  const sheet = b
    .configure({
      rowHeights,
      print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH))),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet);
}

interface Example {
  code: string;
  openedDaysAgo: number;
  customer: string;
  industry: string;
  /** index into the customer types */
  type: number;
  /** index into large / medium / small */
  scale: number;
  address: string;
  registration: string;
  products: string;
  /** brand, model, quantity, age in years at the report date, replacement cycle in years */
  installed: [string, string, number, number, number][];
  pattern: number;
  decisionDays: number;
  payment: number;
  collectionDays: number;
  firstOrderDaysAgo: number;
  tier: string;
  /** their purchases, our sales — three, two and one year before the report date's year */
  history: [number, number][];
  /** name, position, role index, attitude index, phone, birthday [month, day], notes */
  people: [string, string, number | null, number | null, string | null, [number, number] | null, string | null][];
  /** days before the report date, kind index, what, handled by, closed that many days later (null: open) */
  service: [number, number, string, string, number | null][];
  objective: string;
  /** per check item: ready or not */
  ready: boolean[];
  readyNotes: (string | null)[];
  habits: string;
}

/** Numbers, dates and choices are the same in both languages, so the results agree. */
const INSTALLED: [number, number, number][] = [
  [12, 8, 8],
  [6, 5, 6],
  [4, 2, 8],
  [3, 10, 8],
];
const HISTORY: [number, number][] = [
  [1500000, 300000],
  [1800000, 360000],
  [2000000, 520000],
];
const READY = [true, true, true, true, false, true];
const SERVICE: [number, number, number | null][] = [
  [40, 1, 2],
  [20, 2, 5],
  [10, 0, null],
  [3, 3, null],
];

const EXAMPLE: Record<Lang, Example> = {
  'zh-CN': {
    code: '2022-017',
    openedDaysAgo: 1210,
    customer: '嘉兴同舟物流设备有限公司',
    industry: '仓储物流',
    type: 3,
    scale: 1,
    address: '浙江省嘉兴市南湖区物流园区同舟路 18 号',
    registration: '913304027284360158',
    products: '第三方仓储、城市配送、冷链运输',
    installed: [
      ['杭叉', 'CPD20 电动叉车', ...INSTALLED[0]],
      ['合力', 'CPCD30 内燃叉车', ...INSTALLED[1]],
      ['林德', 'E16 电动叉车', ...INSTALLED[2]],
      ['丰田', '8FBE15 电动叉车', ...INSTALLED[3]],
    ],
    pattern: 1,
    decisionDays: 45,
    payment: 3,
    collectionDays: 60,
    firstOrderDaysAgo: 1200,
    tier: 'A',
    history: HISTORY,
    people: [
      ['周涛', '总经理', 0, 0, '138-0000-0001', [5, 18], '关心总拥有成本'],
      ['吴静', '设备部经理', 1, 1, '138-0000-0002', null, '负责设备选型'],
      ['郑凯', '采购主管', 2, 0, null, null, '按季度询价'],
      ['钱伟', '仓储主管', 4, 3, null, null, null],
    ],
    service: [
      [SERVICE[0][0], SERVICE[0][1], '2 号叉车液压泄漏', '李明', SERVICE[0][2]],
      [SERVICE[1][0], SERVICE[1][1], '配件到货晚 3 天', '王磊', SERVICE[1][2]],
      [SERVICE[2][0], SERVICE[2][1], '季度保养', '李明', SERVICE[2][2]],
      [SERVICE[3][0], SERVICE[3][1], '希望提供司机培训', '王磊', SERVICE[3][2]],
    ],
    objective: '介绍锂电叉车更新方案，约定 12 台到期杭叉的试用时间',
    ready: READY,
    readyNotes: ['带锂电叉车报价单', '试用车已预约', '未关闭：季度保养', null, '向同事了解冷链仓库的安全规定', '周四上午十点'],
    habits: '仓库内须穿安全鞋、戴安全帽；上午是发货高峰，不宜久谈',
  },
  'en-US': {
    code: '2022-017',
    openedDaysAgo: 1210,
    customer: 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.',
    industry: 'Warehousing and logistics',
    type: 3,
    scale: 1,
    address: '18 Tongzhou Road, Logistics Park, Nanhu District, Jiaxing, Zhejiang',
    registration: '913304027284360158',
    products: 'Third-party warehousing, city delivery, cold-chain transport',
    installed: [
      ['Hangcha', 'CPD20 electric', ...INSTALLED[0]],
      ['Heli', 'CPCD30 diesel', ...INSTALLED[1]],
      ['Linde', 'E16 electric', ...INSTALLED[2]],
      ['Toyota', '8FBE15 electric', ...INSTALLED[3]],
    ],
    pattern: 1,
    decisionDays: 45,
    payment: 3,
    collectionDays: 60,
    firstOrderDaysAgo: 1200,
    tier: 'A',
    history: HISTORY,
    people: [
      ['Zhou Tao', 'General manager', 0, 0, '138-0000-0001', [5, 18], 'Watches running costs'],
      ['Wu Jing', 'Equipment manager', 1, 1, '138-0000-0002', null, 'Chooses the models'],
      ['Zheng Kai', 'Purchasing lead', 2, 0, null, null, 'Quotes each quarter'],
      ['Qian Wei', 'Warehouse lead', 4, 3, null, null, null],
    ],
    service: [
      [SERVICE[0][0], SERVICE[0][1], 'Hydraulic leak on truck 2', 'Li Ming', SERVICE[0][2]],
      [SERVICE[1][0], SERVICE[1][1], 'Spare parts 3 days late', 'Wang Lei', SERVICE[1][2]],
      [SERVICE[2][0], SERVICE[2][1], 'Quarterly maintenance', 'Li Ming', SERVICE[2][2]],
      [SERVICE[3][0], SERVICE[3][1], 'Asks for driver training', 'Wang Lei', SERVICE[3][2]],
    ],
    objective: 'Present the lithium-battery replacement plan; agree a trial for the 12 Hangcha trucks that are due',
    ready: READY,
    readyNotes: ['Lithium truck price list', 'Trial truck booked', 'Open: quarterly maintenance', null, 'Ask colleagues about cold-store safety rules', 'Thursday 10:00'],
    habits: 'Safety shoes and helmet in the warehouse; mornings are their shipping peak, keep it short',
  },
};

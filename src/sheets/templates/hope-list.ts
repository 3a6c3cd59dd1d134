/**
 * Risk-adjusted hope list (docs/rules/templates/hope-list.md): prospects ranked by
 * probability of their stage × (expected value − development fee − maintenance fee), all live
 * formulas. In a workbook holding the pipeline (found by its version stamp, passed in as
 * `sources.pipeline`), the stage, the closed and the abandoned marks are looked up there by
 * customer name; without one the stage is an input and a note says which sheet would fill it.
 */
import { a4Landscape } from '../core/print-layout';
import pipelineCatalog from '../../i18n/templates/pipeline';
import catalog from '../../i18n/templates/hope-list';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { fitRowHeights, FLAG_STYLE, planTable, q, validationFor, type PlanColumn, type PlanRow } from '../core/planning-table';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { guardedLink, type SourceLink } from '../core/source-link';
import common from '../../i18n/common';
import { NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { PIPELINE_NAMES } from './pipeline';
import type { TemplateDef, TemplateOptions } from './registry';

export const HOPE_ROWS = 30;
/** Default probability that a prospect at stage 1…5 closes (docs/rules/templates/hope-list.md). */
export const DEFAULT_STAGE_PROBABILITIES = [0.1, 0.25, 0.5, 0.75, 0.9];
/** Development (once) and maintenance (per year) fees by market scope, RMB (local, domestic, international). */
export const DEFAULT_FEES: [number, number][] = [
  [50_000, 30_000],
  [100_000, 70_000],
  [200_000, 150_000],
];

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const hopeList: TemplateDef = {
  kind: 'hope-list',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  linksTo: ['pipeline'],
  build: (o) => [buildHopeList(o)],
};

type HopeKey = 'customer' | 'scope' | 'expected' | 'stage' | 'probability' | 'fees' | 'net' | 'rank' | 'check';

/** The pipeline's columns the hope list reads, when the workbook has a pipeline sheet with all of them. */
function pipelineRefs(source: SourceLink | undefined): { customer: string; stage: string; status: string; decision: string } | undefined {
  if (!source) return undefined;
  const n = source.names;
  const refs = { customer: n[PIPELINE_NAMES.customer], stage: n[PIPELINE_NAMES.stage], status: n[PIPELINE_NAMES.status], decision: n[PIPELINE_NAMES.decision] };
  return Object.values(refs).every((r) => r !== undefined) ? refs : undefined;
}

function buildHopeList(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const t = translator(catalog, lang);
  const tp = translator(pipelineCatalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const stages = [tp('stage1'), tp('stage2'), tp('stage3'), tp('stage4'), tp('stage5')];
  const scopes = [t('scopeLocal'), t('scopeDomestic'), t('scopeInternational')];
  const linked = pipelineRefs(o.sources?.pipeline);
  const width = 9;
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width, date: o.today ?? new Date(), planName: t('planName'), protect });

  // Rules, rows 6–12: stage probabilities (A–B) and fees by market scope (D–F).
  sectionBand(b, 6, width, t('rulesSection'));
  const input = style(STYLE.input, { alignment: { horizontal: 'center', vertical: 'middle' } });
  const label = style(STYLE.label, { alignment: { horizontal: 'left', vertical: 'middle' } });
  b.at(7, 1, t('colStage'), STYLE.header).at(7, 2, t('colProbability'), STYLE.header);
  stages.forEach((s, i) => b.at(8 + i, 1, s, label).at(8 + i, 2, DEFAULT_STAGE_PROBABILITIES[i], style(input, { numFmt: NUMFMT.percent0 })));
  b.at(7, 4, t('colScope'), STYLE.header).at(7, 5, t('colDevFee'), STYLE.header).at(7, 6, t('colMaintFee'), STYLE.header);
  scopes.forEach((s, i) => b.at(8 + i, 4, s, label).at(8 + i, 5, DEFAULT_FEES[i][0], style(input, { numFmt: NUMFMT.integer })).at(8 + i, 6, DEFAULT_FEES[i][1], style(input, { numFmt: NUMFMT.integer })));
  b.validation(validationFor(lang, 'B8:B12', { decimal: [0, 1], prompt: t('probabilityPrompt'), shown: ['0%', '100%'] }));
  b.validation(validationFor(lang, 'E8:F10', { decimal: [0, 1e9], prompt: t('feePrompt') }));
  b.at(8, 7, t('rulesNote'), style(TEMPLATE_NOTE, { alignment: { vertical: 'top', wrapText: true } })).merge('G8:I12');
  const [probabilities, scopeNames, devFees, maintFees] = ['$B$8:$B$12', '$D$8:$D$10', '$E$8:$E$10', '$F$8:$F$10'];

  const top = 15;
  sectionBand(b, top - 1, width, t('prospectsSection'));
  const match = (x: Record<HopeKey, string>, ref: string) => `MATCH(${x.customer},${ref},0)`;
  const columns: PlanColumn<HopeKey>[] = [
    { key: 'customer', header: t('colCustomer'), width: lang === 'en-US' ? 30 : 24 },
    { key: 'scope', header: t('colScope'), align: 'center', width: 11, input: { list: scopes, prompt: t('scopePrompt') } },
    { key: 'expected', header: t('colExpected'), numFmt: NUMFMT.integer, width: 13, input: { decimal: [0, 1e12], prompt: t('expectedPrompt') } },
    linked
      ? {
          key: 'stage',
          header: t('colStage'),
          width: lang === 'en-US' ? 17 : 16,
          formula: (r, c) => `IF($${c.customer}${r}="","",IFERROR(INDEX(${linked.stage},${match(cells(c, r), linked.customer)})&"",""))`,
        }
      : { key: 'stage', header: t('colStage'), width: lang === 'en-US' ? 17 : 16, input: { list: stages, prompt: t('stagePrompt') } },
    {
      key: 'probability',
      header: t('colProbability'),
      numFmt: NUMFMT.percent0,
      align: 'center',
      width: 12,
      // Every stage label starts with its number (the pipeline's "3 价值评估").
      formula: (r, c) => `IF($${c.stage}${r}="","",IFERROR(INDEX(${probabilities},VALUE(LEFT($${c.stage}${r},1))),""))`,
    },
    {
      key: 'fees',
      header: t('colFees'),
      numFmt: NUMFMT.integer,
      width: 13,
      formula: (r, c) => {
        const at = `MATCH($${c.scope}${r},${scopeNames},0)`;
        return `IF($${c.scope}${r}="","",IFERROR(INDEX(${devFees},${at})+INDEX(${maintFees},${at}),""))`;
      },
    },
    {
      key: 'net',
      header: t('colNet'),
      numFmt: NUMFMT.integer,
      width: 14,
      formula: (r, c) => {
        const x = cells(c, r);
        return `IF(OR(${x.customer}="",${x.expected}="",${x.probability}="",${x.fees}="",${x.check}<>""),"",${x.probability}*(${x.expected}-${x.fees}))`;
      },
    },
    {
      key: 'rank',
      header: t('colRank'),
      align: 'center',
      width: 7,
      // Equal values are ordered by customer name, so the rank depends on the row's content only,
      // never on where the row sits (a copied row ranks like its source).
      formula: (r, c) =>
        `IF($${c.net}${r}="","",RANK($${c.net}${r},${abs(c.net)},0)+COUNTIFS(${abs(c.net)},$${c.net}${r},${abs(c.customer)},"<"&$${c.customer}${r}))`,
    },
    {
      key: 'check',
      header: t('colCheck'),
      width: lang === 'en-US' ? 20 : 16,
      formula: (r, c) => {
        const x = cells(c, r);
        const scope = `IF(${x.scope}="",${q(t('noScope'))},"")`;
        if (!linked) return `IF(${x.customer}="","",${scope})`;
        const red = q(tp('statusRed'));
        const abandon = q(tp('decisionAbandon'));
        // A deleted pipeline says so here instead of #REF! (docs/rules/templates/hope-list.md).
        const gone = translator(common, lang)('linkSourceGone', { sheet: o.sources!.pipeline!.sheet });
        const checks =
          `IF(ISNA(${match(x, linked.customer)}),${q(t('notInPipeline'))},` +
          `IF(INDEX(${linked.status},${match(x, linked.customer)})=${red},${q(t('closed'))},` +
          `IF(INDEX(${linked.decision},${match(x, linked.customer)})=${abandon},${q(t('abandoned'))},${scope})))`;
        return `IF(${x.customer}="","",${guardedLink(linked.customer, gone, checks)})`;
      },
    },
  ];
  const abs = (col: string) => `$${col}$${top + 1}:$${col}$${top + HOPE_ROWS}`;
  const table = planTable(b, lang, { name: 'HopeList_Prospects', top, left: 1, columns, rows: HOPE_ROWS, data: example ? exampleRows(lang, stages, scopes, !!linked) : undefined });
  const noteRow = table.lastRow + 1;
  const note = linked ? t('linkedNote', { sheet: o.sources!.pipeline!.sheet }) : t('unlinkedNote');
  b.at(noteRow, 1, note, TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, width));
  b.conditional({ ref: table.body('check'), rules: [{ type: 'expression', formula: `${table.col.check}${table.firstRow}<>""`, style: FLAG_STYLE }] });

  // The ranking: place k (under 排名) shows the prospect whose rank is k, each value under the
  // prospects table's column of the same name.
  const rankTop = noteRow + 3;
  sectionBand(b, rankTop - 1, width, t('rankingSection'));
  const computed = style(STYLE.computed, { alignment: { vertical: 'middle' } });
  const shown: [HopeKey, string | undefined][] = [
    ['customer', undefined],
    ['stage', undefined],
    ['probability', NUMFMT.percent0],
    ['net', NUMFMT.integer],
  ];
  const place = table.index('rank');
  for (let col = 1; col <= width; col++) {
    const key = columns[col - 1].key;
    b.at(rankTop, col, key === 'rank' ? t('colPlace') : shown.some(([k]) => k === key) ? columns[col - 1].header : '', STYLE.header);
  }
  for (let k = 1; k <= HOPE_ROWS; k++) {
    const r = rankTop + k;
    b.at(r, place, k, style(STYLE.label, { alignment: { horizontal: 'center' } }));
    const at = `MATCH(${cellRef(r, place, true)},${table.range('rank')},0)`;
    for (const [key, numFmt] of shown)
      b.at(r, table.index(key), { formula: `IFERROR(INDEX(${table.range(key)},${at}),"")` }, numFmt ? style(computed, { numFmt }) : computed);
  }
  const lastRow = rankTop + HOPE_ROWS + 1;
  b.at(lastRow, 1, t('rankingNote'), TEMPLATE_NOTE).merge(rangeRef(lastRow, 1, lastRow, width));

  const sheet = b
    .configure({
      rowHeights: { 1: 26, 2: 18, 3: 20, [top]: 32, [rankTop]: 32 },
      freeze: { rows: 0, columns: 1 },
      print: a4Landscape(printArea(rangeRef(1, 1, lastRow, width))),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet, 5);
}

function cells(c: Readonly<Record<HopeKey, string>>, r: number): Record<HopeKey, string> {
  return Object.fromEntries(Object.entries(c).map(([k, col]) => [k, `$${col}${r}`])) as Record<HopeKey, string>;
}

/**
 * The worked example of docs/rules/templates/hope-list.md: six prospects of the pipeline's own
 * example (so that, beside it, the stages are looked up), one of them abandoned there.
 */
const EXAMPLE: Record<Lang, [string, number, number, number][]> = {
  // customer, scope (0 local, 1 domestic, 2 international), expected value, stage (when typed)
  'zh-CN': [
    ['苏州恒达电子科技有限公司', 1, 600_000, 4],
    ['宁波海纳塑业有限公司', 0, 300_000, 3],
    ['杭州远景包装材料有限公司', 2, 1_200_000, 2],
    ['无锡天成化工有限公司', 0, 200_000, 1],
    ['常州万利五金制品厂', 0, 150_000, 2],
    ['嘉兴同舟物流设备有限公司', 1, 400_000, 3],
  ],
  'en-US': [
    ['Suzhou Hengda Electronics Co., Ltd.', 1, 600_000, 4],
    ['Ningbo Haina Plastics Co., Ltd.', 0, 300_000, 3],
    ['Hangzhou Yuanjing Packaging Co., Ltd.', 2, 1_200_000, 2],
    ['Wuxi Tiancheng Chemical Co., Ltd.', 0, 200_000, 1],
    ['Changzhou Wanli Hardware Factory', 0, 150_000, 2],
    ['Jiaxing Tongzhou Logistics Equipment Co., Ltd.', 1, 400_000, 3],
  ],
};

function exampleRows(lang: Lang, stages: string[], scopes: string[], linked: boolean): PlanRow<HopeKey>[] {
  return EXAMPLE[lang].map(([customer, scope, expected, stage]) => ({
    customer,
    scope: scopes[scope],
    expected,
    ...(linked ? {} : { stage: stages[stage - 1] }),
  }));
}

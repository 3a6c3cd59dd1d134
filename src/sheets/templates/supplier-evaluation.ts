import messages from '../../i18n/templates/supplier-evaluation';
import { translator } from '../../i18n/define';
import { cellRef, columnLetter, printArea, rangeRef } from '../core/a1';
import { messageFormula } from '../core/formula-text';
import { FLAG_STYLE, OK_STYLE, planTable, q, validationFor, type PlanColumn, fitRowHeights } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';

const COMPETITORS = 3;
const EXTRA_ROWS = 2;
/** The scale every score is given on: the first is the default (docs/rules/templates/supplier-evaluation.md). */
const SCALES = ['1–5', '0–10'] as const;
const SCALE_ROW = 6;
const HEADER_ROW = 7;

/**
 * Example (ours): weights 20/15/10/10/15/15/10/5 %, scores per criterion for us and three
 * competitors. Weighted totals: us 3.85, competitor 1 3.50, competitor 2 3.05, competitor 3 3.90.
 */
const EXAMPLE_WEIGHTS = [0.2, 0.15, 0.1, 0.1, 0.15, 0.15, 0.1, 0.05];
const EXAMPLE_SCORES = [
  [4, 3, 2, 3],
  [5, 3, 3, 4],
  [3, 5, 3, 4],
  [3, 5, 3, 4],
  [4, 4, 3, 5],
  [3, 2, 5, 3],
  [4, 4, 3, 5],
  [5, 3, 2, 4],
];
const EXAMPLE_BIDDERS: Record<Lang, string[]> = {
  'zh-CN': ['我方', '华远机械', '东成重工', '恒通汽车'],
  'en-US': ['Us', 'Huayuan Machinery', 'Dongcheng Heavy Industry', 'Hengtong Motors'],
};

type ScoreKey = 'criterion' | 'weight' | `bidder${number}` | 'notes';

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const t = translator(messages, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: 3 + COMPETITORS + 1, date: o.today ?? new Date(), protect });

  const criteria = [
    t('critRelationship'),
    t('critService'),
    t('critPosition'),
    t('critBrand'),
    t('critPerformance'),
    t('critPrice'),
    t('critSupply'),
    t('critSpeed'),
  ];
  const rows = criteria.length + EXTRA_ROWS;
  const bidderKeys = Array.from({ length: COMPETITORS + 1 }, (_, i): ScoreKey => `bidder${i}`);
  const bidders = example
    ? EXAMPLE_BIDDERS[lang]
    : [t('us'), ...Array.from({ length: COMPETITORS }, (_, i) => t('competitor', { n: i + 1 }))];

  // The scale, chosen in one cell: every score rule and colour reads it.
  const label = style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true }, border: COLORS.border, fill: COLORS.sectionFill });
  b.at(SCALE_ROW, 1, t('scaleLabel'), label);
  b.at(SCALE_ROW, 2, SCALES[0], style(STYLE.input, { font: { bold: true }, alignment: { horizontal: 'center' } }));
  b.validation(validationFor(lang, cellRef(SCALE_ROW, 2), { list: [...SCALES], prompt: t('scalePrompt') }));
  b.at(SCALE_ROW, 3, t('scaleNoteInput'), style(TEMPLATE_NOTE, { alignment: { vertical: 'middle', wrapText: false } }));
  const scaleCell = cellRef(SCALE_ROW, 2, true);
  const [low, high] = [`IF(${scaleCell}=${q(SCALES[1])},0,1)`, `IF(${scaleCell}=${q(SCALES[1])},10,5)`];
  const scaleText = `${scaleCell}`;

  // Bidders' names are the header cells of their score columns: yellow, for the planner to type.
  const nameHeader = style(STYLE.header, { fill: COLORS.inputFill, font: { color: COLORS.title }, locked: false });
  const score = { decimal: [0, 10] as [number, number], prompt: t('promptScore') };
  const columns: PlanColumn<ScoreKey>[] = [
    // Locked labels on the eight criteria rows; the rows below them take extra criteria.
    { key: 'criterion', header: t('colCriterion'), labels: criteria, width: 24 },
    {
      key: 'weight',
      header: t('colWeight'),
      numFmt: NUMFMT.percent0,
      align: 'center',
      input: { decimal: [0, 1], prompt: t('promptWeight'), shown: ['0%', '100%'] },
      width: 10,
    },
    ...bidderKeys.map(
      (key, i): PlanColumn<ScoreKey> => ({
        key,
        header: bidders[i],
        headerStyle: nameHeader,
        align: 'center',
        numFmt: '0.0',
        input: score,
        width: 18,
      }),
    ),
    { key: 'notes', header: t('colNotes'), width: 36 },
  ];
  const data = example
    ? EXAMPLE_WEIGHTS.map((w, i) => ({
        weight: w,
        ...Object.fromEntries(bidderKeys.map((key, j) => [key, EXAMPLE_SCORES[i][j]])),
      }))
    : undefined;
  const table = planTable(b, lang, { name: 'SupplierEvaluation_Scores', top: HEADER_ROW, left: 1, columns, rows, data });
  const bidderCols = bidderKeys.map((key) => table.index(key));
  const right = table.right;

  const weights = table.range('weight');
  const totalRow = table.lastRow + 2;
  const rankRow = totalRow + 1;
  const checkRow = rankRow + 1;
  const scoreCheckRow = checkRow + 1;
  const noteRow = scoreCheckRow + 1;
  const weightCol = table.index('weight');
  const weightTotal = cellRef(totalRow, weightCol);
  const number = (numFmt: string) => style(STYLE.computed, { numFmt, font: { bold: true }, alignment: { horizontal: 'center' } });

  b.at(totalRow, 1, t('totalLabel'), label);
  b.at(totalRow, weightCol, { formula: `SUM(${weights})` }, number(NUMFMT.percent0));
  const totalsRange = rangeRef(totalRow, bidderCols[0], totalRow, bidderCols[bidderCols.length - 1], true);
  b.at(rankRow, 1, t('rankLabel'), label);
  b.at(rankRow, weightCol, null, STYLE.computed);
  // Totals are rounded so equal scores tie exactly in every spreadsheet engine.
  bidderCols.forEach((col, i) => {
    const scores = table.range(bidderKeys[i]);
    const total = cellRef(totalRow, col);
    b.at(totalRow, col, { formula: `IF(COUNT(${scores})=0,"",ROUND(SUMPRODUCT(${weights},${scores}),4))` }, number('0.00'));
    b.at(rankRow, col, { formula: `IF(ISNUMBER(${total}),RANK(${total},${totalsRange}),"")` }, number('0'));
  });
  b.at(totalRow, right, null, STYLE.computed).at(rankRow, right, null, STYLE.computed);

  const message = (row: number, text: string, formula: string) => {
    b.at(row, 1, text, label);
    b.at(row, 2, { formula }, style(STYLE.computed, { font: { bold: true } }));
    for (let col = 3; col <= right; col++) b.at(row, col, null, STYLE.computed);
    b.merge(rangeRef(row, 2, row, right));
  };
  const [before, after] = t('weightsWrong').split('{total}');
  message(
    checkRow,
    t('checkLabel'),
    `IF(COUNT(${weights})=0,${q(t('weightsEmpty'))},` +
      `IF(ROUND(${weightTotal},6)=1,${q(t('weightsOk'))},${q(before)}&TEXT(${weightTotal},"0.0%")&${q(after)}))`,
  );
  // Scores outside the chosen scale: below its bottom or above its top, over every bidder column.
  const scoreArea = rangeRef(table.firstRow, bidderCols[0], table.lastRow, bidderCols[bidderCols.length - 1], true);
  const outside = `COUNTIF(${scoreArea},"<"&${low})+COUNTIF(${scoreArea},">"&${high})`;
  message(
    scoreCheckRow,
    t('scoreCheckLabel'),
    `IF(${outside}=0,${messageFormula(t('scoresOk'), { scale: scaleText })},${messageFormula(t('scoresOutside'), { n: outside, scale: scaleText })})`,
  );
  b.set(cellRef(noteRow, 1), t('scaleNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, right));

  const weightCell = cellRef(totalRow, weightCol, true);
  const weightWrong = `AND(COUNT(${weights})>0,ROUND(${weightCell},6)<>1)`;
  b.conditional({ ref: weightTotal, rules: [{ type: 'expression', formula: weightWrong, style: FLAG_STYLE }] });
  b.conditional({
    ref: cellRef(checkRow, 2),
    rules: [
      { type: 'expression', formula: weightWrong, style: FLAG_STYLE },
      { type: 'expression', formula: `ROUND(${weightCell},6)=1`, style: OK_STYLE },
    ],
  });
  b.conditional({
    ref: cellRef(scoreCheckRow, 2),
    rules: [
      { type: 'expression', formula: `${outside}>0`, style: FLAG_STYLE },
      { type: 'expression', formula: `${outside}=0`, style: OK_STYLE },
    ],
  });
  const firstRank = cellRef(rankRow, bidderCols[0]);
  b.conditional({
    ref: rangeRef(rankRow, bidderCols[0], rankRow, bidderCols[bidderCols.length - 1]),
    rules: [{ type: 'expression', formula: `${firstRank}=1`, style: OK_STYLE }],
  });
  // Weak scores red, strong ones green: the bottom 40 % and the top 20 % of the chosen scale.
  for (const key of bidderKeys) {
    const tl = `${table.col[key]}${table.firstRow}`;
    b.conditional({
      ref: table.body(key),
      rules: [
        {
          type: 'expression',
          formula: `AND(ISNUMBER(${tl}),${tl}<=${low}+0.4*(${high}-${low}))`,
          style: { font: { color: COLORS.redText } },
        },
        {
          type: 'expression',
          formula: `AND(ISNUMBER(${tl}),${tl}>=${low}+0.8*(${high}-${low}))`,
          style: { font: { bold: true, color: COLORS.greenText } },
        },
      ],
    });
  }

  b.defineName({ name: 'SupplierEvaluation_WeightTotal', ref: weightCell });
  b.defineName({ name: 'SupplierEvaluation_Totals', ref: totalsRange });

  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20, [SCALE_ROW]: 22, [HEADER_ROW]: 30 };
  b.configure({
    rowHeights: heights,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      titleRows: `${HEADER_ROW}:${HEADER_ROW}`,
      // At least eight columns: the title block's version cell is in column H.
      area: printArea(`A1:${columnLetter(Math.max(right, 8))}${noteRow}`),
    },
    protection: protect ? { enabled: true } : undefined,
  });
  return [fitRowHeights(b.build(), 2)];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const supplierEvaluation: TemplateDef = {
  kind: 'supplier-evaluation',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};

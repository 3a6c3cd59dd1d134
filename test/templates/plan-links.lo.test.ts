/**
 * The monthly summary and targets linked to the pipeline, the visit log and the new-customer
 * bonus sheet (docs/rules/templates/monthly-summary.md, targets.md): one workbook per language built with the
 * CLI's --into step by step, recalculated in LibreOffice — the linked cells equal counts made
 * here from the source sheets as LibreOffice computed them; after source cells are edited in the
 * file they follow; after a source sheet is deleted in LibreOffice they say so, with no error
 * anywhere on the two sheets. The written file is schema-valid and every formula carries a cached
 * value equal to LibreOffice's.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openXlsxBook } from '../../src/xlsx/read/xlsx-book';
import { translator } from '../../src/i18n/define';
import { LANGS } from '../../src/sheets/core/sheet-spec';
import common from '../../src/i18n/common';
import summaryCatalog from '../../src/i18n/templates/monthly-summary';
import targetsCatalog from '../../src/i18n/templates/targets';
import pipelineCatalog from '../../src/i18n/templates/pipeline';
import visitCatalog from '../../src/i18n/templates/visit-plan';
import bonusCatalog from '../../src/i18n/bonus-sheets';
import linkCatalog from '../../src/i18n/templates/plan-links';
import { monthlySummary } from '../../src/sheets/templates/monthly-summary';
import { targets as targetsTemplate } from '../../src/sheets/templates/targets';
import { cli } from '../support/cli';
import { typeInto } from '../support/edit-cell';
import { errorCells, readWorkbook, recalc, sheet, type Computed, type SheetValues } from '../support/libreoffice';
import { runEditJobs } from '../support/lo-macro';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { validatePackages } from '../support/ooxml-validate';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { tableCells } from '../support/spec-cells';
import { FIXED_TODAY, tempDir } from '../support/template-files';

describe.each(LANGS)('%s', (lang) => {
  const DATE = '2026-03-15';
  const tp = translator(pipelineCatalog, lang);
  const SUMMARY = translator(summaryCatalog, lang)('sheetName');
  const TARGETS = translator(targetsCatalog, lang)('sheetName');
  const PIPELINE = tp('sheetName');
  const LOG = translator(visitCatalog, lang)('logSheetName');
  const BONUS = translator(bonusCatalog, lang)('sheet_new-customer');
  const gone = (s: string) => translator(common, lang)('linkSourceGone', { sheet: s });

  // The examples' reps.
  const [WANG, LI, ZHANG] = lang === 'zh-CN' ? ['王磊', '李娜', '张伟'] : ['Wang Lei', 'Li Na', 'Zhang Wei'];
  // Orders for the new-customer run: WANG's customers 甲 and 乙 first ordered in March 2026, 丙 in
  // January; LI's 丁 in August 2025.
  const ORDERS = [
    '业务员,客户,日期,金额,毛利率,预付款比例,客户类型,自主开发',
    `${WANG},甲公司,2026-03-05,"100,000",12%,60%,工业,是`,
    `${WANG},甲公司,2026-03-20,"100,000",12%,,工业,是`,
    `${WANG},乙公司,2026-03-10,"50,000",12%,,商业,是`,
    `${WANG},丙公司,2026-01-12,"80,000",15%,,商业,是`,
    `${LI},丁公司,2025-08-01,"60,000",12%,,商业,是`,
  ].join('\n');

  type Variant = 'linked' | 'edited' | 'noPipeline' | 'noLog' | 'noBonus';
  const results = new Map<Variant, SheetValues[]>();
  let linkedFile = '';
  let linkedOut = '';

  /** Data cells of one sheet of a written file (values as stored), A1 → value. */
  function storedCells(file: string, name: string): Map<string, unknown> {
    const book = openXlsxBook(new Uint8Array(readFileSync(file)));
    const info = book.sheets.find((s) => s.name === name)!;
    const out = new Map<string, unknown>();
    const letter = (i: number) => String.fromCharCode(65 + i);
    for (const batch of book.rows(info))
      for (const row of batch) row.cells.forEach((v, i) => out.set(`${letter(i)}${row.rowNumber}`, v));
    return out;
  }

  /** The first body row (from `first`) whose cells satisfy the test. */
  function findRow(
    cells: Map<string, unknown>,
    first: number,
    last: number,
    test: (at: (col: string) => unknown) => boolean,
  ): number {
    for (let r = first; r <= last; r++) if (test((col) => cells.get(`${col}${r}`))) return r;
    throw new Error('no such row');
  }

  const summarySpec = monthlySummary.build({ lang, example: true, today: FIXED_TODAY })[0];
  const targetsSpec = targetsTemplate.build({ lang, example: true, today: FIXED_TODAY })[0];
  const sumTargets = tableCells(summarySpec, 'MonthlySummary_Targets');
  const sumPipe = tableCells(summarySpec, 'MonthlySummary_Pipeline');
  const reps = tableCells(targetsSpec, 'Targets_Reps');
  const tiers = tableCells(targetsSpec, 'Targets_Visits');

  let edits: { stageRow: number; from: string; to: string };
  const serial = (d: Computed) => (d instanceof Date ? Math.round(d.getTime() / 86400000) + 25569 : (d as number));
  const MARCH = [serial(new Date(Date.UTC(2026, 2, 1))), serial(new Date(Date.UTC(2026, 3, 1)))];

  beforeAll(async () => {
    const dir = tempDir('ap-plan-links-');
    const orders = path.join(dir, 'orders.csv');
    writeFileSync(orders, ORDERS);
    linkedFile = path.join(dir, 'linked.xlsx');
    const example = ['--example', '--date', DATE, '--lang', lang];
    for (const args of [
      ['template', 'pipeline', ...example, '--out', linkedFile],
      ['template', 'visit-plan', ...example, '--into', linkedFile],
      ['bonus', '--scheme', 'new-customer', '--in', orders, '--lang', lang, '--into', linkedFile],
      ['template', 'monthly-summary', ...example, '--into', linkedFile],
      ['template', 'targets', ...example, '--into', linkedFile],
    ]) {
      const r = await cli(args);
      expect({ args: args.join(' '), code: r.code, err: r.err }).toEqual({ args: args.join(' '), code: 0, err: '' });
    }

    // Edited copy: a pipeline prospect of 王磊 moves to another stage, a March visit to a B customer
    // by 李娜 is re-assigned to 王磊, and 乙公司's bonus line is re-assigned to 李娜.
    const edited = path.join(dir, 'edited.xlsx');
    copyFileSync(linkedFile, edited);
    const pipe = storedCells(linkedFile, PIPELINE);
    const stageRow = findRow(
      pipe,
      13,
      72,
      (at) => at('B') === WANG && at('D') === tp('statusGreen') && at('E') !== tp('decisionAbandon'),
    );
    const from = pipe.get(`C${stageRow}`) as string;
    const to = from === tp('stage5') ? tp('stage1') : tp('stage5');
    edits = { stageRow, from, to };
    await typeInto(edited, PIPELINE, `C${stageRow}`, to);
    const log = storedCells(linkedFile, LOG);
    const visitRow = findRow(
      log,
      7,
      26,
      (at) => at('C') === LI && at('K') === 'B' && serial(at('A') as Computed) >= MARCH[0],
    );
    await typeInto(edited, LOG, `C${visitRow}`, WANG);
    const bonus = storedCells(linkedFile, BONUS);
    await typeInto(edited, BONUS, `A${findRow(bonus, 7, 20, (at) => at('B') === '乙公司')}`, LI);
    // And on the summary a month-start count typed for stage 1, which the moves then disagree with.
    await typeInto(
      edited,
      SUMMARY,
      `${sumPipe.col(translator(summaryCatalog, lang)('colAtStart'))}${sumPipe.first}`,
      99,
    );

    const [linkedRecalc, editedRecalc] = await recalc([linkedFile, edited]);
    linkedOut = linkedRecalc;
    results.set('linked', await readWorkbook(linkedRecalc));
    results.set('edited', await readWorkbook(editedRecalc));

    // Each source sheet deleted in LibreOffice, as a user would, then recalculated and saved.
    const deleted: [Variant, string][] = [
      ['noPipeline', PIPELINE],
      ['noLog', LOG],
      ['noBonus', BONUS],
    ];
    const order = (await readWorkbookParts(new Uint8Array(readFileSync(linkedFile)))).sheets;
    await runEditJobs(deleted.map(([v, s]) => ({ input: linkedFile, output: path.join(dir, `${v}.xlsx`), deleteSheets: [order.indexOf(s)] })));
    for (const [v] of deleted) results.set(v, await readWorkbook(path.join(dir, `${v}.xlsx`)));
  }, 900_000);

  const value = (v: Variant, name: string, ref: string): Computed =>
    sheet(results.get(v)!, name).values.get(ref) ?? null;

  /** Counts made here over the source sheets as LibreOffice computed them. */
  function expected(v: Variant) {
    const src = (name: string, ref: string) => value(v, name, ref);
    const stages = [1, 2, 3, 4, 5].map((k) => tp(`stage${k}` as 'stage1'));
    const openAt = stages.map((s) => {
      let n = 0;
      for (let r = 13; r <= 72; r++)
        if (
          src(PIPELINE, `B${r}`) === WANG &&
          src(PIPELINE, `C${r}`) === s &&
          src(PIPELINE, `D${r}`) !== tp('statusRed') &&
          src(PIPELINE, `E${r}`) !== tp('decisionAbandon')
        )
          n++;
      return n;
    });
    const visits = (rep: string, tier: string, from: number, until: number) => {
      let n = 0;
      for (let r = 7; r <= 26; r++) {
        const d = src(LOG, `A${r}`);
        if (d === null) continue;
        if (
          String(src(LOG, `C${r}`)).includes(rep) &&
          src(LOG, `K${r}`) === tier &&
          serial(d) >= from &&
          serial(d) < until
        )
          n++;
      }
      return n;
    };
    const lines: [string, number][] = [];
    for (let r = 7; src(BONUS, `A${r}`) !== null; r++)
      lines.push([src(BONUS, `A${r}`) as string, serial(src(BONUS, `C${r}`))]);
    return { openAt, visits, lines };
  }

  describe('linked to pipeline, visit log and new-customer bonus', () => {
    test.each(['linked', 'edited'] as const)(
      '%s: the summary and targets show the counts of the source sheets',
      (v) => {
        const e = expected(v);
        const col = sumTargets.col(translator(summaryCatalog, lang)('colActual'));
        const inMarch = (d: number) => d >= MARCH[0] && d < MARCH[1];
        expect(value(v, SUMMARY, `${col}${sumTargets.first}`)).toBe(
          e.lines.filter(([rep, d]) => rep === WANG && inMarch(d)).length,
        );
        ['A', 'B', 'C'].forEach((tier, i) =>
          expect(value(v, SUMMARY, `${col}${sumTargets.first + 2 + i}`)).toBe(e.visits(WANG, tier, MARCH[0], MARCH[1])),
        );
        const atEnd = sumPipe.col(translator(summaryCatalog, lang)('colAtEnd'));
        expect([0, 1, 2, 3, 4].map((i) => value(v, SUMMARY, `${atEnd}${sumPipe.first + i}`))).toEqual(e.openAt);

        // Targets: rows 王磊, 李娜, 张伟 for the quarter from 2026-01-01; tier rows 王磊 A/B/C, 李娜 A/B/C …
        const tt = translator(targetsCatalog, lang);
        const Q1 = [serial(new Date(Date.UTC(2026, 0, 1))), MARCH[1]];
        [WANG, LI, ZHANG].forEach((rep, i) => {
          const r = reps.first + i;
          const mine = e.lines.filter(([who, d]) => who === rep && d < Q1[1]).map(([, d]) => d);
          expect({ rep, nc: value(v, TARGETS, `${reps.col(tt('colNcActual'))}${r}`) }).toEqual({
            rep,
            nc: mine.filter((d) => d >= Q1[0]).length,
          });
          const last = value(v, TARGETS, `${reps.col(tt('colLastNew'))}${r}`);
          expect({ rep, last: mine.length ? serial(last) : last }).toEqual({
            rep,
            last: mine.length ? Math.max(...mine) : '',
          });
          ['A', 'B', 'C'].forEach((tier, k) =>
            expect({
              rep,
              tier,
              n: value(v, TARGETS, `${tiers.col(tt('colTierActual'))}${tiers.first + 3 * i + k}`),
            }).toEqual({ rep, tier, n: e.visits(rep, tier, Q1[0], Q1[1]) }),
          );
        });
      },
    );

    test('by hand: 2 new customers in March (甲, 乙), 1 after 乙 went to 李娜; the moved prospect and the re-assigned visit counted', () => {
      const col = sumTargets.col(translator(summaryCatalog, lang)('colActual'));
      expect(value('linked', SUMMARY, `${col}${sumTargets.first}`)).toBe(2);
      expect(value('edited', SUMMARY, `${col}${sumTargets.first}`)).toBe(1);
      const visitsB = `${col}${sumTargets.first + 3}`;
      expect(value('edited', SUMMARY, visitsB)).toBe((value('linked', SUMMARY, visitsB) as number) + 1);
      const atEnd = sumPipe.col(translator(summaryCatalog, lang)('colAtEnd'));
      const stageRow = (s: string) => `${atEnd}${sumPipe.first + Number(s[0]) - 1}`;
      expect(value('edited', SUMMARY, stageRow(edits.from))).toBe(
        (value('linked', SUMMARY, stageRow(edits.from)) as number) - 1,
      );
      expect(value('edited', SUMMARY, stageRow(edits.to))).toBe(
        (value('linked', SUMMARY, stageRow(edits.to)) as number) + 1,
      );
      // 李娜's latest new customer is now 乙公司 (2026-03-10), 王磊's 甲公司 (2026-03-05).
      const lastNew = reps.col(translator(targetsCatalog, lang)('colLastNew'));
      expect(serial(value('edited', TARGETS, `${lastNew}${reps.first}`))).toBe(serial(new Date(Date.UTC(2026, 2, 5))));
      expect(serial(value('edited', TARGETS, `${lastNew}${reps.first + 1}`))).toBe(
        serial(new Date(Date.UTC(2026, 2, 10))),
      );
    });

    test('typed moves that do not add up to the pipeline are flagged; net change only once a start is typed', () => {
      const ts = translator(summaryCatalog, lang);
      const check = `${sumPipe.col(ts('colCheck'))}${sumPipe.first}`;
      expect(value('linked', SUMMARY, check)).toBe('');
      expect(value('edited', SUMMARY, check)).toBe(translator(linkCatalog, lang)('movesDiffer', { n: 99 }));
      const atEnd = sumPipe.col(ts('colAtEnd'));
      const total = [0, 1, 2, 3, 4].reduce(
        (n, i) => n + (value('edited', SUMMARY, `${atEnd}${sumPipe.first + i}`) as number),
        0,
      );
      expect(value('linked', SUMMARY, 'G8')).toBe('');
      expect(value('edited', SUMMARY, 'G8')).toBe(total - 99);
    });

    test('no error values on the summary or targets sheets, linked or edited', () => {
      for (const v of ['linked', 'edited'] as const)
        expect(errorCells(results.get(v)!.filter((s) => s.name === SUMMARY || s.name === TARGETS))).toEqual([]);
    });

    test.each([
      ['noPipeline', PIPELINE],
      ['noLog', LOG],
      ['noBonus', BONUS],
    ] as const)('%s: the linked cells say the sheet was deleted, nothing shows an error', (v, deleted) => {
      const ours = results.get(v)!.filter((s) => s.name === SUMMARY || s.name === TARGETS);
      expect(ours).toHaveLength(2);
      expect(errorCells(ours)).toEqual([]);
      const messages = ours.flatMap((s) =>
        [...s.values].filter(([, x]) => x === gone(deleted)).map(([ref]) => `${s.name}!${ref}`),
      );
      const col = sumTargets.col(translator(summaryCatalog, lang)('colActual'));
      const atEnd = sumPipe.col(translator(summaryCatalog, lang)('colAtEnd'));
      const tt = translator(targetsCatalog, lang);
      const cells: Record<typeof v, string[]> = {
        noPipeline: [
          ...[0, 1, 2, 3, 4].map((i) => `${SUMMARY}!${atEnd}${sumPipe.first + i}`),
          `${TARGETS}!${reps.col(tt('colPotential'))}${reps.first}`,
        ],
        noLog: [
          `${SUMMARY}!${col}${sumTargets.first + 2}`,
          `${TARGETS}!${tiers.col(tt('colTierActual'))}${tiers.first}`,
        ],
        noBonus: [
          `${SUMMARY}!${col}${sumTargets.first}`,
          `${TARGETS}!${reps.col(tt('colNcActual'))}${reps.first}`,
          `${TARGETS}!${reps.col(tt('colLastNew'))}${reps.first}`,
        ],
      };
      expect(messages).toEqual(expect.arrayContaining(cells[v]));
    });

    test('the written workbook is schema-valid and every formula has a cached value equal to LibreOffice', async () => {
      const report = await validatePackages([
        { label: 'linked.xlsx', bytes: new Uint8Array(readFileSync(linkedFile)) },
      ]);
      expect(report.errors).toEqual([]);
      const ours = await readStoredFormulas(linkedFile);
      expect(uncached(ours)).toEqual([]);
      const cmp = compareStored(ours, await readStoredFormulas(linkedOut));
      expect(cmp.disagreements).toEqual([]);
      expect(cmp.compared).toBeGreaterThan(500);
    });
  });
});

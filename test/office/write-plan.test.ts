import fc from 'fast-check';
import { packBatches } from '../../src/office/apply-sheet-spec';
import { jsonBytes, needsTextPrefix, toCellInput, utf8Length } from '../../src/office/excel-values';
import { renameSheetRefs } from '../../src/sheets/core/sheet-refs';
import { exactRects, planCells, spanBlocks, splitBlock } from '../../src/office/write-plan';

test('sheet references follow renamed sheets, quoted or not, never inside strings', () => {
  const renames = new Map([
    ['Rules', 'Rules (2)'],
    ['客户 计划', 'Plan'],
  ]);
  expect(renameSheetRefs('Rules!B2+rules!$C$3', renames)).toBe("'Rules (2)'!B2+'Rules (2)'!$C$3");
  expect(renameSheetRefs("SUM('客户 计划'!A1:A3)", renames)).toBe('SUM(Plan!A1:A3)');
  expect(renameSheetRefs('IF(A1="Rules!B2",MyRules!A1,OtherRules!A1)', renames)).toBe('IF(A1="Rules!B2",MyRules!A1,OtherRules!A1)');
  expect(renameSheetRefs("'It''s'!A1", new Map([["It's", 'Its']]))).toBe('Its!A1');
});

test('text Excel would convert gets an apostrophe; plain text does not', () => {
  for (const s of ['001', '2026-03-01', '3月1日', '=x', '+x', '-x', '@x', "'x", '#N/A', 'TRUE', ' false ', '１２']) expect(needsTextPrefix(s)).toBe(true);
  for (const s of ['华东机械', 'Customer', 'A-B', 'N/A']) expect(needsTextPrefix(s)).toBe(false);
  expect(toCellInput('001')).toBe("'001");
  expect(toCellInput({ formula: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
  expect(toCellInput(new Date(Date.UTC(2026, 2, 1)))).toBe(46082);
  expect(toCellInput('')).toBeNull();
  expect(() => toCellInput(Number.NaN)).toThrow(RangeError);
});

test('UTF-8 sizes count CJK as 3 bytes', () => {
  expect(utf8Length('a华😀')).toBe(1 + 3 + 4);
  expect(jsonBytes([['华']])).toBe(9);
});

test('blocks and rectangles cover exactly the given cells', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 })), { selector: ([r, c]) => `${r}:${c}`, maxLength: 120 }), (cells) => {
      const positions = cells.map(([row, col]) => ({ row, col }));
      const key = (r: number, c: number) => `${r}:${c}`;
      const wanted = new Set(positions.map((p) => key(p.row, p.col)));
      // exact rectangles: disjoint, no cell outside the set, every cell covered
      const covered = new Set<string>();
      for (const r of exactRects(positions))
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            expect(wanted.has(key(row, col))).toBe(true);
            expect(covered.has(key(row, col))).toBe(false);
            covered.add(key(row, col));
          }
      expect(covered.size).toBe(wanted.size);
      // span blocks: every value at its place, the rest null
      const blocks = spanBlocks(positions.map((p) => ({ pos: p, value: key(p.row, p.col) })));
      let seen = 0;
      for (const b of blocks)
        b.data.forEach((line, i) =>
          line.forEach((v, j) => {
            if (v !== null) {
              expect(v).toBe(key(b.top + i, b.left + j));
              seen++;
            }
          }),
        );
      expect(seen).toBe(wanted.size);
    }),
  );
});

test('a template-like sheet becomes a handful of writes', () => {
  const cells = [];
  for (let r = 6; r <= 40; r++) for (let c = 1; c <= 8; c++) cells.push({ ref: `${String.fromCharCode(64 + c)}${r}`, value: r * c, style: { numFmt: '0.0', fill: 'FFF9E1', border: 'BFBFBF' } });
  cells.push({ ref: 'A1', value: 'Title', style: { font: { bold: true } } });
  const plan = planCells(cells);
  expect(plan.values).toHaveLength(2);
  expect(plan.numberFormats).toHaveLength(1);
  expect(plan.styles).toHaveLength(2);
});

test('blocks split by rows under the byte budget; batches pack steps in order', () => {
  const data = Array.from({ length: 1000 }, (_, i) => [`row ${i}`, i]);
  const parts = splitBlock({ top: 10, left: 2, bottom: 1009, right: 3, data }, 2000);
  expect(parts.length).toBeGreaterThan(5);
  expect(parts[0].top).toBe(10);
  expect(parts[parts.length - 1].bottom).toBe(1009);
  for (let i = 1; i < parts.length; i++) expect(parts[i].top).toBe(parts[i - 1].bottom + 1);
  for (const p of parts) expect(jsonBytes(p.data)).toBeLessThanOrEqual(2000);
  expect(parts.flatMap((p) => p.data)).toEqual(data);
  expect(packBatches([{ bytes: 3 }, { bytes: 3 }, { bytes: 5 }, { bytes: 1 }], 6).map((b) => b.length)).toEqual([2, 2]);
  expect(packBatches([{ bytes: 9 }], 6).map((b) => b.length)).toEqual([1]);
});

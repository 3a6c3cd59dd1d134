/** The part-level pieces of the share-safe copy: shared-formula translation and cell-range arithmetic. */
import { formatSqref, parseSqref, subtractAll } from '../../src/xlsx/share-safe/areas';
import { shiftFormula } from '../../src/xlsx/share-safe/shift-formula';
import { readCells, renderCell } from '../../src/xlsx/share-safe/sheet-cells';

test('a shared formula read in another cell: relative parts move, absolute parts, text and sheet names stay', () => {
  expect(shiftFormula('A2*$B$1+C$3+$D4', 2, 1)).toBe('B4*$B$1+D$3+$D6');
  expect(shiftFormula('SUM(A1:A9)+LOG10(B2)+COUNTIF(A:A,"A1")', 1, 0)).toBe('SUM(A2:A10)+LOG10(B3)+COUNTIF(A:A,"A1")');
  expect(shiftFormula("'Q1 data'!A1+Q1!B2+Sheet2!C3", 1, 1)).toBe("'Q1 data'!B2+Q1!C3+Sheet2!D4");
  expect(shiftFormula('SUM(3:3)+SUM(B:C)', 2, 1)).toBe('SUM(5:5)+SUM(C:D)');
});

test('validation ranges lose the personal cells, as few rectangles as needed', () => {
  expect(formatSqref(subtractAll(parseSqref('A1:D10'), parseSqref('B3:C20')))).toBe('A1:D2 A3:A10 D3:D10');
  expect(subtractAll(parseSqref('M10:M12'), parseSqref('L7:O27'))).toEqual([]);
  expect(formatSqref(subtractAll(parseSqref('A1 C5:C6'), parseSqref('C6')))).toBe('A1 C5');
});

test('cells are read with their formula, value and type, and written back the same way', () => {
  const xml =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    '<row r="2"><c r="A2" s="3" t="s"><v>4</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2&amp;"x"</f><v>7</v></c><c t="inlineStr"><is><t>in&lt;line</t></is></c></row>' +
    '<row r="3"><c r="B3"><f t="shared" si="0"/><v>8</v></c></row></sheetData></worksheet>';
  const cells = readCells(xml);
  expect(cells.map((c) => [c.ref, c.formula?.text, c.value, c.inline])).toEqual([
    ['A2', undefined, '4', undefined],
    ['B2', 'A2&"x"', '7', undefined],
    ['C2', undefined, undefined, 'in<line'],
    ['B3', '', '8', undefined],
  ]);
  expect(cells.map(renderCell).join('')).toBe(
    '<c r="A2" s="3" t="s"><v>4</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2&amp;"x"</f><v>7</v></c><c t="inlineStr" r="C2"><is><t>in&lt;line</t></is></c><c r="B3"><f t="shared" si="0"/><v>8</v></c>',
  );
  for (const c of cells) expect(xml.slice(c.start, c.end)).toMatch(/^<c\b[\s\S]*(<\/c>|\/>)$/);
});

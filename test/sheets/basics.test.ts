import { cellRef, columnIndex, columnLetter, parseRange } from '../../src/sheets/core/a1';
import { disallowedFunctions, functionsUsed } from '../../src/sheets/core/formula-functions';
import { cleanSheetName, uniqueSheetName } from '../../src/sheets/core/sheet-names';

test('column letters round-trip', () => {
  for (const [i, l] of [
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ] as const) {
    expect(columnLetter(i)).toBe(l);
    expect(columnIndex(l)).toBe(i);
  }
  expect(cellRef(3, 2, true)).toBe('$B$3');
  expect(parseRange('$C$9:A2')).toEqual({ top: 2, left: 1, bottom: 9, right: 3 });
});

test('sheet names are valid, at most 31 characters and unique case-insensitively', () => {
  expect(cleanSheetName('a/b:c?d*e[f]g\\h')).toBe('a b c d e f g h');
  expect(cleanSheetName('   ')).toBe('Sheet');
  expect(uniqueSheetName('SWOT', ['swot'])).toBe('SWOT (2)');
  expect(uniqueSheetName('SWOT', ['SWOT', 'SWOT (2)'])).toBe('SWOT (3)');
  const long = 'x'.repeat(40);
  const second = uniqueSheetName(long, [long.slice(0, 31)]);
  expect(second).toHaveLength(31);
  expect(second.endsWith(' (2)')).toBe(true);
});

test('formula scanner finds functions outside string literals and flags post-2010 ones', () => {
  expect(functionsUsed('IF(A1>0,"MAXIFS(",SUM(B:B))')).toEqual(['IF', 'SUM']);
  expect(disallowedFunctions('IFS(A1>1,1,TRUE,0)')).toEqual(['IFS']);
  expect(disallowedFunctions('_xlfn.XLOOKUP(A1,B:B,C:C)')).toEqual(['_XLFN.XLOOKUP']);
  expect(disallowedFunctions('IFERROR(INDEX(A:A,MATCH(1,B:B,0)),"")')).toEqual([]);
});

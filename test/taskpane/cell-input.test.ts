/**
 * Reading what a person types into an input cell of a previewed sheet, and the editing state.
 * The parsers are the domain's (docs/rules/parsing.md); the checks here are about which one a
 * cell gets and what a refusal carries.
 */
import { cellKind, editText, isInputCell, readCellInput } from '../../src/taskpane/preview/cell-input';
import { cellEditReducer, initialCellEdit } from '../../src/taskpane/preview/cell-edit-state';
import type { CellSpec } from '../../src/sheets/core/sheet-spec';

const input = (value: CellSpec['value'], numFmt?: string): CellSpec => ({ ref: 'B7', value, style: { locked: false, numFmt } });

test('only unlocked constant cells are input cells', () => {
  expect(isInputCell(input(3))).toBe(true);
  expect(isInputCell({ ref: 'B7', value: 3 })).toBe(false);
  expect(isInputCell({ ref: 'B7', value: 3, style: { locked: true } })).toBe(false);
  expect(isInputCell({ ref: 'B7', value: { formula: 'A1*2' }, style: { locked: false } })).toBe(false);
  expect(isInputCell(undefined)).toBe(false);
});

test('each cell is read as it shows its value', () => {
  expect(cellKind(input(null, 'yyyy-mm-dd'))).toBe('date');
  expect(cellKind(input(new Date(Date.UTC(2026, 2, 1))))).toBe('date');
  expect(cellKind(input(0.1, '0%'))).toBe('percent');
  expect(cellKind(input(null, '"¥"#,##0.00'))).toBe('number');
  expect(cellKind(input(12))).toBe('number');
  expect(cellKind(input('Li Yang'))).toBe('text');
  // Quoted text in a format is not a date code: '0.00"×"' is a number, '"day"0' too.
  expect(cellKind(input(null, '0.00"×"'))).toBe('number');
  expect(cellKind(input(null, '"day "0'))).toBe('number');
});

test('numbers, percentages and dates are parsed; blanks empty the cell; text stays text', () => {
  expect(readCellInput(input(1, '"¥"#,##0.00'), '¥1,234.50')).toEqual({ ok: true, value: 1234.5 });
  expect(readCellInput(input(0.1, '0%'), '20%')).toEqual({ ok: true, value: 0.2 });
  expect(readCellInput(input(0.1, '0%'), '0.25')).toEqual({ ok: true, value: 0.25 });
  expect(readCellInput(input(null, 'yyyy-mm-dd'), '2026年3月1日')).toEqual({ ok: true, value: new Date(Date.UTC(2026, 2, 1)) });
  expect(readCellInput(input(null, 'yyyy-mm-dd'), '2026/3/1')).toEqual({ ok: true, value: new Date(Date.UTC(2026, 2, 1)) });
  expect(readCellInput(input(5), '  ')).toEqual({ ok: true, value: null });
  expect(readCellInput(input('x'), ' 12 ')).toEqual({ ok: true, value: '12' });
});

test('unreadable entries are refused with the reason, never read as 0', () => {
  expect(readCellInput(input(1), 'twenty')).toEqual({ ok: false, error: { code: 'not-a-number', input: 'twenty' } });
  expect(readCellInput(input(1), '1,23')).toMatchObject({ ok: false, error: { code: 'decimal-comma' } });
  expect(readCellInput(input(0.1, '0%'), '12')).toMatchObject({ ok: false, error: { code: 'ambiguous-percent' } });
  expect(readCellInput(input(null, 'yyyy-mm-dd'), '2026-02-30')).toMatchObject({ ok: false, error: { code: 'invalid-date' } });
  expect(readCellInput(input(null, 'yyyy-mm-dd'), '03/01/2026')).toMatchObject({ ok: false, error: { code: 'not-a-date' } });
});

test('a cell opens with its value as it would be typed', () => {
  expect(editText(input(0.1, '0%'))).toBe('10%');
  expect(editText(input(0.125, '0.0%'))).toBe('12.5%');
  expect(editText(input(new Date(Date.UTC(2026, 2, 1)), 'yyyy-mm-dd'))).toBe('2026-03-01');
  expect(editText(input(1234.5))).toBe('1234.5');
  expect(editText(input(null))).toBe('');
});

test('editing state: a refusal keeps the cell open with the text; saving closes it', () => {
  let s = cellEditReducer(initialCellEdit, { type: 'opened', ref: 'B7', text: '10%' });
  s = cellEditReducer(s, { type: 'typed', text: 'twenty' });
  s = cellEditReducer(s, { type: 'saving' });
  expect(s.saving).toBe(true);
  s = cellEditReducer(s, { type: 'refused', message: 'Cell B7: no' });
  expect(s).toEqual({ saving: false, editing: { ref: 'B7', text: 'twenty' }, error: { ref: 'B7', message: 'Cell B7: no' } });
  s = cellEditReducer(s, { type: 'typed', text: '20%' });
  s = cellEditReducer(s, { type: 'saving' });
  expect(s.error).toBeUndefined();
  expect(cellEditReducer(s, { type: 'saved' })).toEqual({ saving: false });
  expect(cellEditReducer(s, { type: 'cancelled' })).toEqual({ saving: false });
});

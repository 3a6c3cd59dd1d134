import { CellMemo } from '../../../src/domain/bonus/readers/cell-memo';
import { parseDate } from '../../../src/domain/parse/parse-date';
import type { Parsed } from '../../../src/domain/parse/parse-result';

describe('CellMemo: each distinct cell parsed once, failures included', () => {
  const counting = (limit?: number) => {
    const calls: unknown[] = [];
    const parse = (cell: unknown): Parsed<number> => {
      calls.push(cell);
      return parseDate(cell);
    };
    return { calls, memo: new CellMemo(parse, limit) };
  };

  test('a repeated text or number is parsed once and gives the same outcome, value or failure', () => {
    const { calls, memo } = counting();
    const first = memo.read('2026-03-01');
    expect(first).toEqual(parseDate('2026-03-01'));
    expect(memo.read('2026-03-01')).toBe(first);
    expect(memo.read(46082)).toEqual(parseDate(46082));
    memo.read(46082);
    const bad = memo.read('2026-02-30');
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-date', input: '2026-02-30' } });
    expect(memo.read('2026-02-30')).toBe(bad);
    expect(memo.read('')).toEqual({ ok: false, error: { code: 'empty', input: '' } });
    expect(calls).toEqual(['2026-03-01', 46082, '2026-02-30', '']);
  });

  test('cells that are neither text nor number, and cells past the limit, are parsed every time', () => {
    const { calls, memo } = counting(2);
    const d = new Date(Date.UTC(2026, 0, 5));
    expect(memo.read(d)).toEqual(parseDate(d));
    memo.read(d);
    memo.read('2026-01-01');
    memo.read('2026-01-02');
    memo.read('2026-01-03');
    memo.read('2026-01-03');
    memo.read('2026-01-01');
    expect(calls).toEqual([d, d, '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-03']);
  });
});

import type { FeeLine } from '../../../src/domain/bonus/line';
import { runBonus } from '../../../src/domain/bonus/run';

const HEADERS = ['rep', 'customer', 'date', 'scope', 'contract_type'];
async function run(rows: unknown[][], period?: string) {
  const r = await runBonus('fees', { headers: HEADERS, rows }, { period, lang: 'en-US' });
  return { ...r, lines: r.lines as FeeLine[] };
}

describe('customer development and maintenance fees', () => {
  test('agreement → development fee by scope; each year’s first contract → maintenance fee by scope', async () => {
    const r = await run([
      ['Li', 'X', '2026-01-10', 'local', 'agreement'],
      ['Li', 'X', '2026-02-01', 'local', 'contract'],
      ['Li', 'X', '2026-03-01', 'local', 'contract'],
      ['Li', 'X', '2027-01-05', 'local', ''],
      ['Li', 'Y', '2026-05-01', '国内', '合作协议'],
      ['Wang', 'Z', '2026-06-01', 'international', 'contract'],
    ]);
    expect(r.lines.map((l) => [l.rep, l.key, l.fee, l.year, l.bonus.toString()])).toEqual([
      ['Li', 'X', 'development', 2026, '50000'],
      ['Li', 'X', 'maintenance', 2026, '30000'],
      ['Li', 'Y', 'development', 2026, '100000'],
      ['Wang', 'Z', 'maintenance', 2026, '150000'],
      ['Li', 'X', 'maintenance', 2027, '30000'],
    ]);
    expect(r.lines[0].reason).toBe('development fee for a local customer, agreement signed 2026-01-10 → ¥50,000');
    expect(r.lines[1].reason).toBe('maintenance fee 2026 for a local customer, with the year’s first contract (2026-02-01) → ¥30,000');
    expect(r.byRep.map((x) => [x.rep, x.bonus.toString()])).toEqual([
      ['Li', '210000'],
      ['Wang', '150000'],
    ]);
  });

  test('a second agreement for the same customer is shown but not due again', async () => {
    const r = await run([
      ['Li', 'X', '2026-01-10', 'domestic', 'agreement'],
      ['Li', 'X', '2026-09-10', 'domestic', 'agreement'],
    ]);
    expect(r.lines.map((l) => [l.eligible, l.bonus.toString(), l.duplicateOf])).toEqual([
      [true, '100000', null],
      [false, '0', 2],
    ]);
    expect(r.lines[1].reason).toBe('no bonus: the development fee was already due with the agreement of 2026-01-10 (row 2)');
  });

  test('the period picks fees by signing date; unknown scopes and document types are set aside', async () => {
    const r = await run(
      [
        ['Li', 'X', '2026-03-31', 'local', 'contract'],
        ['Li', 'Y', '2026-04-01', 'local', 'contract'],
        ['Li', 'Z', '2026-04-01', 'galactic', 'contract'],
        ['Li', 'Z', '2026-04-01', 'local', 'memo'],
      ],
      '2026Q2',
    );
    expect(r.lines.map((l) => l.key)).toEqual(['Y']);
    expect(r.rejected.rows).toEqual([
      { row: 4, reason: 'market scope "galactic" is not local, domestic or international' },
      { row: 5, reason: 'document type "memo" is neither agreement nor contract' },
    ]);
  });
});

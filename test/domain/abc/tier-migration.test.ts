import { Decimal } from '../../../src/domain/exact/decimal';
import { readTierTable, isTierTable, tierEntriesOf } from '../../../src/domain/abc/previous-tiers';
import { runAbc } from '../../../src/domain/abc/run';
import { compareTiers, customerKey, TierMigrationError, type TierEntry } from '../../../src/domain/abc/tier-migration';

/**
 * A migration worked out by hand. Both quarters total 1,000 and use the default rule (value
 * method, A while the share of larger customers is below 80 %, B below 95 %):
 *
 * Q1: Alpha 500 (0 % ahead → A), Beta 300 (50 % → A), Gamma 100 (80 %, not below 80 → B),
 *     Delta 60 (90 % → B), Eps 40 (96 % → C).
 * Q2: Beta 500 (0 % → A), ALPHA 200 (50 % → A), Gamma 150 (70 % → A), Zeta 100 (85 % → B),
 *     Eps 50 (95 %, not below 95 → C).
 *
 * So: Alpha A→A, Beta A→A, Eps C→C the same; Gamma B→A up; Delta B→(none) lost; Zeta new in B.
 * Visits (A 4, B 2, C 1): before 4+4+2+2+1 = 13, after 4+4+4+2+1 = 15, change +2.
 * Values: before 1,000, after 1,000; Gamma +50, Zeta +100, Delta −60, Alpha −300, Beta +200.
 */
const Q1 = [['Alpha', 500], ['Beta', 300], ['Gamma', 100], ['Delta', 60], ['Eps', 40]];
const Q2 = [['ALPHA', 200], ['Beta', 500], ['Gamma', 150], ['Zeta', 100], ['Eps', 50]];

async function run(rows: (string | number)[][]) {
  return runAbc({ headers: ['Customer', 'Amount'], rows });
}

test('the hand-worked migration: tiers, movements, matrix, values and visits', async () => {
  const m = compareTiers(tierEntriesOf(await run(Q1)), tierEntriesOf(await run(Q2)));
  const byName = new Map(m.rows.map((r) => [customerKey(r.customer), r]));
  expect([...byName.keys()].sort()).toEqual(['alpha', 'beta', 'delta', 'eps', 'gamma', 'zeta']);
  const view = (n: string) => {
    const r = byName.get(n)!;
    return [r.before ?? '-', r.after ?? '-', r.movement, r.valueChange.toFixed(), r.visitsBefore, r.visitsAfter];
  };
  expect(view('alpha')).toEqual(['A', 'A', 'same', '-300', 4, 4]);
  expect(view('beta')).toEqual(['A', 'A', 'same', '200', 4, 4]);
  expect(view('gamma')).toEqual(['B', 'A', 'up', '50', 2, 4]);
  expect(view('delta')).toEqual(['B', '-', 'lost', '-60', 2, 0]);
  expect(view('zeta')).toEqual(['-', 'B', 'new', '100', 0, 2]);
  expect(view('eps')).toEqual(['C', 'C', 'same', '10', 1, 1]);
  // The current run's spelling is kept for a matched customer.
  expect(byName.get('alpha')!.customer).toBe('ALPHA');
  expect(m.counts).toEqual({ up: 1, down: 0, new: 1, lost: 1, same: 3 });
  expect(m.matrix).toEqual({
    A: { A: 2, B: 0, C: 0, '': 0 },
    B: { A: 1, B: 0, C: 0, '': 1 },
    C: { A: 0, B: 0, C: 1, '': 0 },
    '': { A: 0, B: 1, C: 0, '': 0 },
  });
  expect(m.visits).toEqual({ before: 13, after: 15, change: 2 });
  expect([m.value.before.toFixed(), m.value.after.toFixed(), m.value.change.toFixed()]).toEqual(['1000', '1000', '0']);
  // Movers first (up, down, new, lost), then the unchanged by the size of their value change.
  expect(m.rows.map((r) => r.customer)).toEqual(['Gamma', 'Zeta', 'Delta', 'ALPHA', 'Beta', 'Eps']);
});

test('quotas change the visits, not the movements; a down move', () => {
  const e = (customer: string, tier: 'A' | 'B' | 'C', value: number): TierEntry => ({ customer, tier, value: new Decimal(value) });
  const m = compareTiers([e('X', 'A', 10), e('Y', 'C', 1)], [e('X', 'C', 2), e('Y', 'B', 5)], { quotas: { A: 8, B: 3, C: 0 } });
  expect(m.rows.map((r) => [r.customer, r.movement, r.visitsChange])).toEqual([
    ['Y', 'up', 3],
    ['X', 'down', -8],
  ]);
  expect(m.visits).toEqual({ before: 8, after: 3, change: -5 });
  expect(m.matrix.A.C).toBe(1);
  expect(m.matrix.C.B).toBe(1);
});

test('two names of one run that match alike are refused with both rows; bad quotas are refused', () => {
  const e = (customer: string, row: number): TierEntry => ({ customer, tier: 'A', value: new Decimal(1), row });
  expect(() => compareTiers([e('ACME  Ltd', 7), e('acme ltd', 9)], [])).toThrow('"ACME  Ltd" (row 7) and "acme ltd" (row 9)');
  expect(() => compareTiers([], [], { quotas: { A: 4, B: 2.5, C: 1 } })).toThrow(TierMigrationError);
  expect(() => compareTiers([], [], { quotas: { A: 4, B: 2, C: 1 }, lang: 'zh-CN' })).not.toThrow();
  // Full-width letters are the same customer as half-width ones.
  expect(customerKey('ＡＣＭＥ　Ltd')).toBe('acme ltd');
});

test('a result sheet read back: headers in either language, every bad row named', async () => {
  expect(isTierTable(['排名', '客户', '金额', '类别'])).toBe(true);
  expect(isTierTable(['Customer', 'Amount'])).toBe(false);
  const zh = await readTierTable({ headers: ['排名', '客户', '金额', '类别'], rows: [[1, 'Alpha', 500, 'A'], [2, 'Beta', '¥300.50', 'b']], firstRowNumber: 26 });
  expect(zh.map((x) => [x.customer, x.value.toFixed(), x.tier, x.row])).toEqual([
    ['Alpha', '500', 'A', 26],
    ['Beta', '300.5', 'B', 27],
  ]);
  const read = (rows: unknown[][]) => readTierTable({ headers: ['Rank', 'Customer', 'Value', 'Tier'], rows, firstRowNumber: 26 });
  await expect(read([[1, 'A', 5, 'A'], [2, 'B', 3, 'D']])).rejects.toThrow('row 27: the tier (Tier) must be A, B or C; got "D"');
  await expect(read([[1, '', 5, 'A']])).rejects.toThrow('row 26: the customer (Customer) is blank');
  await expect(read([[1, 'X', 'lots', 'A']])).rejects.toThrow(/row 26: Value: "lots" is not a number/);
  await expect(read([[1, null, null, '']])).rejects.toThrow('the previous result lists no customers');
  await expect(readTierTable({ headers: ['Customer', 'Tier'], rows: [] })).rejects.toThrow(/no column for Value/);
});

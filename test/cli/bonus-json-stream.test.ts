/**
 * `bonus --json` writes its lines as they are settled (the new-customer engine hands each one on
 * and keeps none). Checked against the old path on a few thousand lines: the run that keeps every
 * line, stringified as one whole document.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { bonusJsonTotals, stringifyExact } from '../../src/cli/commands/bonus-json';
import { lineJson, runBonus, type BonusRunResult } from '../../src/domain/bonus/run';
import type { BonusLine } from '../../src/domain/bonus/line';
import { GENERATORS, HEADERS, fx, rng } from '../support/bonus-data';
import { tempDir } from '../support/template-files';

// 150 seeds of the generator, each seed's customers renamed apart: about 4,700 customer lines.
const ROWS: unknown[][] = [];
for (let seed = 1; seed <= 150; seed++)
  for (const row of GENERATORS['new-customer'](rng(seed), 'en-US')) ROWS.push([row[0], `${String(row[1])} #${seed}`, ...row.slice(2)]);
const HEAD = HEADERS['new-customer'];
const FILE = path.join(tempDir('ap-bonus-stream-'), 'orders.csv');
writeFileSync(FILE, [HEAD, ...ROWS].map((r) => r.join(',')).join('\n'));

/**
 * The document as `bonus --json` wrote it before it was streamed: one object of a run that kept
 * its lines, stringified at once (the members' fields are checked one by one in bonus.test.ts).
 */
function wholeDocument(r: BonusRunResult): string {
  const document = {
    scheme: r.scheme,
    period: r.period?.label ?? null,
    columns: r.columns,
    rowsRead: r.rowsRead,
    lines: r.lines.map(lineJson),
    ...bonusJsonTotals(r),
  };
  expect(Object.keys(document)).toEqual(['scheme', 'period', 'columns', 'rowsRead', 'lines', 'byRep', 'penalties', 'rejected']);
  return stringifyExact(document);
}

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['bonus', ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const kept = (period?: string) => runBonus('new-customer', { headers: HEAD, rows: ROWS }, { fx, lang: 'en-US', period });

describe('bonus --json, streamed', () => {
  it.each([[undefined], ['2026Q2']])('writes what the whole document held (period %s)', async (period) => {
    const r = await kept(period);
    expect(r.lines.length).toBeGreaterThan(period ? 300 : 3000);
    expect(r.lines.some((l) => l.eligible)).toBe(true);
    const { code, out, err } = await cli('--scheme', 'new-customer', '--in', FILE, '--fx', 'USD=7.1,EUR=7.8', '--json', '--lang', 'en-US', ...(period ? ['--period', period] : []));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toBe(`${wholeDocument(r)}\n`);
  });

  it('hands every line on, in order, with the same fields, and keeps none', async () => {
    const r = await kept();
    const streamed: BonusLine[] = [];
    let summary: { rowsRead: number } | undefined;
    const s = await runBonus(
      'new-customer',
      { headers: HEAD, rows: ROWS },
      {
        fx,
        lang: 'en-US',
        streamLines: (read) => {
          summary = read;
          return (line) => streamed.push(line);
        },
      },
    );
    expect(s.lines).toEqual([]);
    expect(summary?.rowsRead).toBe(ROWS.length);
    expect(streamed.map((l) => stringifyExact({ ...lineJson(l), rows: l.rows, margin: l.scheme === 'new-customer' ? l.margin : null }))).toEqual(
      r.lines.map((l) => stringifyExact({ ...lineJson(l), rows: l.rows, margin: l.scheme === 'new-customer' ? l.margin : null })),
    );
    expect(stringifyExact(s.byRep)).toBe(stringifyExact(r.byRep));
    expect(stringifyExact(s.penalties)).toBe(stringifyExact(r.penalties));
  });

  it('counts the lines the same in the text summary', async () => {
    const r = await kept();
    const eligible = r.lines.filter((l) => l.eligible).length;
    const { code, out } = await cli('--scheme', 'new-customer', '--in', FILE, '--fx', 'USD=7.1,EUR=7.8', '--lang', 'en-US');
    expect(code).toBe(0);
    expect(out).toContain(`${r.lines.length} lines, ${eligible} eligible`);
  });
});

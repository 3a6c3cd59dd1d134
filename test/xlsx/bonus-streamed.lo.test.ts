/**
 * `bonus --scheme new-customer --out` streams the bonus sheet, the orders sheet and the rep
 * statements with values worked out from the engine's lines (sheets/bonus/new-customer-values.ts),
 * never by a spreadsheet engine. On a few thousand order lines (the seeded data sets of every
 * case: window edges, several reps per customer, unmarked first orders, industrial customers
 * with and without prepayment), LibreOffice recalculates the file and every formula's stored
 * value must be what it computes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { GENERATORS, HEADERS, rng } from '../support/bonus-data';
import { recalc } from '../support/libreoffice';
import { libreOfficeSheets, type LoSheet } from '../support/lo-csv';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

jest.setTimeout(600_000);

test('every stored value of a streamed new-customer file of ~7,000 order lines equals LibreOffice’s recalculation', async () => {
  const dir = tempDir('ap-bonus-streamed-lo-');
  const input = path.join(dir, 'orders.csv');
  // Seeded data sets, each copy under other customer names: more lines, the same kinds of cases.
  const rows = [21, 22, 23, 24].flatMap((seed) =>
    Array.from({ length: 20 }, (_, c) => GENERATORS['new-customer'](rng(seed * 7919 + c), 'en-US').map((r) => [r[0], `${String(r[1])}-${seed}-${c}`, ...r.slice(2)])).flat(),
  );
  const csv = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  writeFileSync(input, [HEADERS['new-customer'].join(','), ...rows.map((r) => r.map(csv).join(','))].join('\n') + '\n');
  expect(rows.length).toBeGreaterThan(5000);
  const out = path.join(dir, 'bonus.xlsx');
  let err = '';
  const code = await runCli(['bonus', '--scheme', 'new-customer', '--in', input, '--fx', 'USD=7.1,EUR=7.8', '--lang', 'en-US', '--out', out], {
    out: () => undefined,
    err: (t) => (err += t),
  });
  expect({ code, err }).toEqual({ code: 0, err: '' });

  // The customers and reason sentences are inline strings (t="inlineStr", SheetSpec.inlineText):
  // LibreOffice reads on the bonus sheet the very pairs the statements' formulas stored for them,
  // and on the orders sheet every customer of the input.
  const [sheets] = await libreOfficeSheets([out]);
  const pairs = (sheet: LoSheet | undefined) => {
    const rows = sheet?.rows ?? [];
    const head = rows[5] ?? [];
    const [c, r] = [head.indexOf('Customer'), head.indexOf('Reason')];
    return rows.slice(6).filter((row) => row[c] && row[r]).map((row) => `${row[c]} | ${row[r]}`).sort();
  };
  const bonusPairs = pairs(sheets.find((s) => s.name === 'New-customer bonus'));
  const statementPairs = sheets.filter((s) => s.name.endsWith(' statement')).flatMap(pairs).sort();
  expect(bonusPairs.length).toBeGreaterThan(1500);
  expect(statementPairs).toEqual(bonusPairs);
  const ordersCustomers = new Set((sheets.find((s) => s.name === 'New-customer orders')?.rows ?? []).slice(6).map((row) => row[0]));
  expect(ordersCustomers).toEqual(new Set(rows.map((r) => String(r[1]))));

  const ours = await readStoredFormulas(out);
  expect(uncached(ours)).toEqual([]);
  const [recalculated] = await recalc([out]);
  const { compared, disagreements } = compareStored(ours, await readStoredFormulas(recalculated));
  // 14 formulas per line, 3 per order, one per statement cell, besides the summary and the Rules sheet.
  expect(compared).toBeGreaterThan(3 * rows.length + 14 * 1500);
  expect(disagreements.slice(0, 20)).toEqual([]);
});

/**
 * `abc --out` streams the customer table with values worked out from the engine's result, never
 * by a spreadsheet engine. On 5,000 customers (ties, zeros, returns, the Pareto chart's block of
 * the top customers) LibreOffice recalculates the file and every formula's stored value must be
 * what it computes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/run';
import { recalc } from '../support/libreoffice';
import { dataset } from '../support/abc-data';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

jest.setTimeout(600_000);

test('every stored value of a streamed 5,000-customer ABC file equals LibreOffice’s recalculation', async () => {
  const dir = tempDir('ap-abc-streamed-lo-');
  const input = path.join(dir, 'sales.csv');
  const rows = dataset(51, 5000).map((r) => r.map((v) => `"${String(v ?? '').replace(/"/g, '""')}"`).join(','));
  writeFileSync(input, ['客户,金额', ...rows].join('\n') + '\n');
  const out = path.join(dir, 'abc.xlsx');
  let err = '';
  const code = await runCli(['abc', '--in', input, '--out', out, '--currency', 'CNY'], { out: () => undefined, err: (t) => (err += t) });
  expect({ code, err }).toEqual({ code: 0, err: '' });

  const ours = await readStoredFormulas(out);
  expect(uncached(ours)).toEqual([]);
  const [recalculated] = await recalc([out]);
  const { compared, disagreements } = compareStored(ours, await readStoredFormulas(recalculated));
  // 11 formulas on each of ~5,000 rows, besides the parameters, the summary and the chart block.
  expect(compared).toBeGreaterThan(11 * 4500);
  expect(disagreements.slice(0, 20)).toEqual([]);
});

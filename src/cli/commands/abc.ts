import { parseArgs } from 'node:util';
import { AbcInputError, runAbc, type AbcResult, type AbcRunOptions } from '../../domain/abc/run';
import { parseMapOption } from '../../domain/parse/column-map';
import type { Decimal } from '../../domain/exact/decimal';
import { parseDecimal } from '../../domain/parse/parse-number';
import abcMessages from '../../i18n/abc';
import { translator } from '../../i18n/define';
import { parseErrorMessage } from '../../i18n/parse';
import { buildAbcSheets } from '../../sheets/abc/result-sheet';
import type { CliIO } from '../io';
import { READ_OPTIONS, READ_USAGE, readInput, readOptions } from '../read-input';
import { UsageError } from '../usage-error';
import { parseLang } from '../lang-option';
import { writeWorkbookOutput } from '../output';

const USAGE = `Usage: account-planner abc --in FILE [--customer COL] [--value COL[*COL]] [options]
  --in FILE              .csv, .xlsx, or either gzipped (.gz)
  --customer COL         customer column header (default: found by header, e.g. 客户, Customer, CustomerID)
  --value COL[*COL]      value column, or the product of two (Quantity*UnitPrice)
  --map field=Header,…   the same as a list (customer=…, value=…)
${READ_USAGE}
  --method value|count   by cumulative value share (default) or by customer count
  --thresholds 80,95     value method: A and B cumulative shares, in percent
  --count-shares 20,30   count method: share of customers in A and in B, in percent
  --crossing include|exclude
                         include (default): the customer crossing a threshold stays in the upper tier;
                         exclude: it goes to the lower tier (as R inventorize::ABC)
  --no-group             rank rows as they are instead of summing them per customer
  --out FILE.xlsx        write the result workbook (live formulas); --force to replace a file
  --matrix               with --out: also write the X/Y purchasing matrix sheet — an editable 5×5 rules
                         grid (X = current purchasing 0–4, Y = purchasing capacity 0–4 → A/B/C; VIP → A)
                         and the customers of this run with X, Y and VIP blank for you to fill in;
                         their class is a live formula. Does not change --json.
  --lang zh-CN|en-US     language of the workbook and of the reasons (default zh-CN; reasons en-US)
  --json                 print the result as one JSON object
Exit codes: 0 done (even with rejected rows), 2 bad usage or unreadable input.
`;

/** `80,95` → fractions. A value with % or above 1 is a percent; a bare value ≤ 1 is a fraction. */
function parsePair(text: string, option: string): { a: Decimal; b: Decimal } {
  const parts = text.split(/[,，/]/).map((p) => p.trim());
  if (parts.length !== 2) throw new UsageError(`${option} needs two numbers, e.g. ${option} 80,95`);
  const [a, b] = parts.map((p) => {
    const percent = p.endsWith('%');
    const r = parseDecimal(percent ? p.slice(0, -1) : p);
    if (!r.ok) throw new UsageError(`${option}: ${parseErrorMessage(r.error, 'en-US')}`);
    return percent || r.value.gt(1) ? r.value.div(100) : r.value;
  });
  return { a, b };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

export async function abcCommand(argv: string[], io: CliIO): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' },
      customer: { type: 'string' },
      value: { type: 'string' },
      map: { type: 'string' },
      ...READ_OPTIONS,
      method: { type: 'string' },
      thresholds: { type: 'string' },
      'count-shares': { type: 'string' },
      crossing: { type: 'string' },
      'no-group': { type: 'boolean' },
      out: { type: 'string' },
      matrix: { type: 'boolean' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(USAGE);
    return;
  }
  if (!values.in) throw new UsageError(`missing --in FILE\n${USAGE}`);
  if (values.matrix && !values.out) throw new UsageError('--matrix adds a sheet to the workbook: give --out FILE.xlsx too');
  const lang = parseLang(values.lang);
  let map: Record<string, string> | undefined;
  if (values.map !== undefined) {
    const m = parseMapOption(values.map);
    if (!m.ok) throw new UsageError(`--map: ${parseErrorMessage(m.error, 'en-US')}`);
    map = m.value;
  }
  const options: AbcRunOptions = {
    customer: values.customer,
    value: values.value,
    map,
    method: oneOf(values.method, ['value', 'count'] as const, '--method'),
    crossing: oneOf(values.crossing, ['include', 'exclude'] as const, '--crossing'),
    thresholds: values.thresholds ? parsePair(values.thresholds, '--thresholds') : undefined,
    countShares: values['count-shares'] ? parsePair(values['count-shares'], '--count-shares') : undefined,
    group: !values['no-group'],
    lang: values.lang ? lang : 'en-US',
  };

  let result: AbcResult;
  try {
    result = await readInput(values.in, readOptions(values), (table) => runAbc({ headers: table.headers, batches: table.batches }, options));
  } catch (err) {
    if (err instanceof AbcInputError) throw new UsageError(err.message);
    throw err;
  }

  let matrixRows: number | undefined;
  if (values.out) {
    const sheets = buildAbcSheets(result, { lang });
    if (values.matrix) {
      const { buildAbcMatrixSheet, matrixRowsFromAbc } = await import('../../sheets/abc/matrix-sheet');
      const customers = matrixRowsFromAbc(result);
      const note = translator(abcMessages, lang)('matrixPrefillNote', { count: customers.length });
      sheets.push(buildAbcMatrixSheet({ lang, customers, sourceNote: note }));
      matrixRows = customers.length;
    }
    await writeWorkbookOutput(values.out, { sheets, title: 'ABC' }, !!values.force);
  }
  if (values.json) io.out(abcJson(result) + '\n');
  else io.out(abcText(result, values.out) + (matrixRows !== undefined ? `X/Y matrix sheet: ${matrixRows} customers, fill in X and Y\n` : ''));
}

/** Exact decimals as JSON number tokens (never through binary floating point). */
function num(d: Decimal): string {
  return d.toFixed();
}

/** The `--json` object of the CLI contract. Built by hand so values keep every digit. */
export function abcJson(r: AbcResult): string {
  const out: string[] = [];
  out.push(`{"method":${JSON.stringify(r.method)}`);
  out.push(`,"thresholds":{"a":${num(r.thresholds.a)},"b":${num(r.thresholds.b)}}`);
  out.push(`,"crossing":${JSON.stringify(r.crossing)}`);
  out.push(`,"countShares":{"a":${num(r.countShares.a)},"b":${num(r.countShares.b)}}`);
  out.push(`,"grouped":${r.grouped}`);
  out.push(`,"columns":${JSON.stringify(r.columns)}`);
  if (r.currency) out.push(`,"currency":${JSON.stringify(r.currency)}`);
  out.push(`,"total":${num(r.total)}`);
  out.push(',"customers":[');
  r.customers.forEach((c, i) => {
    out.push(
      `${i ? ',' : ''}{"customer":${JSON.stringify(c.customer)},"value":${num(c.value)},"rank":${c.rank},"share":${c.share},"cumulativeBefore":${c.cumulativeBefore},"tier":"${c.tier}"${c.row !== undefined ? `,"row":${c.row}` : ''}}`,
    );
  });
  out.push('],"nonPositive":[');
  r.nonPositive.forEach((c, i) => {
    out.push(`${i ? ',' : ''}{"customer":${JSON.stringify(c.customer)},"value":${num(c.value)}${c.row !== undefined ? `,"row":${c.row}` : ''}}`);
  });
  out.push('],"summary":{');
  out.push(
    (['A', 'B', 'C'] as const)
      .map((t) => `"${t}":{"customers":${r.summary[t].customers},"value":${num(r.summary[t].value)},"customerShare":${r.summary[t].customerShare},"valueShare":${r.summary[t].valueShare}}`)
      .join(','),
  );
  out.push('}');
  if (r.countCut) out.push(`,"countCut":${JSON.stringify(r.countCut)}`);
  out.push(`,"rowsRead":${r.rowsRead}`);
  const shown = r.rejected.rows.slice(0, 100).map((x) => ({ row: x.row, field: x.field, reason: x.reason }));
  out.push(`,"rejected":{"count":${r.rejected.count},"rows":${JSON.stringify(shown)}}}`);
  return out.join('');
}

function abcText(r: AbcResult, written: string | undefined): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // include: the share of the customers strictly ahead is compared with <; exclude: the share through the customer with ≤.
  const [a, b] = [pct(r.thresholds.a.toNumber()), pct(r.thresholds.b.toNumber())];
  const rule =
    r.crossing === 'include'
      ? `share ahead of the customer: A < ${a}, B < ${b}; crossing include`
      : `share through the customer: A ≤ ${a}, B ≤ ${b}; crossing exclude`;
  const lines = [
    `ABC by ${r.method === 'value' ? `value (${rule})` : `count (A ${pct(r.countShares.a.toNumber())}, B ${pct(r.countShares.b.toNumber())})`}`,
    `${r.rowsRead} rows read, ${r.customers.length} customers with a positive value, total ${r.total.toFixed()}${r.currency ? ` ${r.currency}` : ''}`,
  ];
  for (const t of ['A', 'B', 'C'] as const) {
    const s = r.summary[t];
    lines.push(`  ${t}: ${s.customers} customers (${pct(s.customerShare)}), value ${s.value.toFixed()} (${pct(s.valueShare)})`);
  }
  lines.push(`${r.nonPositive.length} customers with a zero or negative value: tier C, not in the total`);
  lines.push(`${r.rejected.count} rows rejected`);
  for (const x of r.rejected.rows.slice(0, 10)) lines.push(`  row ${x.row}: ${x.reason}`);
  if (r.rejected.count > 10) lines.push(`  … and ${r.rejected.count - 10} more (use --json to see the first 100)`);
  if (written) lines.push(`Wrote ${written}`);
  return lines.join('\n') + '\n';
}

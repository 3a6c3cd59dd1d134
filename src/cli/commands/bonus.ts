import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePeriod, type Period } from '../../domain/calendar';
import { BONUS_SCHEMES, type BonusScheme } from '../../domain/bonus/line';
import { defaultRules, loadRules, type BonusRules } from '../../domain/bonus/rules';
import { BonusInputError, lineJson, runBonus, type BonusRunResult } from '../../domain/bonus/run';
import { parseMapOption } from '../../domain/parse/column-map';
import { Decimal, isDecimal } from '../../domain/exact/decimal';
import { serialToIso } from '../../domain/parse/parse-date';
import { parseDecimal } from '../../domain/parse/parse-number';
import { parseErrorMessage } from '../../i18n/parse';
import { buildBonusSheets } from '../../sheets/bonus/bonus-sheets';
import type { CliIO } from '../io';
import { READ_OPTIONS, READ_USAGE, readInput, readOptions } from '../read-input';
import { UsageError } from '../usage-error';
import { parseLang } from '../lang-option';
import { writeWorkbookOutput } from '../output';

const USAGE = `Usage: account-planner bonus --scheme new-brand|new-customer|referral|fees|bad-debt --in FILE [options]
  --in FILE              .csv, .xlsx, or either gzipped (.gz)
  --fx USD=7.1,EUR=7.8   CNY per unit of each currency (over the rates in --rules)
  --rules FILE.json      rules over the defaults (tiers, gates, windows, rates, fees …)
  --period 2026Q1        settle one quarter (also 2026-03 or 2026); default: everything in the data
  --map field=Header,…   name the column of a field when its header is not recognised
${READ_USAGE}
  --out FILE.xlsx        write the bonus workbook (live formulas, Rules sheet, statements); --force to replace
  --lang zh-CN|en-US     language of the workbook and of the reasons (default zh-CN)
  --json                 print the result as one JSON object
Columns, found by header in English or Chinese (--map to name others):
  new-brand     rep, contract, date, amount, currency, margin          (one line per contract;
                amount = the new-brand products only; rows of one contract are summed,
                their margins weighted by amount)
  new-customer  rep, customer, date, amount, currency, margin, prepayment, customer_type,
                self_developed                                        (one line per rep and customer)
  referral      referrer, buyer, visit_date, registered, payment_date (one line per referred buyer)
  fees          rep, customer, date, scope (local/domestic/international), contract_type
                (agreement = cooperation agreement → development fee; contract or blank →
                 the year's first contract carries the maintenance fee)
  bad-debt      handler, approver, customer, amount, currency, within_credit
currency, prepayment, customer_type and contract_type may be left out; amounts without a
currency are CNY. Margins and prepayments as 12% or 0.12.
Exit codes: 0 done (even with rejected rows), 2 bad usage or unreadable input.
`;

/** `USD=7.1,EUR=7.8` → CNY per unit. */
export function parseFxOption(text: string): Record<string, Decimal> {
  const out: Record<string, Decimal> = {};
  for (const item of text.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s*[=＝]\s*(.+)$/.exec(item);
    if (!m) throw new UsageError(`--fx: "${item}" is not CODE=rate, e.g. --fx USD=7.1,EUR=7.8`);
    const r = parseDecimal(m[2]);
    if (!r.ok) throw new UsageError(`--fx ${m[1]}: ${parseErrorMessage(r.error, 'en-US')}`);
    if (r.value.lte(0)) throw new UsageError(`--fx ${m[1]}: the rate must be greater than 0`);
    const code = m[1].toUpperCase();
    if (code === 'CNY' && !r.value.eq(1)) throw new UsageError('--fx CNY: rates are CNY per unit, so CNY is always 1');
    out[code] = r.value;
  }
  if (!Object.keys(out).length) throw new UsageError('--fx needs at least one CODE=rate, e.g. --fx USD=7.1');
  return out;
}

async function readRules(file: string): Promise<BonusRules> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --rules ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--rules ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const r = loadRules(json, 'en-US');
  if (!r.ok) throw new UsageError(`--rules ${file}:\n  ${r.errors.join('\n  ')}`);
  return r.rules;
}

export async function bonusCommand(argv: string[], io: CliIO): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scheme: { type: 'string' },
      in: { type: 'string' },
      fx: { type: 'string' },
      rules: { type: 'string' },
      period: { type: 'string' },
      map: { type: 'string' },
      ...READ_OPTIONS,
      out: { type: 'string' },
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
  if (!values.scheme) throw new UsageError(`missing --scheme\n${USAGE}`);
  if (!(BONUS_SCHEMES as readonly string[]).includes(values.scheme))
    throw new UsageError(`--scheme must be one of ${BONUS_SCHEMES.join(', ')}; got "${values.scheme}"`);
  const scheme = values.scheme as BonusScheme;
  if (!values.in) throw new UsageError(`missing --in FILE\n${USAGE}`);
  const lang = parseLang(values.lang);
  const fx = values.fx !== undefined ? parseFxOption(values.fx) : undefined;
  let period: Period | undefined;
  if (values.period !== undefined) {
    period = parsePeriod(values.period);
    if (!period) throw new UsageError(`--period "${values.period}": write a quarter (2026Q1), a month (2026-03) or a year (2026)`);
  }
  let map: Record<string, string> | undefined;
  if (values.map !== undefined) {
    const m = parseMapOption(values.map);
    if (!m.ok) throw new UsageError(`--map: ${parseErrorMessage(m.error, 'en-US')}`);
    map = m.value;
  }
  const rules = values.rules ? await readRules(values.rules) : defaultRules();
  // Refuse an existing --out before the work, not after it.
  if (values.out && !values.force && (await exists(values.out))) throw new UsageError(`${values.out} already exists. Use --force to replace it.`);

  let result: BonusRunResult;
  try {
    result = await readInput(values.in, readOptions(values), (table) =>
      runBonus(scheme, { headers: table.headers, batches: table.batches }, { rules, fx, period, lang, map }),
    );
  } catch (err) {
    if (err instanceof BonusInputError) throw new UsageError(err.message);
    throw err;
  }

  if (values.out) {
    await writeWorkbookOutput(values.out, { sheets: buildBonusSheets(result, { lang }), title: scheme }, !!values.force);
  }
  if (values.json) io.out(bonusJson(result) + '\n');
  else io.out(bonusText(result, values.out));
}

async function exists(file: string): Promise<boolean> {
  return fs
    .access(file)
    .then(() => true)
    .catch(() => false);
}

/** JSON with every Decimal written as its exact digits (never through binary floating point). */
function stringifyExact(value: unknown): string {
  // The replacer sees Decimals already turned into strings by their toJSON; `this[key]` is the original.
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return isDecimal(original) ? `\u0000${original.toFixed()}\u0000` : v;
  }).replace(
    /"\\u0000(-?[0-9.]+)\\u0000"/g,
    '$1',
  );
}

/** The `--json` object of the CLI contract. */
export function bonusJson(r: BonusRunResult): string {
  return stringifyExact({
    scheme: r.scheme,
    period: r.period?.label ?? null,
    columns: r.columns,
    rowsRead: r.rowsRead,
    lines: r.lines.map(lineJson),
    byRep: r.byRep.map((x) => ({ rep: x.rep, bonus: x.bonus, lines: x.lines, eligible: x.eligible })),
    ...(r.penalties
      ? {
          penalties: r.penalties.map((p) => ({
            rep: p.rep,
            asOf: serialToIso(p.asOf),
            lastNewCustomer: p.lastDevelopment === null ? null : serialToIso(p.lastDevelopment),
            flagged: p.flagged,
            atRisk: p.atRisk,
            penalty: p.penalty,
            reason: p.reason,
          })),
        }
      : {}),
    rejected: { count: r.rejected.count, rows: r.rejected.rows.slice(0, 100) },
  });
}

function bonusText(r: BonusRunResult, written: string | undefined): string {
  const eligible = r.lines.filter((l) => l.eligible).length;
  const total = r.byRep.reduce((s, x) => s.plus(x.bonus), new Decimal(0));
  const out = [
    `${r.scheme}${r.period ? ` ${r.period.label}` : ''}: ${r.rowsRead} rows read, ${r.lines.length} lines, ${eligible} eligible, total ${total.toFixed(2)} CNY`,
  ];
  for (const x of r.byRep) out.push(`  ${x.rep}: ${x.bonus.toFixed(2)} (${x.eligible}/${x.lines} lines eligible)`);
  for (const p of r.penalties ?? []) if (p.flagged) out.push(`  ${p.rep}: ${p.reason}`);
  out.push(`${r.rejected.count} rows rejected`);
  for (const x of r.rejected.rows.slice(0, 10)) out.push(`  row ${x.row}: ${x.reason}`);
  if (r.rejected.count > 10) out.push(`  … and ${r.rejected.count - 10} more (use --json to see the first 100)`);
  if (written) out.push(`Wrote ${written}`);
  return out.join('\n') + '\n';
}

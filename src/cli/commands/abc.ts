import { AbcInputError, runAbc, type AbcResult, type AbcRunOptions } from '../../domain/abc/run';
import { parseMapOption } from '../../domain/parse/column-map';
import type { Decimal } from '../../domain/exact/decimal';
import { parseDecimal } from '../../domain/parse/parse-number';
import abcMessages from '../../i18n/abc';
import { parseErrorMessage } from '../../i18n/parse';
import { ABC_HEADER_ROW, buildAbcSheets } from '../../sheets/abc/result-sheet';
import { compareTiers, TierMigrationError, type TierEntry, type TierMigration, type VisitQuotas } from '../../domain/abc/tier-migration';
import { isTierTable, readTierTable, tierEntriesOf } from '../../domain/abc/previous-tiers';
import { buildMigrationSheet } from '../../sheets/abc/migration-sheet';
import migrationMessages from '../../i18n/tier-migration';
import path from 'node:path';
import cliMessages from '../../i18n/cli';
import cliHelp from '../../i18n/cli-help';
import { pluralTranslator, sentences, translator, type Lang } from '../../i18n/define';
import { oneOf, parseOptions } from '../options';
import { INTO_OPTIONS, workbookDestination, writeWorkbookTo, writtenFile } from '../into';
import { refuseExistingOutput, refuseInputAsOutput } from '../output';
import { READ_OPTIONS, readInput, readOptions } from '../read-input';
import { rejectedLines } from '../rejected-lines';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

/** `80,95` → fractions. A value with % or above 1 is a percent; a bare value ≤ 1 is a fraction. */
function parsePair(text: string, option: string, example: string, lang: Lang): { a: Decimal; b: Decimal } {
  const t = translator(cliMessages, lang);
  const parts = text.split(/[,，/]/).map((p) => p.trim());
  if (parts.length !== 2) throw new UsageError(t('pairNeedsTwo', { option, example }));
  const [a, b] = parts.map((p) => {
    const percent = p.endsWith('%');
    const r = parseDecimal(percent ? p.slice(0, -1) : p);
    if (!r.ok) throw new UsageError(t('pairBad', { option, message: parseErrorMessage(r.error, lang) }));
    return percent || r.value.gt(1) ? r.value.div(100) : r.value;
  });
  return { a, b };
}

export async function abcCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const t = translator(cliMessages, lang);
  const usage = translator(cliHelp, lang)('abc');
  const { values } = parseOptions(
    argv,
    {
      in: { type: 'string' },
      customer: { type: 'string' },
      value: { type: 'string' },
      map: { type: 'string' },
      ...READ_OPTIONS,
      'decimal-comma': { type: 'boolean' },
      currency: { type: 'string' },
      method: { type: 'string' },
      thresholds: { type: 'string' },
      'count-shares': { type: 'string' },
      crossing: { type: 'string' },
      'no-group': { type: 'boolean' },
      out: { type: 'string' },
      matrix: { type: 'boolean' },
      compare: { type: 'string' },
      'compare-sheet': { type: 'string' },
      visits: { type: 'string' },
      force: { type: 'boolean' },
      ...INTO_OPTIONS,
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    lang,
    usage,
  );
  if (values.help) return io.out(usage);
  if (!values.in) throw new UsageError(t('missingIn'), usage);
  if (values.matrix && !values.out && !values.into) throw new UsageError(t('matrixNeedsOut'));
  const tm = translator(migrationMessages, lang);
  if ((values['compare-sheet'] || values.visits) && !values.compare) throw new UsageError(tm('compareOptionsAlone'));
  if (values.compare && values['no-group']) throw new UsageError(tm('previousUngrouped'));
  const quotas = values.visits !== undefined ? parseQuotas(values.visits, tm) : undefined;
  let map: Record<string, string> | undefined;
  if (values.map !== undefined) {
    const m = parseMapOption(values.map);
    if (!m.ok) throw new UsageError(t('mapBad', { message: parseErrorMessage(m.error, lang) }));
    map = m.value;
  }
  const options: AbcRunOptions = {
    customer: values.customer,
    value: values.value,
    map,
    method: oneOf(values.method, ['value', 'count'] as const, '--method', lang),
    crossing: oneOf(values.crossing, ['include', 'exclude'] as const, '--crossing', lang),
    thresholds: values.thresholds ? parsePair(values.thresholds, '--thresholds', '80,95', lang) : undefined,
    countShares: values['count-shares'] ? parsePair(values['count-shares'], '--count-shares', '20,30', lang) : undefined,
    group: !values['no-group'],
    decimalComma: values['decimal-comma'] === true,
    currency: oneOf(values.currency?.toUpperCase(), ['CNY', 'USD', 'EUR'] as const, '--currency', lang),
    lang,
  };
  await refuseInputAsOutput(values.out, { in: values.in }, lang);
  await refuseExistingOutput(values.out, !!values.force, lang);
  const dest = await workbookDestination(values, lang);

  let result: AbcResult;
  try {
    result = await readInput(values.in, readOptions(values, lang), lang, (table) => runAbc({ headers: table.headers, batches: table.batches }, options));
  } catch (err) {
    if (err instanceof AbcInputError)
      throw new UsageError(err.code === 'missing-columns' ? sentences(lang, err.message, t('abcColumnsHint')) : err.message);
    throw err;
  }

  let migration: TierMigration | undefined;
  if (values.compare) {
    const previous = await readPrevious(values.compare, values['compare-sheet'], options, lang);
    try {
      migration = compareTiers(previous, tierEntriesOf(result), { quotas, lang });
    } catch (err) {
      if (err instanceof TierMigrationError) throw new UsageError(err.message);
      throw err;
    }
  }

  let matrixRows: number | undefined;
  if (dest) {
    // The customer table as generated rows: the file writer streams them (a million customers fit).
    const sheets = buildAbcSheets(result, { lang, rowsAsBlock: true });
    if (migration)
      sheets.push(buildMigrationSheet(migration, { lang, previousLabel: path.basename(values.compare!), currentLabel: path.basename(values.in) }));
    if (values.matrix) {
      const { buildAbcMatrixSheet, matrixRowsFromAbc } = await import('../../sheets/abc/matrix-sheet');
      const customers = matrixRowsFromAbc(result);
      const note = translator(abcMessages, lang)('matrixPrefillNote', { count: customers.length });
      sheets.push(buildAbcMatrixSheet({ lang, customers, sourceNote: note }));
      matrixRows = customers.length;
    }
    await writeWorkbookTo(dest, { sheets, title: 'ABC' }, !!values.force, lang, io, !!values.json);
  }
  if (values.json) io.out((migration ? abcJson(result).slice(0, -1) + `,"migration":${migrationJson(migration)}}` : abcJson(result)) + '\n');
  else {
    io.out(abcText(result, writtenFile(dest), lang));
    if (migration) io.out(migrationText(migration, lang));
    if (matrixRows !== undefined) io.out(t('matrixDone', { customers: pluralTranslator(cliMessages, lang)('customers', matrixRows) }) + '\n');
  }
}

/** `4,2,1` → visits per month for A, B, C. */
function parseQuotas(text: string, tm: (key: 'badVisits', params: Record<string, string>) => string): VisitQuotas {
  const parts = text.split(/[,，/]/).map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^\d{1,2}$/.test(p) || Number(p) > 31)) throw new UsageError(tm('badVisits', { text }));
  const [A, B, C] = parts.map(Number);
  return { A, B, C };
}

/**
 * The previous run's customers: read back from an ABC result sheet (it has a tier column), or
 * ranked from the previous period's data with this run's options.
 */
async function readPrevious(file: string, sheet: string | undefined, options: AbcRunOptions, lang: Lang): Promise<TierEntry[]> {
  try {
    // A result workbook of ours has its customer table's headers on a fixed row, under the
    // parameter block (which would otherwise be taken for the header): look there first.
    if (/\.xls[xm](\.gz)?$/i.test(file)) {
      const entries = await readInput(file, { sheet, headerRow: ABC_HEADER_ROW }, lang, async (table) =>
        isTierTable(table.headers) ? readTierTable({ headers: table.headers, batches: table.batches }, lang) : undefined,
        // Row 25 empty or beyond the sheet: not ours; a file that cannot be read fails again below, with its message.
      ).catch((err: unknown) => {
        if (err instanceof UsageError) return undefined;
        throw err;
      });
      if (entries) return entries;
    }
    return await readInput(file, { sheet }, lang, async (table) => {
      if (isTierTable(table.headers)) return readTierTable({ headers: table.headers, batches: table.batches }, lang);
      // The previous period of the same data: the same columns and options as this run.
      const previous = await runAbc({ headers: table.headers, batches: table.batches }, { ...options, keepRejected: 0 });
      return tierEntriesOf(previous);
    });
  } catch (err) {
    if (err instanceof AbcInputError || err instanceof TierMigrationError) throw new UsageError(`--compare ${file}: ${err.message}`);
    throw err;
  }
}

export function migrationJson(m: TierMigration): string {
  const rows = m.rows.map((r) => ({
    customer: r.customer,
    before: r.before ?? null,
    after: r.after ?? null,
    movement: r.movement,
    valueBefore: r.valueBefore?.toFixed() ?? null,
    valueAfter: r.valueAfter?.toFixed() ?? null,
    valueChange: r.valueChange.toFixed(),
    visitsBefore: r.visitsBefore,
    visitsAfter: r.visitsAfter,
    visitsChange: r.visitsChange,
  }));
  // Values as exact decimal strings inside the row objects; the totals as JSON numbers.
  return `{"counts":${JSON.stringify(m.counts)},"matrix":${JSON.stringify(m.matrix)},"quotas":${JSON.stringify(m.quotas)},"visits":${JSON.stringify(m.visits)},"value":{"before":${m.value.before.toFixed()},"after":${m.value.after.toFixed()},"change":${m.value.change.toFixed()}},"customers":${JSON.stringify(rows)}}`;
}

/** The text summary of a comparison, in the --lang language (docs/rules/tier-migration.md). */
function migrationText(m: TierMigration, lang: Lang): string {
  const t = translator(migrationMessages, lang);
  const c = m.counts;
  const none = t('textNoTier');
  // Column widths counted in display cells: a CJK character takes two.
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));
  const padStart = (s: string, n: number) => ' '.repeat(Math.max(1, n - width(s))) + s;
  const lines = [t('textSummary', { up: c.up, down: c.down, new: c.new, lost: c.lost, same: c.same })];
  lines.push(`  ${padEnd(t('textMatrixCorner'), 12)}${['A', 'B', 'C', none].map((h) => padStart(h, 6)).join('')}`);
  for (const from of ['A', 'B', 'C', ''] as const)
    lines.push(`  ${padEnd(from || none, 12)}${(['A', 'B', 'C', ''] as const).map((to) => padStart(from === '' && to === '' ? '-' : String(m.matrix[from][to]), 6)).join('')}`);
  const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
  lines.push(t('textVisits', { a: m.quotas.A, b: m.quotas.B, c: m.quotas.C, before: m.visits.before, after: m.visits.after, change: sign(m.visits.change) }));
  for (const r of m.rows.filter((x) => x.movement !== 'same').slice(0, 20))
    lines.push(
      `  ${t('textMoved', {
        customer: r.customer,
        before: r.before ?? '-',
        after: r.after ?? '-',
        movement: t(r.movement),
        value: `${r.valueChange.gte(0) ? '+' : ''}${r.valueChange.toFixed()}`,
        visits: sign(r.visitsChange),
      })}`,
    );
  const moved = m.rows.length - c.same;
  if (moved > 20) lines.push(`  ${t('textMore', { count: moved - 20 })}`);
  return lines.join('\n') + '\n';
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

function abcText(r: AbcResult, written: string | undefined, lang: Lang): string {
  const t = translator(cliMessages, lang);
  const tn = pluralTranslator(cliMessages, lang);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // include: the share of the customers strictly ahead is compared with <; exclude: the share through the customer with ≤.
  const [a, b] = [pct(r.thresholds.a.toNumber()), pct(r.thresholds.b.toNumber())];
  const rule = t(r.crossing === 'include' ? 'abcRuleInclude' : 'abcRuleExclude', { a, b });
  const value = r.columns.value.map((h) => `"${h}"`).join(' × ');
  const lines = [
    r.method === 'value' ? t('abcByValue', { rule }) : t('abcByCount', { a: pct(r.countShares.a.toNumber()), b: pct(r.countShares.b.toNumber()) }),
    t(r.valueFromProduct ? 'abcColumnsProduct' : 'abcColumns', { customer: r.columns.customer, value }),
    t('abcRead', {
      rows: tn('rows', r.rowsRead),
      customers: tn('customers', r.customers.length),
      total: `${r.total.toFixed()}${r.currency ? ` ${r.currency}` : ''}`,
    }),
  ];
  for (const tier of ['A', 'B', 'C'] as const) {
    const s = r.summary[tier];
    lines.push(
      t('abcTier', { tier, customers: tn('customers', s.customers), customerShare: pct(s.customerShare), value: s.value.toFixed(), valueShare: pct(s.valueShare) }),
    );
  }
  lines.push(t('abcNonPositive', { customers: tn('customers', r.nonPositive.length) }));
  lines.push(...rejectedLines(r.rejected, lang));
  if (written) lines.push(t('wrote', { file: written }));
  return lines.join('\n') + '\n';
}

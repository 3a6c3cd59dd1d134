import { promises as fs } from 'node:fs';
import { parsePeriod, type Period } from '../../domain/calendar';
import { BONUS_SCHEMES, type BonusLine, type BonusScheme } from '../../domain/bonus/line';
import { BonusJsonWriter } from './bonus-json';
import { defaultRules, loadRules, type BonusRules } from '../../domain/bonus/rules';
import { BonusInputError, runBonus, type BonusReadSummary, type BonusRunResult } from '../../domain/bonus/run';
import { parseMapOption } from '../../domain/parse/column-map';
import { Decimal } from '../../domain/exact/decimal';
import { parseDecimal } from '../../domain/parse/parse-number';
import { parseErrorMessage } from '../../i18n/parse';
import { buildBonusSheets } from '../../sheets/bonus/bonus-sheets';
import cliMessages from '../../i18n/cli';
import cliHelp from '../../i18n/cli-help';
import { pluralTranslator, sentences, translator, type Lang } from '../../i18n/define';
import { oneOf, parseOptions } from '../options';
import { INTO_OPTIONS, workbookDestination, writeWorkbookTo, writtenFile } from '../into';
import { refuseExistingOutput, refuseInputAsOutput, systemReason } from '../output';
import { READ_OPTIONS, readInput, readOptions } from '../read-input';
import { rejectedLines } from '../rejected-lines';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

/** `USD=7.1,EUR=7.8` → CNY per unit. */
export function parseFxOption(text: string, lang: Lang = 'zh-CN'): Record<string, Decimal> {
  const t = translator(cliMessages, lang);
  const out: Record<string, Decimal> = {};
  for (const item of text.split(/[,，]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s*[=＝]\s*(.+)$/.exec(item);
    if (!m) throw new UsageError(t('fxBadItem', { item }));
    const r = parseDecimal(m[2]);
    if (!r.ok) throw new UsageError(t('fxBadRate', { code: m[1], message: parseErrorMessage(r.error, lang) }));
    if (r.value.lte(0)) throw new UsageError(t('fxNotPositive', { code: m[1] }));
    const code = m[1].toUpperCase();
    if (code === 'CNY' && !r.value.eq(1)) throw new UsageError(t('fxCny'));
    out[code] = r.value;
  }
  if (!Object.keys(out).length) throw new UsageError(t('fxEmpty'));
  return out;
}

async function readRules(file: string, lang: Lang): Promise<BonusRules> {
  const t = translator(cliMessages, lang);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new UsageError(t('cannotRead', { file, reason: systemReason(err, lang, 'read') }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(t('rulesNotJson', { file, detail: (err as Error).message }));
  }
  const r = loadRules(json, lang);
  if (!r.ok) throw new UsageError(`${t('rulesInvalid', { file })}\n  ${r.errors.join('\n  ')}`);
  return r.rules;
}

export async function bonusCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const t = translator(cliMessages, lang);
  const usage = translator(cliHelp, lang)('bonus');
  const { values } = parseOptions(
    argv,
    {
      scheme: { type: 'string' },
      in: { type: 'string' },
      fx: { type: 'string' },
      rules: { type: 'string' },
      period: { type: 'string' },
      map: { type: 'string' },
      ...READ_OPTIONS,
      'decimal-comma': { type: 'boolean' },
      out: { type: 'string' },
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
  if (!values.scheme) throw new UsageError(t('missingScheme', { schemes: BONUS_SCHEMES.join(', ') }), usage);
  const scheme = oneOf(values.scheme, BONUS_SCHEMES, '--scheme', lang) as BonusScheme;
  if (!values.in) throw new UsageError(t('missingIn'), usage);
  const fx = values.fx !== undefined ? parseFxOption(values.fx, lang) : undefined;
  let period: Period | undefined;
  if (values.period !== undefined) {
    period = parsePeriod(values.period);
    if (!period) throw new UsageError(t('badPeriod', { value: values.period }));
  }
  let map: Record<string, string> | undefined;
  if (values.map !== undefined) {
    const m = parseMapOption(values.map);
    if (!m.ok) throw new UsageError(t('mapBad', { message: parseErrorMessage(m.error, lang) }));
    map = m.value;
  }
  await refuseInputAsOutput(values.out, { in: values.in, rules: values.rules }, lang);
  const rules = values.rules ? await readRules(values.rules, lang) : defaultRules();
  // Refuse an existing --out before the work, not after it.
  await refuseExistingOutput(values.out, !!values.force, lang);
  const dest = await workbookDestination(values, lang);

  // Without --out nothing needs the lines kept: each is written (--json) or counted as it is settled.
  const json = values.json ? new BonusJsonWriter((text) => io.out(text)) : undefined;
  const counts = { lines: 0, eligible: 0 };
  const streamLines = dest
    ? undefined
    : (read: BonusReadSummary) => {
        json?.head(scheme, period?.label ?? null, read);
        return (line: BonusLine) => {
          counts.lines++;
          if (line.eligible) counts.eligible++;
          json?.line(line);
        };
      };
  // Written into a workbook holding a credit register: the bad-debt split follows it (docs/rules/bonus/bad-debt.md).
  const sources = dest?.into ? dest.target.sources : undefined;
  const creditRegister =
    scheme === 'bad-debt' && dest?.into ? (await import('../../xlsx/into/credit-register')).readCreditRegister(dest.target.bytes, sources) : undefined;
  let result: BonusRunResult;
  try {
    result = await readInput(values.in, readOptions(values, lang), lang, (table) =>
      runBonus(scheme, { headers: table.headers, batches: table.batches }, { rules, fx, period, lang, map, decimalComma: values['decimal-comma'] === true, streamLines, ...(creditRegister ? { creditRegister } : {}) }),
    );
  } catch (err) {
    if (err instanceof BonusInputError)
      throw new UsageError(err.code === 'missing-columns' ? sentences(lang, err.message, t('bonusColumnsHint')) : err.message);
    throw err;
  }

  if (dest) {
    await writeWorkbookTo(dest, { sheets: buildBonusSheets(result, { lang, ...(creditRegister && sources ? { sources } : {}) }), title: scheme }, !!values.force, lang, io, !!values.json);
    counts.lines = result.lines.length;
    counts.eligible = result.lines.filter((l) => l.eligible).length;
  }
  if (json) {
    if (dest) {
      json.head(scheme, result.period?.label ?? null, result);
      for (const line of result.lines) json.line(line);
    }
    json.tail(result);
  } else io.out(bonusText(result, counts, writtenFile(dest), lang));
}

function bonusText(r: BonusRunResult, counts: { lines: number; eligible: number }, written: string | undefined, lang: Lang): string {
  const t = translator(cliMessages, lang);
  const tn = pluralTranslator(cliMessages, lang);
  const total = r.byRep.reduce((s, x) => s.plus(x.bonus), new Decimal(0));
  const out = [
    t('bonusSummary', {
      scheme: r.scheme,
      period: r.period ? ` ${r.period.label}` : '',
      rows: tn('rows', r.rowsRead),
      lines: tn('lines', counts.lines),
      eligible: counts.eligible,
      total: total.toFixed(2),
    }),
  ];
  for (const x of r.byRep) out.push(t('bonusRep', { rep: x.rep, bonus: x.bonus.toFixed(2), eligible: x.eligible, lines: tn('lines', x.lines) }));
  for (const p of r.penalties ?? []) if (p.flagged) out.push(`  ${p.rep}: ${p.reason}`);
  out.push(...rejectedLines(r.rejected, lang));
  if (written) out.push(t('wrote', { file: written }));
  return out.join('\n') + '\n';
}

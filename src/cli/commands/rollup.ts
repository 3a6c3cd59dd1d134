import { promises as fs } from 'node:fs';
import path from 'node:path';
import cliMessages from '../../i18n/cli';
import cliHelp from '../../i18n/cli-help';
import { translator, type Lang } from '../../i18n/define';
import rollupMessages from '../../i18n/team-rollup';
import { combineTeam, type RepFileRead } from '../../domain/team/combine';
import { DEFAULT_TEAM_RULES, TeamRulesError, teamRulesFrom, type TeamRules } from '../../domain/team/rules';
import { teamWorkbookSheets } from '../../sheets/team/team-workbook';
import { rollupTotals } from '../../sheets/team/report-sheet';
import { readRepWorkbook } from '../../xlsx/read/rep-workbook';
import { INTO_OPTIONS, workbookDestination, writeWorkbookTo } from '../into';
import { parseOptions } from '../options';
import { refuseExistingOutput, refuseInputAsOutput, systemReason } from '../output';
import type { CommandContext } from '../run';
import { UsageError } from '../usage-error';

/** --rules FILE.json over the defaults; a wrong field is refused naming it (docs/rules/team-rollup.md). */
export async function readTeamRules(file: string | undefined, lang: Lang): Promise<TeamRules> {
  if (file === undefined) return DEFAULT_TEAM_RULES;
  const t = translator(rollupMessages, lang);
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message : systemReason(err, lang, 'read');
    throw new UsageError(t('rulesUnreadable', { file, reason }));
  }
  try {
    return teamRulesFrom(json);
  } catch (err) {
    if (!(err instanceof TeamRulesError)) throw err;
    throw new UsageError(t('rulesInvalid', { file, field: err.field, problem: t(`rule_${err.problem}`, { allowed: err.allowed }) }));
  }
}

/** `account-planner rollup --in rep1.xlsx rep2.xlsx … --out team.xlsx [--rules rules.json]` */
export async function rollupCommand(argv: string[], { io, lang }: CommandContext): Promise<void> {
  const t = translator(rollupMessages, lang);
  const tc = translator(cliMessages, lang);
  const usage = translator(cliHelp, lang)('rollup');
  const { values, positionals } = parseOptions(
    argv,
    {
      in: { type: 'string' },
      out: { type: 'string' },
      rules: { type: 'string' },
      date: { type: 'string' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...INTO_OPTIONS,
    },
    lang,
    usage,
    true,
  );
  if (values.help) return io.out(usage);
  if (!values.in) throw new UsageError(t('missingIn'), usage);
  const files = [values.in, ...positionals];
  const rules = await readTeamRules(values.rules, lang);
  const today = values.date === undefined ? new Date() : parseDay(values.date, lang);
  await refuseInputAsOutput(values.out ?? values.into, Object.fromEntries(files.map((f, i) => [i === 0 ? 'in' : `in ${i + 1}`, f])), lang);
  if (values.into === undefined && values.out === undefined) throw new UsageError(tc('missingOut'), usage);
  await refuseExistingOutput(values.out, !!values.force, lang);
  const dest = await workbookDestination(values, lang);
  if (!dest) throw new UsageError(tc('missingOut'), usage);

  // One file at a time: its bytes are let go once its tables are read.
  const reads: RepFileRead[] = [];
  for (const file of files) {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(file));
    } catch (err) {
      reads.push({ file: name, sheets: [], issues: [{ code: 'unreadable', file: name, detail: { reason: systemReason(err, lang, 'read') } }] });
      continue;
    }
    reads.push(readRepWorkbook(bytes, name, lang));
  }
  if (rules.unreadableFile === 'stop') {
    const bad = reads.find((r) => r.issues.some((i) => i.code === 'unreadable'));
    if (bad) throw new UsageError(t('stoppedUnreadable', { file: bad.file, reason: String(bad.issues[0].detail?.reason ?? '') }));
  }
  const rollup = combineTeam(reads, rules);
  const sheets = teamWorkbookSheets(rollup, { lang, today });
  await writeWorkbookTo(dest, { sheets, title: t('title_pipeline') }, !!values.force, lang, io);
  const totals = rollupTotals(rollup);
  io.out(t('summary', { files: files.length, reps: rollup.owners.length, taken: totals.taken, read: totals.read, issues: rollup.issues.length }) + '\n');
  if (!dest.into) io.out(tc('wrote', { file: dest.file }) + '\n');
}

function parseDay(text: string, lang: Lang): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new UsageError(translator(cliMessages, lang)('badDate', { date: text }));
  return date;
}

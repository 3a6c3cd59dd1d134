import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import cliMessages from '../i18n/cli';
import { sentences, translator, type Lang } from '../i18n/define';
import { UsageError } from './usage-error';

/** A command's options, as node:util parseArgs declares them. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; short?: string }>;

type Values<S extends OptionSpecs> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

/** Options whose value is a file name: an empty one (`--out ''`) is refused, never read as "no file". */
const FILE_OPTIONS = new Set(['in', 'out', 'rules']);

/**
 * Reads argv against a command's options, with messages in the output language: an unknown
 * option names the nearest known one and shows the command's usage; a string option without a
 * value (`--out` last, or `--out --force`), a value given to a switch (`--force=yes`) and an
 * empty file name are refused. The last of a repeated option wins.
 */
export function parseOptions<S extends OptionSpecs>(
  argv: string[],
  specs: S,
  lang: Lang,
  usage: string,
  allowPositionals = false,
): { values: Values<S>; positionals: string[] } {
  const t = translator(cliMessages, lang);
  const { tokens } = parseArgs({ args: argv, options: specs, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const names = Object.keys(specs);
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!allowPositionals) throw new UsageError(t('unexpectedArgument', { value: token.value }), usage);
      positionals.push(token.value);
      continue;
    }
    const spec = specs[token.name];
    if (!spec) throw new UsageError(unknownOption(token.rawName, names, lang), usage);
    const option = `--${token.name}`;
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(t('takesNoValue', { option, value: token.value }), usage);
      values[token.name] = true;
      continue;
    }
    // `--out --force`: parseArgs would take "--force" as the file name.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new UsageError(t('needsValue', { option }), usage);
    if (token.value.trim() === '') throw new UsageError(t(FILE_OPTIONS.has(token.name) ? 'needsFile' : 'needsValue', { option }), usage);
    values[token.name] = token.value;
  }
  return { values: values as Values<S>, positionals };
}

/** An option that takes one of a few words: anything else is refused, naming them. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, lang: Lang): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(translator(cliMessages, lang)('oneOf', { option, allowed: allowed.join(', '), value }));
  return value as T;
}

/** "Unknown option --outt. Did you mean --out?" — the suggestion only when it is close. */
function unknownOption(raw: string, names: string[], lang: Lang): string {
  const t = translator(cliMessages, lang);
  const message = t('unknownOption', { option: raw });
  const suggestion = nearest(raw.replace(/^-+/, ''), names);
  return suggestion ? sentences(lang, message, t('suggestOption', { suggestion: `--${suggestion}` })) : message;
}

/** The candidate closest to `word` if it is within a third of its length (at least 2 edits). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word === '') return undefined;
  const best = closest(word, candidates);
  return distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

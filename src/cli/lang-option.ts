import cliMessages from '../i18n/cli';
import { translator } from '../i18n/define';
import { LANGS, type Lang } from '../sheets/core/sheet-spec';
import { UsageError } from './usage-error';

/**
 * The output language of a run: --lang if given, else zh-CN — the product's default, whatever
 * the machine's locale, so the same command prints and writes the same thing everywhere. Read
 * from argv before the options are checked, so that every message, even one about a bad option,
 * is in it. A value that is not a language is refused in both languages (which one was meant is
 * unknown); a missing value is left to the option parser to report.
 */
export function outputLang(argv: readonly string[]): Lang {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === '--lang') value = argv[i + 1];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
  }
  if (value === undefined || value.startsWith('--') || value.trim() === '') return 'zh-CN';
  return parseLang(value);
}

/** zh-CN / en-US, case-insensitive. */
export function parseLang(value: string): Lang {
  const lang = LANGS.find((l) => l.toLowerCase() === value.toLowerCase());
  if (!lang) throw new UsageError(LANGS.map((l) => translator(cliMessages, l)('unknownLang', { lang: value })).join('\n'));
  return lang;
}

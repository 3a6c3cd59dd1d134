import cliMessages from '../i18n/cli';
import { translator } from '../i18n/define';
import { LANGS, type Lang } from '../sheets/core/sheet-spec';
import { UsageError } from './usage-error';

/** The --lang option: zh-CN by default, case-insensitive, anything else is a usage error. */
export function parseLang(value: string | undefined): Lang {
  if (value === undefined) return 'zh-CN';
  const lang = LANGS.find((l) => l.toLowerCase() === value.toLowerCase());
  if (!lang) throw new UsageError(translator(cliMessages, 'en-US')('unknownLang', { lang: value }));
  return lang;
}

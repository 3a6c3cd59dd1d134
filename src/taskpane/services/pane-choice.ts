import paneMessages from '../../i18n/taskpane';
import type { Lang } from '../../i18n/lang';

/** Pane labels of the choices the engines name in their messages (the command line names its options instead). */
const LABELS = { decimalComma: 'abcDecimalComma', currency: 'abcUnmarkedCurrency' } as const;

/** The pane's label of a choice, quoted, for the engine's messages. */
export function paneChoice(lang: Lang, key: keyof typeof LABELS): string {
  const label = paneMessages[lang][LABELS[key]];
  return lang === 'zh-CN' ? `“${label}”` : `"${label}"`;
}

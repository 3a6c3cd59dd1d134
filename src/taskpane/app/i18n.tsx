import { createContext, useContext, useMemo, type ReactNode } from 'react';
import catalog from '../../i18n/taskpane';
import { translator, type Lang } from '../../i18n/define';

export type MessageKey = keyof (typeof catalog)['en-US'] & string;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  t: Translate;
  /** Numbers and percentages in the interface language. */
  formatNumber(n: number, digits?: number): string;
  formatPercent(fraction: number, digits?: number): string;
}

const Ctx = createContext<I18n | undefined>(undefined);

export function makeI18n(lang: Lang): I18n {
  const t = translator(catalog, lang) as Translate;
  return {
    lang,
    t,
    formatNumber: (n, digits = 2) =>
      n.toLocaleString(lang, { minimumFractionDigits: 0, maximumFractionDigits: digits }),
    formatPercent: (f, digits = 1) =>
      (f * 100).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + '%',
  };
}

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

import type { Lang } from './lang';

export type { Lang };

export type Catalog<K extends string = string> = Record<Lang, Record<K, string>>;

/**
 * Declares one area's messages in both languages. The zh-CN object must have exactly the
 * keys of the en-US one: a missing or extra key is a compile error.
 */
export function defineMessages<T extends Record<string, string>>(m: {
  'en-US': T;
  'zh-CN': { [K in keyof T]: string };
}): { 'en-US': T; 'zh-CN': { [K in keyof T]: string } } {
  return m;
}

/** Replaces {name} placeholders. A missing parameter is left visible rather than blanked. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Returns a translator bound to one language of one catalog. */
export function translator<T extends Record<string, string>>(
  catalog: { 'en-US': T; 'zh-CN': { [K in keyof T]: string } },
  lang: Lang,
): (key: keyof T & string, params?: Record<string, string | number>) => string {
  const table = catalog[lang] as Record<string, string>;
  return (key, params) => format(table[key], params);
}

/** Sentences one after another: a space between them in English, none after Chinese punctuation. */
export function sentences(lang: Lang, ...parts: string[]): string {
  return parts.filter((p) => p !== '').join(lang === 'zh-CN' ? '' : ' ');
}

/** 'one' or 'other' by the language's plural rules (CLDR, through Intl): en-US 1 → one; zh-CN has no plural. */
export function pluralCategory(lang: Lang, count: number): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}

/** Keys `x` of a catalog that has both `x_one` and `x_other`. */
export type PluralKey<T> = {
  [K in keyof T]: K extends `${infer B}_other` ? (`${B}_one` extends keyof T ? B : never) : never;
}[keyof T] &
  string;

/**
 * A translator for counted things: `tn('rows', 1)` picks `rows_one` ("1 row"), `tn('rows', 3)`
 * `rows_other` ("3 rows"); `{count}` is the count. zh-CN gives both keys the same text.
 */
export function pluralTranslator<T extends Record<string, string>>(
  catalog: { 'en-US': T; 'zh-CN': { [K in keyof T]: string } },
  lang: Lang,
): (key: PluralKey<T>, count: number, params?: Record<string, string | number>) => string {
  const table = catalog[lang] as Record<string, string>;
  return (key, count, params) => format(table[`${key}_${pluralCategory(lang, count)}`], { ...params, count });
}

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

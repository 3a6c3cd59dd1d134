export const PAGES = ['templates', 'abc', 'bonus', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

/** ?page=… from the ribbon buttons' URLs (manifest); "help" opens Settings, where About lives. */
export function pageFromUrl(search: string, hash = ''): PageId {
  const raw = (new URLSearchParams(search).get('page') ?? hash.replace(/^#/, '')).toLowerCase();
  if (raw === 'help' || raw === 'about') return 'settings';
  return (PAGES as readonly string[]).includes(raw) ? (raw as PageId) : 'templates';
}

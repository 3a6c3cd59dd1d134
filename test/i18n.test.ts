import { catalogs } from '../src/i18n';

describe('message catalogs', () => {
  for (const [area, catalog] of Object.entries(catalogs)) {
    test(`${area}: zh-CN and en-US have exactly the same keys`, () => {
      const en = Object.keys(catalog['en-US']).sort();
      const zh = Object.keys(catalog['zh-CN']).sort();
      expect(zh).toEqual(en);
    });

    test(`${area}: no message is blank, and placeholders match across languages`, () => {
      const en = catalog['en-US'] as Record<string, string>;
      const zh = catalog['zh-CN'] as Record<string, string>;
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en)) {
        expect(en[key].trim()).not.toBe('');
        expect(zh[key].trim()).not.toBe('');
        expect({ key, holes: holes(zh[key]) }).toEqual({ key, holes: holes(en[key]) });
      }
    });
  }
});

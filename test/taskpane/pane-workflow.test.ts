/**
 * The pieces of the pages' workflows that need no rendering: the Bonus reducer's rates, the
 * labels of every column a scheme reads, the recorded bonus run, ABC run numbers, the
 * chunked CSV feed and the stored preferences.
 */
import { SCHEME_FIELDS } from '../../src/domain/bonus/run';
import { BONUS_SCHEMES } from '../../src/domain/bonus/line';
import catalog from '../../src/i18n/taskpane';
import { browserPreferenceStore, DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { bonusReducer, initialBonusState, rateText } from '../../src/taskpane/pages/bonus/bonus-state';
import { bonusFieldLabel, schemeHint, schemeLabel } from '../../src/taskpane/pages/bonus/labels';
import { openCsvText } from '../../src/xlsx/read/open-table';
import { readLastBonusRun } from '../../src/taskpane/services/bonus-last-run';
import { nextAbcRun } from '../../src/taskpane/services/write-abc';
import { FakeExcelHost, excelServices } from './support/services';

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

test('every column a bonus scheme reads, and every scheme, has a label in both languages', () => {
  for (const scheme of BONUS_SCHEMES) {
    for (const key of [schemeLabel(scheme), schemeHint(scheme)]) {
      expect(catalog['en-US'][key]).toBeTruthy();
      expect(catalog['zh-CN'][key]).toBeTruthy();
    }
    for (const f of SCHEME_FIELDS[scheme]) {
      const key = bonusFieldLabel(f.field);
      expect({ scheme, field: f.field, key }).toEqual({ scheme, field: f.field, key: expect.any(String) });
      expect(catalog['zh-CN'][key!]).toBeTruthy();
    }
  }
});

describe('Bonus rates', () => {
  const { bonus } = excelServices();
  const withUsd = (rate: number) => ({ ...bonus.defaultRules(), rates: { USD: rate } });

  test('a rate not typed follows the rules read last; a typed one wins, even when cleared', () => {
    let s = bonusReducer(initialBonusState('new-customer', withUsd(7), 'zh-CN'), {
      type: 'rateTyped',
      currency: 'EUR',
      text: '7.8',
    });
    expect(rateText(s, 'USD')).toBe('7');
    s = bonusReducer(s, { type: 'rulesRead', rules: withUsd(7.1), sheet: 'Rules' });
    expect([rateText(s, 'USD'), rateText(s, 'EUR'), s.rulesSheet]).toEqual(['7.1', '7.8', 'Rules']);
    s = bonusReducer(s, { type: 'rateTyped', currency: 'USD', text: '' });
    expect(rateText(s, 'USD')).toBe('');
    expect(rateText(s, 'JPY')).toBe('');
  });

  test('any change to what a run reads discards the shown result', () => {
    const result = { summary: {} as never, sheets: async () => [] };
    let s = bonusReducer(initialBonusState('new-customer', withUsd(7), 'zh-CN'), { type: 'computed', result });
    expect(s.result).toBe(result);
    s = bonusReducer(s, { type: 'periodChanged', period: '2026Q1' });
    expect(s.result).toBeUndefined();
  });
});

describe('the recorded bonus run', () => {
  const run = {
    scheme: 'fees',
    source: { kind: 'table', name: 'Contracts' },
    columns: { rep: '业务员' },
    rulesSheet: '奖金规则',
    period: '2026',
    rates: { USD: 7.1 },
    lang: 'en-US',
    sheets: ['Fees'],
  };

  test('is read back as written; none recorded is undefined', async () => {
    const host = new FakeExcelHost();
    expect(await readLastBonusRun(host)).toBeUndefined();
    host.settings.set('bonus.last', run);
    expect(await readLastBonusRun(host)).toEqual(run);
    expect(warn).not.toHaveBeenCalled();
  });

  test.each([
    ['an unknown scheme', { ...run, scheme: 'loyalty' }],
    ['a source without a name', { ...run, source: { kind: 'sheet' } }],
    ['a rate as text', { ...run, rates: { USD: '7.1' } }],
    ['an unknown language', { ...run, lang: 'fr-FR' }],
    ['no sheets', { ...run, sheets: undefined }],
    ['not an object', 'bonus'],
  ])('with %s is logged and read as none', async (_, value) => {
    const host = new FakeExcelHost();
    host.settings.set('bonus.last', value);
    expect(await readLastBonusRun(host)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  test('settings that cannot be read are thrown, not read as none', async () => {
    const host = new FakeExcelHost();
    host.settingsReadError = new Error('5001');
    await expect(readLastBonusRun(host)).rejects.toThrow('5001');
  });
});

test('ABC runs are numbered one above the highest still in the workbook', () => {
  expect(nextAbcRun([])).toBe(1);
  expect(nextAbcRun(['abc:1', 'abc:1', 'template:swot', 'bonus'])).toBe(2);
  expect(nextAbcRun(['abc:2'])).toBe(3);
  expect(nextAbcRun(['abc:10', 'abc:9'])).toBe(11);
});

test('CSV text that fails while being read rejects the read (it never stays pending)', async () => {
  async function* pieces() {
    yield 'a,b\n' + '1,2\n'.repeat(20_000);
    throw new Error('source broke');
  }
  const read = (async () => {
    const table = await openCsvText(pieces());
    for await (const batch of table.batches) void batch;
  })();
  await expect(read).rejects.toThrow('source broke');
});

describe('preferences', () => {
  test('storage that cannot be read gives the defaults and is logged', () => {
    const store = browserPreferenceStore({
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => undefined,
    });
    expect(store.load()).toEqual(DEFAULT_PREFERENCES);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be read'), expect.any(Error));
  });

  test('storage that cannot be written keeps the choice for the session and is logged', () => {
    const store = browserPreferenceStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    });
    store.save({ ...DEFAULT_PREFERENCES, includeExamples: true });
    expect(store.load().includeExamples).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be stored'), expect.any(Error));
  });
});

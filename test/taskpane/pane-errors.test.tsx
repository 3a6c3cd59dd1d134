/** @jest-environment jsdom */
/**
 * Failures the pane used to drop (a listing, a settings read, the list of sheets earlier runs
 * wrote): each is now shown where it matters, and nothing is written on a guess.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { AbcPage } from '../../src/taskpane/pages/abc/AbcPage';
import { BonusPage } from '../../src/taskpane/pages/bonus/BonusPage';
import { ErrorBar } from '../../src/taskpane/components/ErrorBar';
import { HostError } from '../../src/host/host-error';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, table } from './support/services';

const busy = () => new HostError('excel', 'Excel is busy', { officeCode: 'GeneralException' });

const ORDERS = table(
  ['业务员', '客户', '日期', '金额', '币种', '毛利率', '预付款比例', '客户类型', '自主开发'],
  [
    ['张三', '甲公司', '2026-01-05', '120,000', 'CNY', '12%', '60%', '工业', '是'],
    ['张三', '甲公司', '2026-02-10', '90000', 'CNY', '0.13', '', '工业', '是'],
  ],
  'Orders!A1:I3',
);

const SALES = table(
  ['Customer', 'Amount'],
  [
    ['Acme', 500],
    ['Beta', 300],
    ['Gamma', 50],
  ],
  'Sheet1!A1:B4',
);

function bonusPage(host: FakeExcelHost) {
  host.sources.Orders ??= ORDERS;
  renderInPane(
    <BonusPage
      services={excelServices(host)}
      prefs={DEFAULT_PREFERENCES}
      updatePrefs={() => undefined}
      sheetLang="zh-CN"
    />,
  );
  return userEvent.setup();
}

function abcPage(host: FakeExcelHost) {
  host.selection = SALES;
  renderInPane(
    <AbcPage
      services={excelServices(host)}
      prefs={DEFAULT_PREFERENCES}
      updatePrefs={() => undefined}
      sheetLang="en-US"
    />,
  );
  return userEvent.setup();
}

/** A bonus run as the pane records it after writing (what Recalculate redoes). */
function recordedRun() {
  const columns = excelServices().bonus.guessColumns('new-customer', ORDERS.headers);
  return {
    scheme: 'new-customer',
    source: { kind: 'sheet', name: 'Orders' },
    columns,
    period: '',
    rates: {},
    lang: 'zh-CN',
    sheets: ['新客户奖'],
  };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('Bonus page', () => {
  test('sheets that cannot be listed: the error shows beside the Rules picker and in the data picker; the next listing clears it', async () => {
    const host = new FakeExcelHost();
    host.listError = busy();
    const user = bonusPage(host);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    for (const alert of screen.getAllByRole('alert')) expect(alert.textContent).toContain('GeneralException');

    host.listError = undefined;
    await user.click(screen.getByRole('button', { name: 'Create Rules sheet' }));
    await waitFor(() => expect(screen.getByTestId('bonus-rules-source').textContent).toContain('奖金规则'));
    // The Rules picker listed the sheets again; the data picker's error stays until it lists again or is dismissed.
    expect(screen.getByRole('combobox', { name: 'Rules sheet' })).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    await user.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('settings that cannot be read: a warning says Recalculate is not offered; reading data still guesses the columns and says so', async () => {
    const host = new FakeExcelHost();
    host.settings.set('bonus.last', recordedRun());
    host.settingsReadError = new HostError('excel', 'settings', { officeCode: '5001' });
    const user = bonusPage(host);
    const warning = await screen.findByTestId('settings-warning');
    expect(warning.textContent).toContain('Settings not read');
    expect(warning.textContent).toContain('(5001)');
    expect(warning.textContent).toContain('Recalculate is not offered');
    expect(screen.queryByTestId('bonus-last')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Scheme' }), 'new-customer');
    await user.click(screen.getByRole('radio', { name: 'Sheet' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Sheet' }), 'Orders');
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await screen.findByTestId('bonus-loaded');
    expect((screen.getByRole('combobox', { name: /Self-developed/ }) as HTMLSelectElement).value).toBe('自主开发');
    expect(screen.getByTestId('settings-warning').textContent).toContain('The columns were chosen from the headers');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('Recalculate stops, replacing nothing, when the sheets the add-in wrote cannot be listed', async () => {
    const host = new FakeExcelHost();
    host.settings.set('bonus.last', recordedRun());
    host.ownedError = busy();
    const user = bonusPage(host);
    await user.click(await screen.findByRole('button', { name: 'Recalculate' }));
    expect((await screen.findByRole('alert')).textContent).toContain('GeneralException');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(host.inserted).toHaveLength(0);

    // Once listing works, Recalculate asks as before.
    host.ownedError = undefined;
    host.owned = [{ name: '新客户奖', owner: 'bonus' }];
    await user.click(screen.getByRole('button', { name: 'Recalculate' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('新客户奖');
  });

  test('a recorded run this version cannot use (an unknown scheme) is logged and not offered (it showed as “(undefined, 1 sheet(s))” with a Recalculate that could only fail)', async () => {
    const host = new FakeExcelHost();
    host.settings.set('bonus.last', { ...recordedRun(), scheme: 'loyalty' });
    bonusPage(host);
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('bonus.last'), expect.anything()));
    expect(screen.queryByTestId('bonus-last')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Scheme' })).toBeTruthy();
  });
});

describe('ABC page', () => {
  test('writing stops, nothing written, when the earlier results cannot be listed (their names would be reused)', async () => {
    const host = new FakeExcelHost();
    const user = abcPage(host);
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await user.click(await screen.findByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    host.ownedError = busy();
    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    expect((await screen.findByRole('alert')).textContent).toContain('GeneralException');
    expect(host.inserted).toHaveLength(0);

    // Run 1's sheets were deleted, run 2's kept: the new result is run 3, not a second run 2.
    host.ownedError = undefined;
    host.owned = [{ name: 'ABC zh-CN', owner: 'abc:2' }];
    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    expect(host.inserted[0].options?.owner).toBe('abc:3');
    expect(host.inserted[0].specs[0].names?.[0].name).toBe('ABC3_n');
  });

  test('column choices that cannot be read: a warning, and the columns are guessed from the headers', async () => {
    const host = new FakeExcelHost();
    host.settingsReadError = new HostError('excel', 'settings', { officeCode: '5001' });
    const user = abcPage(host);
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await screen.findByTestId('abc-loaded');
    expect((screen.getByRole('combobox', { name: /^Value/ }) as HTMLSelectElement).value).toBe('Amount');
    const warning = screen.getByTestId('settings-warning');
    expect(warning.textContent).toContain('Settings not read');
    expect(warning.textContent).toContain('The column choices saved in this workbook could not be read (5001)');
  });
});

describe('error details', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
    delete (document as { execCommand?: unknown }).execCommand;
  });

  // user-event puts its own clipboard in place at setup(): the stand-ins go in after it.
  test('details that cannot be copied: the user is told, and the details are opened to copy by hand', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: () => {
        throw new Error('not allowed');
      },
    });
    renderInPane(<ErrorBar error={busy()} />);
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'The details could not be copied: select them above and copy them by hand.',
    );
    expect(screen.getByText('Details for support').closest('details')?.open).toBe(true);
  });

  test('copied details say so', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderInPane(<ErrorBar error={busy()} />);
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText.mock.calls[0]).toEqual([expect.stringContaining('HostError: Excel is busy')]);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

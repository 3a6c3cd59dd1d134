/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AbcPage } from '../../src/taskpane/pages/abc/AbcPage';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { HostError } from '../../src/host/host-error';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, table } from './support/services';

const DATA = table(
  ['Customer', 'Region', 'Amount'],
  [
    ['Acme', 'N', '500'],
    ['Beta', 'S', 300],
    ['Gamma', 'N', '¥150'],
    ['Delta', 'E', 50],
    ['', 'E', 10],
    ['Omega', 'W', 'abc'],
  ],
  'Sheet1!A1:C7',
);

function setup(host = new FakeExcelHost()) {
  host.selection = DATA;
  const services = excelServices(host);
  renderInPane(
    <AbcPage services={services} prefs={DEFAULT_PREFERENCES} updatePrefs={() => undefined} sheetLang="zh-CN" />,
  );
  return { host, user: userEvent.setup() };
}

/** Gamma's value is marked ¥: the other values are read as CNY only when the pane is told so. */
async function unmarkedAreCny(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Currency of unmarked values' }), 'CNY');
}

const tierRow = (tier: string) => screen.getByTestId('abc-summary').querySelector(`[data-tier="${tier}"]`)!;

describe('ABC page', () => {
  test('compares with a previous result sheet chosen in the workbook and writes the Tier Migration sheet with the result', async () => {
    const host = new FakeExcelHost();
    // An earlier result sheet read whole: its title and parameter rows above the customer table.
    host.sources['ABC分类'] = {
      label: 'ABC分类!A1:M30',
      headers: ['ABC 客户分类', null, null, null] as unknown as string[],
      rows: [
        ['参数', null, null, null],
        ['排名', '客户', '金额', '类别'],
        [1, 'Acme', 400, 'A'],
        [2, 'Delta', 300, 'A'],
        [3, 'Beta', 200, 'B'],
        [4, 'Old Co', 100, 'C'],
      ],
      firstRowNumber: 2,
    };
    const { user } = setup(host);
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await screen.findByTestId('abc-loaded');
    const compare = screen.getByTestId('abc-compare') as HTMLSelectElement;
    expect([...compare.options].map((o) => o.value)).toEqual(['', 'ABC分类']);
    await user.selectOptions(compare, 'ABC分类');
    // Gamma's value is marked ¥ (see DATA): the others are read as CNY only when chosen, as in the other tests.
    await unmarkedAreCny(user);
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    // This run (see the first test): Acme A, Beta A, Gamma B, Delta C. So Beta B→A up, Delta A→C down,
    // Gamma new, Old Co lost, Acme the same; visits 4+4+2+1 = 11 before, 4+4+2+1 = 11 after.
    const text = (await screen.findByTestId('abc-migration')).textContent;
    expect(text).toBe('Compared with the previous result: 1 up, 1 down, 1 new, 1 lost, 1 unchanged. Visits per month (A 4, B 2, C 1): 11 → 11.');
    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    expect(host.inserted[0].specs.map((sheet) => sheet.name)).toEqual(['ABC zh-CN', '分类变动']);
  });

  test('reads the selection, maps columns from headers, previews tiers, then writes on request only', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    expect((await screen.findByTestId('abc-loaded')).textContent).toBe('6 rows read from Sheet1!A1:C7.');
    expect((screen.getByRole('combobox', { name: /Customer/ }) as HTMLSelectElement).value).toBe('Customer');
    expect((screen.getByRole('combobox', { name: /^Value/ }) as HTMLSelectElement).value).toBe('Amount');
    await unmarkedAreCny(user);
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    expect(
      [tierRow('A'), tierRow('B'), tierRow('C')].map((r) => [
        r.getAttribute('data-customers'),
        r.getAttribute('data-value'),
      ]),
    ).toEqual([
      ['2', '800'],
      ['1', '150'],
      ['1', '50'],
    ]);
    expect(tierRow('A').textContent).toContain('50.0%');
    expect(screen.getByTestId('abc-total').textContent).toContain('1,000');
    const rejected = screen.getByTestId('rejected-rows');
    expect(rejected.textContent).toContain('2 row(s) skipped');
    const items = within(rejected)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^Row 6: /);
    expect(items[1]).toMatch(/^Row 7: /);
    expect(host.inserted).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    expect(host.inserted[0].specs[0].name).toBe('ABC zh-CN');
    expect(host.inserted[0].options).toMatchObject({ activate: true, owner: 'abc:1' });
    expect(await screen.findByText('1 sheet(s) inserted')).toBeTruthy();
    expect(host.settings.get('abc.last')).toMatchObject({ columns: { customer: 'Customer', value: 'Amount' } });
    // A second result in the same workbook gets its own defined names.
    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    expect(host.inserted.map((i) => i.specs[0].names?.[0].name)).toEqual(['ABC_n', 'ABC2_n']);
  });

  test('correcting a column or an option discards the preview, so only what was shown is written', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await unmarkedAreCny(user);
    await user.click(await screen.findByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    await user.selectOptions(screen.getByRole('combobox', { name: /Customer/ }), 'Region');
    expect(screen.queryByTestId('abc-summary')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    expect(tierRow('A').getAttribute('data-customers')).toBe('2'); // N 650, S 300 → A; E 50 → C
    await user.click(screen.getByRole('checkbox', { name: 'Customer crossing a limit goes to the lower tier' }));
    expect(screen.queryByTestId('abc-summary')).toBeNull();
  });

  test('count method and invalid thresholds', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await unmarkedAreCny(user);
    await user.click(await screen.findByRole('radio', { name: 'By number of customers' }));
    expect((screen.getByRole('spinbutton', { name: 'A: top customers' }) as HTMLInputElement).value).toBe('20');
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    // 4 customers: A = round(0.8) = 1, A+B = round(2) = 2.
    expect(['A', 'B', 'C'].map((t) => tierRow(t).getAttribute('data-customers'))).toEqual(['1', '1', '2']);
    const b = screen.getByRole('spinbutton', { name: 'B: next customers' });
    await user.clear(b);
    await user.type(b, '90');
    expect(screen.getByText('A and B together cannot exceed 100 %.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Preview tiers' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('value limits A = B are allowed (the B tier is then empty); A above B is refused', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await unmarkedAreCny(user);
    const a = await screen.findByRole('spinbutton', { name: 'A up to' });
    const b = screen.getByRole('spinbutton', { name: 'B up to' });
    await user.clear(a);
    await user.type(a, '90');
    await user.clear(b);
    await user.type(b, '90');
    expect(screen.queryByText('The A limit cannot be above the B limit.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    expect(tierRow('B').getAttribute('data-customers')).toBe('0');
    expect(Number(tierRow('A').getAttribute('data-customers')) + Number(tierRow('C').getAttribute('data-customers'))).toBe(4);

    await user.clear(a);
    await user.type(a, '95');
    expect(screen.getByText('The A limit cannot be above the B limit.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Preview tiers' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('one value marked ¥ and no currency chosen for the others: the unmarked rows are set aside with the pane’s words', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await user.click(await screen.findByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    expect(screen.getByTestId('abc-total').textContent).toContain('150');
    const rejected = screen.getByTestId('rejected-rows');
    expect(rejected.textContent).toContain('5 row(s) skipped');
    expect(rejected.textContent).toContain('Row 2: Amount: no currency mark, while other values are marked CNY');
    expect(rejected.textContent).toContain('"Currency of unmarked values"');
  });

  test('settings that cannot be saved are a warning in the pane, not swallowed', async () => {
    const host = new FakeExcelHost();
    host.settingsError = new HostError('settingsNotSaved', 'save setting abc.last: 5001', { officeCode: '5001' });
    host.ownershipError = host.settingsError;
    const { user } = setup(host);
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await user.click(await screen.findByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    expect((await screen.findByTestId('settings-warning')).textContent).toContain(
      'The settings could not be saved in the workbook (5001). The column choices will not be remembered next time.',
    );
    await user.click(screen.getByRole('button', { name: 'Write result sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    expect((await screen.findByTestId('settings-warning')).textContent).toContain('The add-in will not recognise these sheets later.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a read error says what happened and what to do', async () => {
    const host = new FakeExcelHost();
    const { user } = setup(host);
    host.readError = new HostError('selectionTooSmall', 'read data: one cell');
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Only one cell is selected.');
    expect(alert.textContent).toContain('Select the whole data range including its header row');
    expect(screen.queryByRole('button', { name: 'Preview tiers' })).toBeNull();
  });

  test('an engine refusal is shown in the interface language, nothing written', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    const a = await screen.findByRole('spinbutton', { name: 'A up to' });
    await user.clear(a);
    await user.type(a, '80.123');
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Correct it and try again.');
    expect(alert.textContent).not.toContain('Something went wrong');
    expect(host.inserted).toHaveLength(0);
  });

  test('columns that do not multiply: every row is set aside with its reason, nothing written', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Read data' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Multiplied by' }), 'Region');
    await user.click(screen.getByRole('button', { name: 'Preview tiers' }));
    await screen.findByTestId('abc-summary');
    // Every value × a text column is unreadable: all rows are set aside, none is a customer.
    expect(screen.getByTestId('rejected-rows').textContent).toContain('6 row(s) skipped');
    expect(host.inserted).toHaveLength(0);
  });
});

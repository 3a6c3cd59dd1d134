/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BonusPage } from '../../src/taskpane/pages/bonus/BonusPage';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { runBonus } from '../../src/domain/bonus/run';
import { Decimal } from '../../src/domain/exact/decimal';
import { HostError } from '../../src/host/host-error';
import { isFormula } from '../../src/sheets/core/sheet-spec';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, table } from './support/services';

const HEADERS = ['业务员', '客户', '日期', '金额', '币种', '毛利率', '预付款比例', '客户类型', '自主开发'];
const ORDERS = table(
  HEADERS,
  [
    ['张三', '甲公司', '2026-01-05', '120,000', 'CNY', '12%', '60%', '工业', '是'],
    ['张三', '甲公司', '2026-01-20', '100000', 'CNY', '11%', '', '工业', '是'],
    ['张三', '甲公司', '2026-02-10', '90000', 'CNY', '0.13', '', '工业', '是'],
    ['李四', '乙公司', '2026-02-01', '20000', 'USD', '15%', '', '', '是'],
    ['李四', '乙公司', '2026-02-15', '30000', 'CNY', '15%', '', '', '是'],
    ['', '丙公司', '2026-02-15', '30000', 'CNY', '15%', '', '', '是'],
  ],
  'Orders!A1:I7',
);

function setup(host = new FakeExcelHost()) {
  host.sources.Orders = ORDERS;
  const services = excelServices(host);
  renderInPane(
    <BonusPage services={services} prefs={DEFAULT_PREFERENCES} updatePrefs={() => undefined} sheetLang="zh-CN" />,
  );
  return { host, user: userEvent.setup() };
}

async function loadOrders(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Scheme' }), 'new-customer');
  await user.click(screen.getByRole('radio', { name: 'Sheet' }));
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Sheet' }), 'Orders');
  await user.click(screen.getByRole('button', { name: 'Read data' }));
  await screen.findByTestId('bonus-loaded');
}

const repBonus = () =>
  Object.fromEntries(
    [...screen.getByTestId('bonus-reps').querySelectorAll('[data-rep]')].map((r) => [
      r.getAttribute('data-rep'),
      Number(r.getAttribute('data-bonus')),
    ]),
  );

describe('Bonus page', () => {
  test('new-customer bonus: columns from Chinese headers, a rate for USD, per-rep totals equal the engine, then writes', async () => {
    const { host, user } = setup();
    await loadOrders(user);
    expect((screen.getByRole('combobox', { name: /Self-developed/ }) as HTMLSelectElement).value).toBe('自主开发');
    const compute = screen.getByRole('button', { name: 'Compute' }) as HTMLButtonElement;
    expect(compute.disabled).toBe(true); // USD has no rate yet
    expect(screen.getByText('Enter a rate above 0.')).toBeTruthy();
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7.1');
    await user.type(screen.getByRole('textbox', { name: /Period/ }), '2026Q2');
    await user.click(compute);
    await screen.findByTestId('bonus-reps');

    const engine = await runBonus(
      'new-customer',
      { headers: ORDERS.headers, rows: ORDERS.rows },
      { fx: { USD: new Decimal('7.1') }, period: '2026Q2' },
    );
    const expected = Object.fromEntries(engine.byRep.map((r) => [r.rep, r.bonus.toNumber()]));
    expect(repBonus()).toEqual(expected);
    expect(repBonus()['张三']).toBe(2500); // 310,000 in the window → band ≥ 300,000
    expect(screen.getByTestId('rejected-rows').textContent).toContain('1 row(s) skipped');
    expect(within(screen.getByTestId('rejected-rows')).getByRole('listitem').textContent).toMatch(/^Row 7: /);
    expect(host.inserted).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Write bonus sheets' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    const names = host.inserted[0].specs.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['新客户奖', '奖金规则', '张三结算单', '李四结算单']));
    expect(host.inserted[0].options).toMatchObject({ activate: true, owner: 'bonus', replace: [] });
    expect(host.settings.get('bonus.last')).toMatchObject({
      scheme: 'new-customer',
      period: '2026Q2',
      rates: { USD: 7.1 },
      lang: 'zh-CN',
      rulesSheet: '奖金规则',
    });
  });

  test('Recalculate asks first, then replaces only the sheets it wrote, keeping columns people added', async () => {
    const { host, user } = setup();
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    await screen.findByTestId('bonus-last');
    const firstNames = host.inserted[0].specs.map((s) => s.name);
    // Someone adds a note column to the bonus sheet, and the data changes.
    const main = host.sources['新客户奖'];
    const headerRow = main.rows.findIndex((r) => r.includes('业务员'));
    main.rows[headerRow][30] = '备注';
    main.rows[headerRow + 1][30] = '已核对';
    host.sources.Orders = {
      ...ORDERS,
      rows: ORDERS.rows.map((r, i) => (i === 2 ? [...r.slice(0, 3), '5000', ...r.slice(4)] : r)),
    };

    await user.click(screen.getByRole('button', { name: 'Recalculate' }));
    const dialog = await screen.findByRole('alertdialog');
    for (const n of firstNames) expect(dialog.textContent).toContain(n);
    expect(host.inserted).toHaveLength(1); // nothing before confirming
    // (tabster's modalizer marks the tree aria-hidden asynchronously in jsdom, hence hidden: true)
    await user.click(within(dialog).getByRole('button', { name: 'Recalculate and replace', hidden: true }));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    const second = host.inserted[1];
    // Every sheet it wrote but the Rules sheet, which holds the same rules and stays as it is.
    expect(new Set(second.options?.replace)).toEqual(new Set(firstNames.filter((n) => n !== '奖金规则')));
    expect(second.specs.map((s) => s.name)).not.toContain('奖金规则');
    expect(repBonus()['张三']).toBe(1500); // 225,000 now
    const kept = second.specs
      .find((s) => s.name === '新客户奖')!
      .cells.filter((c) => c.value === '备注' || c.value === '已核对');
    expect(kept).toHaveLength(2);
  });

  test('Recalculate keeps a note whose row is gone, and the dialog says how many could not be matched', async () => {
    const { host, user } = setup();
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    await screen.findByTestId('bonus-last');
    const main = host.sources['新客户奖'];
    const headerRow = main.rows.findIndex((r) => r.includes('业务员'));
    main.rows[headerRow][30] = '备注';
    const liRow = main.rows.findIndex((r, i) => i > headerRow && r[0] === '李四');
    main.rows[liRow][30] = '李四的客户已回款';
    // 李四's orders leave the data: his row is not in the new result.
    host.sources.Orders = { ...ORDERS, rows: ORDERS.rows.filter((r) => r[0] !== '李四') };

    await user.click(screen.getByRole('button', { name: 'Recalculate' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('recalc-unmatched').textContent).toBe(
      '1 row(s) of notes in the columns you added no longer match a row of the new result. They will be kept in a block below the table.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Recalculate and replace', hidden: true }));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    const cells = host.inserted[1].specs.find((s) => s.name === '新客户奖')!.cells;
    const kept = cells.find((c) => c.value === '李四的客户已回款')!;
    expect(kept).toBeTruthy();
    expect(cells.some((c) => c.value === '已无法对应到结果行的备注')).toBe(true);
  });

  test('Recalculate stops, replacing nothing, when a sheet to be replaced cannot be read (its added columns would be lost)', async () => {
    const { host, user } = setup();
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    await screen.findByTestId('bonus-last');
    const read = host.readSource.bind(host);
    host.readSource = async (ref) => {
      if (ref.kind === 'sheet' && ref.name === '新客户奖')
        throw Object.assign(new Error('busy'), { name: 'HostError', code: 'excel', officeCode: 'GeneralException' });
      return read(ref);
    };

    // The sheets are read before asking: the failure shows at once, and there is nothing to confirm.
    await user.click(screen.getByRole('button', { name: 'Recalculate' }));
    expect(await screen.findByText(/GeneralException/)).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(host.inserted).toHaveLength(1);
  });

  test('settings that cannot be saved: the sheets are written and a warning says Recalculate will not know them', async () => {
    const host = new FakeExcelHost();
    host.settingsError = new HostError('settingsNotSaved', 'save setting bonus.last: 5001 disk full', { officeCode: '5001' });
    const { user } = setup(host);
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    const warning = await screen.findByTestId('settings-warning');
    expect(warning.textContent).toContain('Settings not saved');
    expect(warning.textContent).toContain('(5001)');
    expect(warning.textContent).toContain('Recalculate will not know these sheets.');
    expect(host.inserted).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('the record of who wrote the sheets cannot be saved: the same warning, nothing reported as failed', async () => {
    const host = new FakeExcelHost();
    host.ownershipError = new HostError('settingsNotSaved', 'save setting host.ownedSheets: 5001', { officeCode: '5001' });
    const { user } = setup(host);
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    expect((await screen.findByTestId('settings-warning')).textContent).toContain('Recalculate will not know these sheets.');
    expect(host.inserted).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('bonus-last')).toBeTruthy();
  });

  test('Write never rewrites a Rules sheet that holds the run’s rules: the formulas point at it, what the user added stays', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Create Rules sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    const sheet = host.sources['奖金规则'];
    const usd = sheet.rows.findIndex((r) => r[0] === 'USD');
    sheet.rows[usd][1] = 7; // the manager sets the rate on the sheet
    sheet.rows[2][8] = '财务已核对'; // and writes a note the Rules reader does not parse
    await user.click(screen.getByRole('button', { name: 'Read rules' }));
    await loadOrders(user);
    expect((screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }) as HTMLInputElement).value).toBe('7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const written = host.inserted[1];
    expect(written.specs.map((s) => s.name)).not.toContain('奖金规则');
    expect(written.options?.replace).toEqual([]);
    const formulas = written.specs.find((s) => s.name === '新客户奖')!.cells.flatMap((c) => (isFormula(c.value) ? [c.value.formula] : []));
    expect(formulas.some((f) => f.includes("'奖金规则'!"))).toBe(true);
    expect(host.sources['奖金规则'].rows[2][8]).toBe('财务已核对');
    await waitFor(() => expect(host.settings.get('bonus.last')).toMatchObject({ rulesSheet: '奖金规则' }));
  });

  test('a Rules sheet that differs from the run’s rules (a rate typed in the pane) is rewritten only after asking', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Create Rules sheet' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    const usd = host.sources['奖金规则'].rows.findIndex((r) => r[0] === 'USD');
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await user.click(await screen.findByRole('button', { name: 'Write bonus sheets' }));
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Rewrite the Rules sheet?')).toBeTruthy();
    expect(within(dialog).getByTestId('rules-rewrite').textContent).toContain(
      `B${usd + 2}: “(blank)” on the sheet, “7” for this run`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
    expect(host.inserted).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Write bonus sheets' }));
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Rewrite and write', hidden: true }));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    expect(host.inserted[1].options?.replace).toEqual(['奖金规则']);
    expect(host.inserted[1].specs.map((s) => s.name)).toContain('奖金规则');
  });

  test('Create Rules sheet writes it, reads it back; a gap in the bands is reported and blocks computing', async () => {
    const { host, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Create Rules sheet' }));
    await waitFor(() =>
      expect(screen.getByTestId('bonus-rules-source').textContent).toBe('Using the rules in sheet “奖金规则”.'),
    );
    expect(host.inserted[0].options).toMatchObject({ owner: 'bonus-rules' });
    // Edit the first new-brand band's upper bound from 30,000 to 25,000: a gap to the next band.
    const rules = host.sources['奖金规则'];
    const band = rules.rows.findIndex((r) => r[3] === 30000);
    rules.rows[band][3] = 25000;
    await user.click(screen.getByRole('button', { name: 'Read rules' }));
    expect((await screen.findByText(/The Rules sheet has problems/)).closest('[role="group"], div')).toBeTruthy();
    expect(screen.getByText(/newBrand\.tiers\.bands\[1\]/)).toBeTruthy();
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7');
    expect((screen.getByRole('button', { name: 'Compute' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('an unreadable period is explained next to the field', async () => {
    const { user } = setup();
    await loadOrders(user);
    await user.type(screen.getByRole('textbox', { name: /Period/ }), 'Q5');
    expect(screen.getByText('Write a quarter (2026Q1), a month (2026-03) or a year (2026).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Compute' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('decimal commas: the amount column is refused whole until the checkbox is ticked, then read as the engine reads it', async () => {
    const host = new FakeExcelHost();
    // ORDERS written the European way: 120.000 is 120,000, 100.000,5 is 100,000.5, 12,5% is 12.5 %, 0,13 is 13 %.
    const european = ORDERS.rows.map((r, i) => {
      if (i === 0) return [...r.slice(0, 3), '120.000', r[4], '12,5%', ...r.slice(6)];
      if (i === 1) return [...r.slice(0, 3), '100.000,5', ...r.slice(4)];
      if (i === 2) return [...r.slice(0, 5), '0,13', ...r.slice(6)];
      return r;
    });
    const { user } = setup(host);
    host.sources.Orders = { ...ORDERS, rows: european };
    await loadOrders(user);
    await user.type(screen.getByRole('spinbutton', { name: 'CNY per 1 USD' }), '7.1');
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    const alert = (await screen.findByRole('alert')).textContent ?? '';
    // Row 2's "120.000" reads as 120 with decimal points: the run stops at the 12,5 % beside it, so nothing is half-read.
    expect(alert).toContain('The column 毛利率 writes numbers with a decimal comma (row 2: "12,5%")');
    expect(alert).toContain('"Values use a decimal comma (1.234,5)"');
    expect(screen.queryByTestId('bonus-reps')).toBeNull();

    const box = screen.getByRole('checkbox', { name: 'Values use a decimal comma (1.234,5)' }) as HTMLInputElement;
    await user.click(box);
    expect(box.checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Compute' }));
    await screen.findByTestId('bonus-reps');
    const engine = await runBonus('new-customer', { headers: HEADERS, rows: european }, { fx: { USD: new Decimal('7.1') }, decimalComma: true });
    expect(repBonus()).toEqual(Object.fromEntries(engine.byRep.map((r) => [r.rep, r.bonus.toNumber()])));
    // 120,000 + 100,000.5 + 90,000 = 310,000.5 in the window: the ≥ 300,000 band, ¥2,500.
    expect(repBonus()['张三']).toBe(2500);
  });

  test('reading a sheet that is not a Rules sheet is refused with a clear message', async () => {
    const { user } = setup();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Rules sheet' }), 'Orders');
    await user.click(screen.getByRole('button', { name: 'Read rules' }));
    expect((await screen.findByRole('alert')).textContent).toContain('That sheet is not a bonus Rules sheet.');
  });
});

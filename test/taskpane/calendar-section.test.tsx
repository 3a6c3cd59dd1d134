/** @jest-environment jsdom */
/**
 * The occasion calendar on the Templates page (docs/rules/occasion-calendar.md): the decision
 * chain sheets of the preview workbook are found by their stamp (one of them renamed), read for
 * their people's birthdays and family occasions, and the month ahead is written as a sheet with
 * the festivals and the care actions; no decision chain → a message saying what to do.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getTemplate } from '../../src/sheets/templates/registry';
import type { Lang } from '../../src/sheets/core/sheet-spec';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { TemplatesPage } from '../../src/taskpane/pages/templates/TemplatesPage';
import type { Services } from '../../src/taskpane/app/services';
import { OCCASION_HEADER_ROW } from '../../src/sheets/calendar/occasion-calendar-sheet';
import { parseCell } from '../../src/sheets/core/a1';
import { FIXED_TODAY } from '../support/template-files';
import { chainWithPeople } from './support/decision-chain-people';
import { renderInPane } from './support/render';
import { excelServices, previewServices } from './support/services';

function setup(services: Services, sheetLang: Lang = 'en-US', uiLang: Lang = 'en-US') {
  return renderInPane(<TemplatesPage services={services} prefs={DEFAULT_PREFERENCES} sheetLang={sheetLang} updatePrefs={() => undefined} />, uiLang);
}

/** The calendar sheet's rows under its header: date, occasion, customer, person, detail, action. */
function calendarRows(services: ReturnType<typeof previewServices>, name: string): string[][] {
  const sheet = services.previewHost.getSheets().find((s) => s.name === name);
  if (sheet?.kind !== 'generated') throw new Error(`no generated sheet ${name}`);
  const rows = new Map<number, string[]>();
  for (const c of sheet.spec.cells) {
    const { row, col } = parseCell(c.ref);
    if (row <= OCCASION_HEADER_ROW || col > 6) continue;
    const line = rows.get(row) ?? Array(6).fill('');
    line[col - 1] = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : String(c.value ?? '');
    rows.set(row, line);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

test('hidden when the host cannot list stamped sheets', () => {
  setup(excelServices());
  expect(screen.queryByRole('heading', { name: 'Occasion calendar' })).toBeNull();
});

test('preview: two decision chains (one renamed) give the month ahead with festivals, birthdays and a family occasion', async () => {
  const user = userEvent.setup();
  const services = previewServices();
  await services.previewHost.insertSheets([
    chainWithPeople('en-US', 'East Machinery', [
      ['Zhang Wei', new Date(Date.UTC(1980, 1, 11)), "daughter's wedding 2027-02-20"],
      ['Li Na', '45', ''],
    ]),
  ]);
  await services.previewHost.insertSheets(getTemplate('swot').build({ lang: 'en-US', example: true, today: FIXED_TODAY }));
  await services.previewHost.insertSheets([chainWithPeople('en-US', 'South Steel', [['Wang Qiang', '2/28', '']], 'Chain of South Steel')]);
  setup(services);
  expect(screen.getByRole('heading', { name: 'Occasion calendar' })).toBeTruthy();

  const from = screen.getByTestId('calendar-from') as HTMLInputElement;
  await user.clear(from);
  await user.type(from, '2027-02-01');
  await user.click(screen.getByTestId('calendar-write'));
  const result = await screen.findByTestId('calendar-result', undefined, { timeout: 15_000 });
  expect(result.textContent).toContain(
    'Wrote Occasion Calendar: 5 occasion(s) from 2027-02-01 to 2027-03-01 (excluded), from 3 person(s) on Decision chain, Chain of South Steel.',
  );
  expect(result.textContent).toContain('emptied in a share-safe copy');
  expect(services.previewHost.getSheets().map((s) => s.name)).toEqual(['Decision chain', 'SWOT', 'Chain of South Steel', 'Occasion Calendar']);
  expect(services.previewHost.activeSheet).toBe('Occasion Calendar');
  expect(calendarRows(services, 'Occasion Calendar')).toEqual([
    ['2027-02-06', 'Spring Festival', '', '', '', 'Visit with a gift'],
    ['2027-02-11', 'Birthday', 'East Machinery', 'Zhang Wei', '', 'Phone call'],
    ['2027-02-20', 'Lantern Festival', '', '', '', 'Card or message'],
    ['2027-02-20', 'Family occasion', 'East Machinery', 'Zhang Wei', "daughter's wedding", 'Card or message'],
    ['2027-02-28', 'Birthday', 'South Steel', 'Wang Qiang', '', 'Phone call'],
  ]);
  // The preview shows the written sheet with its download.
  await waitFor(() => expect(screen.getAllByText('Occasion Calendar').length).toBeGreaterThan(0));
}, 60_000);

test('preview in Chinese, no decision chain: says to insert the template first, writes nothing', async () => {
  const user = userEvent.setup();
  const services = previewServices();
  await services.previewHost.insertSheets(getTemplate('swot').build({ lang: 'zh-CN', example: true, today: FIXED_TODAY }));
  setup(services, 'zh-CN', 'zh-CN');
  await user.click(screen.getByRole('button', { name: '生成未来一个月' }));
  const result = await screen.findByTestId('calendar-result', undefined, { timeout: 15_000 });
  expect(result.textContent).toBe('本工作簿中没有决策链表：请先插入上方的“决策链”模板，填写人员及其生日和家庭大事，再生成日历。');
  expect(services.previewHost.getSheets().map((s) => s.name)).toEqual(['SWOT 分析']);
}, 60_000);

test('a date that is not one disables the button and says so', async () => {
  const user = userEvent.setup();
  setup(previewServices());
  const from = screen.getByTestId('calendar-from') as HTMLInputElement;
  await user.clear(from);
  expect((screen.getByTestId('calendar-write') as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByText('Type the first day as a date, e.g. 2027-02-01.')).toBeTruthy();
});

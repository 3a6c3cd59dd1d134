/**
 * The occasion calendar through the Office host on the fake Excel: the decision chain sheets the
 * Office writer inserted are listed by their stamp (AP_Sheet scoped to each sheet, kept through a
 * rename), read back from the workbook (dates as serial numbers, as Excel gives them) and the
 * month ahead is written as a new sheet with its personal columns marked.
 */
import { OfficeHost } from '../../src/office/office-host';
import { writeOccasionCalendar } from '../../src/taskpane/services/calendar-service';
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { chainWithPeople } from '../taskpane/support/decision-chain-people';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

test('stamped sheets listed by kind whatever their name; a user sheet has none', async () => {
  fake = installFakeExcel();
  const host = new OfficeHost();
  await host.insertSheets(getTemplate('pipeline').build({ lang: 'zh-CN', example: true, today: FIXED_TODAY }));
  await host.insertSheets([chainWithPeople('zh-CN', '华东机械', [])]);
  fake.model.sheet('决策链')!.name = '华东机械决策链';
  expect(await host.listStampedSheets()).toEqual([
    { name: '开发进度', kind: 'pipeline', version: 1 },
    { name: '进度汇总', kind: 'pipeline', version: 1 },
    { name: '华东机械决策链', kind: 'decision-chain', version: 1 },
  ]);
});

test('the month ahead from the decision chain in Excel: birthdays read from date serials, festivals, a family occasion', async () => {
  fake = installFakeExcel();
  const host = new OfficeHost();
  await host.insertSheets([
    chainWithPeople('zh-CN', '华东机械', [
      ['张伟', new Date(Date.UTC(1980, 1, 11)), '女儿婚礼 2027-02-20'],
      ['王强', '2月28日', ''],
    ]),
  ]);
  // The fake does not calculate: the chain's score formulas (which the calendar does not read) show blank.
  for (const c of fake.model.sheet('决策链')!.cells.values()) if (c.formula !== undefined) c.computed = '';
  const outcome = await writeOccasionCalendar(host, { lang: 'zh-CN', from: '2027-02-01', today: FIXED_TODAY });
  expect(outcome).toEqual({ chains: ['决策链'], unreadable: [], contacts: 2, occasions: 5, window: { from: '2027-02-01', to: '2027-03-01' }, sheet: '关怀日历' });
  const sheet = fake.model.sheet('关怀日历')!;
  const column = (col: number) => Array.from({ length: 5 }, (_, i) => sheet.cell(8 + i, col)?.value ?? null);
  expect(column(2)).toEqual(['春节', '生日', '元宵节', '家庭重要日子', '生日']);
  expect(column(4)).toEqual([null, '张伟', null, '张伟', '王强']);
  expect(column(3)).toEqual([null, '华东机械', null, '华东机械', '华东机械']);
  expect(column(5)).toEqual([null, null, null, '女儿婚礼', null]);
  // Its customer, person and detail columns are marked personal for share-safe copies.
  expect(fake.model.names.filter((n) => /^AP_Personal_/.test(n.name) && n.scope?.name === '关怀日历').map((n) => n.formula)).toEqual([expect.stringMatching(/\$C\$7:\$E\$\d+$/)]);
  expect(await host.listOwnedSheets()).toEqual([{ name: '关怀日历', owner: 'calendar' }]);
});

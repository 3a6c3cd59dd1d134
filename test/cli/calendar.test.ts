/**
 * `calendar`: the month ahead from a decision chain workbook (the template written by the CLI,
 * with people, birthdays and family occasions typed in), and the share-safe copy of the written
 * calendar, which keeps the festivals and drops every person and family detail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-calendar-');
const file = (name: string) => path.join(dir, name);

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Every text and date in a workbook, as strings. */
async function contents(xlsx: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c.value instanceof Date ? c.value.toISOString().slice(0, 10) : String(c.text ?? c.value)))));
  return out;
}

beforeAll(async () => {
  // The decision chain template, blank, with three people typed into its table (header row 6).
  expect((await cli(['template', 'decision-chain', '--lang', 'zh-CN', '--out', file('chain.xlsx')])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file('chain.xlsx'));
  const ws = wb.worksheets[0];
  const header = ws.getRow(6).values as unknown[];
  const col = (name: string) => header.findIndex((h) => String(h ?? '').trim() === name);
  ws.getCell(5, 3).value = '华东机械';
  const people: [string, unknown, string][] = [
    ['张伟', new Date(Date.UTC(1980, 1, 11)), '女儿婚礼 2027-02-20；结婚纪念日 3月2日'],
    ['李娜', '45岁', ''],
    ['王强', '2月28日', '儿子高考 6月7日'],
  ];
  people.forEach(([person, age, family], i) => {
    ws.getCell(7 + i, col('项目决策人')).value = person;
    ws.getCell(7 + i, col('年龄／生日')).value = age as ExcelJS.CellValue;
    ws.getCell(7 + i, col('家庭情况')).value = family;
  });
  await wb.xlsx.writeFile(file('chain-filled.xlsx'));
}, 120_000);

test('the month ahead from 2027-02-01: Spring Festival and Lantern, a birthday, a wedding, an age skipped', async () => {
  const r = await cli(['calendar', '--in', file('chain-filled.xlsx'), '--from', '2027-02-01', '--json']);
  expect(r).toMatchObject({ code: 0, err: '' });
  const { window, contacts, occasions } = JSON.parse(r.out);
  expect(window).toEqual({ from: '2027-02-01', to: '2027-03-01' });
  expect(contacts).toBe(3);
  expect(occasions.map((o: Record<string, string>) => [o.date, o.festival ?? o.person, o.detail ?? '', o.action, o.customer ?? ''])).toEqual([
    ['2027-02-06', 'springFestival', '', 'visit', ''],
    ['2027-02-11', '张伟', '', 'call', '华东机械'],
    ['2027-02-20', 'lantern', '', 'card', ''],
    ['2027-02-20', '张伟', '女儿婚礼', 'card', '华东机械'],
    ['2027-02-28', '王强', '', 'call', '华东机械'],
  ]);
});

test('a share-safe copy of the calendar keeps the festivals and none of the people or family details', async () => {
  expect((await cli(['calendar', '--in', file('chain-filled.xlsx'), '--from', '2027-02-01', '--out', file('cal.xlsx')])).code).toBe(0);
  const full = await contents(file('cal.xlsx'));
  for (const personal of ['张伟', '王强', '女儿婚礼']) expect(full).toContain(personal);
  expect(full).toContain('春节');
  const safe = await cli(['share-safe', '--in', file('cal.xlsx'), '--out', file('cal-safe.xlsx')]);
  expect(safe).toMatchObject({ code: 0 });
  const copy = (await contents(file('cal-safe.xlsx'))).join('\n');
  for (const personal of ['张伟', '李娜', '王强', '女儿婚礼']) expect(copy).not.toContain(personal);
  expect(copy).toContain('春节');
  expect(copy).toContain('元宵节');
});

test('a sheet that is not a decision chain is refused with the columns it lacks', async () => {
  writeFileSync(file('other.csv'), 'Customer,Amount\nA,1\n');
  const r = await cli(['calendar', '--in', file('other.csv'), '--lang', 'en-US']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('no column for Person, Age / birthday, Family');
  expect((await cli(['calendar', '--in', file('other.csv'), '--from', '2027-13-01'])).err).toContain('--from must be a date');
});

/** Every part of a package as text, and which of `needles` it holds. */
async function partsHolding(file: string, needles: string[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const found: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const text = await zip.files[name].async('string');
    for (const n of needles) if (text.includes(n)) found.push(`${name}: ${n}`);
  }
  return found;
}

describe('planted markers: the customer, person and occasion detail leave the share-safe copy', () => {
  // Distinct markers in the customer cell, the person and the family column (a birthday and a family occasion each).
  const MARK = { customer: 'MKcustomerQ7', person1: 'MKpersonA1', person2: 'MKpersonB2', detail: 'MKdetailW3' };

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('chain.xlsx'));
    const ws = wb.worksheets[0];
    const header = ws.getRow(6).values as unknown[];
    const col = (name: string) => header.findIndex((h) => String(h ?? '').trim() === name);
    ws.getCell(5, 3).value = MARK.customer;
    ws.getCell(7, col('项目决策人')).value = MARK.person1;
    ws.getCell(7, col('年龄／生日')).value = '2月14日';
    ws.getCell(8, col('项目决策人')).value = MARK.person2;
    ws.getCell(8, col('家庭情况')).value = `${MARK.detail} 2月21日`;
    await wb.xlsx.writeFile(file('chain-planted.xlsx'));
  });

  test('the calendar holds every marker; its share-safe copy (CLI) holds none and keeps the festivals and dates', async () => {
    expect((await cli(['calendar', '--in', file('chain-planted.xlsx'), '--from', '2027-02-01', '--lang', 'en-US', '--out', file('cal-planted.xlsx')])).code).toBe(0);
    const markers = Object.values(MARK);
    const before = await partsHolding(file('cal-planted.xlsx'), markers);
    for (const m of markers) expect(before.some((f) => f.endsWith(`: ${m}`))).toBe(true);
    const safe = await cli(['share-safe', '--in', file('cal-planted.xlsx'), '--out', file('cal-planted-safe.xlsx')]);
    expect(safe).toMatchObject({ code: 0 });
    expect(await partsHolding(file('cal-planted-safe.xlsx'), markers)).toEqual([]);
    const kept = await contents(file('cal-planted-safe.xlsx'));
    expect(kept).toEqual(expect.arrayContaining(['Spring Festival', 'Lantern Festival', '2027-02-14', '2027-02-21', 'Birthday']));
  });

  test('the add-in path (the preview host) empties the same three columns in its copy', async () => {
    const { occasionCalendar, monthAhead } = await import('../../src/domain/calendar/occasion-calendar');
    const { buildOccasionSheet, OCCASION_HEADER_ROW } = await import('../../src/sheets/calendar/occasion-calendar-sheet');
    const { PreviewHost } = await import('../../src/taskpane/preview/preview-host');
    const window = monthAhead('2027-02-01');
    const occasions = occasionCalendar(
      [
        { customer: MARK.customer, person: MARK.person1, birthday: { month: 2, day: 14 }, occasions: [], row: 7 },
        { customer: MARK.customer, person: MARK.person2, occasions: [{ label: MARK.detail, date: { month: 2, day: 21 } }], row: 8 },
      ],
      window,
    );
    const host = new PreviewHost();
    await host.insertSheets([buildOccasionSheet(occasions, { lang: 'en-US', window })]);
    const result = await host.makeShareSafeCopy('en-US');
    expect(result.copies).toHaveLength(1);
    const copy = host.getSheets().find((s) => s.name === result.copies[0].copy)!;
    if (copy.kind !== 'generated') throw new Error('the copy is a generated sheet');
    const text = JSON.stringify(copy.spec.cells.filter((c) => Number(/\d+/.exec(c.ref)![0]) > OCCASION_HEADER_ROW));
    for (const m of Object.values(MARK)) expect(text).not.toContain(m);
    expect(text).toContain('Spring Festival');
  });
});

import { festivalsOfYear } from '../../../src/domain/calendar/festivals';
import { findDate, monthAhead, occasionCalendar, readBirthday, readFamilyOccasions } from '../../../src/domain/calendar/occasion-calendar';

/**
 * Published dates, not ours:
 * - 2026: the State Council's holiday notice for 2026 (国务院办公厅关于2026年部分节假日安排的通知,
 *   4 Nov 2025, as republished by Xinhua): the Spring Festival break runs from 15 Feb (腊月二十八) to
 *   23 Feb (正月初七), so 正月初一 is 17 Feb; Dragon Boat 19 Jun; Mid-Autumn 25 Sep.
 * - 2027: a public-holiday listing for China 2027 (holidayssky.com): Chinese New Year 6 Feb, Lantern
 *   Festival 20 Feb, Dragon Boat 9 Jun, Mid-Autumn 15 Sep.
 */
test.each([
  [2026, { springFestival: '2026-02-17', dragonBoat: '2026-06-19', midAutumn: '2026-09-25' }],
  [2027, { springFestival: '2027-02-06', lantern: '2027-02-20', dragonBoat: '2027-06-09', midAutumn: '2027-09-15' }],
])('%i: the lunar festivals fall on the published dates', (year, published) => {
  const got = Object.fromEntries(festivalsOfYear(year).map((f) => [f.key, f.date]));
  expect(got).toMatchObject(published);
  expect(got).toMatchObject({ newYear: `${year}-01-01`, labourDay: `${year}-05-01`, nationalDay: `${year}-10-01` });
  expect(() => festivalsOfYear(1800)).toThrow(RangeError);
});

test('dates as people type them in the decision chain', () => {
  expect(readBirthday(45)).toBeUndefined(); // an age
  expect(readBirthday('45岁')).toBeUndefined();
  expect(readBirthday('1980-02-11')).toEqual({ year: 1980, month: 2, day: 11 });
  expect(readBirthday(29262)).toEqual({ year: 1980, month: 2, day: 11 }); // the same date as a serial number
  expect(readBirthday('生日 3月8日')).toEqual({ month: 3, day: 8 });
  expect(readFamilyOccasions('女儿婚礼 2027-02-20；结婚纪念日 5/20，儿子 12岁')).toEqual([
    { label: '女儿婚礼', date: { year: 2027, month: 2, day: 20 } },
    { label: '结婚纪念日', date: { month: 5, day: 20 } },
  ]);
  expect(findDate('2月30日')).toBeUndefined(); // not a day of any year
});

test('the month ahead: festivals, birthdays every year, a one-off occasion once, an anniversary every year; 29 Feb on 28 Feb', () => {
  expect(monthAhead('2027-01-31')).toEqual({ from: '2027-01-31', to: '2027-02-28' });
  const contacts = [
    { customer: 'ACME', person: 'Zhang Wei', birthday: { year: 1980, month: 2, day: 11 }, occasions: [{ label: 'wedding', date: { year: 2027, month: 2, day: 20 } }, { label: 'old', date: { year: 2026, month: 3, day: 2 } }] },
    { customer: 'ACME', person: 'Li Na', birthday: { year: 1988, month: 2, day: 29 }, occasions: [{ label: 'anniversary', date: { year: 2010, month: 2, day: 14 } }] },
  ];
  const got = occasionCalendar(contacts, monthAhead('2027-02-01')).map((o) => [o.date, o.kind, o.festival ?? o.person, o.detail ?? '', o.action]);
  expect(got).toEqual([
    ['2027-02-06', 'festival', 'springFestival', '', 'visit'],
    ['2027-02-11', 'birthday', 'Zhang Wei', '', 'call'],
    ['2027-02-14', 'family', 'Li Na', 'anniversary', 'card'],
    ['2027-02-20', 'festival', 'lantern', '', 'card'],
    ['2027-02-20', 'family', 'Zhang Wei', 'wedding', 'card'],
    ['2027-02-28', 'birthday', 'Li Na', '', 'call'],
  ]);
});

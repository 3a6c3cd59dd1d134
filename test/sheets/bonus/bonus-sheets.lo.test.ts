/**
 * Differential test: for seeded random data sets of every scheme, the bonus workbook written
 * with live formulas, recalculated by LibreOffice, gives exactly the engine's eligibility and
 * bonus per line, per rep and per statement. Plus: editing the Rules sheet recomputes the bonuses
 * as the engine does under the edited rules, and the Rules sheet's Check column finds the same
 * gaps and overlaps as validateTiers.
 */
import path from 'node:path';
import { applyTiers, validateTiers, type TierBand, type TierTable } from '../../../src/domain/bonus/tiers';
import type { BonusScheme, NewCustomerLine } from '../../../src/domain/bonus/line';
import { defaultRules, type BonusRules } from '../../../src/domain/bonus/rules';
import { runBonus, type BonusRunResult } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';
import { parseRange } from '../../../src/sheets/core/a1';
import { GENERATORS, HEADERS, fx, rng, rulesFor } from '../../support/bonus-data';
import { compareStored, readStoredFormulas } from '../../support/stored-values';
import { buildBonusRulesSheet } from '../../../src/sheets/bonus/rules-sheet';
import { buildBonusSheets } from '../../../src/sheets/bonus/bonus-sheets';
import { disallowedFunctions } from '../../../src/sheets/core/formula-functions';
import { isFormula, type Lang, type SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { asSerial, errorCells, readWorkbook, recalc, type SheetValues } from '../../support/libreoffice';
import { tempDir, writeSheets } from '../../support/template-files';

/** The new-brand rules a manager might switch to on the Rules sheet: retroactive rates, a higher gate. */
function editedNewBrandRules(): BonusRules {
  const rules = defaultRules();
  const rates = ['0.01', '0.0125', '0.015', '0.02'];
  rules.newBrand.tiers = { method: 'retroactive', bands: rules.newBrand.tiers.bands.map((b, i) => ({ ...b, value: new Decimal(rates[i]) })) };
  rules.newBrand.minMargin = new Decimal('0.15');
  return rules;
}

interface Case {
  label: string;
  result: BonusRunResult;
  sheets: SheetSpec[];
  file: string;
  out?: string;
}

const cases: Case[] = [];
const SCHEMES: BonusScheme[] = ['new-brand', 'new-customer', 'referral', 'fees', 'bad-debt'];
const SEEDS = [11, 12, 13];
const computedAt = new Date(Date.UTC(2026, 3, 1, 8, 30));
let rulesCheck: { file: string; out?: string; tables: TierTable[]; firstRows: number[] };

beforeAll(async () => {
  const dir = tempDir('ap-bonus-');
  for (const scheme of SCHEMES)
    for (const seed of SEEDS) {
      const lang: Lang = seed % 2 ? 'en-US' : 'zh-CN';
      const rows = GENERATORS[scheme](rng(seed * 7919 + scheme.length), lang);
      const result = await runBonus(scheme, { headers: HEADERS[scheme], rows }, { rules: rulesFor(scheme, seed), fx, lang, computedAt });
      const sheets = buildBonusSheets(result);
      const label = `${scheme}-${seed}-${lang}`;
      cases.push({ label, result, sheets, file: await writeSheets(sheets, path.join(dir, `${label}.xlsx`)) });
    }

  // A manager edits the Rules sheet: the sheets of a default-rules run with the Rules sheet replaced
  // by one holding the edited rules (same layout), against the engine run under the edited rules.
  {
    const rows = GENERATORS['new-brand'](rng(99), 'en-US');
    const before = await runBonus('new-brand', { headers: HEADERS['new-brand'], rows }, { fx, lang: 'en-US', computedAt });
    const after = await runBonus('new-brand', { headers: HEADERS['new-brand'], rows }, { rules: editedNewBrandRules(), fx, lang: 'en-US', computedAt });
    const edited = buildBonusRulesSheet(after.rules, { lang: 'en-US' }).sheet;
    const sheets = buildBonusSheets(before).map((s) => (s.name === edited.name ? edited : s));
    cases.push({ label: 'edited-rules', result: after, sheets, file: await writeSheets(sheets, path.join(dir, 'edited-rules.xlsx')) });
  }

  // The developer rule (docs/rules/bonus/new-customer.md): only the rep of the customer's first order
  // of all, when that order is marked self-developed. Every other gate passes for every line here.
  {
    const o = (rep: string, customer: string, date: string, self: string) => [rep, customer, date, '100,000', 'CNY', '12%', '', 'trade', self];
    const rows = [
      // X: Li's first order unmarked, the later two marked → nobody.
      o('Li', 'X', '2026-01-05', 'no'), o('Li', 'X', '2026-02-05', 'yes'), o('Li', 'X', '2026-03-05', 'yes'),
      // Y: Wang's first order marked → Wang.
      o('Wang', 'Y', '2026-01-10', 'yes'), o('Wang', 'Y', '2026-02-10', 'no'), o('Wang', 'Y', '2026-03-10', 'no'),
      // Z: Zhao (row 8) and Sun (row 9) both marked on Z's first day; Zhao's row comes first → Zhao only.
      o('Zhao', 'Z', '2026-01-20', 'yes'), o('Sun', 'Z', '2026-01-20', 'yes'),
      o('Sun', 'Z', '2026-02-20', 'yes'), o('Sun', 'Z', '2026-03-20', 'yes'),
      o('Zhao', 'Z', '2026-02-21', 'no'), o('Zhao', 'Z', '2026-03-21', 'no'),
      // W: Wang's first order unmarked; Li orders later, all marked → nobody.
      o('Wang', 'W', '2026-01-02', 'no'), o('Li', 'W', '2026-01-03', 'yes'), o('Li', 'W', '2026-02-03', 'yes'), o('Li', 'W', '2026-03-03', 'yes'),
    ];
    const result = await runBonus('new-customer', { headers: HEADERS['new-customer'], rows }, { fx, lang: 'en-US', computedAt });
    const sheets = buildBonusSheets(result);
    cases.push({ label: 'developer-rule', result, sheets, file: await writeSheets(sheets, path.join(dir, 'developer-rule.xlsx')) });
  }

  // Nothing but rejected rows: the sheets still open without an error and list the rows set aside.
  {
    const rows = [
      ['李明', '合同-1', '2026-13-01', '1', 'USD', '12%'],
      ['李明', '合同-2', '2026-01-01', 'abc', 'USD', '12%'],
    ];
    const result = await runBonus('new-brand', { headers: HEADERS['new-brand'], rows }, { fx, lang: 'zh-CN', computedAt });
    const sheets = buildBonusSheets(result);
    cases.push({ label: 'empty', result, sheets, file: await writeSheets(sheets, path.join(dir, 'empty.xlsx')) });
  }

  // Rules sheet with broken tier tables, to compare its Check column with validateTiers.
  {
    const D = (x: number) => new Decimal(x);
    const b = (lo: number | null, li: boolean, up: number | null, ui: boolean, v = 1): TierBand => ({ lower: lo === null ? null : D(lo), lowerInclusive: li, upper: up === null ? null : D(up), upperInclusive: ui, value: D(v) });
    const rules = defaultRules();
    rules.fx.USD = new Decimal('7.1');
    rules.newBrand.tiers = { method: 'step', bands: [b(10000, true, 30000, true), b(30001, true, 60000, true), b(50000, false, 60000, false), b(60000, false, 100000, true), b(100000, true, null, false)] };
    rules.newCustomer.tiers = { method: 'step', bands: [b(null, false, 100, false), b(100, false, 200, true), b(300, true, 250, true), b(250, true, null, false), b(400, true, 500, true)] };
    const built = buildBonusRulesSheet(rules, { lang: 'en-US' });
    const file = await writeSheets([built.sheet], path.join(dir, 'rules-check.xlsx'));
    rulesCheck = { file, tables: [rules.newBrand.tiers, rules.newCustomer.tiers], firstRows: [built.refs.newBrand.tiers.firstRow, built.refs.newCustomer.tiers.firstRow] };
  }

  const outs = await recalc([...cases.map((c) => c.file), rulesCheck.file]);
  cases.forEach((c, i) => (c.out = outs[i]));
  rulesCheck.out = outs[outs.length - 1];
}, 600_000);

const bySheet = (sheets: SheetValues[], name: string) => {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${sheets.map((x) => x.name).join(', ')}`);
  return s.values;
};
const colOf = (spec: SheetSpec, header: string) => {
  const cell = spec.cells.find((c) => c.ref.endsWith('6') && /^[A-Z]+6$/.test(c.ref) && c.value === header);
  if (!cell) throw new Error(`no column ${header}`);
  return cell.ref.replace('6', '');
};
const cents = (v: unknown) => Math.round(Number(v) * 100);

test.each([...SCHEMES.flatMap((s) => SEEDS.map((seed) => `${s}-${seed}-${seed % 2 ? 'en-US' : 'zh-CN'}`)), 'edited-rules', 'developer-rule', 'empty'])(
  '%s: every formula’s stored value (computed by IronCalc) equals LibreOffice’s recalculation',
  async (label) => {
    const c = cases.find((x) => x.label === label)!;
    const formulaCells = c.sheets.reduce((n, s) => n + s.cells.filter((cell) => isFormula(cell.value)).length, 0);
    const { compared, disagreements } = compareStored(await readStoredFormulas(c.file), await readStoredFormulas(c.out!));
    expect(compared).toBe(formulaCells);
    expect(disagreements).toEqual([]);
  },
);

describe('bonus sheets recalculated by LibreOffice equal the engine', () => {
  test.each(SCHEMES.flatMap((s) => SEEDS.map((seed) => [s, seed] as const)))('%s, seed %i: every line, rep total and statement', async (scheme, seed) => {
    const c = cases.find((x) => x.label.startsWith(`${scheme}-${seed}-`))!;
    const wb = await readWorkbook(c.out!);
    expect(errorCells(wb)).toEqual([]);
    const main = c.sheets[0];
    const values = bySheet(wb, main.name);
    const lang = c.result.lang;
    const t = (await import('../../../src/i18n/bonus-sheets')).default[lang];
    const eligibleCol = colOf(main, t.colEligible);
    const bonusHeader = { 'new-brand': t.colBonus, 'new-customer': t.colBonus, referral: t.colReward, fees: t.colFee, 'bad-debt': t.colLiability }[scheme];
    const bonusCol = colOf(main, bonusHeader);
    const yes = lang === 'zh-CN' ? '是' : 'Yes';
    const lines = [...c.result.lines].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
    expect(lines.length).toBeGreaterThan(5);
    const engine = lines.map((l) => ({ key: l.key, eligible: l.eligible, bonus: Math.round(l.bonus.toNumber() * 100) }));
    const sheet = lines.map((l, i) => ({ key: l.key, eligible: values.get(`${eligibleCol}${7 + i}`) === yes, bonus: cents(values.get(`${bonusCol}${7 + i}`)) }));
    expect(sheet).toEqual(engine);
    expect(engine.some((l) => l.eligible)).toBe(true);
    // With the inside-credit shares set, every bad-debt line carries a liability.
    if (!(scheme === 'bad-debt' && seed % 2 === 0)) expect(engine.some((l) => !l.eligible)).toBe(true);

    if (scheme === 'new-customer') {
      const by = (h: string) => colOf(main, h);
      (lines as NewCustomerLine[]).forEach((l, i) => {
        const r = 7 + i;
        expect({
          key: l.key,
          d0: asSerial(values.get(`${by(t.colFirstOrder)}${r}`)!),
          last: asSerial(values.get(`${by(t.colWindowEnd)}${r}`)!),
          n: values.get(`${by(t.colOrdersIn)}${r}`),
          sum: cents(values.get(`${by(t.colSumIn)}${r}`)),
          quarter: values.get(`${by(t.colQuarter)}${r}`),
        }).toEqual({ key: l.key, d0: l.d0, last: l.windowEnd - 1, n: l.ordersInWindow, sum: Math.round(l.sumCny.toNumber() * 100), quarter: l.quarter });
      });
    }

    // Summary: one row per rep, bonus = the engine's per-rep total.
    const summary = bySheet(wb, c.sheets[1].name);
    c.result.byRep.forEach((rep, i) => {
      expect([summary.get(`A${7 + i}`), cents(summary.get(`D${7 + i}`)), summary.get(`C${7 + i}`)]).toEqual([rep.rep, Math.round(rep.bonus.toNumber() * 100), rep.eligible]);
    });

    // Statements: only that rep's lines, total equal to the rep's bonus.
    // Sheet order: bonus sheet, summary, rules, [orders], then one statement per rep.
    const statements = c.sheets.slice(scheme === 'new-customer' ? 4 : 3);
    expect(statements).toHaveLength(c.result.byRep.length);
    statements.forEach((s, i) => {
      const total = s.cells.find((x) => isFormula(x.value) && x.value.formula.startsWith('SUM('))!;
      const v = bySheet(wb, s.name);
      expect(cents(v.get(total.ref))).toBe(Math.round(c.result.byRep[i].bonus.toNumber() * 100));
      const rows = parseRange(total.ref).top - 7;
      expect(rows).toBe(c.result.byRep[i].lines);
    });
  });

  test('after the manager edits the Rules sheet (retroactive rates, 15 % gate), the sheet equals the engine under the edited rules', async () => {
    const c = cases.find((x) => x.label === 'edited-rules')!;
    const wb = await readWorkbook(c.out!);
    expect(errorCells(wb)).toEqual([]);
    const values = bySheet(wb, c.sheets[0].name);
    const lines = [...c.result.lines].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
    const engine = lines.map((l) => Math.round(l.bonus.toNumber() * 100));
    expect(engine.filter((x) => x > 0).length).toBeGreaterThan(3);
    expect(engine.some((x) => ![0, 30000, 50000, 80000, 100000].includes(x))).toBe(true);
    expect(lines.map((_, i) => cents(values.get(`L${7 + i}`)))).toEqual(engine);
  });
});

test('developer rule: a customer whose first order is unmarked pays nobody, later marked orders notwithstanding — in the engine and in LibreOffice’s recalculation', async () => {
  const c = cases.find((x) => x.label === 'developer-rule')!;
  const wb = await readWorkbook(c.out!);
  expect(errorCells(wb)).toEqual([]);
  const main = c.sheets[0];
  const values = bySheet(wb, main.name);
  const t = (await import('../../../src/i18n/bonus-sheets')).default['en-US'];
  const col = (h: string) => colOf(main, h);
  const lines = [...c.result.lines].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0)) as NewCustomerLine[];
  const engine = lines.map((l) => `${l.rep}/${l.customer}: developer ${l.developer ? 'Yes' : 'No'}, eligible ${l.eligible ? 'Yes' : 'No'}, ${l.bonus.toNumber()}`);
  const sheet = lines.map((l, i) => {
    const r = 7 + i;
    return `${values.get(`A${r}`)}/${values.get(`B${r}`)}: developer ${values.get(`${col(t.colDeveloper)}${r}`)}, eligible ${values.get(`${col(t.colEligible)}${r}`)}, ${values.get(`${col(t.colBonus)}${r}`)}`;
  });
  // Worked out by hand from the rule (all other gates pass: 3 orders of ¥100,000 at 12 % each).
  expect(engine).toEqual([
    'Li/X: developer No, eligible No, 0',
    'Li/W: developer No, eligible No, 0',
    'Sun/Z: developer No, eligible No, 0',
    'Wang/Y: developer Yes, eligible Yes, 2500',
    'Wang/W: developer No, eligible No, 0',
    'Zhao/Z: developer Yes, eligible Yes, 2500',
  ]);
  expect(sheet).toEqual(engine);
  const x = lines.find((l) => l.customer === 'X')!;
  expect(x.reason).toContain('the customer’s first order (2026-01-05, row 2, by Li) is not marked self-developed');
  expect(lines.find((l) => l.rep === 'Sun')!.reason).toContain('the customer’s first order (2026-01-20, row 8) is by Zhao, who developed the customer');
});

test('a run with no line at all still gives error-free sheets listing the rejected rows', async () => {
  const c = cases.find((x) => x.label === 'empty')!;
  const wb = await readWorkbook(c.out!);
  expect(errorCells(wb)).toEqual([]);
  expect(c.sheets.map((s) => s.name)).toEqual(['新品牌奖', '奖金汇总', '奖金规则']);
  const summary = bySheet(wb, '奖金汇总');
  expect(summary.get('A7')).toBe('合计');
  expect(summary.get('D7')).toBe(0);
  const texts = [...summary.values()].filter((v) => typeof v === 'string') as string[];
  expect(texts).toContain('未计入的行（2）：请在数据中修正后重新计算');
  expect(texts.some((x) => x.includes('“2026-13-01”不是真实存在的日期'))).toBe(true);
});

describe('the Rules sheet', () => {
  test('its Check column flags the same gaps, overlaps and empty bands as validateTiers, next to the offending row', async () => {
    const wb = await readWorkbook(rulesCheck.out!);
    expect(errorCells(wb)).toEqual([]);
    const v = wb[0].values;
    const text: Record<string, string> = { gap: 'Gap with the band above', overlap: 'Overlaps the band above', empty: 'Lower bound above the upper bound', unbounded: 'Open bound between bands' };
    rulesCheck.tables.forEach((table, k) => {
      const problems = validateTiers(table);
      expect(problems.length).toBeGreaterThan(0);
      table.bands.forEach((_, i) => {
        const mine = problems.filter((p) => p.band === i);
        const shown = v.get(`G${rulesCheck.firstRows[k] + i}`);
        if (mine.length === 0) expect(shown).toBe('OK');
        else expect(mine.map((p) => text[p.kind])).toContain(shown);
      });
      // Spare rows stay blank.
      expect(v.get(`G${rulesCheck.firstRows[k] + table.bands.length}`) ?? '').toBe('');
    });
  });

  test('the default Rules sheet has no problem and shows every default of docs/rules/bonus/', async () => {
    const { sheet, refs } = buildBonusRulesSheet(defaultRules(), { lang: 'zh-CN' });
    const at = (ref: string) => sheet.cells.find((c) => c.ref === ref.split('!')[1].replace(/\$/g, ''))?.value;
    expect(at(refs.newBrand.minMargin)).toBe(0.1);
    expect(at(refs.newCustomer.minOrders)).toBe(3);
    expect(at(refs.newCustomer.windowMonths)).toBe(3);
    expect(at(refs.newCustomer.minPrepayment)).toBe(0.5);
    expect(at(refs.penalty.amount)).toBe(1000);
    expect(at(refs.referral.reward)).toBe(3000);
    expect(at(refs.referral.payoutDays)).toBe(5);
    expect(at(refs.newBrand.tierCurrency)).toBe('USD');
    const firstBand = refs.newBrand.tiers.firstRow;
    expect([2, 3, 4, 5, 6].map((c) => sheet.cells.find((x) => x.ref === `${'ABCDEFG'[c - 1]}${firstBand}`)?.value)).toEqual([10000, '否', 30000, '是', 300]);
    expect(applyTiers(defaultRules().newBrand.tiers, new Decimal(30000)).bonus.toNumber()).toBe(300);
  });
});

describe('the written sheets', () => {
  const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
  const LATIN_OK = new Set(['USD', 'EUR', 'CNY', 'RMB', 'Q', 'GM']);

  test('use only functions Excel 2010 had', () => {
    for (const c of cases)
      for (const s of c.sheets) {
        const bad = s.cells.flatMap((x) => (isFormula(x.value) ? disallowedFunctions(x.value.formula).map((f) => `${s.name}!${x.ref}: ${f}`) : []));
        expect(bad).toEqual([]);
      }
  });

  test('show labels and reasons only in their own language', () => {
    // The industrial customer types are data to match, in whatever language the data uses.
    const types = new Set(defaultRules().newCustomer.industrialTypes);
    for (const c of cases)
      for (const s of c.sheets) {
        const cells = s.cells.filter((x) => !(typeof x.value === 'string' && types.has(x.value)));
        const texts = [s.name, ...cells.flatMap((x) => [typeof x.value === 'string' ? x.value : '', x.note ?? '']).filter(Boolean)];
        if (c.result.lang === 'en-US') expect(texts.filter((x) => CJK.test(x))).toEqual([]);
        else expect(texts.filter((x) => !CJK.test(x) && (x.match(/[A-Za-z]+/g) ?? []).some((w) => !LATIN_OK.has(w)) && !/^[A-Z]{3}$/.test(x))).toEqual([]);
      }
  });

  test('values only the engine knows carry a note saying when and under which rules', () => {
    const c = cases.find((x) => x.label.startsWith('new-brand-11'))!;
    const reasonHeader = c.sheets[0].cells.find((x) => x.value === 'Reason')!;
    expect(reasonHeader.note).toBe('Computed by Account Planner on 2026-04-01 08:30 UTC under the rules on the sheet “Bonus rules”. It does not follow later edits: run the bonus again to refresh it.');
    const bonusHeader = c.sheets[0].cells.find((x) => x.value === 'Bonus (CNY)')!;
    expect(bonusHeader.note).toContain('recomputes when the data or the rules change');
  });
});

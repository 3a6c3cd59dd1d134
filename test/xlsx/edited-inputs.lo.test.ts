/**
 * Three-way agreement after a user edits inputs (issue 10, item 3): input cells of every
 * template's example, of a seeded ABC result and of seeded bonus workbooks' Rules sheets are
 * changed in the SheetSpec (only cells the sheet marks as inputs: locked: false), every value
 * computed before the edit is dropped, the workbook is evaluated again (IronCalc, as the CLI and
 * the preview do) and written; then
 * - no formula cell is without a stored value, and every stored value equals LibreOffice's
 *   recalculation of the same file;
 * - where a TypeScript engine computes the same thing (BCG quadrants, the decision-chain score,
 *   ABC tiers, bonus lines), the engine run on the edited inputs gives the stored values and
 *   LibreOffice's.
 */
import path from 'node:path';
import type { BonusScheme } from '../../src/domain/bonus/line';
import { runBonus } from '../../src/domain/bonus/run';
import type { TierMethod } from '../../src/domain/bonus/tiers';
import { runAbc, type AbcResult } from '../../src/domain/abc/run';
import { bcgQuadrant, relativeMarketShare, type BcgQuadrant } from '../../src/domain/planning/bcg-quadrant';
import { scoreDecisionChain, type Attitude, type RoleClass } from '../../src/domain/planning/decision-chain-score';
import abcMessages from '../../src/i18n/abc';
import sheetMessages from '../../src/i18n/bonus-sheets';
import { translator } from '../../src/i18n/define';
import { buildAbcSheets, ABC_FIRST_ROW, ABC_PARAM_ROWS } from '../../src/sheets/abc/result-sheet';
import { buildBonusSheets } from '../../src/sheets/bonus/bonus-sheets';
import { readRulesSheet } from '../../src/sheets/bonus/read-rules-sheet';
import { buildBonusRulesSheet } from '../../src/sheets/bonus/rules-sheet';
import { parseRange, cellRef } from '../../src/sheets/core/a1';
import { isFormula, type CellContent, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, getTemplate } from '../../src/sheets/templates/registry';
import { specToTable } from '../../src/taskpane/preview/preview-host';
import { dataset } from '../support/abc-data';
import { GENERATORS, HEADERS, fx, rng } from '../support/bonus-data';
import { recalc } from '../support/libreoffice';
import { compareStored, readStoredFormulas, uncached, type StoredWorkbook } from '../support/stored-values';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

const dir = tempDir('ap-edited-');

/** A seeded source of numbers in [0, 1). */
function random(seed: number): () => number {
  const g = rng(seed);
  return () => g.next();
}

/** The sheet with its input cells changed; throws when an edited cell is not an input cell. */
function editInputs(sheet: SheetSpec, edits: Record<string, CellContent>): SheetSpec {
  const seen = new Set<string>();
  const cells = sheet.cells.map((c) => {
    if (!(c.ref in edits)) return c;
    if (c.style?.locked !== false) throw new Error(`${sheet.name}!${c.ref} is not an input cell`);
    seen.add(c.ref);
    return { ...c, value: edits[c.ref] };
  });
  const missing = Object.keys(edits).filter((r) => !seen.has(r));
  if (missing.length) throw new Error(`${sheet.name}: no cell ${missing.join(', ')}`);
  return { ...sheet, cells };
}

/** Every formula without the value computed before the edit, so nothing stale can be written. */
const forget = (s: SheetSpec): SheetSpec => ({
  ...s,
  cells: s.cells.map((c) => (isFormula(c.value) ? { ...c, value: { formula: c.value.formula } } : c)),
});

interface Case {
  label: string;
  sheets: SheetSpec[];
  file: string;
}
const cases: Case[] = [];
const stored = new Map<string, StoredWorkbook>();
const lo = new Map<string, StoredWorkbook>();

async function add(label: string, sheets: SheetSpec[]): Promise<void> {
  cases.push({ label, sheets, file: await writeSheets(sheets.map(forget), path.join(dir, `${label}.xlsx`)) });
}

// ---- templates: every numeric and date input of the example changed at random (seeded) ----

function perturb(v: CellContent, r: () => number): CellContent | undefined {
  if (v instanceof Date) return new Date(v.getTime() + Math.round((r() - 0.5) * 60) * 86_400_000);
  if (typeof v !== 'number') return undefined;
  if (Number.isInteger(v) && v >= 0 && v <= 10) return Math.floor(r() * 6); // scores, counts, 1–5 scales
  if (v > 0 && v < 1) return Math.round(r() * 100) / 100; // shares and rates
  return Math.round(v * (0.3 + r() * 1.4) * 100) / 100;
}

function editedTemplate(kind: (typeof TEMPLATE_KINDS)[number], lang: Lang, seed: number): { sheets: SheetSpec[]; edits: number } {
  const r = random(seed);
  let edits = 0;
  const sheets = getTemplate(kind)
    .build({ lang, example: true, today: FIXED_TODAY })
    .map((s) => {
      const e: Record<string, CellContent> = {};
      for (const c of s.cells) {
        if (c.style?.locked !== false) continue;
        const v = perturb(c.value, r);
        if (v !== undefined) e[c.ref] = v;
      }
      edits += Object.keys(e).length;
      return editInputs(s, e);
    });
  return { sheets, edits };
}

// BCG: rows 10–14 hold growth (C), our share (D), the largest competitor's share (E); B7 the growth split.
const BCG_ROWS = [10, 11, 12, 13, 14];
function editedBcg(seed: number) {
  const r = random(seed);
  const [first, ...rest] = getTemplate('bcg').build({ lang: 'en-US', example: true, today: FIXED_TODAY });
  const split = Math.round((0.05 + r() * 0.15) * 100) / 100;
  const rows = BCG_ROWS.map(() => [Math.round((r() * 0.4 - 0.05) * 1000) / 1000, Math.round(r() * 40) / 100, Math.round(r() * 40) / 100]);
  rows[0][1] = rows[0][2]; // exactly at the share split (1×)
  rows[1][0] = split; // exactly at the growth split
  rows[2][2] = 0; // no competitor: the leader
  const edits: Record<string, CellContent> = { B7: split };
  rows.forEach(([g, ours, theirs], i) => Object.assign(edits, { [`C${BCG_ROWS[i]}`]: g, [`D${BCG_ROWS[i]}`]: ours, [`E${BCG_ROWS[i]}`]: theirs }));
  return { sheets: [editInputs(first, edits), ...rest], split, rows };
}
const BCG_NAMES: Record<BcgQuadrant, string> = { star: 'Star', questionMark: 'Question mark', cashCow: 'Cash cow', dog: 'Dog' };

// Decision chain (en-US example): rows 7–11, role classes as the example sets them; influence E, attitude F;
// the influential-opponent threshold in C48; the measures in C37–C40 and the risk counts in C44–C46.
const DC_ROLES: RoleClass[] = ['user', 'technicalApprover', 'executor', 'evaluator', 'decisionMaker'];
const DC_ATTITUDES: [Attitude, string][] = [
  ['supporter', 'Supporter'],
  ['neutral', 'Neutral'],
  ['opponent', 'Opponent'],
  ['unknown', 'Unknown'],
];
function editedDecisionChain(seed: number) {
  const r = random(seed);
  const [first, ...rest] = getTemplate('decision-chain').build({ lang: 'en-US', example: true, today: FIXED_TODAY });
  const people = DC_ROLES.map((roleClass, i) => ({
    name: `p${i}`,
    roleClass,
    influence: 1 + Math.floor(r() * 5),
    attitude: DC_ATTITUDES[Math.floor(r() * 4)],
  }));
  const edits: Record<string, CellContent> = { C48: 3 + Math.floor(r() * 3) };
  people.forEach((p, i) => Object.assign(edits, { [`E${7 + i}`]: p.influence, [`F${7 + i}`]: p.attitude[1] }));
  return {
    sheets: [editInputs(first, edits), ...rest],
    threshold: edits.C48 as number,
    people: people.map((p) => ({ ...p, attitude: p.attitude[0] })),
  };
}

// ---- ABC: values changed in place (order kept, ties made), thresholds, crossing and method ----

const ABC_LANG = 'zh-CN';
const tAbc = translator(abcMessages, ABC_LANG);
interface AbcCase {
  label: string;
  /** customer → value as the edited sheet holds it. */
  values: [string, number][];
  method: 'value' | 'count';
  thresholds: { a: number; b: number };
  countShares: { a: number; b: number };
  crossing: 'include' | 'exclude';
}
const abcCases: AbcCase[] = [];

async function editedAbc(label: string, seed: number, method: 'value' | 'count', crossing: 'include' | 'exclude'): Promise<SheetSpec[]> {
  const r = random(seed);
  const base: AbcResult = await runAbc({ headers: ['客户', '金额'], rows: dataset(seed, 120) });
  const [first, ...rest] = buildAbcSheets(base, { lang: ABC_LANG, today: FIXED_TODAY });
  const values: [string, number][] = [
    ...base.customers.map((c) => [c.customer, c.value.toNumber()] as [string, number]),
    ...base.nonPositive.map((c) => [c.customer, c.value.toNumber()] as [string, number]),
  ];
  const edits: Record<string, CellContent> = {};
  const n = base.customers.length;
  for (let k = 0; k < 15; k++) {
    const i = 1 + Math.floor(r() * (n - 2));
    const [hi, lo] = [values[i - 1][1], values[i + 1][1]];
    // A tie with the customer above, or a value between its neighbours: the order stays descending.
    const v = r() < 0.4 ? hi : Math.round((lo + r() * (hi - lo)) * 100) / 100;
    values[i] = [values[i][0], v];
    edits[`C${ABC_FIRST_ROW + i}`] = v;
  }
  const thresholds = { a: Math.round((0.5 + r() * 0.3) * 100) / 100, b: 0 };
  thresholds.b = Math.round((thresholds.a + 0.05 + r() * 0.1) * 100) / 100;
  const countShares = { a: Math.round((0.1 + r() * 0.2) * 100) / 100, b: 0 };
  countShares.b = Math.round((countShares.a + 0.1 + r() * 0.3) * 100) / 100;
  Object.assign(edits, {
    [`C${ABC_PARAM_ROWS.a}`]: thresholds.a,
    [`C${ABC_PARAM_ROWS.b}`]: thresholds.b,
    [`C${ABC_PARAM_ROWS.countA}`]: countShares.a,
    [`C${ABC_PARAM_ROWS.countB}`]: countShares.b,
    [`C${ABC_PARAM_ROWS.method}`]: tAbc(method === 'count' ? 'methodCount' : 'methodValue'),
    [`C${ABC_PARAM_ROWS.crossing}`]: tAbc(crossing === 'exclude' ? 'crossingExclude' : 'crossingInclude'),
  });
  abcCases.push({ label, values, method, thresholds, countShares, crossing });
  return [editInputs(first, edits), ...rest];
}

// ---- bonus: the Rules sheet's cells edited as a manager would, read back, the engine rerun ----

const computedAt = new Date(Date.UTC(2026, 3, 1, 8, 30));
interface BonusCase {
  label: string;
  scheme: BonusScheme;
  lang: Lang;
  lines: { rep: string; eligible: boolean; cents: number }[];
}
const bonusCases: BonusCase[] = [];

/** Single-cell addresses of an absolute, sheet-qualified reference ("'Rules'!$E$20:$E$27"). */
function cellsOf(ref: string): string[] {
  const r = parseRange(ref.replace(/^.*!/, '').replace(/\$/g, ''));
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cellRef(row, col));
  return out;
}

async function editedBonus(label: string, scheme: BonusScheme, seed: number, lang: Lang): Promise<SheetSpec[]> {
  const rows = GENERATORS[scheme](rng(seed), lang);
  const table = { headers: HEADERS[scheme], rows };
  const before = await runBonus(scheme, table, { fx, lang, computedAt });
  const { refs } = buildBonusRulesSheet(before.rules, { lang });
  const sheets = buildBonusSheets(before);
  const at = sheets.findIndex((s) => s.name === refs.sheetName);
  const rulesSheet = sheets[at];
  const valueAt = (ref: string) => rulesSheet.cells.find((c) => c.ref === ref)?.value;
  const edits: Record<string, CellContent> = {};
  const tierEdits = (tiers: { method: string; value: string }, method: TierMethod, rates: number[]) => {
    edits[cellsOf(tiers.method)[0]] = refs.methodNames[method];
    cellsOf(tiers.value)
      .filter((ref) => typeof valueAt(ref) === 'number')
      .forEach((ref, i) => (edits[ref] = rates[i % rates.length]));
  };
  if (scheme === 'new-brand') {
    tierEdits(refs.newBrand.tiers, 'retroactive', [0.01, 0.0125, 0.015, 0.02]);
    edits[cellsOf(refs.newBrand.minMargin)[0]] = 0.15;
  } else if (scheme === 'new-customer') {
    tierEdits(refs.newCustomer.tiers, 'graduated', [0.005, 0.01, 0.0175, 0.03]);
    edits[cellsOf(refs.newCustomer.minOrders)[0]] = 3;
    edits[cellsOf(refs.newCustomer.windowMonths)[0]] = 4;
    edits[cellsOf(refs.newCustomer.minMargin)[0]] = 0.12;
  } else if (scheme === 'fees') {
    cellsOf(refs.fees.development).forEach((ref, i) => (edits[ref] = 150 + 75 * i));
    cellsOf(refs.fees.maintenance).forEach((ref, i) => (edits[ref] = 40 + 20 * i));
  }
  const edited = editInputs(rulesSheet, edits);
  const read = readRulesSheet(specToTable(edited), lang);
  expect(read.problems).toEqual([]);
  const after = await runBonus(scheme, table, { fx, lang, computedAt, rules: read.rules });
  bonusCases.push({
    label,
    scheme,
    lang,
    lines: [...after.lines]
      .sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0))
      .map((l) => ({ rep: l.rep, eligible: l.eligible, cents: Math.round(l.bonus.toNumber() * 100) })),
  });
  return sheets.map((s, i) => (i === at ? edited : s));
}

let bcg: ReturnType<typeof editedBcg>;
let chain: ReturnType<typeof editedDecisionChain>;
let templateEdits = 0;

beforeAll(async () => {
  for (const [i, kind] of TEMPLATE_KINDS.entries()) {
    const t = editedTemplate(kind, i % 2 ? 'en-US' : 'zh-CN', 500 + i);
    templateEdits += t.edits;
    await add(`template-${kind}`, t.sheets);
  }
  bcg = editedBcg(77);
  await add('bcg', bcg.sheets);
  chain = editedDecisionChain(78);
  await add('decision-chain', chain.sheets);
  await add('abc-value-exclude', await editedAbc('abc-value-exclude', 31, 'value', 'exclude'));
  await add('abc-value-include', await editedAbc('abc-value-include', 32, 'value', 'include'));
  await add('abc-count', await editedAbc('abc-count', 33, 'count', 'include'));
  await add('bonus-new-brand', await editedBonus('bonus-new-brand', 'new-brand', 4242, 'zh-CN'));
  await add('bonus-new-customer', await editedBonus('bonus-new-customer', 'new-customer', 4243, 'en-US'));
  await add('bonus-fees', await editedBonus('bonus-fees', 'fees', 4244, 'zh-CN'));

  const outs = await recalc(cases.map((c) => c.file));
  for (const [i, c] of cases.entries()) {
    stored.set(c.label, await readStoredFormulas(c.file));
    lo.set(c.label, await readStoredFormulas(outs[i]));
  }
}, 900_000);

test('every edited workbook: no formula without a stored value, each equal to LibreOffice’s recalculation', () => {
  let formulas = 0;
  const missing: string[] = [];
  const disagreements: unknown[] = [];
  for (const c of cases) {
    const s = stored.get(c.label)!;
    missing.push(...uncached(s).map((m) => `${c.label}: ${m}`));
    const cmp = compareStored(s, lo.get(c.label)!);
    formulas += cmp.compared;
    disagreements.push(...cmp.disagreements.map((d) => ({ file: c.label, ...d })));
  }
  console.log(`edited inputs: ${templateEdits} template input cells changed; ${cases.length} workbooks, ${formulas} formula cells compared with LibreOffice`);
  expect(templateEdits).toBeGreaterThan(200);
  expect(formulas).toBeGreaterThan(5_000);
  expect(missing).toEqual([]);
  expect(disagreements).toEqual([]);
});

const value = (wb: StoredWorkbook, sheet: string, ref: string) => wb.get(sheet)?.get(ref)?.value;
const first = (label: string) => cases.find((c) => c.label === label)!.sheets[0].name;

test('BCG: the quadrants of the edited products are the engine’s, stored and in LibreOffice', () => {
  const t = { growthSplit: bcg.split, rsmSplit: 1 };
  // No competitor: the leader, counted as high share (docs/rules/templates/bcg.md); nothing at all: blank.
  const expected = bcg.rows.map(([g, ours, theirs]) => {
    const rsm = relativeMarketShare(ours, theirs);
    if (rsm === null) return ours > 0 ? BCG_NAMES[bcgQuadrant(g, Infinity, t)] : '';
    return BCG_NAMES[bcgQuadrant(g, rsm, t)];
  });
  const sheet = first('bcg');
  const got = (wb: StoredWorkbook) => BCG_ROWS.map((row) => value(wb, sheet, `G${row}`));
  expect(new Set(expected).size).toBeGreaterThan(1);
  expect(got(stored.get('bcg')!)).toEqual(expected);
  expect(got(lo.get('bcg')!)).toEqual(expected);
});

test('decision chain: score, coverage and risk counts after editing influence and attitude are the engine’s', () => {
  const s = scoreDecisionChain(chain.people, chain.threshold);
  const expected = [s.supportScore, s.totalInfluence, s.knownInfluence, s.coverage, s.decisionMakersNotSupporting.length, s.highInfluenceOpponents.length, s.roleClassesWithoutSupporter.length];
  const sheet = first('decision-chain');
  const read = (wb: StoredWorkbook) => ['C37', 'C38', 'C39', 'C40', 'C44', 'C45', 'C46'].map((ref) => value(wb, sheet, ref));
  for (const wb of [stored.get('decision-chain')!, lo.get('decision-chain')!]) {
    const got = read(wb);
    expect(got.slice(0, 3)).toEqual(expected.slice(0, 3));
    expect(got[3] as number).toBeCloseTo(expected[3] as number, 12);
    expect(got.slice(4)).toEqual(expected.slice(4));
  }
});

test.each(['abc-value-exclude', 'abc-value-include', 'abc-count'])('%s: each customer’s tier after the edits is the engine’s on the edited values and parameters, stored and in LibreOffice', async (label) => {
  const c = abcCases.find((x) => x.label === label)!;
  const result = await runAbc(
    { headers: ['客户', '金额'], rows: c.values },
    { method: c.method, thresholds: c.thresholds, countShares: c.countShares, crossing: c.crossing },
  );
  const engine = new Map<string, string>([...result.customers.map((x) => [x.customer, x.tier] as const), ...result.nonPositive.map((x) => [x.customer, 'C'] as const)]);
  const sheet = first(label);
  const expected = c.values.map(([customer]) => engine.get(customer));
  const tiers = (wb: StoredWorkbook) => c.values.map((_, i) => value(wb, sheet, `G${ABC_FIRST_ROW + i}`));
  expect(new Set(expected)).toEqual(new Set(['A', 'B', 'C']));
  expect(tiers(stored.get(label)!)).toEqual(expected);
  expect(tiers(lo.get(label)!)).toEqual(expected);
});

test.each(['bonus-new-brand', 'bonus-new-customer', 'bonus-fees'])('%s: each line’s eligibility and bonus under the edited Rules sheet are the engine’s, stored and in LibreOffice', (label) => {
  const c = bonusCases.find((x) => x.label === label)!;
  const t = translator(sheetMessages, c.lang);
  const sheet = cases.find((x) => x.label === label)!.sheets[0];
  const col = (header: string) => {
    const cell = sheet.cells.find((x) => /^[A-Z]+6$/.test(x.ref) && x.value === header);
    if (!cell) throw new Error(`no column ${header}`);
    return cell.ref.replace('6', '');
  };
  const bonusHeader = { 'new-brand': t('colBonus'), 'new-customer': t('colBonus'), fees: t('colFee') }[c.scheme as 'new-brand'];
  const [eligible, bonus] = [col(t('colEligible')), col(bonusHeader)];
  const yes = c.lang === 'zh-CN' ? '是' : 'Yes';
  const lines = (wb: StoredWorkbook) =>
    c.lines.map((l, i) => ({
      rep: l.rep,
      eligible: value(wb, sheet.name, `${eligible}${7 + i}`) === yes,
      cents: Math.round(Number(value(wb, sheet.name, `${bonus}${7 + i}`)) * 100),
    }));
  expect(c.lines.length).toBeGreaterThan(5);
  expect(c.lines.some((l) => l.eligible) && c.lines.some((l) => !l.eligible)).toBe(true);
  expect(lines(stored.get(label)!)).toEqual(c.lines);
  expect(lines(lo.get(label)!)).toEqual(c.lines);
});

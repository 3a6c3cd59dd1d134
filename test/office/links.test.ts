/**
 * Links between sheets through the Office writer, on the fake Excel (docs/notes/links.md): a
 * template inserted into a workbook holding its source reads it (found by stamp); a source
 * inserted after the sheet that reads it makes the pane offer a relink, which rewrites only the
 * linked cells and keeps what the user typed; rewriting the source in place (what Recalculate
 * does) keeps the dependent sheet's formulas pointing at it, and names used across sheets are
 * defined again on the same sheet.
 */
import { OfficeHost } from '../../src/office/office-host';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { applyRelink, findRelinks, templateSources } from '../../src/taskpane/services/links-service';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeExcel();
});
afterEach(() => fake?.uninstall());

const TODAY = new Date(Date.UTC(2026, 2, 15));

async function insertTemplate(host: OfficeHost, kind: TemplateKind, lang: 'zh-CN' | 'en-US' = 'zh-CN', replace?: string[]): Promise<string[]> {
  const sources = await templateSources(host, kind);
  const specs = getTemplate(kind).build({ lang, example: true, today: TODAY, ...(sources ? { sources } : {}) });
  return host.insertSheets(specs, { owner: `template:${kind}`, ...(replace ? { replace } : {}) });
}

const formulaAt = (sheet: string, row: number, col: number) => fake.model.sheet(sheet)!.cell(row, col)?.formula;

test('a hope list inserted beside a renamed pipeline reads it, found by stamp', async () => {
  const host = new OfficeHost();
  const [pipeline] = await insertTemplate(host, 'pipeline');
  // Renamed as the user would (references and names follow the sheet).
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(pipeline).name = '6月进度';
    await context.sync();
  });
  expect(await templateSources(host, 'swot')).toBeUndefined();
  const [hope] = await insertTemplate(host, 'hope-list');
  expect(formulaAt(hope, 16, 4)).toContain("INDEX('6月进度'!$C$13:$C$72,MATCH($A16,'6月进度'!$A$13:$A$72,0))");
  expect(await findRelinks(host)).toEqual([]);
});

test('a pipeline inserted after the hope list: relink offered, only the linked cells rewritten, user input kept', async () => {
  const host = new OfficeHost();
  const [hope] = await insertTemplate(host, 'hope-list', 'en-US');
  expect(await findRelinks(host)).toEqual([]);
  const sheet = fake.model.sheet(hope)!;
  const typedStage = sheet.cell(16, 4)?.value;
  expect(typedStage).toBe('4 Relationship'); // the example's stage, typed (not linked yet)
  expect(sheet.validations.some((v) => v.rect.left === 4 && v.rect.top === 16)).toBe(true);
  // The user's own entries: a prospect in an empty row and a changed probability rule.
  sheet.ensureCell(22, 1).value = 'My own prospect';
  sheet.ensureCell(22, 3).value = 99_000;
  sheet.ensureCell(8, 2).value = 0.15;

  const [pipeline] = await insertTemplate(host, 'pipeline', 'zh-CN');
  const offers = await findRelinks(host);
  expect(offers.map((o) => ({ sheet: o.sheet, sources: o.sources, lang: o.lang, cells: o.patch.cells.length }))).toEqual([{ sheet: hope, sources: [pipeline], lang: 'en-US', cells: 61 }]);
  // Offered, not written: the sheet is as it was until the user says yes.
  expect(sheet.cell(16, 4)?.value).toBe('4 Relationship');

  await applyRelink(host, offers[0]);
  expect(formulaAt(hope, 16, 4)).toBe(`IF($A16="","",IFERROR(INDEX('${pipeline}'!$C$13:$C$72,MATCH($A16,'${pipeline}'!$A$13:$A$72,0))&"",""))`);
  expect(formulaAt(hope, 45, 4)).toContain(`'${pipeline}'!$C$13:$C$72`);
  expect(formulaAt(hope, 16, 9)).toContain(`'${pipeline}'!$D$13:$D$72`);
  expect(sheet.cell(46, 1)?.value).toEqual(expect.stringContaining(pipeline));
  // The stage list is gone with the typed stages; everything the user typed elsewhere stays.
  expect(sheet.validations.some((v) => v.rect.left === 4 && v.rect.top === 16)).toBe(false);
  expect(sheet.cell(22, 1)?.value).toBe('My own prospect');
  expect(sheet.cell(22, 3)?.value).toBe(99_000);
  expect(sheet.cell(8, 2)?.value).toBe(0.15);
  expect(sheet.cell(16, 1)?.value).toBe('Suzhou Hengda Electronics Co., Ltd.');
  expect(formulaAt(hope, 16, 5)).toContain('INDEX($B$8:$B$12');
  // Linked now: nothing more to offer.
  expect(await findRelinks(host)).toEqual([]);
});

test('Recalculate (the source rewritten in place) keeps the dependent sheet reading it', async () => {
  const host = new OfficeHost();
  const [pipeline] = await insertTemplate(host, 'pipeline');
  const [hope] = await insertTemplate(host, 'hope-list');
  const before = formulaAt(hope, 16, 4);
  const id = fake.model.sheet(pipeline)!.id;
  const namesBefore = fake.model.names.filter((n) => n.scope?.id === id).map((n) => [n.name, n.formula]);
  await insertTemplate(host, 'pipeline', 'zh-CN', [pipeline]);
  expect(fake.model.sheet(pipeline)!.id).toBe(id);
  expect(formulaAt(hope, 16, 4)).toBe(before);
  expect(formulaAt(hope, 16, 4)).not.toContain('#REF!');
  expect(fake.model.names.filter((n) => n.scope?.id === id).map((n) => [n.name, n.formula]).sort()).toEqual(namesBefore.sort());
  expect(await findRelinks(host)).toEqual([]);
});

test('sheets rewritten in place whose names other sheets of the batch use: the workbook names are defined again on the same sheet', async () => {
  const host = new OfficeHost();
  const source: SheetSpec = { name: 'Totals', cells: [{ ref: 'A1', value: 5 }], names: [{ name: 'Run_Total', ref: '$A$1' }] };
  const reader: SheetSpec = { name: 'Summary', cells: [{ ref: 'A1', value: { formula: 'Run_Total*2' } }] };
  const first = await host.insertSheets([source, reader], { owner: 'bonus' });
  expect(fake.model.names.find((n) => n.name === 'Run_Total')).toMatchObject({ scope: null, formula: '=Totals!$A$1' });
  const again = await host.insertSheets([{ ...source, cells: [{ ref: 'A1', value: 7 }] }, reader], { owner: 'bonus', replace: first });
  expect(again).toEqual(first);
  expect(fake.model.names.filter((n) => n.name === 'Run_Total')).toMatchObject([{ scope: null, formula: '=Totals!$A$1' }]);
  expect(fake.model.sheet('Summary')!.cell(1, 1)?.formula).toBe('Run_Total*2');
});

test('a shared name the workbook already has on another sheet is still refused before anything is written', async () => {
  const host = new OfficeHost();
  const mine = fake.model.addSheet('Mine');
  fake.model.names.push({ name: 'Run_Total', scope: null, formula: '=Mine!$B$2', comment: '' });
  const source: SheetSpec = { name: 'Totals', cells: [{ ref: 'A1', value: 5 }], names: [{ name: 'Run_Total', ref: '$A$1' }] };
  const reader: SheetSpec = { name: 'Summary', cells: [{ ref: 'A1', value: { formula: 'Run_Total*2' } }] };
  await expect(host.insertSheets([source, reader], { owner: 'bonus' })).rejects.toMatchObject({ officeCode: 'ItemAlreadyExists' });
  expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', mine.name]);
  expect(fake.model.names.find((n) => n.name === 'Run_Total')!.formula).toBe('=Mine!$B$2');
});

/** The cockpit's formulas that read `sheet` (quoted or not). */
const readsOf = (cockpit: string, sheet: string) =>
  [...fake.model.sheet(cockpit)!.cells.values()].filter((c) => c.formula !== undefined && (c.formula.includes(`'${sheet}'!`) || c.formula.includes(`${sheet}!`))).length;

test('the cockpit inserted beside a pipeline and visit plan reads both; a credit register inserted later is offered as a relink, and Recalculate keeps it', async () => {
  const host = new OfficeHost();
  const [pipeline] = await insertTemplate(host, 'pipeline');
  const [plan] = await insertTemplate(host, 'visit-plan');
  const [cockpit] = await insertTemplate(host, 'dashboard');
  expect(readsOf(cockpit, pipeline)).toBeGreaterThan(20);
  expect(readsOf(cockpit, plan)).toBeGreaterThan(0);
  expect(await findRelinks(host)).toEqual([]);
  // The credit register arrives after the cockpit: offered, not written until the user says yes.
  const [register] = await insertTemplate(host, 'credit');
  expect(readsOf(cockpit, register)).toBe(0);
  const offers = await findRelinks(host);
  expect(offers.map((o) => ({ sheet: o.sheet, sources: o.sources }))).toEqual([{ sheet: cockpit, sources: expect.arrayContaining([register]) }]);
  await applyRelink(host, offers[0]);
  expect(readsOf(cockpit, register)).toBeGreaterThan(0);
  expect(readsOf(cockpit, pipeline)).toBeGreaterThan(20);
  // Recalculate-style rewrite of the register in place: the cockpit keeps reading it.
  await insertTemplate(host, 'credit', 'zh-CN', [register]);
  expect(readsOf(cockpit, register)).toBeGreaterThan(0);
  expect([...fake.model.sheet(cockpit)!.cells.values()].some((c) => c.formula?.includes('#REF!'))).toBe(false);
  expect(await findRelinks(host)).toEqual([]);
});

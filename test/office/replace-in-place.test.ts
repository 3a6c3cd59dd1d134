/**
 * Replacing a sheet the add-in wrote (Recalculate) rewrites it in place: the same worksheet,
 * id, name and position, so formulas the user wrote elsewhere keep pointing at it. The new
 * content is staged in a hidden sheet first; the old content is only removed in the last
 * request, so a failure before that leaves the old sheet exactly as it was.
 */
import { OfficeHost } from '../../src/office/office-host';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { installFakeExcel, seedSheet, type FakeExcel } from './fake-excel/install';
import type { ModelWorkbook } from './fake-excel/model';
import { ASPECTS, snapshotFake } from './grid-snapshot';
import { richSpecs } from './fixtures/rich-spec';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const PLAN = '客户计划 Plan';

/** An older version of the Plan sheet with things the new one does not have, anywhere. */
function olderPlan(): SheetSpec {
  return {
    name: PLAN,
    cells: [
      { ref: 'A1', value: 'old title' },
      { ref: 'Z100', value: 'old far cell', note: 'old note' },
      { ref: 'T10', value: 'Old' },
      { ref: 'U10', value: 'Table' },
      { ref: 'T11', value: 1 },
      { ref: 'U11', value: 2 },
      { ref: 'X1', value: 'merged', style: { fill: 'FF0000', numFmt: '0.00' } },
    ],
    merges: ['X1:Y1'],
    tables: [{ name: 'Old_Table', ref: 'T10:U11', columns: [{ name: 'Old' }, { name: 'Table' }], style: 'TableStyleLight9' }],
    conditionalFormats: [{ ref: 'Z1:Z5', rules: [{ type: 'expression', formula: 'Z1>0', style: { fill: '00FF00' } }] }],
    validations: [{ ref: 'W3:W4', rule: { type: 'whole', min: 0, max: 9 } }],
    names: [{ name: 'OldName', ref: '$Z$100' }],
    columns: [{ index: 30, width: 20, hidden: true }],
    freeze: { rows: 2, columns: 3 },
    tabColor: '123456',
    charts: [
      {
        kind: 'pareto',
        title: 'old chart',
        categories: 'T11:T11',
        series: [
          { name: 'old', values: 'U11:U11' },
          { name: 'old share', values: 'U11:U11' },
        ],
        anchor: 'AB2',
        width: 300,
        height: 200,
      },
    ],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: false, rowBreaks: [40] },
    protection: { enabled: true },
  };
}

/** Everything the fake knows about a sheet, for "equals a fresh insert". */
function everything(model: ModelWorkbook, name: string) {
  const s = model.sheet(name)!;
  const snap = snapshotFake(model, name);
  return {
    ...Object.fromEntries(ASPECTS.map((a) => [a, snap[a]])),
    formats: s.formats,
    notes: [...s.notes],
    comments: [...s.comments],
    charts: s.charts.map((c) => ({ ...c, name: undefined })),
    protection: s.protection,
    tabColor: s.tabColor,
    visibility: s.visibility,
    hiddenColumns: [...s.hiddenColumns],
    rowHeights: [...s.rowHeights],
    pageLayout: s.pageLayout,
  };
}

async function freshInsert(apiVersion: string) {
  const fresh = installFakeExcel({ apiVersion });
  try {
    await new OfficeHost().insertSheets(richSpecs());
    return { plan: everything(fresh.model, PLAN), rules: everything(fresh.model, 'Rules') };
  } finally {
    fresh.uninstall();
  }
}

describe('a replaced sheet is rewritten in place', () => {
  test("a user formula ='Bonus'!C5 on another sheet still points at Bonus afterwards (no #REF!)", async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    const bonus = (v: number): SheetSpec => ({ name: 'Bonus', cells: [{ ref: 'C5', value: v }] });
    await host.insertSheets([bonus(1)], { owner: 'bonus' });
    const before = fake.model.sheet('Bonus')!;
    const mine = fake.model.addSheet('My summary');
    seedSheet(mine, [["='Bonus'!C5*2"]]);

    await host.insertSheets([bonus(2)], { owner: 'bonus', replace: ['Bonus'] });
    expect(mine.cell(1, 1)?.formula).toBe("'Bonus'!C5*2");
    // The same worksheet object, id, name and position, holding the new content.
    expect(fake.model.sheet('Bonus')).toBe(before);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bonus', 'My summary']);
    expect(before.cell(5, 3)?.value).toBe(2);
    expect(await host.listOwnedSheets()).toEqual([{ name: 'Bonus', owner: 'bonus' }]);
  });

  test('deleting a sheet does make such formulas #REF! in the fake, as in Excel (the test above can fail)', async () => {
    fake = installFakeExcel();
    const bonus = fake.model.addSheet('Bonus');
    const mine = fake.model.addSheet('Mine');
    seedSheet(mine, [["='Bonus'!C5*2", '=SUM(Bonus!A1:A3)', '="Bonus!A1"']]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Bonus').name = 'Bonus old';
      await context.sync();
    });
    expect(mine.cell(1, 1)?.formula).toBe("'Bonus old'!C5*2");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(bonus.id).delete();
      await context.sync();
    });
    expect([1, 2, 3].map((c) => mine.cell(1, c)?.formula)).toEqual(['#REF!C5*2', 'SUM(#REF!A1:A3)', '"Bonus!A1"']);
  });

  for (const apiVersion of ['1.18', '1.8']) {
    test(`ExcelApi ${apiVersion}: over an older version, the result equals a fresh insert — nothing old is left`, async () => {
      const expected = await freshInsert(apiVersion);
      fake = installFakeExcel({ apiVersion });
      const host = new OfficeHost();
      await host.insertSheets([olderPlan(), { name: 'Rules', cells: [{ ref: 'A1', value: 'old rules' }] }], { owner: 'plan' });
      const plan = fake.model.sheet(PLAN)!;
      const rules = fake.model.sheet('Rules')!;
      expect(plan.charts.length).toBe(1);

      await host.insertSheets(richSpecs(), { owner: 'plan', replace: [PLAN, 'Rules'] });
      expect(fake.model.sheet(PLAN)).toBe(plan);
      expect(fake.model.sheet('Rules')).toBe(rules);
      expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', PLAN, 'Rules']);
      expect(everything(fake.model, PLAN)).toEqual(expected.plan);
      expect(everything(fake.model, 'Rules')).toEqual(expected.rules);
      // Same table name as the first time (not Plan_Customers_2), and no old table or name left.
      expect(fake.model.tables.map((t) => t.name)).toEqual(['Plan_Customers']);
      expect(fake.model.names.some((n) => n.name === 'OldName')).toBe(false);
    });
  }

  test('costs one sync more than a new sheet; the rewrite is one request, unprotect first', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await host.insertSheets(richSpecs(), { owner: 'plan' });
    const mark = fake.session.mark();
    await host.insertSheets(richSpecs(), { owner: 'plan', replace: [PLAN, 'Rules'], activate: true });
    const syncs = fake.session.since(mark);
    expect(syncs.length).toBe(3);
    const rewrite = syncs[2].log;
    expect(rewrite[0]).toBe('WorksheetProtection.unprotect');
    expect(rewrite).toContain('Range.copyFrom');
    expect(rewrite.filter((a) => a === 'Range.formulas')).toEqual([]);
    expect(rewrite[rewrite.length - 1]).toBe('Worksheet.activate');
    expect(syncs[1].log).toContain('Range.formulas');
  });
});

describe('a replacement that fails leaves the old sheet exactly as it was', () => {
  async function setup() {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await host.insertSheets(richSpecs(), { owner: 'plan' });
    fake.model.addSheet('Notes');
    return { host, before: everything(fake.model, PLAN) };
  }

  test('a failure while staging (a request over 5 MB)', async () => {
    const { host, before } = await setup();
    const [plan, rules] = richSpecs();
    const huge: SheetSpec = { ...plan, cells: [...plan.cells, { ref: 'A200', value: 'x'.repeat(6 * 1024 * 1024) }] };
    const failure = await host.insertSheets([huge, rules], { owner: 'plan', replace: [PLAN, 'Rules'] }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'HostError', officeCode: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', PLAN, 'Rules', 'Notes']);
    expect(everything(fake.model, PLAN)).toEqual(before);
  });

  test('a sheet the user protected with a password: the rewrite stops at unprotect, before anything is removed', async () => {
    const { host, before } = await setup();
    const plan = fake.model.sheet(PLAN)!;
    plan.protection = { ...plan.protection, password: 'secret' };
    const failure = await host.insertSheets(richSpecs(), { owner: 'plan', replace: [PLAN, 'Rules'] }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'HostError', officeCode: 'BadPassword' });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', PLAN, 'Rules', 'Notes']);
    expect(everything(fake.model, PLAN)).toEqual({ ...before, protection: plan.protection });
  });

  test('cancelled after staging, before the rewrite', async () => {
    const { host, before } = await setup();
    const controller = new AbortController();
    const sync = fake.session.syncs.length;
    const original = Excel.run;
    // Abort as soon as the staging request went through.
    (globalThis as { Excel: typeof Excel }).Excel = {
      ...Excel,
      run: (batch: (c: Excel.RequestContext) => Promise<unknown>) =>
        original((context) => {
          const sync0 = context.sync.bind(context);
          context.sync = (async () => {
            await sync0();
            if (fake.session.syncs.length === sync + 2) controller.abort();
          }) as typeof context.sync;
          return batch(context);
        }),
    } as typeof Excel;
    const failure = await host.insertSheets(richSpecs(), { owner: 'plan', replace: [PLAN, 'Rules'] }, controller.signal).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'HostError', code: 'aborted' });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', PLAN, 'Rules', 'Notes']);
    expect(everything(fake.model, PLAN)).toEqual(before);
  });
});

/**
 * Issue 15, risks 2, 5, 6 and 7, against the fake Excel: fit to width as the reference defines
 * it and read back (office-js#1860), column widths from the ECMA-376 width formula, list values
 * containing "," refused (office-js#2128), bubble charts built the way Microsoft's sample does.
 * (Risks 1 and 3 are in office-host.test.ts and share-safe-copy.test.ts.)
 */
import { OfficeHost } from '../../src/office/office-host';
import { widthToDialogCharacters, widthToPixels, widthToPoints } from '../../src/office/range-format';
import { LANGS, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate, TEMPLATES } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const bcg = (lang: 'zh-CN' | 'en-US' = 'en-US') => getTemplate('bcg').build({ lang, example: true, today: FIXED_TODAY });

describe('fit to width', () => {
  test('is one page wide with the other dimension null (0 is not defined by PageLayoutZoomOptions), and nothing is reported when it applied', async () => {
    fake = installFakeExcel();
    const skipped: string[][] = [];
    const [name] = await new OfficeHost().insertSheets(bcg(), { onSkipped: (_sheet, reasons) => skipped.push(reasons) });
    expect(fake.model.sheet(name)!.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: null });
    expect(skipped).toEqual([]);
  });

  test('when Excel drops it (office-js#1860) the read-back reports it, in the same requests', async () => {
    fake = installFakeExcel({ ignoreFitToPages: true });
    const reports: { sheet: string; reasons: string[] }[] = [];
    const mark = fake.session.mark();
    const [name] = await new OfficeHost().insertSheets(bcg(), { onSkipped: (sheet, reasons) => reports.push({ sheet, reasons }) });
    expect(fake.model.sheet(name)!.pageLayout.zoom).toBeUndefined();
    expect(reports).toEqual([{ sheet: name, reasons: [expect.stringMatching(/fit to one page wide did not take effect/)] }]);
    // The read-back rides on the last write: a template still costs 2 requests.
    expect(fake.session.since(mark).length).toBe(2);
  });

  test('the fake refuses 0 pages, as a check that the writer no longer sends it', async () => {
    fake = installFakeExcel();
    const code = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
    }).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('column widths', () => {
  test('points come from the pixels Excel draws for the .xlsx width (ECMA-376 section 18.3.1.13), padding included once', () => {
    // Excel's default 8.43-character column is stored as 9.140625 and drawn 64 px wide.
    expect(widthToPixels(9.140625)).toBe(64);
    expect(widthToDialogCharacters(9.140625)).toBe(8.42);
    // A column the dialog shows as 10 characters is stored as 10.7109375: 75 px, 56.25 pt.
    expect(widthToPixels(10.7109375)).toBe(75);
    expect(widthToPoints(10.7109375)).toBe(56.25);
    // Half widths snap to whole pixels as Excel draws them: 12.5 → 87 px (not 87.5).
    expect(widthToPoints(12.5)).toBe(65.25);
  });

  test('a template written to the fake has the pixel widths of the same template in the .xlsx', async () => {
    fake = installFakeExcel();
    const spec: SheetSpec = { name: 'W', cells: [{ ref: 'A1', value: 'x' }], columns: [12.5, 8.43, 30].map((width, i) => ({ index: i + 1, width })) };
    const [name] = await new OfficeHost().insertSheets([spec]);
    const pts = [1, 2, 3].map((c) => fake.model.sheet(name)!.columnWidths.get(c)!);
    expect(pts.map((p) => p / 0.75)).toEqual([87, 59, 210]);
  });
});

describe('list validation values', () => {
  test('a value containing "," is refused before anything is written, naming the value', async () => {
    fake = installFakeExcel();
    const spec: SheetSpec = {
      name: 'Lists',
      cells: [{ ref: 'A1', value: 'Status' }],
      validations: [{ ref: 'A2:A9', rule: { type: 'list', values: ['Open', 'Won, signed', 'Lost'] } }],
    };
    const mark = fake.session.mark();
    await expect(new OfficeHost().insertSheets([spec])).rejects.toThrow(/"Won, signed" contains a comma/);
    expect(fake.session.since(mark)).toHaveLength(0);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test.each(TEMPLATES.flatMap((def) => LANGS.map((lang) => ({ def, lang }))))('$def.kind $lang: no list value contains ","', ({ def, lang }) => {
    const values = def
      .build({ lang, example: true, today: FIXED_TODAY })
      .flatMap((s) => (s.validations ?? []).flatMap((v) => (v.rule.type === 'list' ? v.rule.values : [])));
    expect(values.filter((v) => v.includes(','))).toEqual([]);
  });
});

describe('bubble chart', () => {
  test('the series Excel made from the source is deleted and each group added with x, y and sizes (the documented way)', async () => {
    fake = installFakeExcel();
    const specs = bcg('zh-CN');
    const [name] = await new OfficeHost().insertSheets(specs);
    const chart = fake.model.sheet(name)!.charts.find((c) => c.type === 'Bubble')!;
    const spec = specs[0].charts!.find((c) => c.kind === 'bubble')!;
    expect(chart.series.some((s) => s.fromSource)).toBe(false);
    expect(chart.series.map((s) => ({ name: s.name, x: s.xValues?.replace(/^.*!/, '').replace(/\$/g, ''), y: s.values?.replace(/^.*!/, '').replace(/\$/g, ''), size: s.bubbleSizes?.replace(/^.*!/, '').replace(/\$/g, '') }))).toEqual(
      spec.series.map((s) => ({ name: s.name, x: spec.categories, y: s.values, size: s.sizes })),
    );
  });
});

/**
 * Source sheets are found by their AP_Sheet stamp, not by their name: a renamed pipeline is still
 * the pipeline, a user's sheet that happens to be called like ours is not, and what a dependent
 * sheet reads comes from the source's own names (its sheet-scoped copy first).
 */
import { findSourceSheet, findSourceSheets, linkSources, sheetOfReference, sourceName } from '../../src/xlsx/into/source-sheets';
import type { RawDefinedName } from '../../src/xlsx/workbook-names';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { intoWorkbook, openTarget } from '../../src/xlsx/into/into-workbook';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import JSZip from 'jszip';
import { FIXED_TODAY } from '../support/template-files';

const stamp = (sheet: number, text: string): RawDefinedName => ({ name: 'AP_Sheet', formula: `"${text}"`, localSheetId: sheet });

test('a stamped sheet is found under whatever name it has now; an unstamped namesake is not', () => {
  const parts = {
    sheets: ['开发进度', '6月进度', 'Notes'],
    names: [stamp(1, 'pipeline@1'), stamp(2, 'swot@1'), { name: 'Pipeline_Stage', formula: "'6月进度'!$C$13:$C$72" }],
  };
  expect(findSourceSheet(parts, 'pipeline')).toEqual({ sheet: '6月进度', index: 1, stamp: { kind: 'pipeline', version: 1 } });
  expect(findSourceSheet(parts, 'hope-list')).toBeUndefined();
  expect(findSourceSheets(parts, 'swot').map((s) => s.sheet)).toEqual(['Notes']);
  expect(linkSources(parts).pipeline).toEqual({ sheet: '6月进度', names: { Pipeline_Stage: "'6月进度'!$C$13:$C$72" } });
});

test("a source's names: its sheet-scoped copy first, a workbook name only when it points at that sheet", () => {
  const parts = {
    sheets: ['P1', 'P2'],
    names: [
      stamp(0, 'pipeline@1'),
      stamp(1, 'pipeline@1'),
      { name: 'Pipeline_Customer', formula: 'P1!$A$13:$A$72' },
      { name: 'Pipeline_Customer', formula: 'P2!$A$13:$A$80', localSheetId: 1 },
      { name: 'Pipeline_Stage', formula: 'P1!$C$13:$C$72' },
    ],
  };
  const [first, second] = findSourceSheets(parts, 'pipeline');
  expect(sourceName(parts, first, 'Pipeline_Customer')?.formula).toBe('P1!$A$13:$A$72');
  expect(sourceName(parts, second, 'Pipeline_Customer')?.formula).toBe('P2!$A$13:$A$80');
  // P2 has no stage name of its own and the workbook's points at P1: none.
  expect(sourceName(parts, second, 'pipeline_stage')).toBeUndefined();
  expect(linkSources(parts).pipeline.sheet).toBe('P1');
});

test('the sheet of a reference, quoted or not', () => {
  expect(sheetOfReference("'It''s mine'!$A$1")).toBe("It's mine");
  expect(sheetOfReference('=Sheet1!A1:B2')).toBe('Sheet1');
  expect(sheetOfReference('"pipeline@1"')).toBeUndefined();
  expect(sheetOfReference('42')).toBeUndefined();
});

test('--into a workbook whose pipeline sheet was renamed: the hope list links to it by stamp', async () => {
  const pipeline = getTemplate('pipeline').build({ lang: 'en-US', example: true, today: FIXED_TODAY });
  const zip = await JSZip.loadAsync(await renderWorkbook({ sheets: pipeline }));
  // What Excel does on a rename: the sheet element and every reference to it change.
  const from = pipeline[0].name;
  const wb = (await zip.file('xl/workbook.xml')!.async('string')).replaceAll(`name="${from}"`, 'name="June deals"').replace(new RegExp(`'?${from}'?!`, 'g'), "'June deals'!");
  zip.file('xl/workbook.xml', wb);
  const renamed = await zip.generateAsync({ type: 'uint8array' });
  const target = await openTarget(renamed);
  expect(target.sources.pipeline?.sheet).toBe('June deals');
  const hope = getTemplate('hope-list').build({ lang: 'en-US', example: true, today: FIXED_TODAY, sources: target.sources });
  const stage = hope[0].cells.find((c) => c.ref === 'D16')!;
  expect(stage.value).toMatchObject({ formula: expect.stringContaining("'June deals'!$C$13:$C$72") });
  const merged = await intoWorkbook(target, { sheets: hope }, false);
  expect((await readWorkbookParts(merged.bytes)).sheets).toEqual(['June deals', pipeline[1].name, hope[0].name]);
  const sheetXml = await (await JSZip.loadAsync(merged.bytes)).file('xl/worksheets/sheet3.xml')!.async('string');
  // The first prospect's stage, computed from the renamed pipeline's values as the file stores them.
  expect(sheetXml).toMatch(/<c r="D16"[^>]*t="str"[^>]*><f>[^<]*<\/f><v>4 Relationship<\/v>/);
}, 120_000);

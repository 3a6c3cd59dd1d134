/**
 * The one search both hosts use for a template's sources (src/sheets/core/find-sources.ts):
 * by stamp, never by sheet name; the names a source sheet owns, its sheet-scoped copy first.
 */
import { findSources, sourceNameOn, type WorkbookLinkInfo } from '../../../src/sheets/core/find-sources';
import { getTemplate } from '../../../src/sheets/templates/registry';

const pipeline = { kind: 'pipeline', version: 1 };

test('sources are the first stamped sheet of each kind the template links to, under its current name', () => {
  const info: WorkbookLinkInfo = {
    stamps: [
      { sheet: '6月进度', stamp: pipeline },
      { sheet: '开发进度', stamp: pipeline },
      { sheet: 'SWOT', stamp: { kind: 'swot', version: 1 } },
    ],
    names: [
      { name: 'AP_Sheet', formula: '"pipeline@1"', scope: '6月进度' },
      { name: 'Pipeline_Stage', formula: "='6月进度'!$C$13:$C$72", scope: '6月进度' },
      { name: 'Pipeline_Stage', formula: "'开发进度'!$C$13:$C$72", scope: '开发进度' },
      { name: 'Print_Area', formula: "'6月进度'!$A$1:$K$80" },
      { name: '_xlnm.Print_Area', formula: "'6月进度'!$A$1:$K$80", scope: '6月进度' },
    ],
  };
  const found = findSources(info, getTemplate('hope-list').linksTo);
  expect(Object.keys(found)).toEqual(['pipeline']);
  expect(found.pipeline).toEqual({ sheet: '6月进度', names: { Pipeline_Stage: "'6月进度'!$C$13:$C$72", Print_Area: "'6月进度'!$A$1:$K$80" } });
  // Without a kind list: every stamped kind.
  expect(Object.keys(findSources(info))).toEqual(['pipeline', 'swot']);
  // A workbook without the source: nothing, so the template asks for the values.
  expect(findSources({ stamps: [], names: info.names }, ['pipeline'])).toEqual({});
});

test("a workbook-scoped name counts only when it points at the source sheet; the sheet's own copy wins", () => {
  const names = [
    { name: 'Pipeline_Customer', formula: 'P1!$A$13:$A$72' },
    { name: 'Pipeline_Customer', formula: 'P2!$A$13:$A$80', scope: 'P2' },
    { name: 'Pipeline_Stage', formula: 'P1!$C$13:$C$72' },
  ];
  expect(sourceNameOn(names, 'P1', 'pipeline_customer')?.formula).toBe('P1!$A$13:$A$72');
  expect(sourceNameOn(names, 'p2', 'Pipeline_Customer')?.formula).toBe('P2!$A$13:$A$80');
  expect(sourceNameOn(names, 'P2', 'Pipeline_Stage')).toBeUndefined();
});

test('a kind of several sheets is found by the sheet its names point at, even when another of its sheets comes first', () => {
  const credit = { kind: 'credit', version: 1 };
  const info: WorkbookLinkInfo = {
    // The user moved the application form ahead of the register; both carry the credit stamp.
    stamps: [
      { sheet: '信用调查与授信', stamp: credit },
      { sheet: '信用台账', stamp: credit },
    ],
    names: [
      { name: '_xlnm.Print_Area', formula: "'信用调查与授信'!$A$1:$H$40", scope: '信用调查与授信' },
      { name: 'Credit_Customers', formula: "'信用台账'!$B$12:$B$21" },
      { name: 'Credit_Lines', formula: "'信用台账'!$F$12:$F$21" },
    ],
  };
  expect(findSources(info, ['credit'])).toEqual({
    credit: { sheet: '信用台账', names: { Credit_Customers: "'信用台账'!$B$12:$B$21", Credit_Lines: "'信用台账'!$F$12:$F$21" } },
  });
  // No sheet of the kind has names: the first one, as before.
  expect(findSources({ stamps: info.stamps, names: [] }, ['credit'])).toEqual({ credit: { sheet: '信用调查与授信', names: {} } });
});

test('the ABC result read is the latest run (the last in workbook order); other kinds keep the first', () => {
  const abc = { kind: 'abc-result', version: 1 };
  const info: WorkbookLinkInfo = {
    stamps: [
      { sheet: 'ABC分类', stamp: abc },
      { sheet: '开发进度', stamp: pipeline },
      { sheet: 'ABC分类 (2)', stamp: abc },
      { sheet: '开发进度 (2)', stamp: pipeline },
    ],
    names: [
      { name: 'ABC_Tiers', formula: "'ABC分类'!$G$26:$G$35" },
      { name: 'ABC_Tiers', formula: "'ABC分类 (2)'!$G$26:$G$40", scope: 'ABC分类 (2)' },
      { name: 'Pipeline_Stage', formula: "'开发进度'!$C$13:$C$72" },
      { name: 'Pipeline_Stage', formula: "'开发进度 (2)'!$C$13:$C$72", scope: '开发进度 (2)' },
    ],
  };
  const found = findSources(info, ['abc-result', 'pipeline']);
  expect(found['abc-result']).toEqual({ sheet: 'ABC分类 (2)', names: { ABC_Tiers: "'ABC分类 (2)'!$G$26:$G$40" } });
  expect(found.pipeline.sheet).toBe('开发进度');
});

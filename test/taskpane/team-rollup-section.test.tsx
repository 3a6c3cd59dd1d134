/** @jest-environment jsdom */
/**
 * "Combine team workbooks" on the templates page (docs/rules/team-rollup.md): three reps' files
 * chosen, read in the pane by src/xlsx/read, combined and inserted through the host — the fake
 * Excel host and the preview workbook.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/team-rollup';
import type { Lang } from '../../src/sheets/core/sheet-spec';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import type { Services } from '../../src/taskpane/app/services';
import { TemplatesPage } from '../../src/taskpane/pages/templates/TemplatesPage';
import { repWorkbook, threeReps } from '../support/rep-workbooks';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, previewServices } from './support/services';

const en = translator(catalog, 'en-US');
const zh = translator(catalog, 'zh-CN');
let files: File[];

beforeAll(async () => {
  files = [];
  for (const [i, data] of threeReps().entries()) {
    const bytes = await repWorkbook(data);
    const file = new File([new Uint8Array(bytes)], `rep${i + 1}.xlsx`, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    // jsdom's File may lack arrayBuffer(): the bytes as a browser gives them.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.slice().buffer });
    files.push(file);
  }
}, 120_000);

function setup(services: Services, sheetLang: Lang = 'zh-CN') {
  return renderInPane(<TemplatesPage services={services} prefs={DEFAULT_PREFERENCES} sheetLang={sheetLang} updatePrefs={() => undefined} />, 'en-US');
}

test('asks for files first, then combines the chosen workbooks and inserts the team sheets through the host', async () => {
  const user = userEvent.setup();
  const host = new FakeExcelHost();
  setup(excelServices(host));
  expect(screen.getByRole('heading', { name: en('paneTitle') })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: en('paneRun') }));
  expect(await screen.findByText(en('paneNoFiles'))).toBeTruthy();
  expect(host.inserted).toEqual([]);

  await user.upload(screen.getByTestId('team-rollup-files'), files);
  expect(screen.getByTestId('team-rollup-chosen').textContent).toContain('rep1.xlsx, rep2.xlsx, rep3.xlsx');
  await user.click(screen.getByRole('button', { name: en('paneRun') }));
  const result = await screen.findByTestId('team-rollup-result', {}, { timeout: 60_000 });
  expect(result.textContent).toBe(en('paneDone', { taken: 16, read: 18, issues: 6 }));

  expect(host.inserted).toHaveLength(1);
  const { specs, options } = host.inserted[0];
  expect(options).toMatchObject({ activate: true, owner: 'rollup' });
  // The sheets in the language chosen on the page: comparison, the six team sheets, the report.
  expect(specs.map((s) => s.name)).toEqual([
    zh('sheetComparison'),
    zh('sheet_pipeline'),
    zh('sheet_visit-log'),
    zh('sheet_decision-chain'),
    zh('sheet_communication-record'),
    zh('sheet_targets-reps'),
    zh('sheet_targets-visits'),
    zh('sheetReport'),
  ]);
  // Team counts = the sum of the parts: 3 + 2 + 2 pipeline rows, 2 + 1 visits, 2 + 1 people.
  const rows = (name: string) => specs.find((s) => s.name === name)!.rowBlocks!.reduce((a, b) => a + b.count, 0);
  expect(rows(zh('sheet_pipeline'))).toBe(7);
  expect(rows(zh('sheet_visit-log'))).toBe(3);
  expect(rows(zh('sheet_decision-chain'))).toBe(3);
  expect(rows(zh('sheet_communication-record'))).toBe(1);
  // The report: the older template, the sheet out of shape and four conflict rows.
  expect(rows(zh('sheetReport'))).toBe(6);
  const pipeline = specs.find((s) => s.name === zh('sheet_pipeline'))!;
  expect(pipeline.stamp).toEqual({ kind: 'pipeline', version: 1 });
  expect(pipeline.names?.map((n) => n.name)).toContain('Pipeline_Customer');
  expect(specs.find((s) => s.name === zh('sheet_decision-chain'))!.personalRanges).toHaveLength(4);
}, 120_000);

test('in preview mode the team sheets go into the preview workbook, ready to download', async () => {
  const user = userEvent.setup();
  const services = previewServices();
  setup(services, 'en-US');
  await user.upload(screen.getByTestId('team-rollup-files'), files);
  await user.click(screen.getByRole('button', { name: en('paneRun') }));
  await screen.findByTestId('team-rollup-result', {}, { timeout: 60_000 });
  await waitFor(async () => expect((await services.previewHost.listSources()).sheets).toEqual(expect.arrayContaining([en('sheet_pipeline'), en('sheetComparison'), en('sheetReport')])));
}, 120_000);

/** @jest-environment jsdom */
/**
 * The pane's relink offer (docs/notes/links.md), on the Office host over the fake Excel: a
 * pipeline inserted after a hope list makes the Templates page ask before re-wiring the hope
 * list; Not now writes nothing, Link rewrites the stage column into formulas over the pipeline.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { OfficeHost } from '../../src/office/office-host';
import type { PageProps } from '../../src/taskpane/app/App';
import { DEFAULT_PREFERENCES, type Preferences } from '../../src/taskpane/app/preferences';
import { TemplatesPage } from '../../src/taskpane/pages/templates/TemplatesPage';
import { RelinkCheck } from '../../src/taskpane/components/RelinkOffers';
import { getTemplate } from '../../src/sheets/templates/registry';
import { createTemplateService } from '../../src/taskpane/services/templates-service';
import { installFakeExcel, type FakeExcel } from '../office/fake-excel/install';
import { renderInPane } from './support/render';
import { excelServices } from './support/services';

let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeExcel();
});
afterEach(() => fake.uninstall());

function setup() {
  const services = { ...excelServices(), host: new OfficeHost(), templates: createTemplateService(() => new Date(Date.UTC(2026, 2, 15))) };
  function Stateful() {
    const [p, setP] = useState<Preferences>({ ...DEFAULT_PREFERENCES, includeExamples: true });
    const props: PageProps = { services, prefs: p, sheetLang: 'en-US', updatePrefs: (patch) => setP((x) => ({ ...x, ...patch })) };
    return <TemplatesPage {...props} />;
  }
  renderInPane(<Stateful />);
}

const stageFormula = () => fake.model.sheet('Hope list')!.cell(16, 4)?.formula;

test('a pipeline inserted after the hope list: the pane asks, Not now writes nothing, Link links', async () => {
  const user = userEvent.setup();
  setup();
  await user.click(screen.getByRole('button', { name: /^Insert Risk-adjusted hope list/ }));
  await waitFor(() => expect(fake.model.sheet('Hope list')).toBeDefined());
  expect(screen.queryByRole('button', { name: 'Link' })).toBeNull();

  await user.click(screen.getByRole('button', { name: /^Insert New customer pipeline/ }));
  const offer = await screen.findByLabelText('Sheets that can now read other sheets');
  expect(offer.textContent).toContain('“Hope list” can read “Pipeline”');
  expect(offer.textContent).toContain('(61 cells)');
  await user.click(within(offer).getByRole('button', { name: 'Not now' }));
  expect(screen.queryByLabelText('Sheets that can now read other sheets')).toBeNull();
  expect(stageFormula()).toBeUndefined();

  // Inserting another sheet asks again, since the hope list still does not read the pipeline.
  await user.click(screen.getByRole('button', { name: /^Insert SWOT/ }));
  const again = await screen.findByLabelText('Sheets that can now read other sheets');
  await user.click(within(again).getByRole('button', { name: 'Link' }));
  expect(await screen.findByText('Linked: “Hope list”.')).toBeTruthy();
  expect(stageFormula()).toContain("INDEX(Pipeline!$C$13:$C$72,MATCH($A16,Pipeline!$A$13:$A$72,0))");
});

test('after another page writes a source (ABC, bonus), RelinkCheck asks the same way', async () => {
  const user = userEvent.setup();
  const host = new OfficeHost();
  const today = new Date(Date.UTC(2026, 2, 15));
  await host.insertSheets(getTemplate('hope-list').build({ lang: 'zh-CN', example: true, today }), { owner: 'template:hope-list' });
  const written = await host.insertSheets(getTemplate('pipeline').build({ lang: 'zh-CN', example: true, today }), { owner: 'template:pipeline' });
  renderInPane(<RelinkCheck services={{ ...excelServices(), host }} written={written} />);
  const offer = await screen.findByLabelText('Sheets that can now read other sheets');
  expect(offer.textContent).toContain('“希望清单” can read “开发进度”');
  await user.click(within(offer).getByRole('button', { name: 'Link' }));
  expect(await screen.findByText('Linked: “希望清单”.')).toBeTruthy();
  expect(fake.model.sheet('希望清单')!.cell(16, 4)?.formula).toContain("'开发进度'!$C$13:$C$72");
});

/** @jest-environment jsdom */
import { useState } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TemplatesPage } from '../../src/taskpane/pages/templates/TemplatesPage';
import type { PageProps } from '../../src/taskpane/app/App';
import { HostError } from '../../src/host/host-error';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, fakeTemplates, previewServices } from './support/services';
import type { Preferences } from '../../src/taskpane/app/preferences';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';

function setup(services = excelServices(), prefs: Partial<Preferences> = {}, sheetLang: 'zh-CN' | 'en-US' = 'en-US') {
  let current: Preferences = { ...DEFAULT_PREFERENCES, ...prefs };
  function Stateful() {
    const [p, setP] = useState(current);
    const props: PageProps = {
      services,
      prefs: p,
      sheetLang,
      updatePrefs: (patch) => setP((x) => (current = { ...x, ...patch })),
    };
    return <TemplatesPage {...props} />;
  }
  const view = renderInPane(<Stateful />);
  return { view, prefs: () => current };
}

const itemKinds = () => screen.getAllByRole('listitem').map((li) => li.getAttribute('data-kind'));

describe('Templates page', () => {
  test('lists every template with title and purpose in the UI language, recent first', () => {
    setup(excelServices(), { recentTemplates: ['pipeline'] });
    expect(itemKinds()).toEqual(['pipeline', 'swot', 'bcg']);
    const first = screen.getAllByRole('listitem')[0];
    expect(first.textContent).toContain('Pipeline');
    expect(first.textContent).toContain('One row per target');
    expect(first.textContent).toContain('Recent');
  });

  test('Insert builds in the chosen sheet language with examples, writes once, activates, remembers it', async () => {
    const user = userEvent.setup();
    const host = new FakeExcelHost();
    const build = jest.fn((kind: string, o: { lang: string; example: boolean }) => [
      { name: `${kind}-${o.lang}-${o.example}`, cells: [] },
      { name: 'second', cells: [] },
    ]);
    const { prefs } = setup(excelServices(host, {}, { templates: fakeTemplates(build) }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sheet language' }), 'zh-CN');
    await user.click(screen.getByRole('checkbox', { name: 'Include example rows' }));
    expect(host.inserted).toHaveLength(0); // options alone never write
    await user.click(screen.getByRole('button', { name: 'Insert BCG matrix' }));
    await waitFor(() => expect(host.inserted).toHaveLength(1));
    expect(build).toHaveBeenCalledWith('bcg', { lang: 'zh-CN', example: true, protect: false });
    expect(host.inserted[0].specs.map((s) => s.name)).toEqual(['bcg-zh-CN-true', 'second']);
    expect(host.inserted[0].options).toMatchObject({ activate: true, owner: 'template:bcg' });
    expect(prefs().recentTemplates).toEqual(['bcg']);
    expect(await screen.findByText('2 sheet(s) inserted')).toBeTruthy();
    expect(itemKinds()[0]).toBe('bcg');
  });

  test('an Excel error shows what happened, what to do, and copyable details', async () => {
    const user = userEvent.setup();
    const host = new FakeExcelHost();
    host.insertError = new HostError('excel', 'insert sheets: InvalidOperation: busy', {
      officeCode: 'InvalidOperation',
    });
    setup(excelServices(host));
    await user.click(screen.getByRole('button', { name: 'Insert SWOT analysis' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Excel refused the request (InvalidOperation).');
    expect(alert.textContent).toContain('Leave cell-editing mode');
    expect(alert.textContent).toContain('insert sheets: InvalidOperation: busy');
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.click(within(alert).getByRole('button', { name: 'Copy details' }));
    expect(writeText.mock.calls[0][0]).toContain('code: excel');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a builder failure is reported and nothing is written', async () => {
    const user = userEvent.setup();
    const host = new FakeExcelHost();
    setup(
      excelServices(
        host,
        {},
        {
          templates: fakeTemplates(() => {
            throw new Error('boom');
          }),
        },
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Insert SWOT analysis' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong.');
    expect(alert.textContent).toContain('Error: boom');
    expect(host.inserted).toHaveLength(0);
  });

  test('preview: the inserted sheet is shown as HTML and downloads as .xlsx', async () => {
    const user = userEvent.setup();
    const save = jest.fn();
    const services = previewServices(save);
    services.preview!.download = jest.fn(services.preview!.download);
    setup(services, {}, 'zh-CN');
    await user.click(screen.getByRole('button', { name: 'Insert SWOT analysis' }));
    expect(await screen.findByText('1 sheet(s) created in the preview workbook')).toBeTruthy();
    const region = screen.getByRole('region', { name: 'Preview of sheet swot-zh-CN' });
    expect(region.textContent).toContain('swot');
    expect(services.previewHost.activeSheet).toBe('swot-zh-CN');
    // user-event wraps its events in act itself; an act around it nests and React warns.
    await user.click(screen.getByRole('button', { name: 'Download the whole workbook' }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    const [blob, fileName] = save.mock.calls[0];
    expect(fileName).toBe('swot-zh-CN.xlsx');
    expect((blob as Blob).size).toBeGreaterThan(1000);
  });
});

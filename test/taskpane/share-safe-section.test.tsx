/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HostError } from '../../src/host/host-error';
import type { ShareSafeCopyResult } from '../../src/host/workbook-host';
import { getTemplate } from '../../src/sheets/templates/registry';
import type { Lang } from '../../src/sheets/core/sheet-spec';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import { TemplatesPage } from '../../src/taskpane/pages/templates/TemplatesPage';
import type { Services } from '../../src/taskpane/app/services';
import { FIXED_TODAY } from '../support/template-files';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, previewServices } from './support/services';

function setup(services: Services, sheetLang: Lang = 'en-US', uiLang: Lang = 'en-US') {
  return renderInPane(
    <TemplatesPage services={services} prefs={DEFAULT_PREFERENCES} sheetLang={sheetLang} updatePrefs={() => undefined} />,
    uiLang,
  );
}

function excelWith(result: ShareSafeCopyResult | Error) {
  const host = new FakeExcelHost() as FakeExcelHost & { makeShareSafeCopy: jest.Mock };
  host.makeShareSafeCopy = jest.fn(async () => {
    if (result instanceof Error) throw result;
    return result;
  });
  return { host, services: excelServices(host) };
}

/**
 * The open confirmation dialog. Found by its title: role queries over the whole pane are slow
 * enough in jsdom to run out of time on a busy machine. Its buttons are queried with
 * hidden: true, as in the Bonus page test: tabster's modalizer marks the tree aria-hidden
 * asynchronously in jsdom.
 */
async function dialogTitled(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title);
  const dialog = heading.closest('[role="alertdialog"]');
  if (!(dialog instanceof HTMLElement)) throw new Error(`"${title}" is not in an alert dialog`);
  return dialog;
}

const made: ShareSafeCopyResult = {
  copies: [{ source: 'Decision chain', copy: 'Decision chain (share-safe)', cells: 3, notes: 1 }],
  alreadySafe: ['Old copy'],
  notesUnchecked: false,
  propertiesKept: true,
};

test('hidden when the host cannot make share-safe copies', () => {
  setup(excelServices());
  expect(screen.queryByRole('button', { name: 'Make share-safe copy…' })).toBeNull();
});

test('asks first; Cancel does nothing, confirming makes the copy and says what was removed and what to do next', async () => {
  const user = userEvent.setup();
  const { host, services } = excelWith(made);
  setup(services, 'zh-CN');
  expect(screen.getByRole('heading', { name: 'Share without personal information' })).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Make share-safe copy…' }));
  let dialog = await dialogTitled('Make a share-safe copy?');
  expect(dialog.textContent).toContain('Your original sheets are not changed.');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
  await waitFor(() => expect(screen.queryByText('Make a share-safe copy?')).toBeNull());
  expect(host.makeShareSafeCopy).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Make share-safe copy…' }));
  dialog = await dialogTitled('Make a share-safe copy?');
  await user.click(within(dialog).getByRole('button', { name: 'Make copy', hidden: true }));
  const result = await screen.findByTestId('share-safe-result');
  // The copy's texts are in the sheet language chosen on the page.
  expect(host.makeShareSafeCopy).toHaveBeenCalledWith('zh-CN', expect.any(AbortSignal));
  expect(result.textContent).toContain('1 share-safe copy(ies) made');
  expect(result.textContent).toContain('Decision chain (share-safe): 3 cell(s) and 1 note(s) removed (copy of Decision chain)');
  expect(result.textContent).toContain('Personal columns already empty, nothing to copy: Old copy');
  expect(result.textContent).toContain('Move or Copy → (new book)');
  expect(result.textContent).toContain('Removed from the copies: the values, formulas, notes and comments of the personal cells');
  // The document properties belong to the workbook: not changed, and the pane says so.
  expect(screen.getByTestId('share-safe-properties').textContent).toContain('document properties (author, title, subject, keywords, description, company) were not changed');
  expect(screen.queryByText(/cannot list cell notes/)).toBeNull();
});

test('nothing to copy, notes this Excel cannot check, and errors are each reported', async () => {
  const user = userEvent.setup();
  const confirm = async () => {
    await user.click(screen.getByRole('button', { name: 'Make share-safe copy…' }));
    await user.click(within(await dialogTitled('Make a share-safe copy?')).getByRole('button', { name: 'Make copy', hidden: true }));
  };

  let view = setup(excelWith({ copies: [], alreadySafe: [], notesUnchecked: false }).services);
  await confirm();
  expect((await screen.findByTestId('share-safe-result')).textContent).toBe('No personal columns in this workbook: nothing to remove.');
  view.unmount();

  view = setup(excelWith({ ...made, notesUnchecked: true }).services);
  await confirm();
  expect(await screen.findByText(/This version of Excel cannot list cell notes/)).toBeTruthy();
  view.unmount();

  setup(excelWith(new HostError('excel', 'make share-safe copies: InvalidArgument: password', { officeCode: 'InvalidArgument' })).services);
  await confirm();
  const alert = (await screen.findByText('Excel refused the request (InvalidArgument).')).closest('[role="alert"]') as HTMLElement;
  expect(alert.textContent).toContain('Excel refused the request (InvalidArgument).');
  expect(screen.queryByTestId('share-safe-result')).toBeNull();
});

test('preview, in Chinese: the copy is made in the preview workbook and can be downloaded', async () => {
  const user = userEvent.setup();
  const services = previewServices();
  await services.previewHost.insertSheets(getTemplate('decision-chain').build({ lang: 'zh-CN', example: true, today: FIXED_TODAY }));
  setup(services, 'zh-CN', 'zh-CN');
  await user.click(screen.getByRole('button', { name: '生成可分享副本…' }));
  await user.click(within(await dialogTitled('生成可分享副本？')).getByRole('button', { name: '生成副本', hidden: true }));
  const result = await screen.findByTestId('share-safe-result');
  expect(result.textContent).toContain('已生成 1 个可分享副本');
  expect(result.textContent).toContain('决策链（可分享）：已删除 3 个单元格和 0 条批注（决策链的副本）');
  expect(result.textContent).toContain('请在下方下载副本');
  expect(services.previewHost.getSheets().map((s) => s.name)).toEqual(['决策链', '决策链（可分享）']);
  expect(result.textContent).toContain('下载的文件也保存这些结果');
  expect(screen.queryByTestId('share-safe-properties')).toBeNull();
  expect(screen.getByTestId('download-xlsx')).toBeTruthy();
});

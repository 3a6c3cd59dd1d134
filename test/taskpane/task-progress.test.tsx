/** @jest-environment jsdom */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AbcPage } from '../../src/taskpane/pages/abc/AbcPage';
import { DEFAULT_PREFERENCES } from '../../src/taskpane/app/preferences';
import type { AbcService } from '../../src/taskpane/services/abc-service';
import { renderInPane } from './support/render';
import { FakeExcelHost, excelServices, table } from './support/services';

test('work over a second shows progress with Cancel; cancelling stops it and nothing is written', async () => {
  const host = new FakeExcelHost();
  host.selection = table(['Customer', 'Amount'], [['Acme', 1]]);
  let seenSignal: AbortSignal | undefined;
  const slow: AbcService = {
    ...excelServices().abc,
    compute: (_t, _c, _o, _l, signal, onProgress) =>
      new Promise((_, reject) => {
        seenSignal = signal;
        onProgress?.(0.4);
        signal?.addEventListener('abort', () => reject(signal.reason));
      }),
  };
  renderInPane(
    <AbcPage
      services={excelServices(host, {}, { abc: slow })}
      prefs={DEFAULT_PREFERENCES}
      updatePrefs={() => undefined}
      sheetLang="en-US"
    />,
  );
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Read data' }));
  await user.click(await screen.findByRole('button', { name: 'Preview tiers' }));
  expect(screen.queryByRole('progressbar')).toBeNull(); // not for the first second
  const bar = await screen.findByRole('progressbar', {}, { timeout: 2500 });
  expect(bar.getAttribute('aria-valuenow')).toBe('0.4');
  expect(screen.getByText('Computing tiers…')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.getByText('Stopped. Nothing more will be written.')).toBeTruthy());
  expect(seenSignal?.aborted).toBe(true);
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(screen.queryByTestId('abc-summary')).toBeNull();
  expect(host.inserted).toHaveLength(0);
});

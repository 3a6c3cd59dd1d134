/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/app/App';
import { excelServices, previewServices } from './support/services';

const previewInfo = { mode: 'preview' as const, reason: 'no-office' as const, displayLanguage: 'en-US', dark: false };

describe('App shell', () => {
  test('preview mode shows the not-connected bar; Excel mode does not', () => {
    const { unmount } = render(<App services={previewServices()} hostInfo={previewInfo} />);
    expect(screen.getByTestId('preview-bar').textContent).toContain('Preview — not connected to Excel');
    unmount();
    render(<App services={excelServices()} hostInfo={{ mode: 'excel', displayLanguage: 'en-US', dark: false }} />);
    expect(screen.queryByTestId('preview-bar')).toBeNull();
  });

  test('follows Office display language by default (zh-TW → zh-CN strings)', () => {
    render(<App services={excelServices()} hostInfo={{ mode: 'excel', displayLanguage: 'zh-TW', dark: false }} />);
    expect(screen.getByRole('tab', { name: /模板/ })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  test('tabs work with the keyboard only and keep page state', async () => {
    const user = userEvent.setup();
    render(
      <App
        services={excelServices()}
        hostInfo={{ mode: 'excel', displayLanguage: 'en-US', dark: false }}
        initialPage="templates"
      />,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Include example rows' }));
    // Arrow keys between tabs need layout (tabster), so they are checked in Chromium; here: Enter on a focused tab.
    screen.getByRole('tab', { name: /ABC/ }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('tab', { name: /ABC/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('Rank customers by value');
    screen.getByRole('tab', { name: /Templates/ }).focus();
    await user.keyboard(' ');
    expect((screen.getByRole('checkbox', { name: 'Include example rows' }) as HTMLInputElement).checked).toBe(true);
  });

  test('Settings: choosing English in a Chinese Office switches the interface and is remembered', async () => {
    const user = userEvent.setup();
    const services = excelServices();
    render(
      <App
        services={services}
        hostInfo={{ mode: 'excel', displayLanguage: 'zh-CN', dark: false }}
        initialPage="settings"
      />,
    );
    expect(screen.getByText('界面语言')).toBeTruthy();
    expect(screen.getByTestId('version').textContent).toContain('9.9.9');
    await user.click(screen.getAllByRole('radio', { name: 'English' })[0]);
    await waitFor(() => expect(screen.getByText('Interface language')).toBeTruthy());
    expect(services.preferences.load().uiLanguage).toBe('en-US');
  });

  test('?page= from the ribbon buttons opens that page; help opens Settings', () => {
    const { pageFromUrl } = jest.requireActual('../../src/taskpane/app/pages');
    expect(pageFromUrl('?page=abc')).toBe('abc');
    expect(pageFromUrl('?page=bonus')).toBe('bonus');
    expect(pageFromUrl('?page=help')).toBe('settings');
    expect(pageFromUrl('?page=nonsense')).toBe('templates');
  });
});

import { connectToHost, isDarkTheme, langFor } from '../../src/taskpane/host/connect';

describe('host detection', () => {
  test('no Office global (office.js blocked): preview at once', async () => {
    const info = await connectToHost({ navigator: { language: 'zh-CN' } }, 2500);
    expect(info).toEqual({ mode: 'preview', reason: 'no-office', displayLanguage: 'zh-CN', dark: false });
  });

  test('Office.onReady never settles: preview after the timeout, not later', async () => {
    const t0 = Date.now();
    const info = await connectToHost({ Office: { onReady: () => new Promise(() => undefined) } }, 200);
    expect(info.mode).toBe('preview');
    expect(info.reason).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('office.js in a plain browser (host null) or another host: preview', async () => {
    expect((await connectToHost({ Office: { onReady: async () => ({ host: null }) } })).reason).toBe('not-excel');
    expect(
      (await connectToHost({ Office: { onReady: async () => ({ host: 'Word' }), HostType: { Excel: 'Excel' } } }))
        .reason,
    ).toBe('not-excel');
    expect((await connectToHost({ Office: { onReady: () => Promise.reject(new Error('x')) } })).mode).toBe('preview');
  });

  test('Excel: display language and theme come from Office', async () => {
    const info = await connectToHost({
      Office: {
        onReady: async () => ({ host: 'Excel' }),
        HostType: { Excel: 'Excel' },
        context: { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#262626' } },
      },
      navigator: { language: 'en-US' },
    });
    expect(info).toEqual({ mode: 'excel', displayLanguage: 'zh-CN', dark: true });
  });

  test('theme and language helpers', () => {
    expect(isDarkTheme({ isDarkTheme: false, bodyBackgroundColor: '#000000' })).toBe(false);
    expect(isDarkTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkTheme({ bodyBackgroundColor: '#1f1f1f' })).toBe(true);
    expect(langFor('zh-TW')).toBe('zh-CN');
    expect(langFor('zh')).toBe('zh-CN');
    expect(langFor('ja-JP')).toBe('en-US');
  });
});

describe('a late Office.onReady', () => {
  test('inside Excel after the timeout: preview first, then the Excel host through onLateExcel', async () => {
    let resolve: (info: { host: unknown }) => void = () => undefined;
    const late: unknown[] = [];
    const info = await connectToHost(
      {
        Office: {
          onReady: () => new Promise((r) => (resolve = r)),
          HostType: { Excel: 'Excel' },
          context: { displayLanguage: 'zh-CN' },
        },
      },
      50,
      (excel) => late.push(excel),
    );
    expect(info).toMatchObject({ mode: 'preview', reason: 'timeout' });
    resolve({ host: 'Excel' });
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([{ mode: 'excel', displayLanguage: 'zh-CN', dark: false }]);
  });

  test('outside Office (no host) after the timeout: stays in preview', async () => {
    let resolve: (info: { host: unknown }) => void = () => undefined;
    const late: unknown[] = [];
    await connectToHost({ Office: { onReady: () => new Promise((r) => (resolve = r)) } }, 50, (excel) => late.push(excel));
    resolve({ host: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([]);
  });
});

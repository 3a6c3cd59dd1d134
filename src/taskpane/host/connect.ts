import type { Lang } from '../../sheets/core/sheet-spec';

/**
 * Host detection, in one place. The task pane runs either inside Excel (office.js loaded and
 * Office.onReady reports Excel) or in preview mode: a plain browser, office.js blocked or
 * unreachable, or Office.onReady never settling. It never waits longer than `timeoutMs`; when
 * Office.onReady resolves with Excel after that (a slow start inside Excel), `onLateExcel` is
 * called with the Excel host so the pane can switch. onReady resolves with the host and
 * platform once office.js is loaded (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in);
 * outside Office the host is null (test/browser runs Microsoft's office.js to check): the pane
 * stays in preview.
 */
export type HostMode = 'excel' | 'preview';

export type PreviewReason = 'no-office' | 'not-excel' | 'timeout';

export interface HostInfo {
  mode: HostMode;
  /** Why the pane runs in preview mode. */
  reason?: PreviewReason;
  /** Office's display language (e.g. "zh-CN"), or the browser's in preview mode. */
  displayLanguage: string;
  /** Office theme when Office reports one; otherwise the browser's colour scheme. */
  dark: boolean;
}

export const CONNECT_TIMEOUT_MS = 2500;

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { displayLanguage?: string; officeTheme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string } };
}

export async function connectToHost(
  globals: {
    Office?: unknown;
    navigator?: { language?: string };
    matchMedia?: (q: string) => { matches: boolean };
  } = globalThis,
  timeoutMs = CONNECT_TIMEOUT_MS,
  onLateExcel?: (info: HostInfo) => void,
): Promise<HostInfo> {
  const browserLanguage = globals.navigator?.language ?? 'en-US';
  const browserDark = Boolean(globals.matchMedia?.('(prefers-color-scheme: dark)').matches);
  const preview = (reason: PreviewReason): HostInfo => ({
    mode: 'preview',
    reason,
    displayLanguage: browserLanguage,
    dark: browserDark,
  });

  const office = globals.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') return preview('no-office');

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const excelInfo = (): HostInfo => {
    const theme = office.context?.officeTheme;
    return { mode: 'excel', displayLanguage: office.context?.displayLanguage || browserLanguage, dark: theme ? isDarkTheme(theme) : browserDark };
  };
  const isExcel = (info: { host: unknown }) => info.host === (office.HostType?.Excel ?? 'Excel');
  try {
    const ready = office.onReady().catch((e: unknown) => {
      // Office.js loaded but cannot start here: the pane still works, in preview mode, which
      // its bar announces; the cause is for whoever debugs the host.
      console.warn('Account Planner: Office.onReady failed; running in preview mode', e);
      return { host: null };
    });
    const info = await Promise.race([ready, timeout]);
    if (info === 'timeout') {
      if (onLateExcel) void ready.then((late) => isExcel(late) && onLateExcel(excelInfo()));
      return preview('timeout');
    }
    if (!isExcel(info)) return preview('not-excel');
    return excelInfo();
  } finally {
    clearTimeout(timer);
  }
}

/** Office reports isDarkTheme on recent builds; older ones only give colours. */
export function isDarkTheme(theme: { isDarkTheme?: boolean; bodyBackgroundColor?: string }): boolean {
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const hex = /^#?([0-9a-f]{6})$/i.exec(theme.bodyBackgroundColor ?? '')?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Interface language for a display language: Chinese variants → zh-CN, everything else → en-US. */
export function langFor(displayLanguage: string): Lang {
  return /^zh\b/i.test(displayLanguage) ? 'zh-CN' : 'en-US';
}

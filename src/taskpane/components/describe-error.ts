import type { Translate } from '../app/i18n';
import type { HostErrorCode } from '../../host/host-error';
import type { Lang } from '../../i18n/define';

const HOST_CODES: HostErrorCode[] = [
  'excel',
  'tooManyCells',
  'sourceNotFound',
  'emptySource',
  'selectionTooSmall',
  'columnNotEmpty',
  'columnLengthMismatch',
  'columnExists',
  'aborted',
  'settingsNotSaved',
  'rowTooLarge',
  'sheetPasswordProtected',
];

export interface DescribedError {
  /** What happened, in the interface language. */
  title: string;
  /** What the user can do about it. */
  action: string;
  /** Technical details for support: error name, code, message, stack. */
  details: string;
}

/** Turns anything thrown by a host, an engine or a reader into a message a person can act on. */
export function describeError(e: unknown, t: Translate): DescribedError {
  const err = (e ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
    file?: string;
    sheet?: string;
    source?: string;
    stack?: string;
  };
  const details = detailsOf(e);
  switch (err.name) {
    case 'UploadError': {
      // The reader's own reason (row, line, what to do), in the interface language.
      const reason = (e as { reason?: { text(lang: Lang): string } }).reason;
      if (reason && err.code !== 'unsupported-type')
        return { title: t('errUploadRead', { file: err.file ?? '', reason: reason.text(t('lang') as Lang) }), action: t('errUploadReadAction'), details };
      if (err.code === 'unsupported-type')
        return { title: t('errUploadType', { file: err.file ?? '' }), action: t('errUploadTypeAction'), details };
      if (err.code === 'empty')
        return { title: t('errUploadEmpty', { file: err.file ?? '' }), action: t('errUploadEmptyAction'), details };
      return {
        title: t('errUploadUnreadable', { file: err.file ?? '' }),
        action: t('errUploadUnreadableAction'),
        details,
      };
    }
    case 'NotRulesSheetError':
      return { title: t('errNotRules'), action: t('errNotRulesAction'), details };
    case 'PreviewUnsupportedError':
      return { title: t('errPreviewSource'), action: t('errPreviewSourceAction'), details };
    case 'UserInputError':
    case 'BonusInputError':
    case 'AbcInputError':
    case 'TierMigrationError':
      // Columns not found: the pane's words for naming them (the command line says --map).
      return { title: err.message ?? '', action: t(err.code === 'missing-columns' ? 'errColumnsAction' : 'errInputAction'), details };
    case 'HostError': {
      const code = String(err.code) as HostErrorCode;
      const officeCode = (e as { officeCode?: string }).officeCode ?? '?';
      if (HOST_CODES.includes(code))
        return {
          title: t(`errHost_${code}`, { ...(e as { params?: Record<string, string | number> }).params, code: officeCode }),
          action: t(`errHostAction_${code}`),
          details,
        };
      break;
    }
  }
  if (typeof err.code === 'string' && err.code && err.name !== 'Error') {
    // Office.js errors (OfficeExtension.Error / RichApi) carry a code such as InvalidOperation.
    return { title: t('errExcel', { code: err.code }), action: t('errExcelAction'), details };
  }
  return { title: t('errUnexpected'), action: t('errUnexpectedAction'), details };
}

/** An error whose message is already written for the user (in the interface language). */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

function detailsOf(e: unknown): string {
  if (e instanceof Error || (e && typeof e === 'object' && 'message' in e)) {
    const err = e as Error & { code?: unknown; debugInfo?: unknown };
    const lines = [`${err.name ?? 'Error'}: ${err.message}`];
    if (err.code !== undefined) lines.push(`code: ${String(err.code)}`);
    if (err.debugInfo !== undefined) lines.push(`debugInfo: ${safeJson(err.debugInfo)}`);
    if (err.stack) lines.push(err.stack);
    return lines.join('\n');
  }
  return String(e);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    // Circular or BigInt debug info: its String() form is shown in the details instead.
    return String(v);
  }
}

/**
 * Errors the workbook host reports to the task pane. No Excel import here, so the UI and the
 * preview host can use it too. `code` says what went wrong in words the UI translates
 * (src/i18n/taskpane.ts has errHost_<code> and errHostAction_<code> for each code); for
 * failures inside Excel, `officeCode` keeps Office's own error code (e.g. "InvalidArgument",
 * "ItemAlreadyExists") and `location` its debugInfo.errorLocation, so nothing Excel said is lost.
 */
export type HostErrorCode =
  /** Excel rejected a request; see officeCode. */
  | 'excel'
  /** The source has more cells than the add-in reads (MAX_READ_CELLS). */
  | 'tooManyCells'
  /** The named table or sheet does not exist. */
  | 'sourceNotFound'
  /** The source has no header row or no data rows. */
  | 'emptySource'
  /** A selection of a single cell: the user has to select the data with its header. */
  | 'selectionTooSmall'
  /** The column where a new column would go already holds data. */
  | 'columnNotEmpty'
  /** The values given for a new column do not match the source's rows. */
  | 'columnLengthMismatch'
  /** The new column's header already exists in the table. */
  | 'columnExists'
  /** The caller's AbortSignal fired between two requests. */
  | 'aborted'
  /** Settings could not be saved into the document. */
  | 'settingsNotSaved'
  /** One row holds more than Excel can send in a single response (5 MB on the web). */
  | 'rowTooLarge'
  /** A sheet is protected with a password the add-in does not have (params.sheet). */
  | 'sheetPasswordProtected';

export interface HostErrorDetails {
  officeCode?: string;
  location?: string;
  /** What the add-in was doing, e.g. "write sheet SWOT (2)". */
  step?: string;
  /** Parameters for the translated message, e.g. { cells: 6000000, max: 5000000 }. */
  params?: Record<string, string | number>;
  cause?: unknown;
}

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly officeCode?: string;
  readonly location?: string;
  readonly step?: string;
  readonly params: Record<string, string | number>;

  constructor(code: HostErrorCode, message: string, details: HostErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HostError';
    this.code = code;
    this.officeCode = details.officeCode;
    this.location = details.location;
    this.step = details.step;
    this.params = details.params ?? {};
  }
}

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

/**
 * Wraps whatever Excel threw into a HostError that keeps Office's code. HostErrors pass
 * through unchanged so a more specific code is never overwritten.
 */
export function toHostError(error: unknown, step: string): HostError {
  if (error instanceof HostError) return error;
  const e = (error ?? {}) as OfficeLikeError;
  const officeCode = typeof e.code === 'string' ? e.code : typeof e.debugInfo?.code === 'string' ? e.debugInfo.code : undefined;
  const location = typeof e.debugInfo?.errorLocation === 'string' ? e.debugInfo.errorLocation : undefined;
  const text = typeof e.message === 'string' ? e.message : String(error);
  const where = location ? ` at ${location}` : '';
  return new HostError('excel', `${step}: ${officeCode ?? 'Error'}${where}: ${text}`, {
    officeCode,
    location,
    step,
    cause: error,
  });
}

export function throwIfAborted(signal: AbortSignal | undefined, step: string): void {
  if (signal?.aborted) throw new HostError('aborted', `${step}: cancelled`, { step });
}

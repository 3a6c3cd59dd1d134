/**
 * The request machinery of the fake: a queue of operations per request context, applied to
 * the model only at context.sync(), with every sync counted and the JSON size of each request
 * and response measured. Reading a property that was not loaded and synced throws
 * PropertyNotLoaded. Source for the queue/load/sync model:
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 */
import { API_SETS, type ApiMember } from './api-sets';
import { FakeOfficeError, propertyNotLoaded } from './errors';
import type { ModelWorkbook } from './model';

/**
 * "Excel on the web has a payload size limit for requests and responses of 5MB"
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * exceeding it is RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Sizes are measured as UTF-8 bytes of the JSON: a Chinese character is 3 bytes.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncRecord {
  /** 1-based number of the sync within the session. */
  index: number;
  actions: number;
  requestBytes: number;
  responseBytes: number;
  /** Whether Excel.run had to send queued operations nobody synced. */
  implicit: boolean;
  /** Action names in order, e.g. "Range.formulas", "Worksheet.add". */
  log: string[];
  /** The error code Excel answered the sync with, if it failed. */
  error?: string;
}

export interface SessionOptions {
  /** Highest ExcelApi requirement set this fake Excel supports, e.g. "1.8" or "1.18". */
  apiVersion: string;
  /** Enforce the 5 MB request/response limits of Excel on the web (default true). */
  enforcePayloadLimits?: boolean;
  /** Excel on the web: supports ExcelApiOnline 1.1 (e.g. WorksheetProtection.isPasswordProtected). Default false. */
  online?: boolean;
  /**
   * Test control for office-js#1860: fit-to-pages settings of PageLayout.zoom are dropped, as
   * that issue reports when the Page Layout tab was not selected. Default false.
   */
  ignoreFitToPages?: boolean;
}

export function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2 = 0] = have.split('.').map(Number);
  const [b1, b2 = 0] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** One workbook and everything done to it across Excel.run calls. */
export class FakeSession {
  readonly syncs: SyncRecord[] = [];
  readonly options: Required<SessionOptions>;

  constructor(
    readonly model: ModelWorkbook,
    options: SessionOptions,
  ) {
    this.options = { enforcePayloadLimits: true, online: false, ignoreFitToPages: false, ...options };
  }

  supports(version: string): boolean {
    return versionAtLeast(this.options.apiVersion, version);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }

  maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  /** Sync count since a mark, for "this operation took N round trips". */
  mark(): number {
    return this.syncs.length;
  }

  since(mark: number): SyncRecord[] {
    return this.syncs.slice(mark);
  }
}

export interface Operation {
  action: string;
  bytes: number;
  /** Applies the operation to the model; returns the response bytes it produced (loads). */
  apply(): number | void;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonSize(value: unknown): number {
  return utf8Length(JSON.stringify(value, (_k, v: unknown) => (v instanceof Object && 'fakeRef' in v ? (v as { fakeRef: string }).fakeRef : v)) ?? '');
}

/** Shared by every proxy of one Excel.run. */
export class Queue {
  private pending: Operation[] = [];
  private nextId = 1;

  constructor(readonly session: FakeSession) {}

  get model(): ModelWorkbook {
    return this.session.model;
  }

  id(): number {
    return this.nextId++;
  }

  /**
   * Queues an action. Its size is what Office would send: the action name, the object path
   * and the arguments as JSON.
   */
  push(action: string, path: string, args: unknown, apply: () => number | void): void {
    this.pending.push({ action, bytes: jsonSize({ a: action, o: path, v: args }), apply });
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  async sync(implicit = false): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    const record: SyncRecord = {
      index: this.session.syncs.length + 1,
      actions: ops.length,
      requestBytes: ops.reduce((n, o) => n + o.bytes, 2),
      responseBytes: 2,
      implicit,
      log: ops.map((o) => o.action),
    };
    this.session.syncs.push(record);
    await Promise.resolve();
    try {
      if (this.session.options.enforcePayloadLimits && record.requestBytes > PAYLOAD_LIMIT_BYTES) {
        throw new FakeOfficeError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size has exceeded the limit (${record.requestBytes} bytes)`,
          'RequestContext.sync',
        );
      }
      for (const op of ops) {
        const response = op.apply();
        if (typeof response === 'number') record.responseBytes += response;
      }
      if (this.session.options.enforcePayloadLimits && record.responseBytes > PAYLOAD_LIMIT_BYTES) {
        throw new FakeOfficeError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size has exceeded the limit (${record.responseBytes} bytes)`,
          'RequestContext.sync',
        );
      }
    } catch (e) {
      record.error = (e as { code?: string }).code;
      throw e;
    }
  }
}

/** Symbol-keyed internals, so they are not mistaken for Office.js members by the type checks. */
export const $ = Symbol('fake-internal');

/**
 * A proxy's link to its model object, set when the operation that produced the proxy runs
 * at sync (getItem, add, getRange …). Using a proxy before that is InvalidObjectPath.
 */
export class Binding<T> {
  private value: T | null | undefined;
  private bound = false;

  constructor(private readonly describe: string) {}

  set(value: T | null): void {
    this.value = value;
    this.bound = true;
  }

  get isNull(): boolean {
    return this.bound && this.value === null;
  }

  get(): T {
    if (!this.bound) throw new FakeOfficeError('InvalidObjectPath', `${this.describe} is not resolved`, this.describe);
    if (this.value === null || this.value === undefined) {
      throw new FakeOfficeError('ItemNotFound', `${this.describe} is a null object`, this.describe);
    }
    return this.value;
  }
}

/** Load arguments as Office.js takes them: "a,b", ["a","b"], { select: "a,b" }. */
export function loadList(arg: unknown): string[] | undefined {
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadList(a) ?? []);
  if (typeof arg === 'object' && 'select' in arg) return loadList((arg as { select?: string }).select);
  throw new FakeOfficeError('InvalidArgument', `unsupported load argument ${JSON.stringify(arg)}`, 'load');
}

/**
 * Loaded-property storage for one proxy. `read` throws PropertyNotLoaded unless a load of the
 * property was synced.
 */
export class Loaded {
  private values = new Map<string, unknown>();

  constructor(private readonly owner: string) {}

  set(prop: string, value: unknown): number {
    this.values.set(prop, value);
    return jsonSize(value);
  }

  read<T>(prop: string): T {
    if (!this.values.has(prop)) throw propertyNotLoaded(prop, this.owner);
    return this.values.get(prop) as T;
  }
}

/** Compile-time check: every public (string) member of a fake exists on the Office.js class. */
export type OnlyRealMembers<Fake, Real> = Exclude<keyof Fake, keyof Real | symbol> extends never
  ? true
  : { notInOfficeJs: Exclude<keyof Fake, keyof Real | symbol> };

/** ApiNotFound unless this Excel supports the member's requirement set (see api-sets.ts). */
export function requireApi(queue: Queue, member: ApiMember): void {
  const version = API_SETS[member];
  if (!queue.session.supports(version)) {
    throw new FakeOfficeError('ApiNotFound', `${member} needs ExcelApi ${version}; this Excel has ${queue.session.options.apiVersion}`, member);
  }
}

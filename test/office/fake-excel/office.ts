/**
 * The fake `Office` global: requirement-set checks against the session's ExcelApi version
 * (Office.context.requirements.isSetSupported), and document settings.
 *
 * Settings (https://learn.microsoft.com/javascript/api/office/office.settings): values are
 * strings, numbers, booleans, null, objects or arrays, kept as JSON; set/get/remove work on an
 * in-memory copy and only saveAsync writes it into the document, so after a reload only saved
 * settings come back. No size limit is modelled: Microsoft documents none for document settings
 * (the 2 MB limit and error 2502 the fake once had were not from any source). A failing save is
 * a test control (`failNextSave`) with a code from the Common API list
 * (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
import { $, versionAtLeast, type FakeSession, type OnlyRealMembers } from './core';

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

type SaveCallback = (result: { status: 'succeeded' | 'failed'; value: undefined; error?: { code: number; name: string; message: string } }) => void;

export class FakeSettings implements Pick<Office.Settings, 'get' | 'set' | 'remove'> {
  private values: Record<string, unknown>;
  /**
   * Test controls: `failNextSave` makes the next saveAsync fail with that Office error;
   * `saves` counts successful saves.
   */
  readonly [$]: { failNextSave?: { code: number; name: string; message: string }; saves: number } = { saves: 0 };

  constructor(private readonly session: FakeSession) {
    this.values = clone(session.model.savedSettings);
  }

  get(name: string): unknown {
    return name in this.values ? clone(this.values[name]) : null;
  }

  set(name: string, value: unknown): void {
    // Office stores settings as JSON: what does not survive JSON does not survive a reload.
    this.values[name] = clone(value);
  }

  remove(name: string): void {
    delete this.values[name];
  }

  saveAsync(...args: unknown[]): void {
    const callback = args.find((a): a is SaveCallback => typeof a === 'function');
    const failure = this[$].failNextSave;
    this[$].failNextSave = undefined;
    setTimeout(() => {
      if (failure) {
        callback?.({ status: 'failed', value: undefined, error: failure });
        return;
      }
      this.session.model.savedSettings = clone(this.values);
      this[$].saves++;
      callback?.({ status: 'succeeded', value: undefined });
    }, 0);
  }
}
export const _settingsCheck: OnlyRealMembers<FakeSettings, Office.Settings> = true;

export function makeOffice(session: FakeSession, settings: () => FakeSettings) {
  return {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    context: {
      displayLanguage: 'zh-CN',
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name === 'ExcelApiOnline') return session.options.online && versionAtLeast('1.1', version ?? '1.1');
          if (name !== 'ExcelApi') return false;
          return versionAtLeast(session.options.apiVersion, version ?? '1.1');
        },
      },
      document: {
        get settings() {
          return settings();
        },
      },
    },
  };
}

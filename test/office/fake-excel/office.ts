/**
 * The fake `Office` global: requirement-set checks against the session's ExcelApi version, and
 * document settings that are saved into the model ("the file") by saveAsync and read back
 * from it after a reload — unsaved settings are lost, as in Office.
 */
import { $, versionAtLeast, type FakeSession, type OnlyRealMembers } from './core';

const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

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
      const size = JSON.stringify(this.values).length;
      const error =
        failure ?? (size > SETTINGS_LIMIT_BYTES ? { code: 2502, name: 'Settings Stale', message: 'settings exceed 2 MB' } : undefined);
      if (error) {
        callback?.({ status: 'failed', value: undefined, error });
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

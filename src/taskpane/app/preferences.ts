import type { Lang } from '../../sheets/core/sheet-spec';

/**
 * The user's own choices, kept in the browser's storage of the add-in's origin (per user and
 * machine, unlike workbook settings which travel with the file).
 */
export interface Preferences {
  /** 'auto' follows Office's display language. */
  uiLanguage: Lang | 'auto';
  /** 'auto' uses the interface language. */
  sheetLanguage: Lang | 'auto';
  /** Template kinds, most recently inserted first. */
  recentTemplates: string[];
  includeExamples: boolean;
  /** Protect the formulas of inserted templates (their tables then cannot grow). */
  protectFormulas: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  uiLanguage: 'auto',
  sheetLanguage: 'auto',
  recentTemplates: [],
  includeExamples: false,
  protectFormulas: false,
};

const KEY = 'account-planner.preferences.v1';

export interface PreferenceStore {
  load(): Preferences;
  save(p: Preferences): void;
}

/** localStorage may be missing or throw (private mode, blocked storage): preferences then last for the session. */
export function browserPreferenceStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage(),
): PreferenceStore {
  let memory: Preferences = DEFAULT_PREFERENCES;
  return {
    load() {
      try {
        const raw = storage?.getItem(KEY);
        if (raw) memory = sanitize(JSON.parse(raw));
      } catch (e) {
        // Unreadable (blocked storage, or not JSON): the defaults apply, and the next save
        // replaces what is stored. Only choices of this pane are lost, never data.
        console.warn('Account Planner: stored preferences could not be read; using the defaults', e);
      }
      return memory;
    },
    save(p) {
      memory = p;
      try {
        storage?.setItem(KEY, JSON.stringify(p));
      } catch (e) {
        // Storage full or blocked: the in-memory copy still applies for this session.
        console.warn('Account Planner: preferences could not be stored; they last for this session', e);
      }
    },
  };
}

export function memoryPreferenceStore(initial: Partial<Preferences> = {}): PreferenceStore {
  let p: Preferences = { ...DEFAULT_PREFERENCES, ...initial };
  return {
    load: () => p,
    save: (next) => {
      p = next;
    },
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch (e) {
    // Reading localStorage throws where storage is blocked: preferences then last for the session.
    console.warn('Account Planner: browser storage is not available; preferences last for this session', e);
    return undefined;
  }
}

const LANG_OR_AUTO = ['auto', 'zh-CN', 'en-US'];

function sanitize(raw: unknown): Preferences {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    uiLanguage: LANG_OR_AUTO.includes(r.uiLanguage as string) ? (r.uiLanguage as Preferences['uiLanguage']) : 'auto',
    sheetLanguage: LANG_OR_AUTO.includes(r.sheetLanguage as string)
      ? (r.sheetLanguage as Preferences['sheetLanguage'])
      : 'auto',
    recentTemplates: Array.isArray(r.recentTemplates)
      ? r.recentTemplates.filter((k): k is string => typeof k === 'string').slice(0, 20)
      : [],
    includeExamples: r.includeExamples === true,
    protectFormulas: r.protectFormulas === true,
  };
}

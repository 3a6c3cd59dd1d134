import type { DataSourceRef, InsertOptions, TableData, WorkbookHost } from '../../../src/host/workbook-host';
import type { SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { memoryPreferenceStore, type Preferences } from '../../../src/taskpane/app/preferences';
import { PreviewHost, specToTable } from '../../../src/taskpane/preview/preview-host';
import { createPreviewWorkbook } from '../../../src/taskpane/preview/preview-workbook';
import { createAbcService } from '../../../src/taskpane/services/abc-service';
import { createBonusService } from '../../../src/taskpane/services/bonus-service';
import type { Services } from '../../../src/taskpane/app/services';
import type { TemplateService } from '../../../src/taskpane/services/templates-service';

/** A WorkbookHost standing in for Excel: records writes, serves data and settings from memory. */
export class FakeExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  sources: Record<string, TableData> = {};
  selection?: TableData;
  inserted: { specs: SheetSpec[]; options?: InsertOptions }[] = [];
  settings = new Map<string, unknown>();
  readError?: unknown;
  insertError?: unknown;
  /** setSetting fails with this. */
  settingsError?: unknown;
  /** insertSheets writes, then cannot save who wrote the sheets (as OfficeHost reports it). */
  ownershipError?: unknown;
  owned: { name: string; owner: string }[] = [];
  /** listSources fails with this. */
  listError?: unknown;
  /** listOwnedSheets fails with this. */
  ownedError?: unknown;
  /** getSetting fails with this. */
  settingsReadError?: unknown;

  async listSources() {
    if (this.listError) throw this.listError;
    return { tables: [], sheets: Object.keys(this.sources) };
  }
  async readSource(ref: DataSourceRef): Promise<TableData> {
    if (this.readError) throw this.readError;
    const data = ref.kind === 'selection' ? this.selection : this.sources[ref.name];
    if (!data) throw Object.assign(new Error('not found'), { name: 'HostError', code: 'sourceNotFound' });
    return data;
  }
  async insertSheets(specs: SheetSpec[], options?: InsertOptions): Promise<string[]> {
    if (this.insertError) throw this.insertError;
    this.inserted.push({ specs, options });
    const names = specs.map((s) => s.name);
    // Written sheets can be read back, as in Excel (formulas read as blank here).
    for (const s of specs) this.sources[s.name] = specToTable(s);
    if (options?.owner && this.ownershipError) {
      if (!options.onSettingsNotSaved) throw this.ownershipError;
      options.onSettingsNotSaved(this.ownershipError);
    } else if (options?.owner) for (const n of names) this.owned.push({ name: n, owner: options.owner });
    return names;
  }
  async listOwnedSheets() {
    if (this.ownedError) throw this.ownedError;
    return this.owned;
  }
  async getSetting<T>(key: string) {
    if (this.settingsReadError) throw this.settingsReadError;
    return this.settings.get(key) as T | undefined;
  }
  async setSetting<T>(key: string, value: T) {
    if (this.settingsError) throw this.settingsError;
    this.settings.set(key, value);
  }
}

export const fakeTemplates = (
  build: TemplateService['build'] = (kind, o) => [{ name: `${kind}-${o.lang}`, cells: [{ ref: 'A1', value: kind }] }],
): TemplateService => ({
  list: () => [
    {
      kind: 'swot',
      title: { 'en-US': 'SWOT analysis', 'zh-CN': 'SWOT 分析' },
      purpose: { 'en-US': 'Strengths and weaknesses', 'zh-CN': '优势与劣势' },
    },
    {
      kind: 'bcg',
      title: { 'en-US': 'BCG matrix', 'zh-CN': '波士顿矩阵' },
      purpose: { 'en-US': 'Products by growth', 'zh-CN': '按增长率' },
    },
    {
      kind: 'pipeline',
      title: { 'en-US': 'Pipeline', 'zh-CN': '进度报表' },
      purpose: { 'en-US': 'One row per target', 'zh-CN': '每个目标一行' },
    },
  ],
  build,
});

/** ABC result sheet stand-in: the tests check what reaches insertSheets, not the builder. */
export const fakeAbcSheets = (result: { customers: unknown[] }, lang: string, prefix: string): SheetSpec[] => [
  {
    name: `ABC ${lang}`,
    cells: [{ ref: 'A1', value: result.customers.length }],
    names: [{ name: `${prefix}n`, ref: '$A$1' }],
  },
];

export function excelServices(
  host = new FakeExcelHost(),
  prefs: Partial<Preferences> = {},
  extra: Partial<Services> = {},
): Services {
  return {
    mode: 'excel',
    host,
    templates: fakeTemplates(),
    abc: createAbcService(fakeAbcSheets),
    bonus: createBonusService(() => new Date(Date.UTC(2026, 3, 1))),
    preferences: memoryPreferenceStore(prefs),
    version: '9.9.9',
    ...extra,
  };
}

export function previewServices(save = jest.fn()): Services & { previewHost: PreviewHost } {
  const host = new PreviewHost();
  return {
    ...excelServices(),
    mode: 'preview',
    host,
    preview: createPreviewWorkbook(host, save),
    previewHost: host,
  };
}

export function table(headers: string[], rows: unknown[][], label = 'Sheet1!A1'): TableData {
  return { label, headers, rows, firstRowNumber: 2 };
}

/**
 * The layer rules of eslint.config.mjs (docs/architecture.md), checked from outside: for every
 * rule a deliberately wrong import (static, dynamic and as a type) or global is linted as if it
 * were a file of that layer, and must fail; the imports the layering allows must pass. The
 * expectations are written out here, not read from the config, so loosening a rule fails a test.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const RULES = ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals'];

/** What each folder of src/ may not import (docs/architecture.md), and some of what it may. */
const FORBIDDEN: Record<string, string[]> = {
  domain: ['sheets', 'xlsx', 'office', 'host', 'taskpane', 'cli'],
  i18n: ['domain', 'sheets', 'host', 'office', 'xlsx', 'taskpane', 'cli'],
  sheets: ['xlsx', 'office', 'host', 'taskpane', 'cli'],
  host: ['office', 'xlsx', 'taskpane', 'cli'],
  office: ['taskpane', 'cli', 'xlsx'],
  xlsx: ['office', 'taskpane', 'cli'],
  cli: ['taskpane', 'office'],
  taskpane: ['cli'],
};
const ALLOWED: Record<string, string[]> = {
  domain: ['i18n'],
  i18n: [],
  sheets: ['domain', 'i18n'],
  host: ['sheets', 'domain', 'i18n'],
  office: ['host', 'sheets', 'domain', 'i18n'],
  xlsx: ['host', 'sheets', 'domain', 'i18n'],
  cli: ['xlsx', 'host', 'sheets', 'domain', 'i18n'],
  taskpane: ['office', 'host', 'sheets', 'domain', 'i18n'],
};
/** Layers that also run in the browser or must stay host-neutral: no Node built-ins. */
const NO_NODE = ['domain', 'i18n', 'sheets', 'host', 'office', 'taskpane'];
/** Host-neutral layers: no UI, file or host packages either. */
const NO_HOST_PACKAGES = ['domain', 'i18n', 'sheets', 'host'];

interface Case {
  name: string;
  filePath: string;
  code: string;
  /** The rule expected to fire, or null when the snippet must pass. */
  expect: string | null;
}

const file = (layer: string, depth: number) => `src/${layer}/${'deep/'.repeat(depth)}layer-probe.ts`;
const up = (depth: number) => '../'.repeat(depth + 1);
const staticImport = (spec: string) => `import { probe } from '${spec}';\nexport const used = probe;\n`;
const dynamicImport = (spec: string) => `export const load = () => import('${spec}');\n`;
const typeImport = (spec: string) => `export type Probe = typeof import('${spec}');\n`;

const cases: Case[] = [];
for (const [layer, folders] of Object.entries(FORBIDDEN)) {
  for (const folder of folders) {
    // The config has one block per depth below the layer's folder: try a shallow and a deep file.
    for (const depth of [0, 2])
      cases.push({
        name: `${layer} → ${folder} (depth ${depth})`,
        filePath: file(layer, depth),
        code: staticImport(`${up(depth)}${folder}/probe-target`),
        expect: 'no-restricted-imports',
      });
    cases.push({ name: `${layer} → ${folder}, import()`, filePath: file(layer, 1), code: dynamicImport(`${up(1)}${folder}/probe-target`), expect: 'no-restricted-syntax' });
    cases.push({ name: `${layer} → ${folder}, import type`, filePath: file(layer, 1), code: typeImport(`${up(1)}${folder}/probe-target`), expect: 'no-restricted-syntax' });
  }
  for (const folder of ALLOWED[layer])
    cases.push({ name: `${layer} → ${folder} is allowed`, filePath: file(layer, 1), code: staticImport(`${up(1)}${folder}/probe-target`), expect: null });
  // Inside its own folder a layer imports freely.
  cases.push({ name: `${layer} → itself is allowed`, filePath: file(layer, 1), code: staticImport(`../sibling`), expect: null });
}

for (const layer of NO_NODE)
  for (const spec of ['node:fs', 'fs', 'node:path', 'path', 'fs/promises'])
    cases.push({ name: `${layer} may not import ${spec}`, filePath: file(layer, 0), code: staticImport(spec), expect: 'no-restricted-imports' });
for (const layer of ['cli', 'xlsx'])
  cases.push({ name: `${layer} may import node:fs`, filePath: file(layer, 0), code: staticImport('node:fs'), expect: null });
for (const layer of NO_HOST_PACKAGES)
  for (const spec of ['react', 'exceljs', '@fluentui/react-components', 'jszip'])
    cases.push({ name: `${layer} may not import ${spec}`, filePath: file(layer, 1), code: staticImport(spec), expect: 'no-restricted-imports' });
cases.push({ name: 'domain may import decimal.js', filePath: file('domain', 1), code: staticImport('decimal.js'), expect: null });
cases.push({ name: 'domain may not import(exceljs)', filePath: file('domain', 1), code: dynamicImport('exceljs'), expect: 'no-restricted-syntax' });

// The browser preview renders .xlsx downloads: that one module of src/xlsx is the pane's to use.
cases.push({ name: 'taskpane → xlsx/render-workbook is allowed', filePath: file('taskpane', 1), code: dynamicImport('../../xlsx/render-workbook'), expect: null });
// And computes formulas with IronCalc through the browser-safe modules of src/xlsx/evaluate.
for (const module of ['evaluate/ironcalc', 'evaluate/load-browser', 'evaluate/evaluate-workbook', 'evaluate/with-cached-values'])
  cases.push({ name: `taskpane → xlsx/${module} is allowed`, filePath: file('taskpane', 1), code: dynamicImport(`../../xlsx/${module}`), expect: null });
for (const module of ['read-rows', 'write-file', 'share-safe-workbook', 'render-workbook-extra', 'evaluate/load-node', 'evaluate/node', 'reader/x'])
  cases.push({ name: `taskpane → xlsx/${module}`, filePath: file('taskpane', 1), code: staticImport(`../../xlsx/${module}`), expect: 'no-restricted-imports' });
// The file reader both front ends share: the pane may use it, and it may not use Node.
cases.push({ name: 'taskpane → xlsx/read/open-table is allowed', filePath: file('taskpane', 1), code: staticImport('../../xlsx/read/open-table'), expect: null });
cases.push({ name: 'xlsx/read may not import node:fs', filePath: 'src/xlsx/read/layer-probe.ts', code: staticImport('node:fs'), expect: 'no-restricted-imports' });
cases.push({ name: 'xlsx/read may not import(zlib)', filePath: 'src/xlsx/read/layer-probe.ts', code: dynamicImport('zlib'), expect: 'no-restricted-syntax' });
cases.push({ name: 'xlsx/read may not use Buffer', filePath: 'src/xlsx/read/layer-probe.ts', code: 'export const probe = () => Buffer;\n', expect: 'no-restricted-globals' });
cases.push({ name: 'xlsx/read may not import taskpane', filePath: 'src/xlsx/read/layer-probe.ts', code: staticImport('../../taskpane/x'), expect: 'no-restricted-imports' });
cases.push({ name: 'xlsx/read may import the domain', filePath: 'src/xlsx/read/layer-probe.ts', code: staticImport('../../domain/parse/column-map'), expect: null });
cases.push({ name: 'xlsx (outside read/) may import node:fs', filePath: file('xlsx', 0), code: staticImport('node:fs'), expect: null });

// Globals: the domain sees no DOM, Node or Office; only src/office touches Excel.* and Office.*.
for (const global of ['document', 'window', 'navigator', 'process', 'Buffer', 'Excel', 'Office'])
  cases.push({ name: `domain may not use ${global}`, filePath: file('domain', 1), code: `export const probe = () => ${global};\n`, expect: 'no-restricted-globals' });
for (const layer of ['i18n', 'sheets', 'host', 'xlsx', 'cli', 'taskpane', 'some-new-folder'])
  for (const global of ['Excel', 'Office'])
    cases.push({ name: `${layer} may not use ${global}`, filePath: file(layer, 1), code: `export const probe = () => ${global};\n`, expect: 'no-restricted-globals' });
for (const global of ['Excel', 'Office'])
  cases.push({ name: `office may use ${global}`, filePath: file('office', 1), code: `export const probe = () => ${global};\n`, expect: null });
cases.push({ name: 'commands (the ribbon function file) may use Office', filePath: 'src/commands/layer-probe.ts', code: 'export const probe = () => Office;\n', expect: null });
cases.push({ name: 'commands may not use Excel', filePath: 'src/commands/layer-probe.ts', code: 'export const probe = () => Excel;\n', expect: 'no-restricted-globals' });
// A local binding of the same name is not the global.
cases.push({ name: 'a local named window is fine in the domain', filePath: file('domain', 0), code: 'export const probe = (window: number) => window + 1;\n', expect: null });

type Message = { ruleId: string | null; message: string; severity: number };
let results: Message[][] = [];

beforeAll(() => {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'support', 'lint-snippets.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(cases.map(({ code, filePath }) => ({ code, filePath }))),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lint-snippets failed (${run.status}): ${run.stderr}`);
  results = JSON.parse(run.stdout) as Message[][];
});

describe('layer rules of eslint.config.mjs', () => {
  test('every snippet was linted', () => {
    expect(results).toHaveLength(cases.length);
  });

  test.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i];
    const layerMessages = results[i].filter((m) => m.ruleId !== null && RULES.includes(m.ruleId));
    // A parse error (ruleId null) would make every expectation meaningless.
    expect(results[i].filter((m) => m.ruleId === null)).toEqual([]);
    if (c.expect === null) expect(layerMessages).toEqual([]);
    else {
      expect(layerMessages.map((m) => m.ruleId)).toContain(c.expect);
      for (const m of layerMessages) {
        expect(m.severity).toBe(2);
        // Every refusal points the reader at the document that explains the layers.
        expect(m.message).toContain('docs/architecture.md');
      }
    }
  });
});

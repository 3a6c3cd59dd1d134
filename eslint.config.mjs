import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';

/*
 * Layers (docs/architecture.md): dependencies go one way,
 *   taskpane, cli, commands → office, xlsx → host → sheets → domain → i18n.
 * Each folder of src/ lists the folders it may not import and the packages and globals it may not
 * use. no-restricted-imports only sees the import text, so the folder test counts the `../` that
 * climb from the file to src/: one config block per depth below the layer's folder. Dynamic
 * `import()` and `import('…')` types are checked by no-restricted-syntax with the same patterns.
 */
const FOLDERS = ['domain', 'i18n', 'sheets', 'host', 'office', 'xlsx', 'cli', 'taskpane', 'commands'];
/** Deepest folder nesting below a layer's folder that the rules cover (src/domain/bonus/schemes/x.ts is 2). */
const MAX_DEPTH = 8;

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
/** Packages that read files, draw UIs or talk to a host: none of them belongs in a pure layer. */
const HOST_PACKAGES = ['react', 'react-dom', '@fluentui', 'exceljs', 'jszip', 'saxes', 'papaparse', 'csv-parse', 'iconv-lite', 'playwright-core'];
const OFFICE_GLOBALS = ['Excel', 'Office', 'OfficeExtension', 'OfficeRuntime'];
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement', 'Element', 'FileReader', 'XMLHttpRequest', 'fetch'];
const NODE_GLOBALS = ['process', 'Buffer', 'require', '__dirname', '__filename'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (names) => `(${names.map(escape).join('|')})`;
const NODE_PATTERN = `^(node:.*|${anyOf(NODE_BUILTINS)}(/.*)?)$`;
const HOST_PATTERN = `^${anyOf(HOST_PACKAGES)}(/.*)?$`;

/**
 * forbid: folders of src/ this layer may not import. except: paths inside a forbidden folder that
 * are allowed after all. node / hostPackages: whether Node built-ins and the HOST_PACKAGES are
 * refused. globals: globals refused.
 */
const LAYERS = {
  domain: {
    forbid: ['sheets', 'xlsx', 'office', 'host', 'taskpane', 'cli', 'commands'],
    node: true,
    hostPackages: true,
    globals: [...OFFICE_GLOBALS, ...DOM_GLOBALS, ...NODE_GLOBALS],
  },
  i18n: {
    forbid: FOLDERS.filter((f) => f !== 'i18n'),
    node: true,
    hostPackages: true,
    globals: [...OFFICE_GLOBALS, ...DOM_GLOBALS, ...NODE_GLOBALS],
  },
  sheets: {
    forbid: ['xlsx', 'office', 'host', 'taskpane', 'cli', 'commands'],
    node: true,
    hostPackages: true,
    globals: [...OFFICE_GLOBALS, ...DOM_GLOBALS, ...NODE_GLOBALS],
  },
  host: {
    forbid: ['office', 'xlsx', 'taskpane', 'cli', 'commands'],
    node: true,
    hostPackages: true,
    globals: [...OFFICE_GLOBALS, ...DOM_GLOBALS, ...NODE_GLOBALS],
  },
  // The only code that touches Excel.* and Office.*; it runs in the browser.
  office: { forbid: ['taskpane', 'cli', 'xlsx', 'commands'], node: true, globals: NODE_GLOBALS },
  xlsx: { forbid: ['office', 'taskpane', 'cli', 'commands'], globals: OFFICE_GLOBALS },
  cli: { forbid: ['taskpane', 'office', 'commands'], globals: [...OFFICE_GLOBALS, ...DOM_GLOBALS] },
  // The browser preview renders .xlsx downloads with xlsx/render-workbook (ExcelJS, no Node) and
  // computes formulas with the browser half of xlsx/evaluate (IronCalc) and reads uploads with the
  // shared reader xlsx/read/ (no Node); the rest of src/xlsx and the Node loader of the engine use
  // Node and stay out of the pane.
  taskpane: {
    forbid: ['cli', 'commands', 'xlsx'],
    except: { xlsx: ['render-workbook', 'read/*', 'evaluate/ironcalc', 'evaluate/load-browser', 'evaluate/evaluate-workbook', 'evaluate/with-cached-values'] },
    node: true,
    globals: [...OFFICE_GLOBALS, ...NODE_GLOBALS],
  },
  // The ribbon's function file: Office.onReady and nothing else.
  commands: {
    forbid: FOLDERS.filter((f) => f !== 'commands'),
    node: true,
    globals: ['Excel', ...NODE_GLOBALS],
  },
};

/** The import patterns refused for a file of `layer` that sits `depth` folders below src/<layer>/. */
function importPatterns(layer, depth) {
  const rule = LAYERS[layer];
  const up = `(\\.\\./){${depth + 1}}`;
  const patterns = rule.forbid.map((folder) => {
    const allowed = rule.except?.[folder];
    // 'name' allows that module, 'folder/*' everything in that folder.
    const allowedRe = allowed?.map((a) => (a.endsWith('/*') ? `${escape(a.slice(0, -1))}.*` : escape(a)));
    const rest = allowedRe ? `(?!(${allowedRe.join('|')})$)` : '';
    return {
      regex: `^${up}${folder}(/${rest}.*)?$`,
      message: `src/${layer} may not import from src/${folder}${allowed ? ` (except ${allowed.join(', ')})` : ''}: see docs/architecture.md.`,
    };
  });
  if (rule.node) patterns.push({ regex: NODE_PATTERN, message: `src/${layer} runs outside Node: no Node built-ins (docs/architecture.md).` });
  if (rule.hostPackages)
    patterns.push({ regex: HOST_PATTERN, message: `src/${layer} is host-neutral: no UI, file or host packages (docs/architecture.md).` });
  return patterns;
}

function layerBlocks(layer) {
  const rule = LAYERS[layer];
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const patterns = importPatterns(layer, depth);
    // The same patterns for import('…') expressions and types (RegExp#source escapes the slashes esquery needs escaped).
    const selectors = patterns.flatMap(({ regex, message }) => {
      const re = new RegExp(regex).source;
      return [
        { selector: `ImportExpression[source.value=/${re}/]`, message },
        { selector: `TSImportType[argument.literal.value=/${re}/]`, message },
      ];
    });
    return {
      files: [`src/${layer}/${'*/'.repeat(depth)}*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        'no-restricted-syntax': ['error', ...selectors],
        'no-restricted-globals': ['error', ...rule.globals.map((name) => ({ name, message: `src/${layer} may not use the global ${name}: see docs/architecture.md.` }))],
      },
    };
  });
}

/**
 * src/xlsx/read/: the file reader both front ends share. Besides the rules of src/xlsx it runs in
 * the browser: no Node built-ins, no Node globals.
 */
function sharedReaderBlocks() {
  return Array.from({ length: MAX_DEPTH }, (_, depth) => {
    const patterns = [...importPatterns('xlsx', depth + 1), { regex: NODE_PATTERN, message: 'src/xlsx/read is shared with the task pane: no Node built-ins (docs/architecture.md).' }];
    const selectors = patterns.flatMap(({ regex, message }) => {
      const re = new RegExp(regex).source;
      return [
        { selector: `ImportExpression[source.value=/${re}/]`, message },
        { selector: `TSImportType[argument.literal.value=/${re}/]`, message },
      ];
    });
    return {
      files: [`src/xlsx/read/${'*/'.repeat(depth)}*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        'no-restricted-syntax': ['error', ...selectors],
        'no-restricted-globals': ['error', ...[...OFFICE_GLOBALS, ...NODE_GLOBALS].map((name) => ({ name, message: `src/xlsx/read is shared with the task pane: it may not use the global ${name} (docs/architecture.md).` }))],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'lib/', 'coverage/', 'test-output/', '**/*.js', '!eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // A folder of src/ not listed in LAYERS still keeps off Excel.* and Office.*.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': ['error', ...OFFICE_GLOBALS.map((name) => ({ name, message: 'Only src/office touches Excel.* and Office.*: see docs/architecture.md.' }))] },
  },
  ...Object.keys(LAYERS).flatMap(layerBlocks),
  ...sharedReaderBlocks(),
  {
    // The Office.js layer: Microsoft's add-in rules (load before read, sync before read, no
    // sync in loops, isNullObject for null checks …), all as errors.
    files: ['src/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The task pane: React's rules of hooks.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // An error, not a warning: a missing dependency fails the lint instead of scrolling past.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Inside the pane only host/ (host detection, loading the Excel host) reaches src/office:
    // pages, components and services get a WorkbookHost. (typescript-eslint's variant of the
    // rule, so this block adds to the layer rules of no-restricted-imports instead of replacing them.)
    files: ['src/taskpane/{app,components,pages,preview,services}/**/*.{ts,tsx}', 'src/taskpane/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+office(/.*)?$',
              message: 'Only src/taskpane/host loads src/office; pages and components use the WorkbookHost they are given.',
            },
          ],
        },
      ],
    },
  },
);

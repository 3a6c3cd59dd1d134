/**
 * Four projects by what a test file needs, told apart by its name (README, "Tests"):
 * `*.lo.test.ts` starts LibreOffice, `*.browser.test.ts` Chromium, `*.build.test.ts` runs the
 * webpack build; every other test is a unit test. `npm test` runs all four, `npm run test:unit`
 * only the first. Unit tests run in node; component tests opt into jsdom with a docblock.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // IronCalc's package is an ES module only (see test/support/esm-transform.js).
    '/node_modules/@ironcalc/wasm/.+\\.js$': '<rootDir>/test/support/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@ironcalc/wasm/)'],
  moduleNameMapper: {
    // jsdom resolves the 'browser' export condition, whose uuid build (an ExcelJS dependency) is
    // ESM-only; the CommonJS build is the same code.
    '^uuid$': require.resolve('uuid'),
    // The same icons, each loaded from its own module instead of all of them per test file.
    '^@fluentui/react-icons$': '<rootDir>/test/support/react-icons-by-atom.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
};

const KINDS = { libreoffice: 'lo', browser: 'browser', build: 'build' };

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', `\\.(${Object.values(KINDS).join('|')})\\.test\\.tsx?$`],
    },
    ...Object.entries(KINDS).map(([displayName, kind]) => ({
      ...shared,
      displayName,
      testMatch: [`**/*.${kind}.test.ts`, `**/*.${kind}.test.tsx`],
    })),
  ],
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

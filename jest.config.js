/** Unit tests run in node; component tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // IronCalc's package is an ES module only (see test/support/esm-transform.js).
    '/node_modules/@ironcalc/wasm/.+\\.js$': '<rootDir>/test/support/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@ironcalc/wasm/)'],
  testTimeout: 120000,
  // jsdom resolves the 'browser' export condition, whose uuid build (an ExcelJS dependency) is
  // ESM-only; the CommonJS build is the same code.
  moduleNameMapper: { '^uuid$': require.resolve('uuid') },
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};

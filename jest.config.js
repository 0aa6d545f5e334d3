/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
    // The CEL evaluator ships ES modules only; Node requires them natively, jest's module system needs them as CommonJS.
    '/node_modules/@marcbachmann/cel-js/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@marcbachmann/cel-js/)'],
  testTimeout: 120000,
  // Two cores here: jest's default (cores - 1) would run the suite on one worker.
  maxWorkers: '100%',
  setupFiles: ['<rootDir>/test/setup-env.js'],
  // The example app imports the package by name (tsconfig.json's paths): the sources under test, not lib/bundle.
  moduleNameMapper: { '^cdk8s-argo$': '<rootDir>/src/index.ts' },
  globalSetup: '<rootDir>/test/global-setup.js',
};

// One command runs every suite: server integration tests over HTTP, the weapp build under
// miniprogram-simulate, and the H5 build in headless Chromium. Each suite file gets its own
// database on the engine started once by the global setup.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.tsx?$': swc },
  testEnvironment: 'node',
  slowTestThreshold: 30,
};

module.exports = {
  ...common,
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'server', testMatch: ['<rootDir>/tests/server/**/*.test.ts'] },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      // jsdom resolves packages with the "browser" export condition; the test helpers load
      // mongoose (to drop a spawned server's database), whose bson has an ESM-only browser build.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      setupFiles: ['<rootDir>/tests/miniapp/jsdom-node-globals.ts'],
      testMatch: ['<rootDir>/tests/miniapp/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/miniapp/unit/'],
    },
    { ...common, displayName: 'h5', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // Pure mini program code (formatting, error mapping) in Node. Node's environment plus a switch
    // of the worker's real time zone, so the date tests run as on a phone set to UTC and to New York.
    {
      ...common,
      displayName: 'miniapp-unit',
      testEnvironment: '<rootDir>/tests/miniapp/unit/device-time-zone-environment.ts',
      testMatch: ['<rootDir>/tests/miniapp/unit/**/*.test.ts'],
    },
  ],
};

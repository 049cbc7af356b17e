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
    { ...common, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/tests/miniapp/**/*.test.ts'] },
    { ...common, displayName: 'h5', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};

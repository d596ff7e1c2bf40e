// Unit specs sit beside the code (src/**/*.spec.ts); e2e specs run against real PostgreSQL and
// Redis (test/**/*.e2e-spec.ts), in a database and Redis prefix created for this run alone.
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: 'tsconfig.json',
      astTransformers: {
        before: ['<rootDir>/test/setup/swagger-transformer.js'],
      },
    },
  ],
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // The database and Redis prefix, then the web bundle if web/ changed (browser specs serve it).
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};

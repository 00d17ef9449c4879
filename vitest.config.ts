import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'events/src/**/*.test.ts',
      'functions/src/**/*.test.ts',
      'infra/src/**/*.test.ts',
      'test/src/**/*.test.ts',
    ],
    globalSetup: ['test/src/global-setup.ts'],
    // Generous: a loaded 2-core machine can take minutes on the heaviest tests; only a hang should fail.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits on something the stack does (a page, the pipeline): a second is not enough under load.
    expect: { poll: { timeout: 60_000 } },
    reporters: ['default', './test/src/summary-reporter.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/scratch-root.ts'],
    // Several tests spawn the CLI or a TypeScript compiler: seconds each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

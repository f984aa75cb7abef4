import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "commands/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: database suites each start their own PGlite; keep the pool small.
    maxWorkers: 2,
    globalSetup: ["test/global-setup.ts"],
  },
});

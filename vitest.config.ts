import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts", "commands/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: database suites each start their own PGlite; keep the pool small.
    maxWorkers: 2,
    // Forked workers: test/support/log-capture.ts finds the run's log folder by its parent pid.
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
  },
});

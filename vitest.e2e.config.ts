import { defineConfig } from "vitest/config";

// The browser tests (npm run test:e2e): Chromium against the built playground, and against a build
// for a host that test/e2e/production.test.ts makes and serves over https itself. `npm test` leaves
// them out (vitest.config.ts); `pretest:e2e` builds first.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

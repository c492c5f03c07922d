import { defineConfig } from "vitest/config";

// Terraform init/validate runs take seconds each on a 2-core machine, so the
// per-test timeout is generous; speed goals live in `npm run bench`, not here.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // A temp folder per test file, removed when it ends (test/helpers/test-tmpdir.ts).
    setupFiles: ["test/helpers/test-tmpdir.ts"],
  },
});

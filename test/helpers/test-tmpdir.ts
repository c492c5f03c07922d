// Vitest setup file: each test file gets its own temporary folder, removed when
// the file ends. Everything that asks os.tmpdir() while it runs (its own
// folders, cdktf's Testing apps, the CLI's scratch folders, child processes)
// lands inside, so a run leaves nothing behind in the machine's temp folder.
// Caches meant to outlive one file ask sharedTmpdir() instead.
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll } from "vitest";
import { SHARED_TMPDIR_ENV, sharedTmpdir } from "./shared-tmpdir.js";

process.env[SHARED_TMPDIR_ENV] = sharedTmpdir();
const scratch = mkdtempSync(join(sharedTmpdir(), "tw-test-"));
process.env.TMPDIR = scratch;

afterAll(() => {
  process.env.TMPDIR = sharedTmpdir();
  rmSync(scratch, { recursive: true, force: true });
});

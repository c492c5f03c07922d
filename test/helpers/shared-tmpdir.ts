// The machine's temp folder, for caches meant to outlive one test file (the
// provider data, plans): test-tmpdir.ts points TMPDIR at a per-file folder.
import { tmpdir } from "node:os";

export const SHARED_TMPDIR_ENV = "TRAILWRIGHT_TEST_SHARED_TMPDIR";

/** The temp folder as it was before any test file replaced TMPDIR (a worker runs several files). */
export function sharedTmpdir(): string {
  return process.env[SHARED_TMPDIR_ENV] ?? tmpdir();
}

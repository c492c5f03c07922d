// A failure part-way through a write must leave the previous output exactly as
// it was: same files, same bytes, no temp files, no new folders, old manifest.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../../src/model/errors.js";
import type { GeneratedFile } from "../../src/output/generated-file.js";
import { writeEstate } from "../../src/output/write-estate.js";
import { nodeWriterFs, type WriterFs } from "../../src/output/writer-fs.js";
import { put, tempFolder, tree } from "./folder-support.js";

const PREVIOUS: GeneratedFile[] = [
  { path: "main.tf", content: "# v1 main\n" },
  { path: "versions.tf", content: "# v1 versions\n" },
  { path: "ci/github-actions.yml", content: "name: v1\n" },
  { path: "stale.tf", content: "# generated once, not any more\n" },
];
const NEXT: GeneratedFile[] = [
  { path: "main.tf", content: "# v2 main\n" },
  { path: "versions.tf", content: "# v2 versions\n" },
  { path: "ci/github-actions.yml", content: "name: v1\n" },
  { path: "docs/deep/README.md", content: "# new in v2\n" },
  { path: "z-new.tf", content: "# new in v2\n" },
];

type Op = keyof WriterFs;

/** The real file system, except that the listed calls of `op` (1-based) fail. */
function failing(op: Op, calls: (n: number) => boolean, error: () => Error): WriterFs & { count: () => number } {
  let n = 0;
  const fs = { ...nodeWriterFs } as WriterFs;
  const real = nodeWriterFs[op] as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
    n += 1;
    if (calls(n)) throw error();
    return real(...args);
  };
  return Object.assign(fs, { count: () => n });
}

const errno = (code: string) => () => Object.assign(new Error(`${code}: simulated failure, rename 'a' -> 'b'`), { code });

function setUp(): { out: string; before: Record<string, string> } {
  const out = tempFolder();
  put(out, "user.tf", "# the user's file\n");
  writeEstate(out, PREVIOUS, { force: false, dryRun: false });
  return { out, before: tree(out) };
}

/** How many times a successful write of NEXT over PREVIOUS calls `op`. */
function callsInASuccessfulWrite(op: Op): number {
  const { out } = setUp();
  const counter = failing(op, () => false, errno("EACCES"));
  writeEstate(out, NEXT, { force: false, dryRun: false, fs: counter });
  return counter.count();
}

describe("a write that fails part-way", () => {
  for (const op of ["writeNew", "rename", "remove", "makeFolder"] as const) {
    const total = callsInASuccessfulWrite(op);

    it(`leaves the previous output intact when any one of the ${total} ${op} calls fails`, () => {
      expect(total).toBeGreaterThan(0);
      for (let k = 1; k <= total; k++) {
        const { out, before } = setUp();
        const fs = failing(op, (n) => n === k, errno("EACCES"));
        let thrown: unknown;
        try {
          writeEstate(out, NEXT, { force: false, dryRun: false, fs, shownOut: "out" });
        } catch (error) {
          thrown = error;
        }
        expect(thrown, `${op} call ${k}`).toBeInstanceOf(ConflictError);
        expect((thrown as Error).message).toContain("the previous output was left as it was");
        expect(tree(out), `${op} call ${k}`).toEqual(before);
      }
    });
  }

  it("a failure that is not a file-system error is rethrown as it is (a bug: exit 1), after the same rollback", () => {
    const { out, before } = setUp();
    const fs = failing("rename", (n) => n === 3, () => new Error("boom"));
    expect(() => writeEstate(out, NEXT, { force: false, dryRun: false, fs })).toThrow(/^boom$/);
    expect(tree(out)).toEqual(before);
  });

  it("a first write that fails leaves no output folder behind", () => {
    const root = tempFolder();
    const fs = failing("rename", (n) => n === 2, errno("ENOSPC"));
    expect(() => writeEstate(join(root, "infra", "audit"), NEXT, { force: false, dryRun: false, fs })).toThrow(ConflictError);
    expect(tree(root)).toEqual({});
  });

  it("says which files it could not restore when the rollback fails too", () => {
    const { out } = setUp();
    // Renames go in path order: docs/deep/README.md (created), main.tf (updated), then
    // versions.tf fails, and so does every rename after it, including the one restoring main.tf.
    const fs = failing("rename", (n) => n >= 3, errno("EIO"));
    let message = "";
    try {
      writeEstate(out, NEXT, { force: false, dryRun: false, fs });
    } catch (error) {
      message = (error as Error).message;
    }
    // EIO is not a known user-fixable cause, so the original error stays, with the news appended.
    expect(message).toMatch(/^EIO: simulated failure/);
    expect(message).toContain("could not restore main.tf");
    expect(Object.keys(tree(out)).filter((p) => p.endsWith(".trailwright-tmp"))).toEqual([]);
  });
});

// A bug (any error that is not one of trailwright's typed errors) must end in
// exit 1 with a short message carrying the version and a hint to report it,
// no stack trace unless TRAILWRIGHT_DEBUG is set, and never half-written
// output. The bugs are injected into the real pipeline: one in the resolver
// (before anything is written) and one in the writer's file system, between
// two renames of an all-or-nothing write.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PRESET_SETS } from "../helpers/preset-answers.js";
import { runCli, STACK_FRAME, tempFolder, treeOf } from "./cli-harness.js";

const fault = vi.hoisted(() => ({
  /** Thrown by resolvePlan when set. */
  inResolver: undefined as unknown,
  /** 0-based index of the writer rename that throws a bug; undefined: none. */
  renameToFail: undefined as number | undefined,
  renames: 0,
}));

vi.mock("../../src/plan/resolve-plan.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/plan/resolve-plan.js")>();
  return {
    ...real,
    resolvePlan: (...args: Parameters<typeof real.resolvePlan>) => {
      if (fault.inResolver !== undefined) throw fault.inResolver;
      return real.resolvePlan(...args);
    },
  };
});

vi.mock("../../src/output/writer-fs.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/output/writer-fs.js")>();
  return {
    ...real,
    nodeWriterFs: {
      ...real.nodeWriterFs,
      rename: (from: string, to: string) => {
        if (fault.renames++ === fault.renameToFail) throw new TypeError("Cannot read properties of undefined (reading 'content')");
        real.nodeWriterFs.rename(from, to);
      },
    },
  };
});

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const sets = (list: readonly string[]) => list.flatMap((s) => ["--set", s]);
const SMB = ["generate", "--preset", "uk-smb", ...sets(PRESET_SETS["uk-smb"]), "--out", "estate"];

afterEach(() => {
  fault.inResolver = undefined;
  fault.renameToFail = undefined;
  fault.renames = 0;
});

function expectBugReport(err: readonly string[], cause: string): void {
  expect(err, err.join("\n")).toHaveLength(2);
  expect(err[0]).toBe(`trailwright: internal error: ${cause}`);
  expect(err[1]).toContain(`this is a bug in trailwright ${VERSION}`);
  expect(err[1]).toMatch(/nothing was written/);
  expect(err[1]).toMatch(/Please report it/);
  expect(err.join("\n")).not.toMatch(STACK_FRAME);
}

describe("internal errors", () => {
  it("a bug before writing: exit 1, version and report hint, no stack, no output folder", async () => {
    const cwd = tempFolder();
    fault.inResolver = new TypeError("Cannot read properties of undefined (reading 'archiveDays')");
    const result = await runCli(SMB, cwd);
    expect(result.code).toBe(1);
    expectBugReport(result.err, "Cannot read properties of undefined (reading 'archiveDays')");
    expect(result.out).toEqual([]);
    expect(treeOf(cwd)).toEqual({});
  });

  it("a thrown non-Error and a multi-line message still give one short line", async () => {
    const cwd = tempFolder();
    fault.inResolver = "plain string thrown";
    expectBugReport((await runCli(SMB, cwd)).err, "plain string thrown");
    fault.inResolver = new RangeError("first line\n    at secret (/work/main/src/x.ts:1:1)");
    const result = await runCli(SMB, cwd);
    expect(result.code).toBe(1);
    expectBugReport(result.err, "first line");
    expect(treeOf(cwd)).toEqual({});
  });

  it("the same bug in init: exit 1, nothing written", async () => {
    const cwd = tempFolder();
    fault.inResolver = new TypeError("boom in the resolver");
    const result = await runCli(["init", "--preset", "uk-smb", "--yes", ...sets(PRESET_SETS["uk-smb"]), "--out", "estate"], cwd);
    expect(result.code).toBe(1);
    expectBugReport(result.err, "boom in the resolver");
    expect(treeOf(cwd)).toEqual({});
  });

  it("a bug in the middle of a first write: the output folder is removed again, no temp files left", async () => {
    const cwd = tempFolder();
    fault.renameToFail = 2; // after two files are in place
    const result = await runCli(SMB, cwd);
    expect(result.code).toBe(1);
    expectBugReport(result.err, "Cannot read properties of undefined (reading 'content')");
    expect(fault.renames).toBeGreaterThan(2); // the fault really fired mid-write
    expect(treeOf(cwd)).toEqual({});
  });

  it("a bug in the middle of a regeneration: every earlier file is back, byte for byte", async () => {
    const cwd = tempFolder();
    const first = await runCli(SMB, cwd);
    expect(first.code, first.err.join("\n")).toBe(0);
    const before = treeOf(cwd);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["estate/trail.tf", "estate/trailwright.json"]));

    fault.renames = 0;
    fault.renameToFail = 1;
    // Different answers, so every generated file changes and the write replaces them one by one.
    const result = await runCli([...SMB, "--set", "alerts.emails=oncall@example.com", "--set", "name=other"], cwd);
    expect(result.code).toBe(1);
    expectBugReport(result.err, "Cannot read properties of undefined (reading 'content')");
    expect(treeOf(cwd)).toEqual(before);
  });

  it("TRAILWRIGHT_DEBUG=1 adds the stack (the no-stack checks above can fail)", async () => {
    const cwd = tempFolder();
    fault.inResolver = new TypeError("debug me");
    const result = await runCli(SMB, cwd, { env: { TRAILWRIGHT_DEBUG: "1" } });
    expect(result.code).toBe(1);
    expect(result.err.join("\n")).toMatch(STACK_FRAME);
    expect(treeOf(join(cwd, "estate"))).toEqual({});
  });
});

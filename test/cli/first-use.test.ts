// What a new user ran into (issue 12), each as the command they typed: every
// preset's `show`, help where they ask for it, "did you mean", pasted account
// ids, every config problem in one run, the retention warning, dry-run diffs
// and counted nouns.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportWrite } from "../../src/cli/commands/write-step.js";
import { listPresetIds } from "../../src/config/presets.js";
import type { FileChange } from "../../src/output/plan-changes.js";
import { runCli, tempFolder } from "../hardening/cli-harness.js";

const SMB = ["--preset", "uk-smb", "--set", "accounts.management=123456789012", "--set", "alerts.emails=secops@example.com"];

describe("presets", () => {
  it.each(listPresetIds())("presets show %s explains the preset and exits 0", async (id) => {
    const result = await runCli(["presets", "show", id], tempFolder());
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toContain(`Generate it: trailwright generate --preset ${id}`);
  });

  it.each([["presets", "list", "--help"], ["presets", "show", "--help"], ["presets", "--help"], ["presets", "-h"]])("%s %s %s prints the presets help", async (...argv) => {
    const result = await runCli(argv, tempFolder());
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toMatch(/^trailwright presets: /);
  });
});

describe("did you mean", () => {
  it.each([
    [["genrate"], "did you mean `trailwright generate`?"],
    [["int"], "did you mean `trailwright init`?"],
    [["presets", "shwo", "uk-bank"], "did you mean `presets show`?"],
    [["generate", "--chek"], "did you mean `--check`?"],
    [["generate", "--dryrun"], "did you mean `--dry-run`?"],
    [["init", "--preest", "uk-bank"], "did you mean `--preset`?"],
  ])("%j suggests the closest name and exits 2", async (argv, suggestion) => {
    const result = await runCli(argv, tempFolder());
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain(suggestion);
  });

  it("offers nothing when no name is close", async () => {
    const result = await runCli(["frobnicate"], tempFolder());
    expect(result.code).toBe(2);
    expect(result.err[0]).toBe('trailwright: unknown command "frobnicate"');
  });
});

describe("answers as people paste them", () => {
  it("takes an account id in the console's 1234-5678-9012 form and saves its 12 digits", async () => {
    const cwd = tempFolder();
    const result = await runCli(["generate", ...SMB.slice(0, 2), "--set", "accounts.management=1234-5678-9012", ...SMB.slice(4), "--out", "estate"], cwd);
    expect(result.err.filter((l) => l.startsWith("trailwright:"))).toEqual([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "estate", "trailwright.json"), "utf8")).accounts.management).toBe("123456789012");
  });

  it("reports every problem in a config file in one run, not one per run", async () => {
    const cwd = tempFolder();
    const file = join(cwd, "answers.json");
    writeFileSync(
      file,
      JSON.stringify({
        preset: "uk-smb",
        accounts: { management: "12345" },
        alerts: { emails: ["not-an-email"] },
        output: { backend: { bucket: "Bad_Bucket", key: "k", region: "eu-west-2" } },
      }),
    );
    const result = await runCli(["generate", "--config", file], cwd);
    expect(result.code).toBe(2);
    const problems = result.err.filter((l) => l.startsWith("trailwright:"));
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toContain("accounts.management");
    expect(problems.join("\n")).toContain("alerts.emails[0]");
    expect(problems.join("\n")).toContain("output.backend.bucket");
  });
});

describe("retention far beyond every minimum", () => {
  it("warns, naming the longest minimum and UK GDPR's storage limitation, and still writes", async () => {
    const cwd = tempFolder();
    const result = await runCli(["generate", ...SMB, "--set", "retention.archiveDays=3650", "--set", "storage.objectLock.days=3650", "--out", "estate"], cwd);
    expect(result.code).toBe(0);
    const warning = result.err.find((l) => l.startsWith("warning: retention.archiveDays"));
    expect(warning).toBeDefined();
    expect(warning).toContain("3650 days");
    expect(warning).toContain("UK GDPR");
    expect(warning).toContain("storage limitation");
  });

  it("says nothing at a preset's own retention", async () => {
    const result = await runCli(["generate", ...SMB, "--out", "estate"], tempFolder());
    expect(result.code).toBe(0);
    expect(result.err.filter((l) => l.startsWith("warning:"))).toEqual([]);
  });
});

describe("output wording", () => {
  it("--dry-run shows a content diff of each file it would update, and counts in the right number", async () => {
    const cwd = tempFolder();
    expect((await runCli(["generate", ...SMB, "--out", "estate"], cwd)).code).toBe(0);
    const dry = await runCli(["generate", "--out", "estate", "--set", "retention.hotDays=400", "--dry-run"], cwd);
    expect(dry.code).toBe(0);
    const text = dry.out.join("\n");
    expect(text).toMatch(/update\s+trail\.tf/);
    expect(text).toContain("--- trail.tf (on disk)");
    expect(text).toContain("+++ trail.tf (would be written)");
    expect(text).toMatch(/^\s+-\s+retention_in_days\s+=\s+365$/m);
    expect(text).toMatch(/^\s+\+\s+retention_in_days\s+=\s+400$/m);
  });

  it('says "1 file", never "1 files"', () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: () => {}, interactive: false, cwd: "/", env: {} };
    const estate = { files: [], notes: [] } as unknown as Parameters<typeof reportWrite>[1];
    const options = { out: "estate", check: false, force: false, dryRun: false };
    const report = (changes: FileChange[], manifestAction: "create" | "unchanged") => ({ dryRun: false, changes, conflicts: [], manifestAction });
    reportWrite({ kind: "written", report: report([{ path: "main.tf", action: "unchanged" }], "unchanged") }, estate, options, io);
    reportWrite(
      { kind: "written", report: report([{ path: "main.tf", action: "unchanged" }, { path: "README.md", action: "create", content: "x" }], "create") },
      estate,
      options,
      io,
    );
    reportWrite({ kind: "check", drift: { items: [], compared: 1 } }, estate, { ...options, check: true }, io);
    expect(out[0]).toBe("estate is up to date: 1 generated file unchanged, nothing written.");
    expect(out[1]).toBe("Wrote estate (1 file unchanged):");
    expect(out.at(-1)).toBe("estate is up to date: 1 generated file matches a fresh generation.");
  });
});

// `init` on a folder that already holds an estate edits it: it starts from the
// folder's trailwright.json, the summary says what changes (answers before
// and after, resources added and removed) before anything is written, and
// "change an answer" comes back to the summary. A run stopped at the summary
// keeps its answers, and the next `init` resumes them. The reason for a
// retention number set by hand goes through all of these.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR, type InitOptions } from "../../src/cli/args.js";
import { runInit } from "../../src/cli/commands/init.js";
import { SAVED_ANSWERS_FILE } from "../../src/cli/commands/saved-answers.js";
import { reportError } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { scriptedPrompter } from "../wizard/scripted-prompter.js";
import { ORG_SETS } from "../wizard/support.js";

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "trailwright-init-edit-"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function testIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive: true, cwd, env: {} };
}

function options(overrides: Partial<InitOptions> = {}): InitOptions {
  return { preset: undefined, config: undefined, out: DEFAULT_OUT_DIR, outGiven: false, sets: [], check: false, format: undefined, as: undefined, force: false, dryRun: false, yes: false, ...overrides };
}

async function init(opts: InitOptions, io: Io, script: Parameters<typeof scriptedPrompter>[0]) {
  const prompter = scriptedPrompter(script);
  const code = await runInit(opts, io, { prompter }).catch((error: unknown) => reportError(error, io));
  return { code, prompter };
}

const answersIn = (folder: string) => JSON.parse(readFileSync(join(cwd, folder, "trailwright.json"), "utf8")) as Record<string, unknown>;

describe("init on an existing organization estate", () => {
  beforeEach(async () => {
    const io = testIo();
    expect(await run(["generate", "--preset", "uk-bank", ...ORG_SETS.flatMap((s) => ["--set", s]), "--out", "estate"], { ...io, interactive: false })).toBe(0);
  });

  it("starts from its answers, asks nothing, and says nothing changes", async () => {
    const io = testIo();
    const before = readFileSync(join(cwd, "estate", "trail.tf"), "utf8");
    const { code, prompter } = await init(options({ out: "estate", outGiven: true }), io, { confirm: "write" });
    expect(code).toBe(0);
    expect(prompter.asked).toEqual(["confirm"]);
    const stdout = io.stdout.join("\n");
    expect(stdout).toContain("Editing the estate in estate/");
    expect(stdout).toContain("Changes to the estate in estate/: none");
    expect(readFileSync(join(cwd, "estate", "trail.tf"), "utf8")).toBe(before);
    expect(answersIn("estate")).toMatchObject({ topology: "organization", preset: "uk-bank" });
  });

  it("a change at the summary shows answers before and after and resources added and removed, then writes on confirmation", async () => {
    const io = testIo();
    let summaries = 0;
    const { code, prompter } = await init(options({ out: "estate", outGiven: true }), io, {
      // First summary: change an answer; second: write.
      confirm: () => (++summaries === 1 ? "change" : "write"),
      change: "config",
      config: false,
    });
    expect(code).toBe(0);
    expect(prompter.asked).toEqual(["confirm", "change", "config", "confirm"]);
    const stdout = io.stdout.join("\n");
    const second = stdout.slice(stdout.lastIndexOf("Summary of what will be generated"));
    expect(second).toContain("Changes to the estate in estate/ (before -> after):\n    config: true -> false");
    expect(second).toMatch(/Resources removed \(\d+\):\n {4}- aws_config_config_rule\./);
    expect(second).not.toContain("Resources added");
    expect(second).toContain("AWS Config: off");
    expect(answersIn("estate").config).toBe(false);
    expect(existsSync(join(cwd, "estate", "config-rules.tf"))).toBe(false);
  });

  it("stopping at the summary writes nothing to the estate", async () => {
    const io = testIo();
    const before = readFileSync(join(cwd, "estate", "trail.tf"), "utf8");
    let summaries = 0;
    const { code } = await init(options({ out: "estate", outGiven: true }), io, {
      confirm: () => (++summaries === 1 ? "change" : "stop"),
      change: "topology",
      topology: "single-account",
      "accounts.management": "111111111111",
      config: true,
    });
    expect(code).toBe(130);
    const stdout = io.stdout.join("\n");
    expect(stdout).toContain("topology: organization -> single-account");
    expect(stdout).toMatch(/Resources removed \(\d+\):/);
    expect(readFileSync(join(cwd, "estate", "trail.tf"), "utf8")).toBe(before);
    expect(answersIn("estate").topology).toBe("organization");
  });
});

describe("a run stopped at the summary", () => {
  const typed = { "accounts.management": "123456789012", "alerts.emails": "secops@example.com", "wizard.alertRouting": "everyone", "forensics.enabled": false, "workspaces.enabled": false, "output.format": "hcl", out: "estate" };

  it("keeps its answers, and the next init resumes them and asks only the confirmation", async () => {
    const first = await init(options({ preset: "uk-smb" }), testIo(), { ...typed, confirm: "stop" });
    expect(first.code).toBe(130);
    expect(existsSync(join(cwd, SAVED_ANSWERS_FILE))).toBe(true);
    expect(existsSync(join(cwd, "estate"))).toBe(false);

    const io = testIo();
    const second = await init(options(), io, { resume: true, confirm: "write" });
    expect(second.code).toBe(0);
    expect(second.prompter.asked).toEqual(["resume", "confirm"]);
    expect(io.stdout.join("\n")).toContain(`Resuming your answers from ${SAVED_ANSWERS_FILE}.`);
    expect(answersIn("estate")).toMatchObject({ preset: "uk-smb", accounts: { management: "123456789012" }, alerts: { emails: ["secops@example.com"] } });
    // Written: the kept answers have done their job.
    expect(existsSync(join(cwd, SAVED_ANSWERS_FILE))).toBe(false);
  });

  it("declining to resume starts afresh", async () => {
    await init(options({ preset: "uk-smb" }), testIo(), { ...typed, confirm: "stop" });
    // The script stops at the second question: only what was asked matters here.
    const fresh = await init(options(), testIo(), { resume: false, jurisdiction: "uk" });
    expect(fresh.prompter.asked.slice(0, 2)).toEqual(["resume", "jurisdiction"]);
    // --preset given: a fresh start from the flags, the kept answers not offered.
    const { prompter } = await init(options({ preset: "uk-smb" }), testIo(), { ...typed, confirm: "write" });
    expect(prompter.asked[0]).toBe("accounts.management");
  });
});

describe("an edit without a terminal", () => {
  beforeEach(async () => {
    expect(await run(["generate", "--preset", "uk-bank", ...ORG_SETS.flatMap((s) => ["--set", s]), "--out", "estate"], { ...testIo(), interactive: false })).toBe(0);
  });

  it("shows the change list and writes only with --yes", async () => {
    const before = readFileSync(join(cwd, "estate", "trail.tf"), "utf8");
    const refused = { ...testIo(), interactive: false };
    expect(await run(["init", "--out", "estate", "--set", "insights=false"], refused)).toBe(2);
    expect(refused.stdout.join("\n")).toContain("insights: true -> false");
    expect(refused.stderr[0]).toBe("trailwright: no terminal to confirm the edit of estate/ (the summary above lists what it changes)");
    expect(readFileSync(join(cwd, "estate", "trail.tf"), "utf8")).toBe(before);

    expect(await run(["init", "--out", "estate", "--set", "insights=false", "--yes"], { ...testIo(), interactive: false })).toBe(0);
    expect(answersIn("estate").insights).toBe(false);
  });
});

/** The Controls table's row for the archive period in the written COMPLIANCE.md. */
const archiveRow = (folder: string) => readFileSync(join(cwd, folder, "COMPLIANCE.md"), "utf8").split("\n").find((line) => line.startsWith("| Archive retention (S3) |"));

describe("the reason for a retention number set by hand", () => {
  const BANK_AT_3000 = ["--preset", "uk-bank", ...[...ORG_SETS, "retention.archiveDays=3000"].flatMap((s) => ["--set", s]), "--out", "estate"];

  it("is not asked in an edit that leaves the number alone; COMPLIANCE.md keeps saying none was given", async () => {
    expect(await run(["generate", ...BANK_AT_3000], { ...testIo(), interactive: false })).toBe(0);
    const { code, prompter } = await init(options({ out: "estate", outGiven: true }), testIo(), { confirm: "write" });
    expect(code).toBe(0);
    expect(prompter.asked).toEqual(["confirm"]);
    expect(archiveRow("estate")).toContain("| set in trailwright.json; no reason was given (record one as reasons.archiveDays)");
  });

  it("is asked when an edit changes the number, and reaches the summary, trailwright.json and COMPLIANCE.md", async () => {
    expect(await run(["generate", ...BANK_AT_3000], { ...testIo(), interactive: false })).toBe(0);
    const io = testIo();
    let summaries = 0;
    const { code, prompter } = await init(options({ out: "estate", outGiven: true }), io, {
      confirm: () => (++summaries === 1 ? "change" : "write"),
      change: "retention.archiveDays",
      "retention.archiveDays": 3100,
      "reasons.archiveDays": "Litigation hold LH-7",
      "retention.immediateDays": 90,
    });
    expect(code, io.stderr.join("\n")).toBe(0);
    expect(prompter.asked).toEqual(["confirm", "change", "retention.archiveDays", "reasons.archiveDays", "retention.immediateDays", "confirm"]);
    expect(io.stdout.join("\n")).toContain("why: set in trailwright.json: Litigation hold LH-7");
    expect(answersIn("estate").reasons).toEqual({ archiveDays: "Litigation hold LH-7" });
    expect(archiveRow("estate")).toMatch(/^\| Archive retention \(S3\) \| 3100 days \(about 8\.5 years\) \| set in trailwright\.json: Litigation hold LH-7; meets /);
  });

  it("given before a run stopped at the summary is resumed by the next init without asking again", async () => {
    const typed = { "accounts.management": "123456789012", "alerts.emails": "secops@example.com", "wizard.alertRouting": "everyone", "forensics.enabled": false, "workspaces.enabled": false, "output.format": "hcl", out: "estate" };
    let summaries = 0;
    const first = await init(options({ preset: "uk-smb" }), testIo(), {
      ...typed,
      confirm: () => (++summaries === 1 ? "change" : "stop"),
      change: "retention.archiveDays",
      "retention.archiveDays": 400,
      "reasons.archiveDays": "Board minute 12",
      "retention.immediateDays": 90,
    });
    expect(first.code).toBe(130);
    const second = await init(options(), testIo(), { resume: true, confirm: "write" });
    expect(second.prompter.asked).toEqual(["resume", "confirm"]);
    expect(answersIn("estate").reasons).toEqual({ archiveDays: "Board minute 12" });
    expect(archiveRow("estate")).toContain("| set in trailwright.json: Board minute 12");
  });

  it("is never asked without a terminal, where --set gives it", async () => {
    const sets = ["accounts.management=123456789012", "alerts.emails=secops@example.com", "retention.archiveDays=400", "reasons.archiveDays=Board minute 12"];
    const io = { ...testIo(), interactive: false };
    expect(await run(["init", "--preset", "uk-smb", ...sets.flatMap((s) => ["--set", s]), "--yes", "--out", "estate"], io)).toBe(0);
    expect(archiveRow("estate")).toContain("| set in trailwright.json: Board minute 12");
  });
});

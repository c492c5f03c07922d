import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "@inquirer/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_OUT_DIR, type InitOptions } from "../../src/cli/args.js";
import { runInit } from "../../src/cli/commands/init.js";
import { reportError } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { inquirerPrompter, type PromptStreams } from "../../src/wizard/inquirer-prompter.js";
import type { InputSpec } from "../../src/wizard/prompt-spec.js";
import { scriptedPrompter } from "../wizard/scripted-prompter.js";

interface TestIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), "trailwright-init-"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function testIo(interactive: boolean): TestIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), interactive, cwd, env: {} };
}

function initOptions(overrides: Partial<InitOptions> = {}): InitOptions {
  return {
    preset: undefined,
    config: undefined,
    out: DEFAULT_OUT_DIR,
    outGiven: false,
    sets: [],
    check: false,
    format: undefined,
    as: undefined,
    force: false,
    dryRun: false,
    yes: false,
    ...overrides,
  };
}

/** runInit as run() calls it: typed errors become exit codes. */
async function init(options: InitOptions, io: Io, prompter?: ReturnType<typeof scriptedPrompter>): Promise<number> {
  return runInit(options, io, prompter ? { prompter } : {}).catch((error: unknown) => reportError(error, io));
}

function filesIn(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), "utf8");
    }
  };
  walk("");
  return files;
}

/** Tokens of a printed command line (the test lines quote nothing, so whitespace splits them). */
function argvOf(line: string): string[] {
  expect(line).not.toMatch(/['"]/);
  return line.trim().split(/\s+/).slice(2);
}

const SMB_ANSWERS = ["--set", "accounts.management=123456789012", "--set", "alerts.emails=secops@example.com"];

/** A real ExitPromptError, from pressing Ctrl-C in a real inquirer prompt. */
async function ctrlC(): Promise<unknown> {
  const view = await render((spec: InputSpec, ctx?: PromptStreams) => inquirerPrompter(ctx).input(spec), { id: "x", message: "x" });
  view.events.keypress({ name: "c", ctrl: true } as never);
  return view.answer.catch((e: unknown) => e);
}

describe("trailwright init without a terminal", () => {
  it("exits 2 naming the missing answers as flags, and writes nothing", async () => {
    const io = testIo(false);
    expect(await run(["init", "--preset", "uk-smb", "--yes"], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      "trailwright: missing answers: accounts.management, alerts.emails; pass them with --set accounts.management=123456789012 --set alerts.emails=you@example.com, or run in a terminal",
    );
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("without --yes, does not assume defaults: it names them and offers --yes", async () => {
    const io = testIo(false);
    expect(await run(["init", "--preset", "uk-smb", ...SMB_ANSWERS], io)).toBe(2);
    expect(io.stderr).toEqual([
      "trailwright: no terminal to ask: output.format, output folder",
      "  add --yes to accept the defaults for output.format, output folder, pass them (e.g. --format hcl --out audit-logging), or run in a terminal",
    ]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("writes when every answer is given by flags", async () => {
    const io = testIo(false);
    expect(await run(["init", "--preset", "uk-smb", ...SMB_ANSWERS, "--format", "hcl", "--out", "estate"], io)).toBe(0);
    expect(Object.keys(filesIn(join(cwd, "estate")))).toContain("trailwright.json");
  });

  it("exits 2 with the rule's reason on conflicting answers, and writes nothing", async () => {
    const io = testIo(false);
    expect(await run(["init", "--preset", "uk-smb", ...SMB_ANSWERS, "--set", "storage.mfaDelete=true", "--yes"], io)).toBe(2);
    expect(io.stderr[0]).toContain("MFA delete and lifecycle rules cannot both be on: S3 does not support lifecycle configuration on an MFA-delete bucket");
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe("trailwright init --yes", () => {
  it("asks nothing, writes the estate and trailwright.json, and prints commands that regenerate it byte for byte", async () => {
    const io = testIo(true);
    const noQuestions = scriptedPrompter({});
    const code = await init(initOptions({ preset: "uk-smb", sets: SMB_ANSWERS.filter((_, i) => i % 2 === 1), yes: true }), io, noQuestions);
    expect(io.stderr.filter((line) => !line.startsWith("note:"))).toEqual([]);
    expect(code).toBe(0);
    expect(noQuestions.asked).toEqual([]);

    const written = filesIn(join(cwd, DEFAULT_OUT_DIR));
    expect(Object.keys(written)).toEqual(expect.arrayContaining(["trail.tf", "trailwright.json"]));
    expect(JSON.parse(written["trailwright.json"]!)).toMatchObject({ preset: "uk-smb", accounts: { management: "123456789012" } });

    const stdout = io.stdout.join("\n");
    expect(stdout).toContain("Summary of what will be generated");
    const [fromFile, fromFlags] = stdout.split("Regenerate the same estate in CI (asks nothing):\n")[1]!.split("\n");
    expect(fromFile).toBe("  npx trailwright generate --config audit-logging/trailwright.json --out audit-logging");
    expect(fromFlags).toBe(
      "  npx trailwright generate --preset uk-smb --set accounts.management=123456789012 --set alerts.emails=secops@example.com --set output.format=hcl --out audit-logging",
    );
    for (const line of [fromFile!, fromFlags!]) {
      const args = argvOf(line.replace("--out audit-logging", "--out again"));
      rmSync(join(cwd, "again"), { recursive: true, force: true });
      expect(await run(args, testIo(false))).toBe(0);
      expect(filesIn(join(cwd, "again"))).toEqual(written);
    }
  });
});

describe("trailwright init with saved answers", () => {
  it("asks nothing but the confirmation for a complete --config, and writes the same files", async () => {
    // --yes never asks the terminal-only WorkSpaces and forensics questions, so the saved answers say them.
    expect(await run(["init", "--preset", "uk-smb", ...SMB_ANSWERS, "--set", "workspaces.enabled=false", "--set", "forensics.enabled=false", "--format", "json", "--out", "first", "--yes"], testIo(false))).toBe(0);
    const prompter = scriptedPrompter({ confirm: "write" });
    const code = await init(initOptions({ config: "first/trailwright.json", out: "second", outGiven: true }), testIo(true), prompter);
    expect(code).toBe(0);
    expect(prompter.asked).toEqual(["confirm"]);
    expect(filesIn(join(cwd, "second"))).toEqual(filesIn(join(cwd, "first")));
    expect(Object.keys(filesIn(join(cwd, "second")))).toContain("trail.tf.json");
  });

  it("--dry-run writes nothing and does not ask for confirmation", async () => {
    const io = testIo(true);
    const prompter = scriptedPrompter({ "forensics.enabled": false, "workspaces.enabled": false, "output.format": "hcl", out: "dry" });
    expect(await init(initOptions({ preset: "uk-smb", sets: SMB_ANSWERS.filter((_, i) => i % 2 === 1), dryRun: true }), io, prompter)).toBe(0);
    expect(prompter.asked).toEqual(["forensics.enabled", "workspaces.enabled", "output.format", "out"]);
    expect(readdirSync(cwd)).toEqual([]);
    expect(io.stdout.join("\n")).not.toContain("Next steps:");
  });
});

describe("trailwright init in a terminal", () => {
  const answers = { "accounts.management": "123456789012", "alerts.emails": "secops@example.com", "wizard.alertRouting": "everyone", "forensics.enabled": false, "workspaces.enabled": false, "output.format": "hcl", out: "estate" };

  it("asks only what the preset leaves open, shows the summary, and writes after confirmation", async () => {
    const io = testIo(true);
    const prompter = scriptedPrompter({ ...answers, confirm: "write" });
    expect(await init(initOptions({ preset: "uk-smb" }), io, prompter)).toBe(0);
    expect(prompter.asked).toEqual(["accounts.management", "alerts.emails", "wizard.alertRouting", "forensics.enabled", "workspaces.enabled", "output.format", "out", "confirm"]);
    const stdout = io.stdout.join("\n");
    expect(stdout).toMatch(/answers come from preset uk-smb and are not asked again/);
    expect(stdout).toMatch(/Resources by kind \(\d+ in all\):\n\s+1 {2}CloudTrail trail\n\s+4 {2}KMS keys and aliases\n\s+2 {2}S3 buckets/);
    expect(stdout).toContain("archive in S3, then expired: 365 days (1 year)");
    expect(stdout).toContain("Regions: home eu-west-2; allowed eu-west-2; residency on");
    expect(stdout).toMatch(/Estimated monthly cost: \$[\d,]+\.\d\d \(first month \$[\d,]+\.\d\d; USD, eu-west-2 list prices as of \d{4}-\d\d-\d\d;/);
    expect(stdout).toMatch(/Next steps:\n {2}cd estate\n {2}terraform init\n {2}terraform plan/);
    expect(existsSync(join(cwd, "estate", "trailwright.json"))).toBe(true);
  });

  it("writes no estate and exits 130 when the summary is not confirmed, keeping the answers for the next init", async () => {
    const io = testIo(true);
    expect(await init(initOptions({ preset: "uk-smb" }), io, scriptedPrompter({ ...answers, confirm: "stop" }))).toBe(130);
    expect(io.stderr).toEqual([
      "trailwright: not confirmed; nothing was written. Your answers are kept in .trailwright-init.json",
      "  run `trailwright init` here again to resume them (or delete the file to start afresh)",
    ]);
    expect(readdirSync(cwd)).toEqual([".trailwright-init.json"]);
  });

  it("Ctrl-C at a prompt exits 130, writes nothing and prints no stack trace", async () => {
    const interrupt = await ctrlC();
    const io = testIo(true);
    const prompter = scriptedPrompter({ ...answers, "alerts.emails": () => Promise.reject(interrupt) });
    expect(await init(initOptions({ preset: "uk-smb" }), io, prompter)).toBe(130);
    expect(io.stderr).toEqual(["trailwright: cancelled; nothing was written"]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("with MFA delete chosen, the next steps carry the root runbook command", async () => {
    const io = testIo(true);
    const prompter = scriptedPrompter({ ...answers, "storage.lifecycle": "mfa-delete", confirm: "write" });
    expect(await init(initOptions({ preset: "uk-smb", sets: ["storage.mfaDelete=true"], outGiven: true, out: "mfa" }), io, prompter)).toBe(0);
    const stdout = io.stdout.join("\n");
    expect(stdout).toContain("MFA delete: after the first apply, the root user of account 123456789012 turns it on with an MFA code (it cannot run in CI)");
    expect(stdout).toContain("aws s3api put-bucket-versioning --bucket audit-cloudtrail-123456789012-eu-west-2 --versioning-configuration Status=Enabled,MFADelete=Enabled");
    expect(stdout).toContain("--set storage.lifecycle=false");
  });
});

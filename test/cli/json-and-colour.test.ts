// --json on generate (write, --dry-run, --check) and presets: one JSON document
// on stdout with the same exit codes; errors as objects with field and code.
// Colour: only on a terminal, never with NO_COLOR.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportError } from "../../src/cli/exit-codes.js";
import { helpText } from "../../src/cli/help.js";
import { processIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { colorEnabled } from "../../src/cli/style.js";
import { ConfigError } from "../../src/model/errors.js";
import { runCli, tempFolder } from "../hardening/cli-harness.js";

const SMB = ["--preset", "uk-smb", "--set", "accounts.management=123456789012", "--set", "alerts.emails=secops@example.com"];

async function json(argv: string[], cwd: string): Promise<{ code: number; doc: Record<string, any>; err: readonly string[] }> {
  const result = await runCli(argv, cwd);
  return { code: result.code, doc: JSON.parse(result.out.join("\n")), err: result.err };
}

describe("generate --json", () => {
  it("a write: every file and its action, the manifest, no errors", async () => {
    const { code, doc, err } = await json(["generate", ...SMB, "--out", "estate", "--json"], tempFolder());
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(doc).toMatchObject({ command: "generate", mode: "written", ok: true, out: "estate", errors: [], manifest: { action: "create" } });
    expect(doc.files).toEqual(expect.arrayContaining([{ path: "trail.tf", action: "create" }, { path: "trailwright.json", action: "create" }]));
  });

  it("--dry-run: the files that would change, each update with its diff", async () => {
    const cwd = tempFolder();
    expect((await runCli(["generate", ...SMB, "--out", "estate"], cwd)).code).toBe(0);
    const { code, doc } = await json(["generate", "--out", "estate", "--set", "retention.hotDays=400", "--dry-run", "--json"], cwd);
    expect(code).toBe(0);
    expect(doc.mode).toBe("dry-run");
    const updated = doc.files.filter((f: { action: string }) => f.action === "update");
    expect(updated.length).toBeGreaterThan(0);
    expect(updated.flatMap((f: { diff: string[] }) => f.diff).join("\n")).toMatch(/^\+\s+retention_in_days\s+=\s+400$/m);
  });

  it("--check with drift: exit 4, each drifted file, and the drift as an error with its code", async () => {
    const cwd = tempFolder();
    expect((await runCli(["generate", ...SMB, "--out", "estate"], cwd)).code).toBe(0);
    writeFileSync(join(cwd, "estate", "trail.tf"), "# edited\n");
    const { code, doc } = await json(["generate", "--out", "estate", "--check", "--json"], cwd);
    expect(code).toBe(4);
    expect(doc).toMatchObject({ mode: "check", ok: false });
    expect(doc.drift).toEqual([expect.objectContaining({ path: "trail.tf", kind: "edited" })]);
    expect(doc.errors[0]).toMatchObject({ code: "drift" });
  });

  it("an invalid config: exit 2 and every problem with its field and code, nothing on stderr", async () => {
    const { code, doc, err } = await json(["generate", "--preset", "uk-smb", "--set", "accounts.management=12", "--set", "alerts.emails=nope", "--json"], tempFolder());
    expect(code).toBe(2);
    expect(err).toEqual([]);
    expect(doc.ok).toBe(false);
    expect(doc.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ["accounts.management", "config"],
      ["alerts.emails[0]", "config"],
    ]);
  });

  it("a bad flag is a usage error in JSON too", async () => {
    const { code, doc } = await json(["generate", "--chek", "--json"], tempFolder());
    expect(code).toBe(2);
    expect(doc.errors[0]).toMatchObject({ code: "usage", message: expect.stringContaining("did you mean `--check`?") });
  });
});

describe("presets --json", () => {
  it("list: every preset with its title", async () => {
    const { code, doc } = await json(["presets", "list", "--json"], tempFolder());
    expect(code).toBe(0);
    expect(doc.presets.map((p: { id: string }) => p.id)).toEqual(["uk-bank", "uk-healthcare", "uk-smb"]);
  });

  it("show: the answers, what you supply, the resolved plan and the cost", async () => {
    const { code, doc } = await json(["presets", "show", "uk-bank", "--json"], tempFolder());
    expect(code).toBe(0);
    expect(doc.preset.id).toBe("uk-bank");
    expect(doc.youSupply).toContain("organizationId");
    expect(doc.plan.retention.archiveDays.value).toBe(2557);
    expect(doc.cost.totalMonthlyUsd).toBeGreaterThan(0);
  });
});

describe("colour", () => {
  it("only on a terminal, never with NO_COLOR set, forced by FORCE_COLOR", () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(false);
  });

  it("marks errors in colour when allowed, and prints the same words without it", () => {
    const lines = (color: boolean) => {
      const err: string[] = [];
      reportError(new ConfigError("x: bad", { hint: "fix it" }), { out: () => {}, err: (t) => err.push(t), interactive: false, cwd: "/", env: {}, color: { out: color, err: color } });
      return err;
    };
    expect(lines(false)).toEqual(["trailwright: x: bad", "  fix it"]);
    expect(lines(true)[0]).toBe("\u001b[31mtrailwright:\u001b[39m x: bad");
  });

  it("the process's own output follows NO_COLOR", () => {
    const saved = process.env.NO_COLOR;
    process.env.NO_COLOR = "1";
    try {
      expect(processIo().color).toEqual({ out: false, err: false });
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});

describe("help", () => {
  it("documents every flag each command takes", async () => {
    const flags: Record<string, string[]> = {
      generate: ["--preset", "--config", "--set", "--out", "--format", "--as", "--check", "--force", "--dry-run", "--json", "--help"],
      init: ["--yes", "--help"],
      presets: ["--json", "--help"],
      config: ["keys", "schema", "--json", "--help"],
    };
    for (const [topic, names] of Object.entries(flags)) for (const name of names) expect(helpText(topic), `${topic} ${name}`).toContain(name);
    expect(await run(["config", "--help"], { out: () => {}, err: () => {}, interactive: false, cwd: "/", env: {} })).toBe(0);
  });
});

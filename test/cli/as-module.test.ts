// `--as root|module`: an answer like --format, saved in trailwright.json as
// output.mode, so a later `generate --check` agrees without repeating it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { PRESET_SETS } from "../helpers/preset-answers.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "tw-as-module-"));
  folders.push(dir);
  return dir;
}

async function trailwright(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, cwd, env: {} };
  const code = await run(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const sets = (id: "uk-bank" | "uk-smb") => PRESET_SETS[id].flatMap((s) => ["--set", s]);

describe("--as module", () => {
  it("generate saves output.mode, writes a child module, and --check then passes without the flag", async () => {
    const repo = folder();
    const generated = await trailwright(repo, "generate", "--preset", "uk-bank", ...sets("uk-bank"), "--as", "module", "--out", "estate");
    expect(generated.err).toBe("");
    expect(generated.code).toBe(0);
    const out = join(repo, "estate");
    expect(JSON.parse(readFileSync(join(out, "trailwright.json"), "utf8")).output.mode).toBe("module");
    expect(existsSync(join(out, "providers.tf"))).toBe(false);
    expect(readFileSync(join(out, "versions.tf"), "utf8")).toContain("configuration_aliases");
    expect(readFileSync(join(out, "README.md"), "utf8")).toContain("## Calling this module");

    const check = await trailwright(repo, "generate", "--out", "estate", "--check");
    expect(check).toMatchObject({ code: 0, err: "" });
    // And the saved answer is what --check compares with: asking for root mode now is drift.
    const asRoot = await trailwright(repo, "generate", "--out", "estate", "--check", "--as", "root");
    expect(asRoot.code).toBe(4);
  });

  it("init --yes saves it too, and its next steps send you to the calling root module", async () => {
    const repo = folder();
    const init = await trailwright(repo, "init", "--preset", "uk-smb", ...sets("uk-smb"), "--as", "module", "--out", "estate", "--yes");
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, "estate", "trailwright.json"), "utf8")).output.mode).toBe("module");
    expect(init.out).toContain("a child module for your root module to call");
    expect(init.out).toContain('call estate/ from your root module (README.md, "Calling this module")');
    expect(init.out).not.toMatch(/^ {2}cd estate$/m);
  });

  it("refuses a mode it does not know, and a backend for a child module, writing nothing", async () => {
    const repo = folder();
    const bogus = await trailwright(repo, "generate", "--preset", "uk-smb", ...sets("uk-smb"), "--as", "library", "--out", "estate");
    expect(bogus.code).toBe(2);
    expect(bogus.err).toContain('trailwright: --as "library" is not a kind of Terraform module trailwright writes');
    expect(bogus.err).toContain("use --as root (default: a complete root module) or --as module");

    const backend = ["--set", "output.backend.bucket=state", "--set", "output.backend.key=audit.tfstate", "--set", "output.backend.region=eu-west-2"];
    const withBackend = await trailwright(repo, "generate", "--preset", "uk-smb", ...sets("uk-smb"), ...backend, "--as", "module", "--out", "estate");
    expect(withBackend.code).toBe(2);
    expect(withBackend.err).toContain('output.mode is "module"');
    expect(existsSync(join(repo, "estate", "versions.tf"))).toBe(false);
  });

  it("is in the help of generate and init", async () => {
    for (const command of ["generate", "init"]) {
      const help = await trailwright(folder(), command, "--help");
      expect(help.out, command).toContain("--as");
    }
  });
});

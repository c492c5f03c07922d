// Where `generate` takes its answers from.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { PRESET_SETS } from "../helpers/preset-answers.js";

async function trailwright(cwd: string, ...argv: string[]) {
  const err: string[] = [];
  const io: Io = { out: () => {}, err: (t) => err.push(t), interactive: false, cwd, env: {} };
  return { code: await run(argv, io), err: err.join("\n") };
}

describe("generate's answers", () => {
  it("--set flags alone are enough (the line init prints for CI)", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "tw-sources-"));
    const smbAnswers = JSON.parse(readFileSync("presets/uk-smb.json", "utf8")).config as Record<string, unknown>;
    const sets = [
      ...PRESET_SETS["uk-smb"],
      "jurisdiction=uk", "industry=general", "topology=single-account", "homeRegion=eu-west-2", "residency=true",
      `retention.archiveDays=${(smbAnswers.retention as { archiveDays: number }).archiveDays}`, "retention.hotDays=365",
      "storage.objectLock.mode=GOVERNANCE", "storage.mfaDelete=false", "dataEvents.s3=off", "insights=false", "config=false",
    ];
    const result = await trailwright(cwd, "generate", ...sets.flatMap((s) => ["--set", s]), "--out", "estate");
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(existsSync(join(cwd, "estate", "trail.tf"))).toBe(true);
  });

  it("names the missing answer when --set flags are not enough", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "tw-sources-"));
    const result = await trailwright(cwd, "generate", "--set", "jurisdiction=uk", "--out", "estate");
    expect(result.code).toBe(2);
    expect(result.err).toContain("--set answers: industry is missing");
    expect(existsSync(join(cwd, "estate"))).toBe(false);
  });

  it("with no answers at all, says where answers can come from", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "tw-sources-"));
    const result = await trailwright(cwd, "generate", "--out", "estate");
    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toBe("trailwright: generate needs answers: none of --preset, --config, --set, or a trailwright.json in the output folder");
  });
});

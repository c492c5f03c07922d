// Same answers, byte-identical files: in one process and across processes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { PRESET_IDS, PRESET_SETS, presetConfig } from "../helpers/preset-answers.js";

async function filesOf(id: (typeof PRESET_IDS)[number], format: "hcl" | "json") {
  const config = presetConfig(id, format === "json" ? ["output.format=json"] : []);
  const estate = await generateEstate(resolvePlan(config), config);
  return Object.fromEntries(estate.files.map((f) => [f.path, f.content]));
}

describe("determinism", () => {
  it.each(PRESET_IDS.flatMap((id) => [[id, "hcl"], [id, "json"]] as const))("%s %s: two generations are byte-identical", async (id, format) => {
    const first = await filesOf(id, format);
    const second = await filesOf(id, format);
    expect(Object.keys(first).length).toBeGreaterThan(2);
    expect(second).toEqual(first);
    for (const content of Object.values(first)) {
      expect(content).not.toMatch(/\/tmp\/|\/work\/|\/home\/|\d{4}-\d{2}-\d{2}T\d{2}:/); // no paths or timestamps
    }
  });

  it("a separate process writes the same bytes", async () => {
    const out = mkdtempSync(join(tmpdir(), "tw-determinism-"));
    const args = ["--import", "tsx", "src/cli/main.ts", "generate", "--preset", "uk-bank", "--out", out, ...PRESET_SETS["uk-bank"].flatMap((s) => ["--set", s])];
    execFileSync(process.execPath, args, { stdio: "pipe" });
    const inProcess = await filesOf("uk-bank", "hcl");
    for (const [path, content] of Object.entries(inProcess)) expect(readFileSync(join(out, path), "utf8"), path).toBe(content);
    // Nothing else at the top: every file, or the folder (bootstrap/) it sits in.
    const topLevel = [...new Set(Object.keys(inProcess).map((p) => p.split("/")[0]!))].sort();
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual(topLevel);
  });
});

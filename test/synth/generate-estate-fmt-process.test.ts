// generateEstate starts `terraform fmt` before synthesis so Terraform loads
// while the stack is built. That process waits on its stdin: when generation
// fails first, it must be stopped, or the CLI would never exit.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { presetConfig, presetPlan } from "../helpers/preset-answers.js";

function terraformChildren(): string[] {
  try {
    return execFileSync("ps", ["--ppid", String(process.pid), "-o", "pid=,comm="], { encoding: "utf8" })
      .split("\n")
      .filter((line) => /terraform/.test(line));
  } catch {
    return []; // ps exits 1 when it lists nothing
  }
}

async function settle(): Promise<void> {
  // The kill is sent synchronously; give the process a moment to be reaped.
  for (let i = 0; i < 50 && terraformChildren().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
}

describe("the early terraform fmt process", () => {
  it("is stopped when synthesis fails, and the error is the synthesis error", async () => {
    const broken = { ...presetPlan("uk-smb"), accounts: undefined } as unknown as ResolvedPlan;
    await expect(generateEstate(broken, presetConfig("uk-smb"))).rejects.toThrow(TypeError);
    await settle();
    expect(terraformChildren()).toEqual([]);
  });

  it("has exited when a generation succeeds", async () => {
    const estate = await generateEstate(presetPlan("uk-smb"), presetConfig("uk-smb"));
    expect(estate.notes).toEqual([]); // formatted by terraform, not skipped
    await settle();
    expect(terraformChildren()).toEqual([]);
  });
});

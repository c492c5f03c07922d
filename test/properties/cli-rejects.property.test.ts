// Through the CLI: a trailwright.json that breaks any rule exits 2 with a short
// message, no stack trace, and the working folder exactly as it was (no output
// folder, no temp files). Fails before synthesis, so it is cheap per run.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli, STACK_FRAME, tempFolder, treeOf } from "../hardening/cli-harness.js";
import { invalidConfig } from "./config-arbitraries.js";
import { runSettings } from "./run-settings.js";

const CLI_RUNS = 100;

describe("the CLI rejects every broken config the same way", () => {
  it(`exit 2, one short message naming the field, nothing written (${CLI_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(invalidConfig, async ({ config, field }) => {
        const cwd = tempFolder("tw-property-");
        writeFileSync(join(cwd, "answers.json"), JSON.stringify(config, null, 2));
        const before = treeOf(cwd);
        const result = await runCli(["generate", "--config", "answers.json", "--out", "estate"], cwd);
        expect(result.code, result.err.join("\n")).toBe(2);
        expect(result.out).toEqual([]);
        expect(result.err.length).toBeGreaterThanOrEqual(1);
        expect(result.err.length).toBeLessThanOrEqual(2);
        expect(result.err[0]).toMatch(/^trailwright: /);
        // The message names the field (an array element by its list, e.g. alerts.emails).
        expect(result.err.join("\n")).toContain(field.replace(/\[\d+\]$/, ""));
        expect(result.err.join("\n")).not.toMatch(STACK_FRAME);
        expect(treeOf(cwd)).toEqual(before);
      }),
      runSettings(CLI_RUNS, 120_000),
    );
  }, 180_000);
});

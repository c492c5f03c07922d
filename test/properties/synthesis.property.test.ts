// Any valid config synthesizes, meets the control catalog and comes out the
// same twice. Synthesis costs 0.3-1 s per config on a loaded 2-core machine, so
// the run counts are small and stated; no terraform validate here (the preset
// gates in test/estate run it).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../src/config/validate-config.js";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { generateEstate } from "../../src/synth/generate-estate.js";
import { presetPlan } from "../helpers/preset-answers.js";
import { allHcl, mergedTfJson, presetTfJson, type TfJson } from "../helpers/estate-cache.js";
import { expectCatalogControls } from "./catalog-checks.js";
import { validConfig, type RawConfig } from "./config-arbitraries.js";
import { runSettings } from "./run-settings.js";

const JSON_RUNS = 20;
const HCL_RUNS = 5;

function text(estate: GeneratedEstate, path: string): string {
  const file = estate.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${estate.files.map((f) => f.path).join(", ")}`);
  return file.content;
}

// Where the estate lands in its repository: module mode's README names the path to it.
const OUT = { outDir: "infra/audit-logging" } as const;

const withFormat = (raw: RawConfig, format: "hcl" | "json"): RawConfig => ({ ...raw, output: { ...raw.output, format } });

describe("synthesizing the config space", () => {
  it(`any valid config synthesizes, meets the catalog and is deterministic (JSON output, ${JSON_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(validConfig, async (raw) => {
        const config = validateConfig(withFormat(raw, "json"), "property");
        const plan = resolvePlan(config);
        const first = await generateEstate(plan, config, OUT);
        expectCatalogControls(plan, mergedTfJson(first));
        const second = await generateEstate(resolvePlan(config), config, OUT);
        expect(second).toEqual(first);
      }),
      runSettings(JSON_RUNS, 120_000),
    );
  }, 180_000);

  it(`HCL output is byte-identical across two generations (${HCL_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(validConfig, async (raw) => {
        const config = validateConfig(withFormat(raw, "hcl"), "property");
        const first = await generateEstate(resolvePlan(config), config, OUT);
        expect(text(first, "trail.tf")).toMatch(/^resource "aws_cloudtrail"/m);
        expect(allHcl(first)).not.toMatch(/\$\{TfToken|TOKEN\[/);
        expect(await generateEstate(resolvePlan(config), config, OUT)).toEqual(first);
      }),
      runSettings(HCL_RUNS, 120_000),
    );
  }, 180_000);

  it("the catalog check fails on an estate that breaks it (control)", async () => {
    const plan = presetPlan("uk-smb");
    const tf = await presetTfJson("uk-smb");
    expect(() => expectCatalogControls(plan, tf)).not.toThrow();
    const tampered = (edit: (copy: TfJson) => void) => {
      const copy = structuredClone(tf);
      edit(copy);
      return () => expectCatalogControls(plan, copy);
    };
    const firstOf = (copy: TfJson, type: string) => Object.values(copy.resource[type]!)[0]!;
    expect(tampered((c) => delete firstOf(c, "aws_s3_bucket").lifecycle)).toThrow();
    expect(tampered((c) => (firstOf(c, "aws_cloudwatch_metric_alarm").actions_enabled = false))).toThrow();
    expect(tampered((c) => (firstOf(c, "aws_cloudwatch_log_metric_filter").pattern = "{ $.eventName = ConsoleLogin }"))).toThrow();
    expect(tampered((c) => (firstOf(c, "aws_cloudwatch_log_group").retention_in_days = 90))).toThrow();
    expect(tampered((c) => delete firstOf(c, "aws_sns_topic").kms_master_key_id)).toThrow();
  });
});

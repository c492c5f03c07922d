// collectBlockSchemas asks an element for its block markers only when its
// resolved JSON shows an object-valued path no instance of its type has shown;
// that must teach exactly what asking every element teaches, on every estate.
import { describe, expect, it } from "vitest";
import { collectBlockSchemas, type BlockSchema, type SchemaIndex } from "../../src/synth/hcl/block-schema.js";
import { needsBootstrap } from "../../src/synth/bootstrap-stack.js";
import { synthesizeBootstrap, synthesizeEstate } from "../../src/synth/generate-estate.js";
import { withoutTokenStackTraces } from "../../src/synth/without-token-stack-traces.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { PRESET_IDS, presetConfig } from "../helpers/preset-answers.js";
import { workspacesConfig } from "../helpers/workspaces-answers.js";
import type { TrailwrightConfig } from "../../src/config/schema.js";

const ESTATES: readonly [string, () => TrailwrightConfig][] = [
  ...PRESET_IDS.map((id): [string, () => TrailwrightConfig] => [id, () => presetConfig(id)]),
  ["uk-bank under Control Tower", () => presetConfig("uk-bank", ["controlTower=true", "insights=false"])],
  ["uk-smb with WorkSpaces", () => workspacesConfig("single")],
  ["uk-bank with WorkSpaces in two member accounts", () => workspacesConfig("organization")],
];

/** The schema as plain nested objects, keys sorted, so two can be compared whole. */
function plain(index: SchemaIndex | Map<string, BlockSchema>): unknown {
  return Object.fromEntries([...index].sort(([a], [b]) => a.localeCompare(b)).map(([key, schema]) => [key, plain(schema.blocks)]));
}

describe("collectBlockSchemas", () => {
  it.each(ESTATES)("teaches the same blocks as asking every element: %s", (_, config) => {
    const plan = resolvePlan(config());
    for (const { stack, config: resolved } of [synthesizeEstate(plan), ...(needsBootstrap(plan) ? [synthesizeBootstrap(plan)] : [])]) {
      const asked = withoutTokenStackTraces(() => collectBlockSchemas(stack, resolved));
      const everyElement = withoutTokenStackTraces(() => collectBlockSchemas(stack, {}));
      expect(plain(asked)).toEqual(plain(everyElement));
      expect([...everyElement.keys()].length).toBeGreaterThan(0);
    }
  });

  it("learns a block from a later instance that shows a path the first did not", () => {
    const plan = resolvePlan(presetConfig("uk-bank"));
    const { stack, config } = synthesizeEstate(plan);
    // Lifecycle rules differ between the archive and the access-log bucket: both teach.
    const lifecycle = collectBlockSchemas(stack, config).get("resource.aws_s3_bucket_lifecycle_configuration");
    expect([...(lifecycle?.blocks.get("rule")?.blocks.keys() ?? [])].sort()).toEqual(expect.arrayContaining(["expiration", "filter", "transition"]));
  });
});

// The estate is split into files by concern (src/synth/file-layout.ts). Every
// resource and data block must sit in exactly one file, each file must stay
// small enough to review, and the split must be the same for HCL and JSON.
// (fmt-clean and HCL == JSON per file: terraform-gates.test.ts.)
import { describe, expect, it } from "vitest";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { FALLBACK_FILE, fileForBlock, FILE_RULES, MAX_FILE_BYTES, MAX_FILE_LINES } from "../../src/synth/file-layout.js";
import { generateEstate, synthesizeEstate } from "../../src/synth/generate-estate.js";
import { splitConfig } from "../../src/synth/split-config.js";
import { presetEstate } from "../helpers/estate-cache.js";
import { PRESET_IDS, presetConfig, presetPlan } from "../helpers/preset-answers.js";
import { hclToJson } from "../helpers/terraform.js";

type Sections = Record<string, Record<string, Record<string, unknown>> | undefined>;

/** Each address with the files that declare it. */
function declaredIn(files: readonly { path: string; config: Sections }[]): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const { path, config } of files) {
    for (const [kind, prefix] of [["resource", ""], ["data", "data."]] as const) {
      for (const [type, byName] of Object.entries(config[kind] ?? {})) {
        for (const name of Object.keys(byName)) {
          const address = `${prefix}${type}.${name}`;
          where.set(address, [...(where.get(address) ?? []), path]);
        }
      }
    }
  }
  return where;
}

const terraformFilesOf = (estate: GeneratedEstate, ext: ".tf" | ".tf.json") => estate.files.filter((f) => f.path.endsWith(ext) && !f.path.includes("/"));

async function parsedHcl(estate: GeneratedEstate): Promise<{ path: string; config: Sections }[]> {
  return Promise.all(terraformFilesOf(estate, ".tf").map(async (f) => ({ path: f.path, config: (await hclToJson(f.content)) as Sections })));
}

function expectEachAddressOnce(where: Map<string, string[]>, addresses: readonly string[]): void {
  expect([...where.keys()].sort()).toEqual([...addresses]);
  const twice = [...where].filter(([, files]) => files.length !== 1);
  expect(twice).toEqual([]);
}

const moduleEstates = new Map<string, Promise<GeneratedEstate>>();
function moduleEstate(id: (typeof PRESET_IDS)[number]): Promise<GeneratedEstate> {
  let pending = moduleEstates.get(id);
  if (!pending) {
    const config = presetConfig(id, ["output.mode=module"]);
    pending = generateEstate(resolvePlan(config), config, { outDir: "infra/audit-logging" });
    moduleEstates.set(id, pending);
  }
  return pending;
}

describe.each(PRESET_IDS)("%s: files by concern", (id) => {
  it("every resource and data block is in exactly one .tf file, and in exactly one .tf.json file", async () => {
    const { addresses } = synthesizeEstate(presetPlan(id));
    expectEachAddressOnce(declaredIn(await parsedHcl(await presetEstate(id, "hcl"))), addresses);
    const json = terraformFilesOf(await presetEstate(id, "json"), ".tf.json").map((f) => ({ path: f.path, config: JSON.parse(f.content) as Sections }));
    expectEachAddressOnce(declaredIn(json), addresses);
  });

  it("in module mode too", async () => {
    const { addresses } = synthesizeEstate(presetPlan(id, ["output.mode=module"]));
    expectEachAddressOnce(declaredIn(await parsedHcl(await moduleEstate(id))), addresses);
  });

  it(`every file stays under ${MAX_FILE_LINES} lines and ${MAX_FILE_BYTES / 1024} KiB`, async () => {
    for (const estate of [await presetEstate(id, "hcl"), await moduleEstate(id)]) {
      for (const file of terraformFilesOf(estate, ".tf")) {
        expect(file.content.split("\n").length, file.path).toBeLessThanOrEqual(MAX_FILE_LINES);
        expect(Buffer.byteLength(file.content), file.path).toBeLessThanOrEqual(MAX_FILE_BYTES);
      }
    }
  });

  it("lays out the root module as Terraform users do: versions, providers, one file per concern, outputs", async () => {
    const paths = terraformFilesOf(await presetEstate(id, "hcl"), ".tf").map((f) => f.path);
    expect(paths).not.toContain(`${FALLBACK_FILE}.tf`);
    expect(paths).toEqual(
      expect.arrayContaining(["versions.tf", "providers.tf", "keys.tf", "archive-bucket.tf", "access-log-bucket.tf", "trail.tf", "alarms.tf", "metric-filters.tf", "alert-topics.tf", "outputs.tf"]),
    );
    const estate = await presetEstate(id, "hcl");
    const text = (path: string) => estate.files.find((f) => f.path === path)!.content;
    // versions.tf pins both Terraform and the provider; providers.tf holds only provider blocks.
    expect(text("versions.tf")).toMatch(/^ {2}required_version = ">= [\d.]+"$/m);
    expect(text("versions.tf")).toMatch(/^ {2}required_providers \{$/m);
    expect(text("providers.tf").match(/^\w+/gm)?.every((kind) => kind === "provider")).toBe(true);
    expect(text("outputs.tf").match(/^\w+/gm)?.every((kind) => kind === "output")).toBe(true);
    expect(text("trail.tf")).toMatch(/^resource "aws_cloudtrail" "trail_main" \{$/m);
    expect(text("keys.tf")).toMatch(/^resource "aws_kms_key" "estate_key" \{$/m);
  });
});

describe("the layout is data", () => {
  it("a construct no rule names gets a file named after it; a block without a construct path gets main.tf", () => {
    expect(fileForBlock("session_recording", "aws_cloudwatch_metric_alarm")).toBe("session-recording");
    expect(fileForBlock("forensic_query", "aws_athena_workgroup")).toBe("forensic-query");
    expect(fileForBlock(undefined, "aws_s3_bucket")).toBe(FALLBACK_FILE);
  });

  it("a rule can take only some types of a construct; the rest fall to the construct's next rule", () => {
    expect(fileForBlock("cis_alarms", "aws_cloudwatch_log_metric_filter")).toBe("metric-filters");
    expect(fileForBlock("cis_alarms", "aws_cloudwatch_metric_alarm")).toBe("alarms");
    expect(fileForBlock("config", "aws_config_config_rule")).toBe("config-rules");
    expect(fileForBlock("config", "aws_s3_bucket")).toBe("config");
  });

  it("no two rules name the same file for different constructs without a type filter (each file has one concern)", () => {
    const files = FILE_RULES.map((r) => r.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it("splitConfig puts each block in one part and refuses a section it cannot place", () => {
    const meta = (path: string) => ({ "//": { metadata: { path } } });
    const parts = splitConfig(
      {
        terraform: { required_providers: { aws: { source: "hashicorp/aws" } } },
        resource: {
          aws_kms_key: { estate_key: { ...meta("estate/estate/key") } },
          aws_workspaces_workspace: { desk: { ...meta("estate/workspaces/desk") } },
          aws_s3_bucket: { stray: {} },
        },
        output: { x: { value: "1" } },
      },
      { required_version: ">= 1.10.0" },
    );
    expect(parts.map((p) => p.file)).toEqual(["keys", "main", "outputs", "versions", "workspaces"]);
    expect(parts.find((p) => p.file === "versions")!.config).toEqual({
      terraform: { required_version: ">= 1.10.0", required_providers: { aws: { source: "hashicorp/aws" } } },
    });
    expect(() => splitConfig({ check: {} })).toThrow(/check/);
  });
});

// The three gates from hcl-output.md on every preset's real output:
// `terraform fmt -check`, HCL == JSON (via hcl2json), and a real
// `terraform validate` against the local AWS provider with 0 errors and 0 warnings.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { GeneratedEstate } from "../../src/output/generated-file.js";
import { fileText, presetEstate } from "../helpers/estate-cache.js";
import { PRESET_IDS } from "../helpers/preset-answers.js";
import { hclToJson, semanticDiff, terraformFmtCheck, terraformValidate } from "../helpers/terraform.js";

/** Every Terraform file, bootstrap/ included (a root module of its own in its subfolder). */
function writeTerraform(estate: GeneratedEstate): string {
  const dir = mkdtempSync(join(tmpdir(), "tw-gates-"));
  for (const file of estate.files) {
    if (!/\.tf(\.json)?$/.test(file.path)) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

const hasBootstrap = (estate: GeneratedEstate) => estate.files.some((f) => f.path.startsWith("bootstrap/"));

describe.each(PRESET_IDS)("%s output passes the Terraform gates", (id) => {
  it("HCL: fmt-canonical and valid with no warnings", async () => {
    const dir = writeTerraform(await presetEstate(id, "hcl"));
    const fmt = await terraformFmtCheck(dir);
    expect(fmt.output).toBe("");
    expect(fmt.clean).toBe(true);
    const result = await terraformValidate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
    const estate = await presetEstate(id, "hcl");
    // An organization gets bootstrap/, its own root module: the same gates apply to it.
    expect(hasBootstrap(estate)).toBe(id !== "uk-smb");
    if (hasBootstrap(estate)) {
      expect((await terraformFmtCheck(join(dir, "bootstrap"))).clean).toBe(true);
      const bootstrap = await terraformValidate(join(dir, "bootstrap"));
      expect(bootstrap.diagnostics).toEqual([]);
      expect(bootstrap).toMatchObject({ errors: 0, warnings: 0 });
    }
  });

  it("HCL says exactly what the JSON says, file by file", async () => {
    const hcl = await presetEstate(id, "hcl");
    const json = await presetEstate(id, "json");
    const tfFiles = (estate: GeneratedEstate, ext: string) => estate.files.filter((f) => f.path.endsWith(ext) && !f.path.includes("/")).map((f) => f.path);
    const hclFiles = tfFiles(hcl, ".tf");
    expect(tfFiles(json, ".tf.json")).toEqual(hclFiles.map((p) => `${p}.json`));
    for (const path of hclFiles) {
      const differences = semanticDiff(await hclToJson(fileText(hcl, path)), JSON.parse(fileText(json, `${path}.json`)));
      expect(differences, path).toEqual([]);
    }
  });
});

describe("JSON output", () => {
  it("uk-bank .tf.json is valid with no warnings", async () => {
    const dir = writeTerraform(await presetEstate("uk-bank", "json"));
    const result = await terraformValidate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { renderBackendFile } from "../../src/pipelines/backend-file.js";
import { renderPipelineFiles } from "../../src/pipelines/render-pipeline-files.js";
import { formatHcl } from "../../src/synth/terraform-fmt.js";
import { hclToJson } from "../helpers/terraform.js";
import { BACKEND, withOutput } from "./plan-with-output.js";

describe("backend file", () => {
  it("is an S3 backend with native lock files, printed as fmt-canonical HCL", async () => {
    const file = renderBackendFile(withOutput({ backend: BACKEND }));
    expect(file).toEqual({
      path: "backend.tf",
      content: [
        "terraform {",
        '  backend "s3" {',
        '    bucket       = "acme-tf-state"',
        '    key          = "audit/terraform.tfstate"',
        '    region       = "eu-west-2"',
        "    encrypt      = true",
        "    use_lockfile = true",
        "  }",
        "}",
        "",
      ].join("\n"),
    });
    const formatted = await formatHcl(file!.content);
    expect(formatted.formatted).toBe(true);
    expect(formatted.text).toBe(file!.content);
  });

  it("means the same in HCL and JSON, keeping template sequences in values literal in both", async () => {
    const backend = { ...BACKEND, key: "audit/${workspace}/%{x}/terraform.tfstate" };
    const hcl = renderBackendFile(withOutput({ backend }))!;
    const json = renderBackendFile(withOutput({ backend, format: "json" }))!;
    expect(json.path).toBe("backend.tf.json");
    const escapedKey = "audit/$${workspace}/%%{x}/terraform.tfstate";
    expect(JSON.parse(json.content)).toEqual({ terraform: { backend: { s3: { ...backend, key: escapedKey, encrypt: true, use_lockfile: true } } } });
    // hcl2json keeps escapes as written, which is the JSON syntax's own escaping: the two must match.
    const parsed = (await hclToJson(hcl.content)) as { terraform: Array<{ backend: { s3: Array<Record<string, unknown>> } }> };
    expect(parsed.terraform[0]!.backend.s3[0]).toEqual(JSON.parse(json.content).terraform.backend.s3);
  });

  it("is left out when no backend was asked for, and for a child module", () => {
    expect(renderBackendFile(withOutput({ backend: undefined }))).toBeUndefined();
    expect(renderBackendFile(withOutput({ backend: BACKEND, mode: "module" }))).toBeUndefined();
    expect(renderPipelineFiles(withOutput({ backend: undefined, pipelines: [] }), { outDir: "infra" })).toEqual([]);
    expect(renderPipelineFiles(withOutput({ backend: BACKEND, pipelines: [] }), { outDir: "infra" }).map((f) => f.path)).toEqual(["backend.tf"]);
  });
});

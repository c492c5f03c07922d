// terraform fmt runs only where the printer copied an expression verbatim; the
// presets print canonically on their own, so their output does not depend on
// whether (or which) terraform is installed.
import { afterEach, describe, expect, it } from "vitest";
import { needsTerraformFmt } from "../../src/synth/hcl/needs-fmt.js";
import { generateEstate, synthesizeEstate } from "../../src/synth/generate-estate.js";
import { TERRAFORM_ENV } from "../../src/synth/terraform-fmt.js";
import { PRESET_IDS, presetConfig, presetPlan } from "../helpers/preset-answers.js";

describe("needsTerraformFmt", () => {
  it("trusts literals, escapes and plain references", () => {
    expect(needsTerraformFmt({ a: "text", b: ["$${literal}", "%%{x}"], c: 1, d: null })).toBe(false);
    expect(needsTerraformFmt("${aws_s3_bucket.log_archive_bucket.arn}")).toBe(false);
    expect(needsTerraformFmt("${aws_cloudwatch_log_group.g.arn}:*")).toBe(false);
    expect(needsTerraformFmt({ deep: [{ x: "${data.aws_iam_policy_document.p.json}" }, "${aws.management}", "${x.y[0].id}"] })).toBe(false);
  });

  it("flags expressions cdktf wrote as text, wherever they are", () => {
    expect(needsTerraformFmt("${jsonencode({a=1})}")).toBe(true);
    expect(needsTerraformFmt({ deep: [{ x: "arn:${var.a == 1 ? 2 : 3}" }] })).toBe(true);
    expect(needsTerraformFmt("%{if true}x%{endif}")).toBe(true);
    expect(needsTerraformFmt(["ok", "${length(local.x)}"])).toBe(true);
  });
});

describe("generation and terraform fmt", () => {
  const saved = process.env[TERRAFORM_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[TERRAFORM_ENV];
    else process.env[TERRAFORM_ENV] = saved;
  });

  it.each(PRESET_IDS)("%s prints canonically with no terraform at all", async (id) => {
    expect(needsTerraformFmt(synthesizeEstate(presetPlan(id)).config)).toBe(false);
    const withTerraform = await generateEstate(presetPlan(id), presetConfig(id));
    process.env[TERRAFORM_ENV] = "/nonexistent/terraform";
    const without = await generateEstate(presetPlan(id), presetConfig(id));
    expect(without.notes).toEqual([]);
    expect(without.files).toEqual(withTerraform.files);
  });

  it("module mode copies a guard condition verbatim: formatted by terraform, or a note says it was not", async () => {
    const plan = presetPlan("uk-bank", ["output.mode=module"]);
    const config = presetConfig("uk-bank", ["output.mode=module"]);
    expect(needsTerraformFmt(synthesizeEstate(plan).config)).toBe(true);
    expect((await generateEstate(plan, config, { outDir: "infra/audit-logging" })).notes).toEqual([]);
    process.env[TERRAFORM_ENV] = "/nonexistent/terraform";
    const without = await generateEstate(plan, config, { outDir: "infra/audit-logging" });
    expect(without.notes).toEqual([
      `Terraform formatting skipped: ${TERRAFORM_ENV}=/nonexistent/terraform is not an executable file; install Terraform or run \`terraform fmt\` in the output folder.`,
    ]);
  });
});

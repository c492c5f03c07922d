// Offline `terraform plan` (the shared harness, test/helpers/terraform-plan.ts) of
// every preset that turns forensics on: the whole estate plans with no AWS, the
// Athena, Glue, Step Functions and Scheduler resources are among the creates,
// with the grants they need on the archive, the keys and the topics, and every
// apply-time rule passes, the workgroup and archive-grant rules included.
import { describe, expect, it } from "vitest";
import { runApplyRules } from "../../src/apply-rules/run.js";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { estateFacts } from "../helpers/estate-facts.js";
import { planConfig } from "../helpers/planned-estate.js";
import { PRESET_IDS, presetConfig, presetPlan } from "../helpers/preset-answers.js";

const ON = PRESET_IDS.filter((id) => presetPlan(id).forensics !== undefined);

describe.each(ON)("%s: offline terraform plan with forensics", (id) => {
  it("creates every Athena, Glue, Step Functions and Scheduler resource and the grants on the archive, keys and topics, and passes every apply rule", async () => {
    const plan = presetPlan(id);
    const result = await planConfig(presetConfig(id));
    const creates = (result.json.resource_changes ?? []).filter((r) => r.change.actions.includes("create")).map((r) => r.address);
    const ours = synthesizeEstate(plan).addresses.filter((a) => /^aws_[a-z0-9_]+\.(forensics|review)_/.test(a));
    const grants = ["aws_s3_bucket_policy.log_archive_policy", "aws_kms_key.estate_key", "aws_kms_key.monitoring_key", "aws_sns_topic_policy.alerts_info_policy", "aws_sns_topic_policy.alerts_warning_policy"];
    expect(ours.length).toBeGreaterThan(30);
    expect(creates).toEqual(expect.arrayContaining([...ours, ...grants]));
    for (const type of ["aws_athena_workgroup", "aws_glue_catalog_table", "aws_sfn_state_machine", "aws_scheduler_schedule"]) {
      expect(ours.some((a) => a.startsWith(`${type}.`)), type).toBe(true);
    }
    const findings = runApplyRules({ plan: result.json, providers: result.providers, facts: estateFacts(plan) });
    expect(findings.map((f) => `[${f.rule}] ${f.address}: ${f.message}`)).toEqual([]);
  });
});

// Offline `terraform plan` with the forensics resources, on every preset that
// turns them on: the real generated files, with the provider blocks swapped
// for offline ones (nothing here may reach AWS), planned with the forensics and
// review resources as targets (Terraform adds what they depend on: the estate
// key, the topics, the archive bucket and its policy).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { presetEstate } from "../helpers/estate-cache.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";
import { offlineProviders, terraformPlanOffline } from "../helpers/terraform.js";

const ON = PRESET_IDS.filter((id) => presetPlan(id).forensics !== undefined);

describe.each(ON)("%s: offline terraform plan with forensics", (id) => {
  it("plans every Athena, Glue, Step Functions and Scheduler resource, and the grants on the archive, key and topics", async () => {
    const estate = await presetEstate(id, "hcl");
    const dir = mkdtempSync(join(tmpdir(), "tw-plan-"));
    for (const file of estate.files) if (file.path.endsWith(".tf") && !file.path.includes("/")) writeFileSync(join(dir, file.path), file.content);
    writeFileSync(join(dir, "providers.tf"), offlineProviders(["management", "log_archive", "security"]));
    const ours = synthesizeEstate(presetPlan(id)).addresses.filter((a) => /^aws_[a-z0-9_]+\.(forensics|review)_/.test(a));
    // The grants live in the archive bucket policy, the key policy and the review topics' policies.
    const grants = ["aws_s3_bucket_policy.log_archive_policy", "aws_kms_key.estate_key", "aws_sns_topic_policy.alerts_info_policy", "aws_sns_topic_policy.alerts_warning_policy"];
    const result = await terraformPlanOffline(dir, [...ours, ...grants]);
    expect(result.output).not.toMatch(/^Error/m);
    expect(result.code).toBe(0);
    expect(result.creates).toEqual(expect.arrayContaining([...ours, ...grants]));
    expect(ours.length).toBeGreaterThan(30);
  });
});

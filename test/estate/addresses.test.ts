// Construct ids become Terraform addresses; renaming one makes Terraform
// destroy and recreate the resource (a log bucket, the key). These files list
// every address of every preset, so any rename shows up in review as a diff.
// If a change here is intended, it needs a `moved {}` block for existing users.
import { describe, expect, it } from "vitest";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";

describe("Terraform addresses are a contract", () => {
  it.each(PRESET_IDS)("%s", async (id) => {
    const { addresses } = synthesizeEstate(presetPlan(id));
    await expect(`${addresses.join("\n")}\n`).toMatchFileSnapshot(`addresses/${id}.txt`);
  });

  it("evidence-holding resources keep their names across presets", () => {
    for (const id of PRESET_IDS) {
      const { addresses } = synthesizeEstate(presetPlan(id));
      expect(addresses).toEqual(
        expect.arrayContaining([
          "aws_s3_bucket.log_archive_bucket",
          "aws_s3_bucket.access_logs_bucket",
          "aws_kms_key.estate_key",
          "aws_cloudtrail.trail_main",
          "aws_cloudwatch_log_group.log_group_main",
        ]),
      );
    }
  });
});

import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { countByKind, renderSummary } from "../../src/wizard/summary.js";

describe("summary", () => {
  it("counts resources by kind, leaving out data sources and listing unknown types by name", () => {
    expect(
      countByKind([
        "aws_s3_bucket.a",
        "aws_s3_bucket.b",
        "aws_s3_bucket_policy.a",
        "aws_cloudtrail.trail",
        "data.aws_iam_policy_document.x",
        "aws_zz_new_thing.one",
        "aws_config_config_rule.r1",
        "aws_config_configuration_recorder.rec",
      ]),
    ).toEqual([
      { label: "CloudTrail trail", count: 1 },
      { label: "S3 buckets", count: 2 },
      { label: "S3 bucket settings (policy, encryption, versioning, lifecycle, lock, ...)", count: 1 },
      { label: "AWS Config rules", count: 1 },
      { label: "AWS Config recorder and delivery", count: 1 },
      { label: "aws_zz_new_thing", count: 1 },
    ]);
  });

  it("shows retention per tier with its reason, the lock, MFA delete and the regions", () => {
    const plan = resolvePlan(
      loadConfig({
        preset: "uk-smb",
        sets: ["accounts.management=123456789012", "alerts.emails=a@example.com", "storage.mfaDelete=true", "storage.lifecycle=false"],
      }),
    );
    const text = renderSummary({ plan, addresses: ["aws_cloudtrail.trail"], out: "estate", extra: ["Estimated monthly cost: $1.00"] });
    expect(text).toContain("    archive in S3, then expired: 365 days (1 year) (no lifecycle: MFA delete is on, expired logs are deleted by hand)");
    expect(text).toContain("    searchable in CloudWatch Logs: 365 days (1 year)\n      why: NCSC Cyber Assessment Framework v3.1 minimum");
    expect(text).toContain("    Object Lock GOVERNANCE: 365 days (1 year)");
    expect(text).toContain("    MFA delete: on");
    expect(text).toContain("  Regions: home eu-west-2; allowed eu-west-2; residency on");
    expect(text).toContain("  Resources by kind (1 in all):\n    1  CloudTrail trail");
    expect(text).toContain("  Output: Terraform HCL (.tf) in estate/\n  Estimated monthly cost: $1.00");
  });
});

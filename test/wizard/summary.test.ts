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

  it("shows data events, Insights, Config and the cost assumptions, with the accounts the user named beside the count assumed", () => {
    const plan = resolvePlan(
      loadConfig({
        preset: "uk-bank",
        sets: ["accounts.management=111111111111", "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-a1b2c3d4e5", "alerts.emails=a@example.com", "cost.accounts=3"],
      }),
    );
    const text = renderSummary({ plan, addresses: [], out: "estate" });
    expect(text).toContain("    S3 data events: every bucket (the estate's own log buckets excluded)\n    Lambda data events: on\n    CloudTrail Insights: on");
    expect(text).toMatch(/ {4}AWS Config: on \(recorder and \d+ managed rules checking the estate\)/);
    expect(text).toContain("  Cost estimate assumes:\n    3 accounts (you named 3;");
    expect(text).toContain("    2,500,000 data events per day");
  });
});

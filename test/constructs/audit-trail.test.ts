import { describe, expect, it } from "vitest";
import { Testing } from "cdktf";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { AuditTrail } from "../../src/constructs/audit-trail.js";
import { TrailLogGroup } from "../../src/constructs/trail-log-group.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { BUCKET_POLICY_ADDRESS, KEY_ARN_REF, addresses, newStack, synthMonitoring } from "./support/monitoring-stack.js";

const trailOf = (plan: ResolvedPlan) => synthMonitoring(plan).json.resource.aws_cloudtrail.trail_main;

/** Control Tower already records management events: a data-events-only trail (pitfall 13). */
const controlTowerPlan: ResolvedPlan = {
  ...organizationPlan,
  controlTower: true,
  trail: { ...organizationPlan.trail, managementEvents: false, insights: false, cloudWatchLogs: false },
  logGroup: { ...organizationPlan.logGroup, name: "aws-controltower/CloudTrailLogs", managed: false },
};

function trailWith(plan: ResolvedPlan) {
  const { stack, key, bucketPolicy } = newStack(plan);
  const logGroup = new TrailLogGroup(stack, "log_group", { plan, kmsKeyArn: key.arn });
  new AuditTrail(stack, "trail", {
    plan,
    bucketName: plan.archive.name,
    kmsKeyArn: key.arn,
    cloudWatchLogs: logGroup,
    dependsOn: [bucketPolicy],
  });
  return JSON.parse(Testing.synth(stack)).resource.aws_cloudtrail.trail_main;
}

describe("AuditTrail addresses (a contract: renaming one replaces the trail)", () => {
  it.each([organizationPlan, singleAccountPlan])("are stable for $topology", (plan) => {
    expect(addresses(synthMonitoring(plan).json).filter((a) => a.includes(".trail_"))).toEqual(["aws_cloudtrail.trail_main"]);
  });
});

describe("AuditTrail", () => {
  it("is an encrypted, validated, multi-region organization trail in the organization topology", () => {
    const t = trailOf(organizationPlan);
    expect(t).toMatchObject({
      name: "acme-audit-org-trail",
      s3_bucket_name: "acme-audit-cloudtrail-222222222222-eu-west-2",
      kms_key_id: KEY_ARN_REF,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      is_organization_trail: true,
      cloud_watch_logs_group_arn: "${aws_cloudwatch_log_group.log_group_main.arn}:*",
      cloud_watch_logs_role_arn: "${aws_iam_role.log_group_delivery_role.arn}",
    });
    // Advanced selectors only: CloudTrail rejects a mix with basic selectors.
    expect(t.event_selector).toBeUndefined();
  });

  it("waits for the bucket policy and the delivery role's policy before CreateTrail checks them", () => {
    expect(trailOf(organizationPlan).depends_on).toEqual([BUCKET_POLICY_ADDRESS, "aws_iam_role_policy.log_group_delivery_policy"]);
  });

  it("records management events, S3 data events outside the estate buckets, Lambda data events and both Insights", () => {
    const t = trailOf(organizationPlan);
    expect(t.advanced_event_selector).toEqual([
      { name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] },
      {
        name: "S3 object data events, estate log buckets excluded",
        field_selector: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", not_starts_with: [...organizationPlan.trail.excludedBucketArns] },
        ],
      },
      {
        name: "Lambda invoke data events",
        field_selector: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::Lambda::Function"] },
        ],
      },
    ]);
    expect(t.insight_selector).toEqual([{ insight_type: "ApiCallRateInsight" }, { insight_type: "ApiErrorRateInsight" }]);
  });

  it("excludes every estate bucket from S3 data events (pitfall 7 feedback loop)", () => {
    const s3 = trailOf(organizationPlan).advanced_event_selector[1];
    const excluded: string[] = s3.field_selector.find((f: any) => f.field === "resources.ARN").not_starts_with;
    for (const arn of [organizationPlan.archive.arn, organizationPlan.accessLogs.arn, organizationPlan.config!.bucketArn]) {
      expect(excluded.some((prefix) => `${arn}/AWSLogs/o-abc123defg/x.json.gz`.startsWith(prefix))).toBe(true);
    }
  });

  it("is an account trail with management events only in the single-account topology", () => {
    const t = trailOf(singleAccountPlan);
    expect(t.is_organization_trail).toBe(false);
    expect(t.name).toBe("smb-audit-trail");
    expect(t.s3_bucket_name).toBe("smb-audit-cloudtrail-111111111111-eu-west-2");
    expect(t.advanced_event_selector).toEqual([
      { name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] },
    ]);
    expect(t.insight_selector).toBeUndefined();
  });

  it("records data events only when Control Tower already records management events", () => {
    const t = trailWith(controlTowerPlan);
    const categories = t.advanced_event_selector.map(
      (s: any) => s.field_selector.find((f: any) => f.field === "eventCategory").equals[0],
    );
    expect(categories).toEqual(["Data", "Data"]);
    expect(t.insight_selector).toBeUndefined();
    expect(t.cloud_watch_logs_group_arn).toBeUndefined();
    expect(t.cloud_watch_logs_role_arn).toBeUndefined();
  });

  it("scopes S3 data events to named buckets with a trailing slash", () => {
    const plan: ResolvedPlan = {
      ...singleAccountPlan,
      trail: { ...singleAccountPlan.trail, s3DataEvents: { buckets: ["phi-records", "phi.scans"] } },
    };
    const s3 = trailWith(plan).advanced_event_selector[1];
    expect(s3.field_selector).toContainEqual({
      field: "resources.ARN",
      starts_with: ["arn:aws:s3:::phi-records/", "arn:aws:s3:::phi.scans/"],
    });
  });

  it("refuses a trail that would record nothing", () => {
    const plan: ResolvedPlan = {
      ...controlTowerPlan,
      trail: { ...controlTowerPlan.trail, s3DataEvents: "off", lambdaDataEvents: false },
    };
    expect(() => trailWith(plan)).toThrow(/would record nothing/);
  });

  it("refuses Insights on a data-events-only trail (Insights analyse management events)", () => {
    const plan: ResolvedPlan = { ...controlTowerPlan, trail: { ...controlTowerPlan.trail, insights: true } };
    expect(() => trailWith(plan)).toThrow(/Insights/);
  });

  it("refuses 'all buckets' data events that do not exclude an estate bucket", () => {
    const plan: ResolvedPlan = {
      ...organizationPlan,
      trail: { ...organizationPlan.trail, excludedBucketArns: organizationPlan.trail.excludedBucketArns.slice(1) },
    };
    expect(() => trailWith(plan)).toThrow(/acme-audit-cloudtrail-222222222222-eu-west-2\//);
  });

  it("refuses named data events on the estate's own buckets", () => {
    const plan: ResolvedPlan = {
      ...organizationPlan,
      trail: { ...organizationPlan.trail, s3DataEvents: { buckets: [organizationPlan.archive.name] } },
    };
    expect(() => trailWith(plan)).toThrow(/feed back/);
  });

  it("refuses CloudWatch Logs delivery without a delivery role", () => {
    const { stack, key, bucketPolicy } = newStack(organizationPlan);
    expect(
      () =>
        new AuditTrail(stack, "trail", {
          plan: organizationPlan,
          bucketName: organizationPlan.archive.name,
          kmsKeyArn: key.arn,
          dependsOn: bucketPolicy,
        }),
    ).toThrow(/cloudWatchLogs/);
  });
});

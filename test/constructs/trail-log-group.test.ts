import { describe, expect, it } from "vitest";
import { Testing } from "cdktf";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { TrailLogGroup } from "../../src/constructs/trail-log-group.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { KEY_ARN_REF, addresses, newStack } from "./support/monitoring-stack.js";

function synth(plan: ResolvedPlan, withKey = true) {
  const { stack, key } = newStack(plan);
  const group = new TrailLogGroup(stack, "log_group", { plan, kmsKeyArn: withKey ? key.arn : undefined });
  return { group, json: JSON.parse(Testing.synth(stack)) };
}

const STREAMS = "arn:aws:logs:eu-west-2:111111111111:log-group:/trailwright/acme-audit/cloudtrail:log-stream:";

describe("TrailLogGroup addresses (a contract: renaming one replaces the group)", () => {
  it.each([organizationPlan, singleAccountPlan])("are stable for $topology", (plan) => {
    expect(addresses(synth(plan).json).filter((a) => a.includes(".log_group_"))).toEqual([
      "aws_cloudwatch_log_group.log_group_main",
      "aws_iam_role.log_group_delivery_role",
      "aws_iam_role_policy.log_group_delivery_policy",
      "data.aws_iam_policy_document.log_group_delivery_permissions",
      "data.aws_iam_policy_document.log_group_delivery_trust",
    ]);
  });
});

describe("TrailLogGroup", () => {
  it("creates a KMS-encrypted group with the plan's retention that Terraform will not destroy", () => {
    const { json } = synth(organizationPlan);
    expect(json.resource.aws_cloudwatch_log_group.log_group_main).toEqual({
      name: "/trailwright/acme-audit/cloudtrail",
      retention_in_days: 365,
      kms_key_id: KEY_ARN_REF,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("lets only this trail, from this account, assume the delivery role", () => {
    const { json } = synth(organizationPlan);
    expect(json.resource.aws_iam_role.log_group_delivery_role.assume_role_policy).toBe(
      "${data.aws_iam_policy_document.log_group_delivery_trust.json}",
    );
    expect(json.data.aws_iam_policy_document.log_group_delivery_trust.statement).toEqual([
      {
        sid: "CloudTrailAssume",
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceArn", values: [organizationPlan.trail.arn] },
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
        ],
      },
    ]);
  });

  it("grants only CreateLogStream and PutLogEvents on the trail's own streams, org streams included", () => {
    const { json } = synth(organizationPlan);
    const streams = [`${STREAMS}111111111111_CloudTrail_eu-west-2*`, `${STREAMS}o-abc123defg_*`];
    expect(json.data.aws_iam_policy_document.log_group_delivery_permissions.statement).toEqual([
      { sid: "CreateTrailStreams", effect: "Allow", actions: ["logs:CreateLogStream"], resources: streams },
      { sid: "PutTrailEvents", effect: "Allow", actions: ["logs:PutLogEvents"], resources: streams },
    ]);
    expect(json.resource.aws_iam_role_policy.log_group_delivery_policy).toEqual({
      name: "cloudtrail-delivery",
      role: "${aws_iam_role.log_group_delivery_role.name}",
      policy: "${data.aws_iam_policy_document.log_group_delivery_permissions.json}",
    });
  });

  it("grants no organization streams to an account trail", () => {
    const { json } = synth(singleAccountPlan);
    for (const st of json.data.aws_iam_policy_document.log_group_delivery_permissions.statement) {
      expect(st.resources).toEqual([`${STREAMS}111111111111_CloudTrail_eu-west-2*`]);
    }
  });

  it("exposes references that carry the dependency on the group and the role policy", () => {
    const { group, json } = synth(organizationPlan);
    expect(json.resource.aws_iam_role.log_group_delivery_role.name).toBe("acme-audit-cloudtrail-cwlogs");
    expect(group.roleArn).toBeDefined();
    expect(group.dependables).toHaveLength(1);
  });

  it("only reads Control Tower's group, and creates no role, when the estate does not own it", () => {
    const plan: ResolvedPlan = {
      ...organizationPlan,
      controlTower: true,
      logGroup: { ...organizationPlan.logGroup, name: "aws-controltower/CloudTrailLogs", managed: false },
    };
    const { group, json } = synth(plan, false);
    expect(json.data.aws_cloudwatch_log_group.log_group_main).toEqual({ name: "aws-controltower/CloudTrailLogs" });
    expect(json.resource.aws_cloudwatch_log_group).toBeUndefined();
    expect(json.resource.aws_iam_role).toBeUndefined();
    expect(group.roleArn).toBeUndefined();
    expect(group.dependables).toEqual([]);
  });

  it("requires the key for a managed group", () => {
    expect(() => synth(organizationPlan, false)).toThrow(/kmsKeyArn is required/);
  });
});

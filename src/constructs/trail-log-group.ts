import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { DataAwsCloudwatchLogGroup } from "@cdktf/provider-aws/lib/data-aws-cloudwatch-log-group/index.js";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import type { ResolvedPlan } from "../model/plan.js";

/** What a trail needs to deliver to CloudWatch Logs (implemented by TrailLogGroup). */
export interface TrailLogDelivery {
  /** ARN of the log group, without the `:*` suffix. */
  readonly logGroupArn: string;
  /** Role CloudTrail assumes to write; undefined when the estate does not own the group. */
  readonly roleArn: string | undefined;
  /**
   * Resources the trail must wait for: CreateTrail checks that the role can
   * already write, and the role's policy is a separate resource the trail does
   * not reference, so without this Terraform may race it.
   */
  readonly dependables: readonly ITerraformDependable[];
}

export interface TrailLogGroupProps {
  /** The resolved plan; reads `logGroup`, `trail`, `accounts.management`, `organizationId`, `homeRegion`, `name`. */
  readonly plan: ResolvedPlan;
  /**
   * ARN of the estate KMS key that encrypts the group (CKV_AWS_158). Required
   * when `plan.logGroup.managed`; ignored otherwise. No default.
   */
  readonly kmsKeyArn?: string;
  /** Name of the delivery role. Default: `<plan.name>-cloudtrail-cwlogs`. */
  readonly roleName?: string;
  /** Provider for the management account (where the trail and group live). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/**
 * The CloudWatch Logs group the trail delivers to and the metric filters read
 * (CIS 3.4 / Security Hub CloudTrail.5), with its least-privilege delivery role.
 * Under Control Tower (`plan.logGroup.managed` false) it only reads CT's
 * existing group and creates no role.
 */
export class TrailLogGroup extends Construct implements TrailLogDelivery {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  public readonly roleArn: string | undefined;
  public readonly dependables: readonly ITerraformDependable[];
  /** The managed group; undefined under Control Tower. */
  public readonly logGroup: CloudwatchLogGroup | undefined;
  /** The delivery role; undefined under Control Tower. */
  public readonly role: IamRole | undefined;

  constructor(scope: Construct, id: string, props: TrailLogGroupProps) {
    super(scope, id);
    const { plan, provider } = props;
    const group = plan.logGroup;

    if (!group.managed) {
      // Control Tower owns aws-controltower/CloudTrailLogs and its delivery role;
      // touching either causes CT drift (pitfall 13), so only read it.
      const existing = new DataAwsCloudwatchLogGroup(this, "main", { provider, name: group.name });
      this.logGroupName = existing.name;
      this.logGroupArn = existing.arn;
      this.roleArn = undefined;
      this.dependables = [];
      this.logGroup = undefined;
      this.role = undefined;
      return;
    }

    if (!props.kmsKeyArn) {
      throw new Error("TrailLogGroup: kmsKeyArn is required when plan.logGroup.managed is true; pass the estate key's ARN");
    }
    const roleName = props.roleName ?? `${plan.name}-cloudtrail-cwlogs`;
    if (roleName.length > 64) {
      throw new Error(`TrailLogGroup: role name "${roleName}" is longer than IAM's 64 characters; pass a shorter roleName`);
    }
    if (plan.trail.isOrganizationTrail && !plan.organizationId) {
      throw new Error("TrailLogGroup: an organization trail needs plan.organizationId to scope the delivery role's log streams");
    }

    this.logGroup = new CloudwatchLogGroup(this, "main", {
      provider,
      name: group.name,
      retentionInDays: group.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      // The group holds the hot copy of the evidence the alarms read.
      lifecycle: { preventDestroy: true },
    });

    const mgmt = plan.accounts.management.id;
    const trust = new DataAwsIamPolicyDocument(this, "delivery_trust", {
      provider,
      statement: [
        {
          sid: "CloudTrailAssume",
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
          // Confused-deputy protection: only our trail, in our account, may use the role.
          condition: [
            { test: "StringEquals", variable: "aws:SourceArn", values: [plan.trail.arn] },
            { test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] },
          ],
        },
      ],
    });

    // Stream names, from the AWS CloudTrail user guide ("Role policy document for
    // CloudTrail to use CloudWatch Logs" and "CloudWatch log group and log stream
    // naming"): an account trail writes `<account>_CloudTrail_<home region>` (plus
    // `_<n>` when volume needs more streams, hence the `*`); an organization trail
    // also writes one stream per member account named `<org id>_<account>_...`,
    // which the guide grants as `<org id>_*`. Nothing else in the group is writable.
    const streams = `${group.arn}:log-stream:`;
    const resources = [`${streams}${mgmt}_CloudTrail_${plan.homeRegion}*`];
    if (plan.trail.isOrganizationTrail) resources.push(`${streams}${plan.organizationId}_*`);
    const permissions = new DataAwsIamPolicyDocument(this, "delivery_permissions", {
      provider,
      statement: [
        { sid: "CreateTrailStreams", effect: "Allow", actions: ["logs:CreateLogStream"], resources },
        { sid: "PutTrailEvents", effect: "Allow", actions: ["logs:PutLogEvents"], resources },
      ],
    });

    this.role = new IamRole(this, "delivery_role", {
      provider,
      name: roleName,
      description: `CloudTrail ${plan.trail.name} delivers events to ${group.name}`,
      assumeRolePolicy: trust.json,
    });
    const policy = new IamRolePolicy(this, "delivery_policy", {
      provider,
      name: "cloudtrail-delivery",
      role: this.role.name,
      policy: permissions.json,
    });

    this.logGroupName = this.logGroup.name;
    this.logGroupArn = this.logGroup.arn;
    this.roleArn = this.role.arn;
    this.dependables = [policy];
  }
}

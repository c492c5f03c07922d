import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization/index.js";
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy/index.js";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment/index.js";
import type { ResolvedPlan } from "../model/plan.js";

/** AWS Organizations' limit for one SCP document, whitespace included. */
export const SCP_MAX_CHARS = 5120;

export interface GuardrailScpsProps {
  /** An organization-topology plan with `guardrails` set; reads `trail`, `archive`, `accessLogs`, `config`, `logGroup`. */
  readonly plan: ResolvedPlan;
  /**
   * Resources the attachments wait for: the log-archive bucket policies and
   * lifecycle rules. Once attached, the SCP denies those calls to every
   * member-account role except break-glass and the log-archive deploy role
   * (`plan.accounts.logArchive.assumeRoleArn`); when there is no such role,
   * attaching first would fail the first apply. Default: none.
   */
  readonly attachAfter?: readonly ITerraformDependable[];
  /** Provider for the management account (only it can manage SCPs). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/** A Deny statement in the data the policy document is built from (and measured from). */
export interface ScpStatement {
  readonly sid: string;
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources: readonly string[];
  readonly conditions: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

export interface ScpSpec {
  /** Construct id and name suffix. */
  readonly id: "log_protection" | "region_deny";
  readonly name: string;
  readonly description: string;
  readonly statements: readonly ScpStatement[];
}

/**
 * Service control policies that keep the audit estate intact: "log protection"
 * and, with residency, "region deny", each attached to the organization root.
 *
 * SCPs never apply to the management account (AWS Organizations user guide,
 * "Service control policies"), which holds the trail, key and log group: there
 * the key policy and IAM carry the protection. The SCP's real reach is the
 * member accounts: the log-archive buckets, Config recorders, and any delegated
 * administrator that could otherwise edit the organization trail.
 */
export class GuardrailScps extends Construct {
  public readonly policies: readonly OrganizationsPolicy[];
  public readonly specs: readonly ScpSpec[];

  constructor(scope: Construct, id: string, props: GuardrailScpsProps) {
    super(scope, id);
    const { plan, provider } = props;
    this.specs = scpSpecs(plan);
    const org = new DataAwsOrganizationsOrganization(this, "organization", { provider });

    this.policies = this.specs.map((spec) => {
      const size = scpJson(spec).length;
      if (size > SCP_MAX_CHARS) {
        // Fail at synth: Organizations would reject it only at apply (ConstraintViolationException).
        throw new Error(`GuardrailScps: the ${spec.name} SCP is ${size} characters, over the ${SCP_MAX_CHARS} limit; shorten its lists`);
      }
      const s = new Construct(this, spec.id);
      const doc = new DataAwsIamPolicyDocument(s, "document", {
        provider,
        // No principals: an SCP has no Principal element, and the data source
        // omits it when none is given.
        statement: spec.statements.map((st) => ({
          sid: st.sid,
          effect: "Deny",
          actions: st.actions ? [...st.actions] : undefined,
          notActions: st.notActions ? [...st.notActions] : undefined,
          resources: [...st.resources],
          condition: st.conditions.map((c) => ({ test: c.test, variable: c.variable, values: [...c.values] })),
        })),
      });
      const policy = new OrganizationsPolicy(s, "policy", {
        provider,
        name: spec.name,
        description: spec.description,
        type: "SERVICE_CONTROL_POLICY",
        // Minified: the 5,120-character limit counts whitespace.
        content: doc.minifiedJson,
      });
      new OrganizationsPolicyAttachment(s, "attachment", {
        provider,
        policyId: policy.id,
        targetId: org.roots.get(0).id,
        dependsOn: props.attachAfter ? [...props.attachAfter] : undefined,
      });
      return policy;
    });
  }
}

/** The SCPs for a plan, as data. Throws for plans without guardrails. Exported for tests. */
export function scpSpecs(plan: ResolvedPlan): ScpSpec[] {
  const g = plan.guardrails;
  if (plan.topology !== "organization" || !g) {
    throw new Error("GuardrailScps: SCPs exist only in the organization topology with plan.guardrails set; do not create them otherwise");
  }
  const partition = plan.trail.arn.split(":")[1] ?? "aws";
  const mgmt = plan.accounts.management.id;
  const exempt = {
    test: "ArnNotLike",
    variable: "aws:PrincipalArn",
    values: [`arn:${partition}:iam::*:role/${g.breakGlassRoleName}`],
  };
  const buckets = [plan.archive.arn, plan.accessLogs.arn, ...(plan.config ? [plan.config.bucketArn] : [])];
  const bucketResources = buckets.flatMap((b) => [b, `${b}/*`]);
  // The role Terraform assumes into the log-archive account (undefined when
  // credentials already point there: then only break-glass may change settings).
  const deployRoles = plan.accounts.logArchive.assumeRoleArn ? [plan.accounts.logArchive.assumeRoleArn] : [];

  const protection: ScpStatement[] = [
    {
      // The trail ARN, not "*": members keep control of their own trails, and
      // a CloudTrail delegated administrator still cannot edit this one.
      // PutInsightSelectors too: turning Insights off blinds detection quietly.
      sid: "ProtectTrail",
      actions: ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"],
      resources: [plan.trail.arn],
      conditions: [exempt],
    },
    {
      // Removing evidence: break-glass only. Bucket and object actions share a
      // statement (IAM skips an action on a resource type it does not apply to).
      sid: "ProtectLogEvidence",
      actions: ["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:DeleteObject*", "s3:BypassGovernanceRetention"],
      resources: bucketResources,
      conditions: [exempt],
    },
    {
      // Weakening the buckets: a new bucket policy could grant deletion to
      // another account, which no SCP reaches; a lifecycle rule could expire
      // evidence early. Terraform needs these calls to manage the buckets, so
      // the log-archive deploy role is exempt too (as Control Tower exempts its
      // execution role from its own log-bucket guardrails).
      sid: "ProtectLogBucketSettings",
      actions: ["s3:PutBucketPolicy", "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning", "s3:PutBucketObjectLockConfiguration"],
      resources: bucketResources,
      conditions: [{ ...exempt, values: [...exempt.values, ...deployRoles] }],
    },
    {
      sid: "ProtectKeys",
      actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
      // The estate key is in the management account; any key there is out of bounds for members.
      resources: [`arn:${partition}:kms:*:${mgmt}:key/*`],
      conditions: [exempt],
    },
    {
      sid: "ProtectLogGroup",
      actions: ["logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteMetricFilter"],
      resources: [plan.logGroup.arn, `${plan.logGroup.arn}:*`],
      conditions: [exempt],
    },
  ];
  if (plan.config) {
    protection.push({
      sid: "ProtectConfig",
      actions: ["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"],
      resources: ["*"],
      conditions: [exempt],
    });
  }

  const specs: ScpSpec[] = [
    {
      id: "log_protection",
      name: `${plan.name}-log-protection`,
      description: "Deny stopping or weakening the audit trail, log buckets, key and log group, except for the break-glass role",
      statements: protection,
    },
  ];
  if (g.regionDeny) {
    specs.push({
      id: "region_deny",
      name: `${plan.name}-region-deny`,
      description: "Deny requests outside the allowed regions (global services exempt), except for the break-glass role",
      statements: [
        {
          sid: "DenyOutsideAllowedRegions",
          notActions: g.regionDeny.exemptActions,
          resources: ["*"],
          conditions: [{ test: "StringNotEquals", variable: "aws:RequestedRegion", values: g.regionDeny.allowedRegions }, exempt],
        },
      ],
    });
  }
  return specs;
}

/**
 * The minified JSON aws_iam_policy_document renders for a spec (one-element
 * lists become strings; conditions group by operator), used to prove each SCP
 * fits SCP_MAX_CHARS before anything reaches AWS.
 */
export function scpJson(spec: ScpSpec): string {
  const one = (xs: readonly string[]) => (xs.length === 1 ? xs[0] : [...xs]);
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: spec.statements.map((st) => {
      const condition: Record<string, Record<string, string | string[] | undefined>> = {};
      for (const c of st.conditions) (condition[c.test] ??= {})[c.variable] = one(c.values);
      return {
        Sid: st.sid,
        Effect: "Deny",
        ...(st.actions ? { Action: one(st.actions) } : {}),
        ...(st.notActions ? { NotAction: one(st.notActions) } : {}),
        Resource: one(st.resources),
        ...(st.conditions.length > 0 ? { Condition: condition } : {}),
      };
    }),
  });
}

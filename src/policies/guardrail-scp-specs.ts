// The guardrail SCPs as data: the construct emits them, quotas.ts and the construct measure
// them against Organizations' 5,120-character limit, the policy tests evaluate them.
//
// SCPs never bind the management account
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html:
// "SCPs don't affect users or roles in the management account"), so every statement here names
// a resource in a member account. The trail, its log group, the alarms and topics live in
// management; no SCP can protect them, and the estate documents say so.
import type { ResolvedPlan } from "../model/plan.js";
import { CONTROL_TOWER_EXECUTION_ROLE } from "../plan/accounts.js";

/** AWS Organizations' limit for one SCP document, whitespace included. */
export const SCP_MAX_CHARS = 5120;

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
 * Control Tower's own roles, which its guidance says never to restrict
 * (https://docs.aws.amazon.com/controltower/latest/userguide/getting-started-guidance.html); its
 * region-deny control exempts the same (CT.MULTISERVICE.PV.1,
 * https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html), and
 * StackSets run as stacksets-exec-* in enrolled accounts.
 */
export const CONTROL_TOWER_ROLE_PATTERNS: readonly string[] = Object.freeze([
  CONTROL_TOWER_EXECUTION_ROLE,
  "aws-controltower-*",
  "AWSControlTower*",
  "stacksets-exec-*",
]);

/** The SCPs for a plan, as data. Throws for plans without guardrails. */
export function scpSpecs(plan: ResolvedPlan): ScpSpec[] {
  const g = plan.guardrails;
  if (plan.topology !== "organization" || !g) {
    throw new Error("GuardrailScps: SCPs exist only in the organization topology with plan.guardrails set; do not create them otherwise");
  }
  const partition = plan.trail.arn.split(":")[1] ?? "aws";
  const role = (name: string) => `arn:${partition}:iam::*:role/${name}`;
  const controlTower = plan.controlTower ? CONTROL_TOWER_ROLE_PATTERNS.map(role) : [];
  const breakGlass = role(g.breakGlassRoleName);
  const deploy = role(plan.access.deployRoleName);
  const bootstrap = role(plan.access.bootstrapRoleName);
  const except = (...principals: string[]) => ({
    test: "ArnNotLike",
    variable: "aws:PrincipalArn",
    values: [...new Set([...principals, ...controlTower])],
  });
  const buckets = [plan.archive.arn, plan.accessLogs.arn, ...(plan.config && plan.config.recorderAccounts.length > 0 ? [plan.config.bucketArn] : [])];
  const bucketResources = buckets.flatMap((b) => [b, `${b}/*`]);
  // The estate key's id is not known before apply; its tag is (default_tags, or the module's
  // own tags). A request to untag it is still evaluated with the tag present.
  const estateKeys = {
    resources: [`arn:${partition}:kms:*:${plan.accounts[plan.key.account].id}:key/*`],
    tag: { test: "StringEquals", variable: "aws:ResourceTag/trailwright-estate", values: [plan.name] },
  };

  const protection: ScpStatement[] = [
    {
      // Removing evidence: break-glass only. Bucket and object actions share a statement
      // (IAM skips an action on a resource type it does not apply to).
      sid: "ProtectLogEvidence",
      actions: ["s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:DeleteObject*", "s3:BypassGovernanceRetention"],
      resources: bucketResources,
      conditions: [except(breakGlass)],
    },
    {
      // Weakening the buckets (a policy granting deletion to another account, an early expiry,
      // encryption or public access changes). Terraform manages these through the deploy role,
      // which is exempt, as Control Tower exempts its execution role from its log-bucket controls.
      sid: "ProtectLogBucketSettings",
      actions: [
        "s3:PutBucketPolicy",
        "s3:PutLifecycleConfiguration",
        "s3:PutBucketVersioning",
        "s3:PutBucketObjectLockConfiguration",
        "s3:PutEncryptionConfiguration",
        "s3:PutBucketLogging",
        "s3:PutBucketPublicAccessBlock",
        "s3:PutBucketOwnershipControls",
      ],
      resources: bucketResources,
      conditions: [except(breakGlass, deploy)],
    },
    {
      sid: "ProtectEstateKeyDeletion",
      actions: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
      resources: estateKeys.resources,
      conditions: [except(breakGlass), estateKeys.tag],
    },
    {
      // Rewriting the key policy or granting around it is how the archive would be opened to
      // someone unnamed; Terraform (the deploy role) maintains the policy and tags.
      sid: "ProtectEstateKeySettings",
      actions: ["kms:PutKeyPolicy", "kms:CreateGrant", "kms:DisableKeyRotation", "kms:TagResource", "kms:UntagResource"],
      resources: estateKeys.resources,
      conditions: [except(breakGlass, deploy), estateKeys.tag],
    },
    {
      // Every exemption above names a role; whoever could rewrite that role's trust or
      // permissions inside a member account could walk around the SCP. Not even bootstrap/'s
      // role is exempt: any management admin can assume OrganizationAccountAccessRole
      // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html),
      // rewrite the deploy role's trust and so undo a narrowed accounts.deployerArn. bootstrap/
      // runs before the SCPs are attached; changing the roles later goes through break-glass.
      sid: "ProtectExemptRoles",
      actions: [
        "iam:AttachRolePolicy",
        "iam:DeleteRole",
        "iam:DeleteRolePermissionsBoundary",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:PutRolePermissionsBoundary",
        "iam:PutRolePolicy",
        "iam:UpdateAssumeRolePolicy",
        "iam:UpdateRole",
      ],
      resources: [breakGlass, deploy, bootstrap],
      conditions: [except(breakGlass)],
    },
  ];
  if (plan.config) {
    protection.push({
      sid: "ProtectConfigRecorders",
      actions: ["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel"],
      resources: ["*"],
      conditions: [except(breakGlass)],
    });
  }

  const specs: ScpSpec[] = [
    {
      id: "log_protection",
      name: `${plan.name}-log-protection`,
      description: "Deny member accounts weakening the log archive, the estate key and Config, except break-glass and the deploy role",
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
          conditions: [{ test: "StringNotEquals", variable: "aws:RequestedRegion", values: g.regionDeny.allowedRegions }, except(breakGlass)],
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

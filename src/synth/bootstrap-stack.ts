// bootstrap/: a one-time root module, applied before the estate with management credentials,
// that creates the dedicated deploy role in each member account (reference/organization.md A).
// It reaches them through the organization's own access role, which exists there and only
// there: AWSControlTowerExecution in Control Tower-enrolled accounts
// (https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html) and
// OrganizationAccountAccessRole in accounts Organizations created
// (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html).
// From then on the estate's providers assume the deploy role, which only the named deployer
// may assume and which the guardrail SCP lets no member-account admin edit.
import type { App } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { ReadableStack } from "../constructs/readable-stack.js";
import type { ResolvedPlan } from "../model/plan.js";

export const BOOTSTRAP_STACK_ID = "bootstrap";
export const BOOTSTRAP_DIR = "bootstrap";
/**
 * The deploy role manages S3, KMS, IAM, Config, CloudWatch and more in its account, the same
 * breadth as SRA's sra-execution and AFT's AWSAFTExecution roles, so it gets AdministratorAccess;
 * what keeps it narrow is who may assume it (one principal) and the SCP that stops anyone in the
 * member account from changing it.
 */
export const DEPLOY_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

/** True when the estate needs a bootstrap: an organization has member accounts to reach. */
export function needsBootstrap(plan: ResolvedPlan): boolean {
  return plan.access.memberAccountIds.length > 0;
}

export function buildBootstrapStack(app: App, plan: ResolvedPlan, providerConstraint: string): ReadableStack {
  const stack = new ReadableStack(app, BOOTSTRAP_STACK_ID);
  stack.addOverride("terraform.required_providers.aws", { source: "hashicorp/aws", version: providerConstraint });
  const access = plan.access;
  // One parent construct: every address starts with deploy_roles_, and the files split puts them in deploy-roles.tf.
  const roles = new Construct(stack, "deploy_roles");
  for (const id of access.memberAccountIds) {
    const alias = `account_${id}`;
    const provider = new AwsProvider(stack, `provider_${alias}`, {
      alias,
      region: plan.homeRegion,
      assumeRole: [{ roleArn: `arn:aws:iam::${id}:role/${access.bootstrapRoleName}`, sessionName: "trailwright-bootstrap" }],
      allowedAccountIds: [id],
      defaultTags: [{ tags: { ...plan.tags } }],
    });
    const scope = new Construct(roles, alias);
    const trust = new DataAwsIamPolicyDocument(scope, "deploy_trust", {
      provider,
      statement: [
        {
          sid: "NamedDeployerOnly",
          effect: "Allow",
          principals: [{ type: "AWS", identifiers: [access.deployerArn] }],
          actions: ["sts:AssumeRole", "sts:TagSession"],
        },
      ],
    });
    const role = new IamRole(scope, "deploy_role", {
      provider,
      name: access.deployRoleName,
      description: `Terraform deploys the trailwright audit-logging estate ${plan.name} through this role (bootstrap)`,
      assumeRolePolicy: trust.json,
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(scope, "deploy_role_policy", { provider, role: role.name, policyArn: DEPLOY_ROLE_POLICY_ARN });
  }
  return stack;
}

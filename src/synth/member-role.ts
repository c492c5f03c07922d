// Which role Terraform assumes in the member accounts, as an ephemeral input
// variable, so that CI can plan with a read-only role and apply with the
// deploying one from the same saved plan. An ephemeral variable (Terraform
// >= 1.10, which versions.tf requires) is not stored in the plan file: a value
// set at plan time must be set again at apply time, possibly to another value
// (https://developer.hashicorp.com/terraform/language/values/variables#exclude-values-from-state).
// A plain variable would be saved in the plan and reused by `terraform apply tfplan`,
// so the apply would run as the read-only role. The default is the deploying
// role, so a person running plan and apply by hand sets nothing.
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import type { ResolvedPlan } from "../model/plan.js";

/** The variable's name: CI sets TF_VAR_member_role_name. */
export const MEMBER_ROLE_VARIABLE = "member_role_name";

/** `arn:aws:iam::<id>:role/<name>` -> `<name>`; undefined for anything else. */
export function roleNameOf(roleArn: string): string | undefined {
  return /^arn:aws[\w-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/.exec(roleArn)?.[1];
}

/** The one role name the member accounts are reached through (the plan gives each account its ARN). */
export function memberRoleName(plan: ResolvedPlan): string {
  const names = new Set([plan.accounts.logArchive, plan.accounts.security].map((a) => (a.assumeRoleArn ? roleNameOf(a.assumeRoleArn) : undefined)));
  const [name] = names;
  if (names.size !== 1 || name === undefined) throw new Error(`member accounts must share one assumed role name, got ${[...names].join(", ")}`);
  return name;
}

/** Whether the estate declares the variable: a root module spanning member accounts. */
export function usesMemberRole(plan: ResolvedPlan): boolean {
  return plan.topology === "organization" && plan.output.mode === "root";
}

/**
 * Declares the variable (default: `defaultRole`) and returns a function that
 * gives a member account's role ARN through it.
 */
export function memberRoleVariable(scope: Construct, defaultRole: string): (accountId: string) => string {
  const variable = new TerraformVariable(scope, MEMBER_ROLE_VARIABLE, {
    type: "string",
    default: defaultRole,
    description: `The IAM role Terraform assumes in each member account: ${defaultRole}, which deploys the estate, unless set. CI plans set it to the read-only plan role (ci/README.md); it is ephemeral, so a saved plan does not keep it and apply must set it again.`,
  });
  // cdktf 0.21's TerraformVariable has no `ephemeral` setting; a top-level override reaches both formats.
  variable.addOverride("ephemeral", true);
  return (accountId) => `arn:aws:iam::${accountId}:role/${variable.stringValue}`;
}

// Module mode: how a root module calls the generated folder, for the README.
// The snippet declares the providers the module expects exactly as root mode
// would have (alias, region, assume_role into each account, allowed_account_ids),
// so pasting it into a root module is enough to plan. Every value comes from
// the validated plan (account ids, role ARNs, region names), none of which can
// hold a quote or `${`; JSON string quoting is also valid HCL for them.
import type { AccountPlan, AccountRole, ResolvedPlan } from "../model/plan.js";
import type { AddressIndex } from "./address-index.js";
import { ESTATE_COMPONENTS } from "./estate-components.js";

/** The module block's name in the snippet; the README's examples read outputs through it. */
export const MODULE_NAME = "audit_logging";

const ROLES: readonly AccountRole[] = ["management", "logArchive", "security"];

function providerBlock(account: AccountPlan, region: string): string {
  const lines = ['provider "aws" {'];
  if (account.providerAlias) lines.push(`  alias               = ${JSON.stringify(account.providerAlias)}`);
  lines.push(`  region              = ${JSON.stringify(region)}`, `  allowed_account_ids = [${JSON.stringify(account.id)}]`);
  if (account.assumeRoleArn) lines.push("", "  assume_role {", `    role_arn = ${JSON.stringify(account.assumeRoleArn)}`, "  }");
  lines.push("}");
  return lines.join("\n");
}

function moduleBlock(aliases: readonly string[]): string {
  const lines = [`module "${MODULE_NAME}" {`, '  source = "./audit-logging" # the path from this root module to the generated folder'];
  if (aliases.length > 0) {
    const width = Math.max(...aliases.map((a) => `aws.${a}`.length));
    lines.push("", "  providers = {", ...aliases.map((a) => `    ${`aws.${a}`.padEnd(width)} = aws.${a}`), "  }");
  }
  lines.push("}");
  return lines.join("\n");
}

export interface ModuleCall {
  /** Provider blocks and the module block, `terraform fmt`-canonical. */
  readonly hcl: string;
  /** What the module expects of its caller, one Markdown sentence each. */
  readonly notes: readonly string[];
}

/**
 * The accounts whose providers the module expects: those it checks with an
 * account guard, which the stack adds for every provider something uses (the
 * security account holds no resource, so no aws.security is asked for).
 */
function expectedAccounts(plan: ResolvedPlan, index: AddressIndex): AccountPlan[] {
  const guards = new Set(index.select({ type: "data.aws_caller_identity", component: "accountGuard" }));
  const candidates = plan.topology === "organization" ? ROLES.map((role) => plan.accounts[role]) : [plan.accounts.management];
  const expected = candidates.filter((a) => guards.has(`data.aws_caller_identity.${ESTATE_COMPONENTS.accountGuard}_${a.providerAlias ?? "default"}`));
  if (expected.length !== guards.size || expected.length === 0) {
    // The README would show a module call Terraform rejects: fail generation instead.
    throw new Error(`module mode: the account guards (${[...guards].join(", ") || "none"}) do not match the plan's accounts; see src/synth/module-mode.ts`);
  }
  return expected;
}

function providersNote(plan: ResolvedPlan, accounts: readonly AccountPlan[]): string {
  if (plan.topology !== "organization") return "It uses your root module's default `aws` provider, which a child module inherits: nothing to pass.";
  const expected = accounts.map((a) => `\`aws.${a.providerAlias}\` for account ${a.id}`).join(", ");
  const security = accounts.some((a) => a.role === "security")
    ? ""
    : ` No provider for the security account (${plan.accounts.security.id}) is needed: nothing is created there; its log readers are only named in the key and bucket policies.`;
  return `It expects ${accounts.length} providers, passed in \`providers\`: ${expected}. Give them the credentials and default tags your root module uses; the snippet shows the roles trailwright.json names.${security}`;
}

export function moduleCall(plan: ResolvedPlan, index: AddressIndex): ModuleCall | undefined {
  if (plan.output.mode !== "module") return undefined;
  const org = plan.topology === "organization";
  const accounts = expectedAccounts(plan, index);
  const aliases = accounts.flatMap((a) => (a.providerAlias ? [a.providerAlias] : []));
  const hcl = [...accounts.map((a) => providerBlock(a, plan.homeRegion)), moduleBlock(aliases)].join("\n\n");
  const tags = Object.entries(plan.tags)
    .map(([k, v]) => `\`${k} = ${v}\``)
    .join(", ");
  return {
    hcl,
    notes: [
      providersNote(plan, accounts),
      `Before creating anything, the plan checks the account ${org ? "each provider reaches" : "the provider reaches"} (\`data.aws_caller_identity.account_guard_*\`) and stops if ${org ? "one is mapped to the wrong account" : "it is not account " + plan.accounts.management.id}: the module's stand-in for \`allowed_account_ids\`.`,
      `Every resource that takes tags carries the estate's own (${tags}), so they survive your providers' \`default_tags\`, which are added on top (where both set a key, the resource's tag wins).`,
      "It takes no input variables: the answers live in `trailwright.json`, where they are checked against each framework's minimums. Change them there and regenerate.",
      `Its outputs are in \`outputs.tf\`, each with a description; read them as \`module.${MODULE_NAME}.<name>\`, for example \`module.${MODULE_NAME}.kms_key_arn\`.`,
      "It sets no backend and pins no exact versions: your root module keeps its backend and its lock file, and the module asks only for version ranges (Terraform and hashicorp/aws, both in `versions.tf`).",
    ],
  };
}

// Module mode: how a root module calls the generated folder, for the README.
// The snippet is the module block alone, pasted into a root module that already
// configures its providers: a second `provider "aws"` block with the same alias
// would make `terraform init` fail. What each expected provider must reach is a
// table beside it. The source is the path from the calling root module
// (output.callerDir, relative to the repository root) to the output folder,
// which the CLI computes from the repository root, never from the working
// directory, so the README is the same wherever trailwright runs.
import { posix } from "node:path";
import type { AccountPlan, AccountRole, ResolvedPlan } from "../model/plan.js";
import type { AddressIndex } from "./address-index.js";
import { ESTATE_COMPONENTS } from "./estate-components.js";
import { ConfigError } from "../model/errors.js";

/** The module block's name in the snippet; the README's examples read outputs through it. */
export const MODULE_NAME = "audit_logging";

const ROLES: readonly AccountRole[] = ["management", "logArchive", "security"];

/**
 * The module source: the path from the calling root module (output.callerDir)
 * to the output folder, both relative to the repository root. Terraform reads
 * a local source only when it starts with ./ or ../. Undefined when the two
 * are the same folder: a root module cannot call itself.
 */
export function moduleSource(callerDir: string, outDir: string): string | undefined {
  const path = posix.relative(posix.normalize(callerDir), posix.normalize(outDir));
  if (path === "") return undefined;
  return path.startsWith("../") ? path : `./${path}`;
}

function moduleBlock(source: string, aliases: readonly string[]): string {
  const lines = [`module "${MODULE_NAME}" {`, `  source = ${JSON.stringify(source)}`];
  if (aliases.length > 0) {
    const width = Math.max(...aliases.map((a) => `aws.${a}`.length));
    lines.push("", "  providers = {", ...aliases.map((a) => `    ${`aws.${a}`.padEnd(width)} = aws.${a}`), "  }");
  }
  lines.push("}");
  return lines.join("\n");
}

export interface ModuleCall {
  /** The module block alone, `terraform fmt`-canonical: the caller's own provider blocks stay the only ones. */
  readonly hcl: string;
  /** The providers the caller must configure, one table row each. */
  readonly providers: readonly { readonly name: string; readonly account: string; readonly reach: string }[];
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
  return `It expects ${accounts.length} providers, passed in \`providers\`: ${expected}. Configure them in your root module (credentials, default tags) to reach the accounts in the table below; the module never declares a provider of its own.${security}`;
}

/** How a provider reaches its account, in words, for the table. */
function reach(account: AccountPlan, region: string): string {
  const how = account.assumeRoleArn ? `assuming \`${account.assumeRoleArn}\`` : "with the caller's own credentials";
  return `region \`${region}\`, ${how}, \`allowed_account_ids = ["${account.id}"]\``;
}

export function moduleCall(plan: ResolvedPlan, index: AddressIndex, outDir: string): ModuleCall | undefined {
  if (plan.output.mode !== "module") return undefined;
  const org = plan.topology === "organization";
  const accounts = expectedAccounts(plan, index);
  const aliases = accounts.flatMap((a) => (a.providerAlias ? [a.providerAlias] : []));
  const source = moduleSource(plan.output.callerDir, outDir);
  if (source === undefined) {
    throw new ConfigError(`output.callerDir "${plan.output.callerDir}" is the output folder itself: a module cannot be called from its own folder`, {
      field: "output.callerDir",
      hint: "set it to the folder of the root module that calls this one, relative to the repository root (e.g. --set output.callerDir=infra), or generate into a subfolder",
    });
  }
  const hcl = moduleBlock(source, aliases);
  const providers = accounts.map((a) => ({ name: a.providerAlias ? `aws.${a.providerAlias}` : "aws (default)", account: a.id, reach: reach(a, plan.homeRegion) }));
  const tags = Object.entries(plan.tags)
    .map(([k, v]) => `\`${k} = ${v}\``)
    .join(", ");
  return {
    hcl,
    providers,
    notes: [
      `\`source\` is the path from the calling root module (\`${plan.output.callerDir === "." ? "the repository root" : plan.output.callerDir}\`, \`output.callerDir\` in \`trailwright.json\`) to this folder (\`${outDir}\`). If your root module is elsewhere, set \`output.callerDir\` to its folder, relative to the repository root, and regenerate.`,
      providersNote(plan, accounts),
      `Before creating anything, the plan checks the account ${org ? "each provider reaches" : "the provider reaches"} (\`data.aws_caller_identity.account_guard_*\`) and stops if ${org ? "one is mapped to the wrong account" : "it is not account " + plan.accounts.management.id}: the module's stand-in for \`allowed_account_ids\`.`,
      `Every resource that takes tags carries the estate's own (${tags}), so they survive your providers' \`default_tags\`, which are added on top (where both set a key, the resource's tag wins).`,
      "It takes no input variables: the answers live in `trailwright.json`, where they are checked against each framework's minimums. Change them there and regenerate.",
      `Its outputs are in \`outputs.tf\`, each with a description; read them as \`module.${MODULE_NAME}.<name>\`, for example \`module.${MODULE_NAME}.kms_key_arn\`.`,
      "It sets no backend and pins no exact versions: your root module keeps its backend and its lock file, and the module asks only for version ranges (Terraform and hashicorp/aws, both in `versions.tf`).",
    ],
  };
}

// Module mode: the estate as a child module that an existing root module
// calls. The caller owns the provider configurations (see caller-provider.ts),
// so what root mode gets from its provider settings is done here instead:
// - allowed_account_ids: an AccountGuard checks the account behind each provider;
// - default_tags: every taggable resource carries plan.tags itself.
// And the module asks only for the providers something in it uses: the
// security account holds no resource of the estate (it is only named in
// policies as the home of the log readers), so demanding an aws.security
// provider would make every caller set up credentials there for nothing.
import { TerraformDataSource, TerraformResource, type TerraformProvider, type TerraformStack } from "cdktf";
import type { AccountRole, ResolvedPlan } from "../model/plan.js";
import { AccountGuard } from "./account-guard.js";
import { tagEveryResource } from "./resource-tags.js";

/** The AccountGuard's construct id: its guards are `data.aws_caller_identity.account_guard_<alias or "default">` (src/docs/estate-components.ts). */
const ACCOUNT_GUARD_ID = "account_guard";

const ROLES: readonly AccountRole[] = ["management", "logArchive", "security"];
const DESCRIBED: Readonly<Record<AccountRole, string>> = {
  management: "the management account",
  logArchive: "the log-archive account",
  security: "the security account",
};

function providersInUse(stack: TerraformStack): Set<TerraformProvider> {
  const used = new Set<TerraformProvider>();
  for (const node of stack.node.findAll()) {
    if ((TerraformResource.isTerraformResource(node) || TerraformDataSource.isTerraformDataSource(node)) && node.provider) used.add(node.provider);
  }
  return used;
}

/** Call once every construct of the estate is in the stack. */
export function finishAsModule(stack: TerraformStack, plan: ResolvedPlan, providers: Readonly<Record<AccountRole, TerraformProvider>>): void {
  const used = providersInUse(stack);
  const guarded: AccountRole[] = [];
  const seen = new Set<TerraformProvider>();
  for (const role of ROLES) {
    const provider = providers[role];
    if (seen.has(provider)) continue; // single-account topology: one provider plays every role
    seen.add(provider);
    if (used.has(provider)) guarded.push(role);
    else stack.node.tryRemoveChild(provider.node.id); // no alias asked for, no guard
  }
  const org = plan.topology === "organization";
  new AccountGuard(
    stack,
    ACCOUNT_GUARD_ID,
    guarded.map((role) => ({ account: plan.accounts[role], provider: providers[role], description: org ? DESCRIBED[role] : "the estate's account" })),
  );
  tagEveryResource(stack, plan.tags);
}

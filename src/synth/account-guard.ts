// Module mode keeps the promise root mode makes with `allowed_account_ids`:
// evidence lands in the accounts trailwright.json names, or nothing is applied.
// The providers belong to the caller now, so the module checks them instead:
// one caller-identity lookup per provider, failing the plan when a provider is
// mapped to the wrong account (say aws.log_archive = aws.security).
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { AccountPlan } from "../model/plan.js";

export interface GuardedAccount {
  readonly account: AccountPlan;
  readonly provider: TerraformProvider;
  /** How trailwright.json knows the account, for the error: "the log-archive account", "the estate's account". */
  readonly description: string;
}

/** How the caller names the provider in its `providers = { ... }` map. */
function providerName(account: AccountPlan): string {
  return account.providerAlias ? `aws.${account.providerAlias}` : "aws";
}

/** Construct id of an account's guard under the AccountGuard: its address is data.aws_caller_identity.<guard id>_<this>. */
function guardId(account: AccountPlan): string {
  return account.providerAlias ?? "default";
}

export class AccountGuard extends Construct {
  constructor(scope: Construct, id: string, accounts: readonly GuardedAccount[]) {
    super(scope, id);
    for (const { account, provider, description } of accounts) {
      const name = providerName(account);
      new DataAwsCallerIdentity(this, guardId(account), {
        provider,
        lifecycle: {
          postcondition: [
            {
              condition: `\${self.account_id == "${account.id}"}`,
              errorMessage: `The ${name} provider this module was given reaches an account other than ${account.id}, ${description} in trailwright.json: in the module call, pass a provider for account ${account.id} as ${name}.`,
            },
          ],
        },
      });
    }
  }
}

import type { TrailwrightConfig } from "../config/schema.js";
import type { AccountPlan, AccountRole } from "../model/plan.js";

const DEFAULT_ASSUME_ROLE = "OrganizationAccountAccessRole";

const ALIASES: Readonly<Record<AccountRole, string>> = {
  management: "management",
  logArchive: "log_archive",
  security: "security",
};

/**
 * One provider per account role. In an organization each is an alias that
 * assumes a role into its account; a single account uses the default provider
 * and whatever credentials the caller already has.
 */
export function planAccounts(cfg: TrailwrightConfig): Record<AccountRole, AccountPlan> {
  const { management } = cfg.accounts;
  const ids: Record<AccountRole, string> =
    cfg.topology === "organization"
      ? { management, logArchive: cfg.accounts.logArchive!, security: cfg.accounts.security! }
      : { management, logArchive: management, security: management };
  const roleName = cfg.accounts.assumeRoleName ?? DEFAULT_ASSUME_ROLE;
  const plan = (role: AccountRole): AccountPlan =>
    cfg.topology === "organization"
      ? { role, id: ids[role], providerAlias: ALIASES[role], assumeRoleArn: `arn:aws:iam::${ids[role]}:role/${roleName}` }
      : { role, id: ids[role], providerAlias: undefined, assumeRoleArn: undefined };
  return { management: plan("management"), logArchive: plan("logArchive"), security: plan("security") };
}

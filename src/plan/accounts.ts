import type { TrailwrightConfig } from "../config/schema.js";
import type { AccessPlan, AccountPlan, AccountRole } from "../model/plan.js";

/** The dedicated role Terraform uses in member accounts (SRA's sra-execution, AFT's AWSAFTExecution). */
export const DEFAULT_DEPLOY_ROLE = "trailwright-deploy";
/**
 * What bootstrap/ assumes to create the deploy role. Organizations creates
 * OrganizationAccountAccessRole only in member accounts it creates (API_CreateAccount:
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html);
 * Control Tower requires AWSControlTowerExecution in every enrolled account
 * (https://docs.aws.amazon.com/controltower/latest/userguide/roles-how.html).
 * Neither exists in the management account, which is why management runs on the caller's own credentials.
 */
export const ORGANIZATION_ACCESS_ROLE = "OrganizationAccountAccessRole";
export const CONTROL_TOWER_EXECUTION_ROLE = "AWSControlTowerExecution";

const ALIASES: Readonly<Record<AccountRole, string>> = {
  management: "management",
  logArchive: "log_archive",
  security: "security",
};

export function planAccess(cfg: TrailwrightConfig): AccessPlan {
  const a = cfg.accounts;
  const organization = cfg.topology === "organization";
  // Every member account the estate deploys into: log-archive, security, and any that run WorkSpaces.
  const workspaces = cfg.workspaces?.enabled ? (cfg.workspaces.accounts ?? []) : [];
  const members = organization ? [...new Set([a.logArchive!, a.security!, ...workspaces])].filter((id) => id !== a.management).sort() : [];
  return {
    managementRoleArn: a.managementRoleArn,
    deployRoleName: a.deployRoleName ?? DEFAULT_DEPLOY_ROLE,
    bootstrapRoleName: a.bootstrapRoleName ?? (cfg.controlTower ? CONTROL_TOWER_EXECUTION_ROLE : ORGANIZATION_ACCESS_ROLE),
    deployerArn: a.deployerArn ?? `arn:aws:iam::${a.management}:root`,
    memberAccountIds: members,
  };
}

/**
 * One provider per account role. In an organization, management runs on the caller's own
 * credentials (or a role the user names) and members through the deploy role; a single
 * account uses the default provider and the caller's credentials.
 */
export function planAccounts(cfg: TrailwrightConfig, access: AccessPlan): Record<AccountRole, AccountPlan> {
  const { management } = cfg.accounts;
  if (cfg.topology !== "organization") {
    const only = (role: AccountRole): AccountPlan => ({ role, id: management, providerAlias: undefined, assumeRoleArn: access.managementRoleArn });
    return { management: only("management"), logArchive: only("logArchive"), security: only("security") };
  }
  const member = (role: AccountRole, id: string): AccountPlan => ({
    role,
    id,
    providerAlias: ALIASES[role],
    assumeRoleArn: `arn:aws:iam::${id}:role/${access.deployRoleName}`,
  });
  return {
    management: { role: "management", id: management, providerAlias: ALIASES.management, assumeRoleArn: access.managementRoleArn },
    logArchive: member("logArchive", cfg.accounts.logArchive!),
    security: member("security", cfg.accounts.security!),
  };
}

// Which credentials reach which account.
// - "AWS Organizations ... creates an IAM role named OrganizationAccountAccessRole" in an account
//   it creates (API_CreateAccount): never in the management account, so a management provider
//   assuming it fails at plan.
// - Control Tower's AWSControlTowerExecution "has full administrator permissions" in every
//   enrolled account (roles-how.html); like OrganizationAccountAccessRole it is for the one-time
//   bootstrap of the deploy role, not for day-2 applies (reference/organization.md A: SRA, AFT).
// - `allowed_account_ids` makes the provider refuse credentials for any other account.
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const ORGANIZATION_ACCESS_ROLE = "OrganizationAccountAccessRole";
const CONTROL_TOWER_EXECUTION_ROLE = "AWSControlTowerExecution";
const BOOTSTRAP_ONLY = [ORGANIZATION_ACCESS_ROLE, CONTROL_TOWER_EXECUTION_ROLE];

const roleName = (arn: string) => arn.split(":role/").pop()?.split("/").pop() ?? arn;
const accountOfArn = (arn: string) => arn.split(":")[4];

export const accountAccess: ApplyRule = {
  id: "account-access",
  title: "Management runs on the caller's credentials, pinned; member accounts through a dedicated deploy role",
  source: "https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    const { accounts, managementRoleArn, deployRoleName } = planned.facts;
    const used = new Set(planned.resources.map((r) => r.providerKey));
    for (const provider of planned.providers) {
      const where = `provider ${provider.key}`;
      const pinned = provider.allowedAccountIds ?? [];
      if (pinned.length !== 1) {
        if (used.has(provider.key)) findings.push(finding(where, `pins ${pinned.length === 0 ? "no account" : pinned.join(", ")}: set allowed_account_ids to the one account it deploys into`));
        continue;
      }
      const account = pinned[0]!;
      const roles = provider.assumeRoleArns;
      if (account === accounts.management) {
        for (const arn of roles) {
          if (BOOTSTRAP_ONLY.includes(roleName(arn))) {
            findings.push(finding(where, `assumes ${arn} in the management account, where Organizations never creates ${roleName(arn)}: use the caller's own credentials (no assume_role) or a role the user names`));
          } else if (arn !== managementRoleArn) {
            findings.push(finding(where, `assumes ${arn}, which the answers do not name (accounts.managementRoleArn is ${managementRoleArn ?? "unset"})`));
          }
        }
        continue;
      }
      if (roles.length !== 1) {
        findings.push(finding(where, `reaches member account ${account} with ${roles.length} assume_role blocks: assume the dedicated deploy role`));
        continue;
      }
      const arn = roles[0]!;
      if (BOOTSTRAP_ONLY.includes(roleName(arn))) {
        findings.push(finding(where, `assumes ${roleName(arn)} into ${account}: that role is for the one-time bootstrap; day-2 applies assume the dedicated deploy role`));
      } else if (deployRoleName !== undefined && roleName(arn) !== deployRoleName) {
        findings.push(finding(where, `assumes ${arn}, not the deploy role ${deployRoleName}`));
      }
      if (accountOfArn(arn) !== account) findings.push(finding(where, `assumes ${arn}, a role in another account than the pinned ${account}`));
    }
    if (!planned.providers.some((p) => p.allowedAccountIds?.length === 1 && p.allowedAccountIds[0] === accounts.management)) {
      findings.push(finding("provider", `no provider is pinned to the management account ${accounts.management}`));
    }
    return findings;
  },
};

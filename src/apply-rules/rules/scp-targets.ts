// "SCPs don't affect users or roles in the management account. They affect only the member accounts
// in your organization." (Service control policies, AWS Organizations User Guide.) A statement
// aimed at a management-account resource therefore protects nothing: only management principals
// can touch it, and no SCP binds them. And an exemption for OrganizationAccountAccessRole opens
// the protected resources to every management admin, who can assume that role in any member
// account Organizations created (API_CreateAccount).
import { conditionsOn, label, matchesRole } from "../iam-json.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";
import { plannedScps } from "./scps.js";

const accountOfArn = (arn: string) => arn.split(":")[4] ?? "";

export const scpTargets: ApplyRule = {
  id: "scp-targets",
  title: "No SCP statement aims at management-account resources or exempts OrganizationAccountAccessRole",
  source: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    const management = planned.facts.accounts.management;
    for (const scp of plannedScps(planned)) {
      if (!scp.statements) {
        findings.push(finding(scp.resource.address, "its content is not known at plan time, so what it targets cannot be checked"));
        continue;
      }
      scp.statements.forEach((st, i) => {
        for (const arn of [...st.Resource, ...st.NotResource]) {
          if (accountOfArn(arn) === management) {
            findings.push(finding(scp.resource.address, `${label(st, i)} targets ${arn} in the management account, which no SCP binds: protect it another way and say so`));
          }
        }
        for (const { operator, values } of conditionsOn(st, "aws:PrincipalArn")) {
          for (const value of values) {
            if (matchesRole(value, "OrganizationAccountAccessRole")) {
              findings.push(finding(scp.resource.address, `${label(st, i)} exempts ${value} (${operator}), which matches OrganizationAccountAccessRole: any management admin can assume it; exempt the dedicated deploy role instead`));
            }
          }
        }
      });
    }
    return findings;
  },
};

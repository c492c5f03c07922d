// Under AWS Control Tower our SCPs sit beside its own controls:
// - its execution and service roles must keep working: Control Tower's own Region deny exempts
//   AWSControlTowerExecution and aws-controltower-* roles with ArnNotLike aws:PrincipalARN
//   (CT.MULTISERVICE.PV.1, https://docs.aws.amazon.com/controltower/latest/controlreference/ou-region-deny.html),
//   and an SCP that denies them breaks enrollment and drift repair;
// - "Do not deny Regions with your own SCPs": Control Tower's Region deny control does it
//   (https://docs.aws.amazon.com/controltower/latest/userguide/getting-started-guidance.html).
import { conditionsOn, label, matchesRole } from "../iam-json.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";
import { plannedScps } from "./scps.js";

const CONTROL_TOWER_ROLES = ["AWSControlTowerExecution", "aws-controltower-ConfigRecorderRole", "aws-controltower-ForwardSnsNotificationRole"];
const EXEMPTING = /^(ArnNotLike|ArnNotEquals|StringNotLike|StringNotEquals)(IgnoreCase)?(IfExists)?$/;

export const controlTower: ApplyRule = {
  id: "control-tower",
  title: "Under Control Tower, every SCP Deny exempts its roles and no SCP of ours denies Regions",
  source: "https://docs.aws.amazon.com/controltower/latest/userguide/getting-started-guidance.html",
  check(planned) {
    if (!planned.facts.controlTower) return [];
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const scp of plannedScps(planned)) {
      if (!scp.statements) {
        findings.push(finding(scp.resource.address, "its content is not known at plan time, so its Control Tower exemptions cannot be checked"));
        continue;
      }
      scp.statements.forEach((st, i) => {
        if (st.Effect !== "Deny") return;
        if (conditionsOn(st, "aws:RequestedRegion").length > 0) {
          findings.push(finding(scp.resource.address, `${label(st, i)} denies by aws:RequestedRegion: under Control Tower use its Region deny control, not an SCP of ours`));
        }
        const exempt = conditionsOn(st, "aws:PrincipalArn").filter((c) => EXEMPTING.test(c.operator)).flatMap((c) => c.values);
        const missing = CONTROL_TOWER_ROLES.filter((role) => !exempt.some((pattern) => matchesRole(pattern, role)));
        if (missing.length > 0) {
          findings.push(finding(scp.resource.address, `${label(st, i)} does not exempt ${missing.join(", ")} (ArnNotLike aws:PrincipalARN arn:aws:iam::*:role/AWSControlTowerExecution and .../aws-controltower-*)`));
        }
      });
    }
    return findings;
  },
};

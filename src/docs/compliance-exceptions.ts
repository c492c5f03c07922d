// The "Deliberate exceptions" part of COMPLIANCE.md: scanner checks suppressed on
// purpose, controls the estate leaves out, and the duties every framework leaves
// to people. A reason shared by several resources is one row naming them all,
// so the same sentence never appears twice.
import type { ResolvedPlan } from "../model/plan.js";
import type { AddressIndex } from "./address-index.js";
import { ESTATE_CONTROLS } from "./controls.js";
import { insteadOfSuppressed } from "./exception-guidance.js";
import { cell, code, orDash } from "./markdown.js";

export function suppressionRows(plan: ResolvedPlan, index: AddressIndex) {
  const rows: { check: string; targets: string[]; reason: string; instead: string }[] = [];
  for (const s of plan.suppressions) {
    if (!index.has(s.target)) {
      throw new Error(`COMPLIANCE.md: the plan suppresses ${s.check} on ${s.target}, which the synthesized Terraform does not contain; fix the target in src/plan/suppressions.ts`);
    }
    const instead = insteadOfSuppressed(s, plan);
    const same = rows.find((r) => r.check === s.check && r.reason === s.reason && r.instead === instead);
    if (same) same.targets.push(s.target);
    else rows.push({ check: s.check, targets: [s.target], reason: s.reason, instead });
  }
  return rows.map((r) => ({
    check: code(r.check, true),
    targets: r.targets.map((t) => code(t, true)).join(", "),
    reason: cell(r.reason),
    instead: cell(r.instead),
  }));
}

export function gapRows(plan: ResolvedPlan) {
  const rows = ESTATE_CONTROLS.filter((c) => !c.applies(plan) && c.whenAbsent).map((c) => {
    const gap = c.whenAbsent!(plan);
    const ids = [c.ids.cis && `CIS ${c.ids.cis}`, c.ids.securityHub && `Security Hub ${c.ids.securityHub}`, c.ids.checkov, c.ids.prowler].filter(Boolean).join("; ");
    return { control: `${cell(c.title)} (${code(c.id, true)})`, ids: cell(orDash(ids)), reason: cell(gap.reason), instead: cell(gap.instead) };
  });
  if (plan.config) {
    rows.push({
      control: `AWS Config in every region and account (${code("config-recorder", true)})`,
      ids: cell("CIS 3.3 / Security Hub Config.1; config_recorder_all_regions_enabled"),
      reason: cell(
        plan.topology === "organization"
          ? `The estate covers ${plan.homeRegion} of its own three accounts (management, log-archive, security), not the workload accounts or other regions.`
          : `The estate records AWS Config in ${plan.homeRegion} of its account only.`,
      ),
      instead: cell("Enable Config in the other accounts and regions (for example a CloudFormation StackSet or Control Tower's Config baseline)."),
    });
  }
  return rows;
}

/** Duties that hold whatever the framework: each framework's own duties are in its section. */
export function commonDuties(plan: ResolvedPlan): { duty: string; why: string }[] {
  const emails = plan.topics.flatMap((t) => t.emails).filter((e, i, all) => all.indexOf(e) === i);
  const duties = [
    {
      duty: `Confirm every alert email subscription (${emails.join(", ") || "no recipients yet"}) and keep the lists current.`,
      why: "SNS delivers nothing to an address until its owner confirms the subscription.",
    },
  ];
  if (plan.archive.mfaDelete) {
    duties.push({
      duty: "Turn on MFA delete as the root user after apply (README.md, MFA-delete runbook), and delete expired logs by hand.",
      why: "Only the bucket owner's root user with an MFA code can do it; it cannot run in CI.",
    });
  }
  return duties;
}

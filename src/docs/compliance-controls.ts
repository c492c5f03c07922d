// The Controls table of COMPLIANCE.md: each control the plan selects, once, with
// the Terraform that delivers it and the ids scanners report it under. Every
// other part of the document points here by anchor (C1, C2, ...) instead of
// repeating a control's addresses. Rendering fails, rather than citing something
// untrue, when a selected control has no Terraform behind it.
import type { ResolvedPlan } from "../model/plan.js";
import { AddressIndex, describeMatcher } from "./address-index.js";
import { ESTATE_CONTROLS, type EstateControl } from "./controls.js";
import { cell, code, codeList, orDash } from "./markdown.js";

export interface SelectedControl {
  readonly ref: string;
  readonly control: EstateControl;
  readonly addresses: readonly string[];
}

/** The controls this plan selects, numbered C1.. in catalog order, each with its addresses. */
export function selectControls(plan: ResolvedPlan, index: AddressIndex): SelectedControl[] {
  return ESTATE_CONTROLS.filter((c) => c.applies(plan)).map((control, i) => {
    const addresses = new Set<string>();
    for (const matcher of control.implementedBy(plan)) {
      const found = index.select(matcher);
      if (found.length === 0) {
        throw new Error(
          `COMPLIANCE.md: control "${control.id}" applies to this plan, but the Terraform has no ${describeMatcher(matcher)}; a construct was renamed or removed (src/docs/estate-components.ts lists the ids the documents expect)`,
        );
      }
      for (const a of found) addresses.add(a);
    }
    return { ref: `C${i + 1}`, control, addresses: [...addresses].sort() };
  });
}

/**
 * A link to a control's row in the Controls table: a shortcut reference, so the
 * target is written once (controlLinkTargets) however often the control is cited.
 */
export function controlLink(s: SelectedControl): string {
  return `[${s.ref}]`;
}

/** The reference definitions behind controlLink: each C-number to its row's anchor. */
export function controlLinkTargets(selected: readonly SelectedControl[]): string[] {
  return selected.map((s) => `[${s.ref}]: #${s.ref.toLowerCase()}`);
}

/**
 * Resources another table of the document lists one by one (alarms, Config rules):
 * the Controls table counts them instead of printing each address a second time.
 */
interface ListedElsewhere {
  readonly type: string;
  readonly prefix: string;
  readonly noun: string;
}

const LISTED_ELSEWHERE: readonly ListedElsewhere[] = [
  { type: "aws_cloudwatch_log_metric_filter", prefix: "cis_alarms_", noun: "metric filters in CIS monitoring alarms" },
  { type: "aws_cloudwatch_metric_alarm", prefix: "cis_alarms_", noun: "alarms in CIS monitoring alarms" },
  { type: "aws_config_config_rule", prefix: "config_", noun: "rules in AWS Config rules" },
  { type: "aws_cloudwatch_metric_alarm", prefix: "workspaces_", noun: "alarms in WorkSpaces user activity" },
];

function addressCell(addresses: readonly string[]): string {
  const listed = (a: string, l: ListedElsewhere) => a.startsWith(`${l.type}.${l.prefix}`);
  const shown = addresses.filter((a) => !LISTED_ELSEWHERE.some((l) => listed(a, l)));
  const counted = LISTED_ELSEWHERE.map((l) => ({ noun: l.noun, count: addresses.filter((a) => listed(a, l)).length }))
    .filter((x) => x.count > 0)
    .map((x) => `the ${x.count} ${x.noun}`);
  return [shown.length > 0 ? codeList(shown) : "", ...counted].filter(Boolean).join(", ");
}

export function controlRow(s: SelectedControl, plan: ResolvedPlan) {
  const c = s.control;
  const configRules = (c.configRules ?? []).filter((name) => plan.config?.rules.some((r) => r.name === name));
  return {
    control: `<a id="${s.ref.toLowerCase()}"></a>${s.ref} ${cell(c.title)} (${code(c.id, true)})`,
    describe: cell(c.describe(plan)),
    addresses: addressCell(s.addresses),
    cis: orDash(c.ids.cis),
    securityHub: orDash(c.ids.securityHub),
    checkov: orDash(c.ids.checkov),
    prowler: c.ids.prowler ? codeList(c.ids.prowler.split(", ")) : "-",
    configRules: configRules.length > 0 ? codeList(configRules) : "-",
  };
}

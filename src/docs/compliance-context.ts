// Everything COMPLIANCE.md prints, computed in one place from the plan, the
// control catalog and the synthesized address list. The template only loops
// and prints. The document states each fact once: the Controls table holds
// every control's Terraform and scanner ids, the framework sections point at it,
// and the alarm and Config-rule tables hold the addresses the Controls table
// only counts.
import { FRAMEWORKS, type FrameworkId } from "../catalog/regulations.js";
import type { AccountRole, ResolvedPlan } from "../model/plan.js";
import { AddressIndex, describeMatcher, type AddressMatcher } from "./address-index.js";
import { controlLinkTargets, controlRow, selectControls } from "./compliance-controls.js";
import { commonDuties, gapRows, suppressionRows } from "./compliance-exceptions.js";
import { frameworkSection } from "./compliance-frameworks.js";
import { protectionLimits } from "./protection-claims.js";
import { cell, code, orDash } from "./markdown.js";
import { workspacesCompliance } from "./workspaces-context.js";

function exactlyOne(index: AddressIndex, matcher: AddressMatcher, what: string): string {
  const found = index.select(matcher);
  if (found.length !== 1) {
    throw new Error(`COMPLIANCE.md: expected exactly one ${describeMatcher(matcher)} for ${what}, found ${found.length}`);
  }
  return found[0]!;
}

function days(n: number): string {
  if (n < 365) return `${n} days`;
  const years = Math.round((n / 365.25) * 10) / 10;
  return `${n} days (about ${years} year${years === 1 ? "" : "s"})`;
}

function alarmRows(plan: ResolvedPlan, index: AddressIndex) {
  return plan.alarms.map((alarm) => {
    const part = `_${alarm.id.replace(/-/g, "_")}_`;
    const filter = exactlyOne(index, { type: "aws_cloudwatch_log_metric_filter", component: "alarms", nameIncludes: part }, `alarm ${alarm.id}`);
    const alarmAddress = exactlyOne(index, { type: "aws_cloudwatch_metric_alarm", component: "alarms", nameIncludes: part }, `alarm ${alarm.id}`);
    return {
      title: cell(alarm.title),
      tier: alarm.tier,
      cis: orDash(alarm.cis),
      securityHub: orDash(alarm.securityHub),
      prowler: alarm.prowler ? code(alarm.prowler, true) : "-",
      filter: code(filter, true),
      alarm: code(alarmAddress, true),
    };
  });
}

/** The topic each alarm tier notifies, named once for the whole alarms table. */
function tierTopics(plan: ResolvedPlan, index: AddressIndex): string {
  // In the plan's topic order (critical, warning, info), only the tiers an alarm uses.
  const tiers = plan.topics.map((t) => t.tier).filter((tier) => plan.alarms.some((a) => a.tier === tier));
  return tiers
    .map((tier) => `${tier} ${code(exactlyOne(index, { type: "aws_sns_topic", component: "alerts", nameIncludes: `_${tier}_` }, `the ${tier} topic`))}`)
    .join(", ");
}

/** Where ConfigRecorder puts an account's rules: management keeps the flat config_rule_* addresses. */
const RULE_SCOPE: Readonly<Record<AccountRole, string>> = { management: "config_rule_", logArchive: "config_log_archive_rule_", security: "config_security_rule_" };

/** One row per managed rule, naming every account it runs in, so a rule deployed twice reads once. */
function configRuleRows(plan: ResolvedPlan, index: AddressIndex) {
  const rules = plan.config?.rules ?? [];
  const names = [...new Set(rules.map((r) => r.name))];
  return names.map((name) => {
    const deployed = rules.filter((r) => r.name === name);
    const addresses = deployed.map((rule) => {
      const scope = plan.topology === "organization" ? RULE_SCOPE[rule.account] : RULE_SCOPE.management;
      const part = `_${scope}${rule.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_`;
      return code(exactlyOne(index, { type: "aws_config_config_rule", component: "config", nameIncludes: part }, `Config rule ${rule.name}`), true);
    });
    return {
      name: `${code(name, true)} (${code(deployed[0]!.identifier, true)})`,
      accounts: cell(deployed.map((r) => accountLabel(plan, r.account)).join(", ")),
      addresses: addresses.join(", "),
    };
  });
}

function accountLabel(plan: ResolvedPlan, role: AccountRole): string {
  if (plan.topology !== "organization") return "the estate's account";
  const names: Record<AccountRole, string> = { management: "management", logArchive: "log-archive", security: "security" };
  return `${names[role]} (${plan.accounts[role].id})`;
}

function numberRows(plan: ResolvedPlan) {
  const r = plan.retention;
  const rows = [
    { label: "Archive retention (S3)", value: days(r.archiveDays.value), reason: cell(r.archiveDays.reason) },
    { label: "Searchable (CloudWatch Logs)", value: days(r.hotDays.value), reason: cell(r.hotDays.reason) },
    { label: "Immediately available (S3 Standard)", value: days(r.immediateDays.value), reason: cell(r.immediateDays.reason) },
  ];
  if (r.objectLockDays) rows.push({ label: "Object Lock", value: days(r.objectLockDays.value), reason: cell(r.objectLockDays.reason) });
  return rows;
}

export function complianceContext(plan: ResolvedPlan, addresses: readonly string[]) {
  const index = new AddressIndex(addresses);
  const selected = selectControls(plan, index);
  const alarms = alarmRows(plan, index);
  const configRules = configRuleRows(plan, index);
  const suppressions = suppressionRows(plan, index);
  const gaps = gapRows(plan);
  return {
    name: plan.name,
    source: plan.preset ? `\`trailwright.json\` (the ${plan.preset} preset with your answers)` : "`trailwright.json` (your answers; no preset)",
    topology: plan.topology === "organization" ? `AWS organization ${plan.organizationId}` : `single AWS account ${plan.accounts.management.id}`,
    homeRegion: plan.homeRegion,
    frameworkList: plan.frameworks.map((f) => f.name).join("; "),
    frameworks: plan.frameworks.map((ref) => frameworkSection(FRAMEWORKS[ref.id as FrameworkId], selected)),
    controls: selected.map((s) => controlRow(s, plan)),
    controlLinks: controlLinkTargets(selected),
    alarms,
    hasAlarms: alarms.length > 0,
    tierTopics: alarms.length > 0 ? tierTopics(plan, index) : "",
    configRules,
    hasConfigRules: configRules.length > 0,
    suppressions,
    hasSuppressions: suppressions.length > 0,
    suppressionMarking:
      plan.output.format === "hcl"
        ? "Each is also marked on its resource in the Terraform as a `# checkov:skip=<check>:<reason>` comment, with the same reason."
        : "Terraform JSON cannot carry comments, so this table is the record: give the checks to Checkov with `--skip-check` or a baseline file.",
    gaps,
    hasGaps: gaps.length > 0,
    commonDuties: commonDuties(plan),
    workspaces: workspacesCompliance(plan, index),
    numbers: numberRows(plan),
    limits: protectionLimits(plan),
  };
}

export type ComplianceContext = ReturnType<typeof complianceContext>;

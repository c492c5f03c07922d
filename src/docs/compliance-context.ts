// Everything COMPLIANCE.md prints, computed in one place from the plan, the
// control catalog and the synthesized address list. The template only loops
// and prints. Rendering fails, rather than citing something untrue, when a
// control the plan selects has no Terraform behind it or a suppression names an
// address the stack does not contain.
import { FRAMEWORKS, type Framework, type FrameworkId } from "../catalog/regulations.js";
import type { AccountRole, ResolvedPlan } from "../model/plan.js";
import { AddressIndex, describeMatcher, type AddressMatcher } from "./address-index.js";
import { ESTATE_CONTROLS, type EstateControl } from "./controls.js";
import { insteadOfSuppressed } from "./exception-guidance.js";
import { protectionLimits } from "./protection-claims.js";
import { cell, code, codeList, orDash } from "./markdown.js";
import { REQUIREMENT_AREAS, type RequirementArea } from "./requirement-areas.js";
import { workspacesCompliance } from "./workspaces-context.js";

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

/** Resources the alarm and Config-rule tables list one by one (by type and name prefix); the controls table counts them instead. */
const LISTED_ELSEWHERE: readonly { readonly type: string; readonly prefix: string; readonly noun: string }[] = [
  { type: "aws_cloudwatch_log_metric_filter", prefix: "cis_alarms_", noun: "metric filters" },
  { type: "aws_cloudwatch_metric_alarm", prefix: "cis_alarms_", noun: "alarms" },
  { type: "aws_config_config_rule", prefix: "config_", noun: "AWS Config rules" },
];

function addressCell(addresses: readonly string[]): string {
  const listed = (a: string, l: (typeof LISTED_ELSEWHERE)[number]) => a.startsWith(`${l.type}.${l.prefix}`);
  const shown = addresses.filter((a) => !LISTED_ELSEWHERE.some((l) => listed(a, l)));
  const counted = LISTED_ELSEWHERE.map((l) => ({ noun: l.noun, count: addresses.filter((a) => listed(a, l)).length }))
    .filter((x) => x.count > 0)
    .map((x) => `the ${x.count} ${x.noun} listed below`);
  return [shown.length > 0 ? codeList(shown) : "", ...counted].filter(Boolean).join(", ");
}

/** The estate's answer to one requirement area, in numbers from the plan. */
function answer(area: RequirementArea, plan: ResolvedPlan, f: Framework): string {
  const r = plan.retention;
  switch (area.id) {
    case "retention": {
      const minimum = f.minArchiveDays > 0 ? ` (minimum ${f.minArchiveDays})` : "";
      const searchable = plan.logGroup.managed ? `searchable ${days(r.hotDays.value)}` : "searchable as long as Control Tower's log group keeps it";
      return `Archive ${days(r.archiveDays.value)}${minimum}; ${searchable}; ${r.immediateDays.value} days in S3 Standard.`;
    }
    case "immutability": {
      const lock = plan.archive.objectLock ? `Object Lock ${plan.archive.objectLock.mode} for ${plan.archive.objectLock.days} days` : "No Object Lock";
      return `${lock}${plan.archive.mfaDelete ? ", MFA delete" : ""}; ${f.requiresImmutability ? "required" : "not mandated, provided"}.`;
    }
    case "integrity":
      return "Log file validation with signed hourly digests; SSE-KMS with the estate key.";
    case "monitoring":
      return `${plan.alarms.length} alarms notify ${plan.topics.length} topic${plan.topics.length === 1 ? "" : "s"}${plan.trail.insights ? "; Insights" : ""}${plan.config ? "; AWS Config rules" : ""}${plan.workspaces ? "; WorkSpaces user activity (see its section)" : ""}.`;
    case "access-control":
      return "TLS only, no public access, writes only by this trail, deletes only by break-glass, named readers.";
    case "residency":
      return plan.residency
        ? `${plan.homeRegion} only${plan.guardrails?.regionDeny ? "; other regions denied by SCP" : ""}.`
        : `Home region ${plan.homeRegion}; residency not enforced.`;
    case "review":
      return "The estate notifies; people review (see duties below).";
  }
}

function frameworkSection(plan: ResolvedPlan, f: Framework, selected: readonly SelectedControl[]) {
  const rows = REQUIREMENT_AREAS.map((area) => {
    const e = area.expectation(f);
    const meeting = selected.filter((s) => s.control.areas.includes(area.id));
    return {
      area: area.title,
      ask: cell(area.framing ? `${area.framing} ${e.summary}` : e.summary),
      citation: `[${cell(e.citation.text)}](${e.citation.url})`,
      answer: cell(answer(area, plan, f)),
      controls: meeting.length > 0 ? meeting.map((s) => s.ref).join(", ") : "none: see Deliberate exceptions",
    };
  });
  return { id: f.id, name: f.name, rows };
}

function controlRow(s: SelectedControl, plan: ResolvedPlan) {
  const c = s.control;
  const configRules = (c.configRules ?? []).filter((name) => plan.config?.rules.some((r) => r.name === name));
  return {
    ref: s.ref,
    id: code(c.id, true),
    title: cell(c.title),
    areas: c.areas.map((a) => REQUIREMENT_AREAS.find((x) => x.id === a)!.title).join(", "),
    describe: cell(c.describe(plan)),
    addresses: addressCell(s.addresses),
    cis: orDash(c.ids.cis),
    securityHub: orDash(c.ids.securityHub),
    checkov: orDash(c.ids.checkov),
    prowler: c.ids.prowler ? codeList(c.ids.prowler.split(", ")) : "-",
    configRules: configRules.length > 0 ? codeList(configRules) : "-",
  };
}

function alarmRows(plan: ResolvedPlan, index: AddressIndex) {
  return plan.alarms.map((alarm) => {
    const part = `_${alarm.id.replace(/-/g, "_")}_`;
    const filter = exactlyOne(index, { type: "aws_cloudwatch_log_metric_filter", component: "alarms", nameIncludes: part }, `alarm ${alarm.id}`);
    const alarmAddress = exactlyOne(index, { type: "aws_cloudwatch_metric_alarm", component: "alarms", nameIncludes: part }, `alarm ${alarm.id}`);
    const topic = exactlyOne(index, { type: "aws_sns_topic", component: "alerts", nameIncludes: `_${alarm.tier}_` }, `the ${alarm.tier} topic`);
    return {
      title: cell(alarm.title),
      tier: alarm.tier,
      cis: orDash(alarm.cis),
      securityHub: orDash(alarm.securityHub),
      prowler: alarm.prowler ? code(alarm.prowler, true) : "-",
      filter: code(filter, true),
      alarm: code(alarmAddress, true),
      topic: code(topic, true),
      id: alarm.id,
      pattern: code(alarm.pattern),
    };
  });
}

/** Where ConfigRecorder puts an account's rules: management keeps the flat config_rule_* addresses. */
const RULE_SCOPE: Readonly<Record<AccountRole, string>> = { management: "config_rule_", logArchive: "config_log_archive_rule_", security: "config_security_rule_" };

function configRuleRows(plan: ResolvedPlan, index: AddressIndex) {
  return (plan.config?.rules ?? []).map((rule) => {
    const scope = plan.topology === "organization" ? RULE_SCOPE[rule.account] : RULE_SCOPE.management;
    const name = `_${scope}${rule.name.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_`;
    return {
      name: code(rule.name, true),
      identifier: code(rule.identifier, true),
      account: cell(accountLabel(plan, rule.account)),
      address: code(exactlyOne(index, { type: "aws_config_config_rule", component: "config", nameIncludes: name }, `Config rule ${rule.name}`), true),
    };
  });
}

function accountLabel(plan: ResolvedPlan, role: AccountRole): string {
  if (plan.topology !== "organization") return "the estate's account";
  const names: Record<AccountRole, string> = { management: "management", logArchive: "log-archive", security: "security" };
  return `${names[role]} (${plan.accounts[role].id})`;
}

function suppressionRows(plan: ResolvedPlan, index: AddressIndex) {
  return plan.suppressions.map((s) => {
    if (!index.has(s.target)) {
      throw new Error(`COMPLIANCE.md: the plan suppresses ${s.check} on ${s.target}, which the synthesized Terraform does not contain; fix the target in src/plan/suppressions.ts`);
    }
    return { check: code(s.check, true), target: code(s.target, true), reason: cell(s.reason), instead: cell(insteadOfSuppressed(s, plan)) };
  });
}

function gapRows(plan: ResolvedPlan) {
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

function dutyRows(plan: ResolvedPlan) {
  const rows = plan.frameworks.flatMap((ref) =>
    FRAMEWORKS[ref.id as FrameworkId].organisationalDuties.map((duty) => ({
      framework: cell(FRAMEWORKS[ref.id as FrameworkId].name),
      duty: cell(duty),
      why: "Needs a person, a decision or a document outside AWS.",
    })),
  );
  rows.push({
    framework: "All",
    duty: cell(`Confirm every alert email subscription (${plan.topics.flatMap((t) => t.emails).filter((e, i, all) => all.indexOf(e) === i).join(", ") || "no recipients yet"}) and keep the lists current.`),
    why: "SNS delivers nothing to an address until its owner confirms the subscription.",
  });
  if (plan.archive.mfaDelete) {
    rows.push({
      framework: "All",
      duty: "Turn on MFA delete as the root user after apply (README.md, MFA-delete runbook), and delete expired logs by hand.",
      why: "Only the bucket owner's root user with an MFA code can do it; it cannot run in CI.",
    });
  }
  return rows;
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
    preset: plan.preset ?? "none (custom configuration)",
    topology: plan.topology === "organization" ? `AWS organization ${plan.organizationId}` : `single AWS account ${plan.accounts.management.id}`,
    homeRegion: plan.homeRegion,
    frameworkList: plan.frameworks.map((f) => f.name).join("; "),
    frameworks: plan.frameworks.map((ref) => frameworkSection(plan, FRAMEWORKS[ref.id as FrameworkId], selected)),
    controls: selected.map((s) => controlRow(s, plan)),
    alarms,
    hasAlarms: alarms.length > 0,
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
    duties: dutyRows(plan),
    workspaces: workspacesCompliance(plan, index),
    numbers: numberRows(plan),
    limits: protectionLimits(plan),
  };
}

export type ComplianceContext = ReturnType<typeof complianceContext>;

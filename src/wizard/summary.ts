// What will be generated, shown before the confirmation: resources by kind,
// retention per tier with the reason for each number, and regions. Pure text
// from the plan and the synthesized resource addresses.
import { groupThousands } from "../cost/format-numbers.js";
import { archiveTiers } from "../docs/archive-tiers.js";
import type { NumberSource, ResolvedPlan } from "../model/plan.js";

/** Resource types grouped the way a reviewer thinks of them, in the order shown. */
const KINDS: readonly { readonly label: string; readonly matches: (type: string) => boolean }[] = [
  { label: "CloudTrail trail", matches: (t) => t === "aws_cloudtrail" },
  { label: "KMS keys and aliases", matches: (t) => t.startsWith("aws_kms_") },
  { label: "S3 buckets", matches: (t) => t === "aws_s3_bucket" },
  { label: "S3 bucket settings (policy, encryption, versioning, lifecycle, lock, ...)", matches: (t) => t.startsWith("aws_s3_bucket_") },
  { label: "CloudWatch log group", matches: (t) => t === "aws_cloudwatch_log_group" },
  { label: "CloudWatch metric filters", matches: (t) => t === "aws_cloudwatch_log_metric_filter" },
  { label: "CloudWatch alarms", matches: (t) => t === "aws_cloudwatch_metric_alarm" },
  { label: "CloudWatch dashboard", matches: (t) => t === "aws_cloudwatch_dashboard" },
  { label: "SNS topics", matches: (t) => t === "aws_sns_topic" },
  { label: "SNS topic policies", matches: (t) => t === "aws_sns_topic_policy" },
  { label: "SNS email subscriptions", matches: (t) => t === "aws_sns_topic_subscription" },
  { label: "AWS Config rules", matches: (t) => t === "aws_config_config_rule" },
  { label: "AWS Config recorder and delivery", matches: (t) => t.startsWith("aws_config_") },
  { label: "IAM roles and policies", matches: (t) => t.startsWith("aws_iam_") },
  { label: "Service control policies (SCPs)", matches: (t) => t === "aws_organizations_policy" },
  { label: "SCP attachments", matches: (t) => t === "aws_organizations_policy_attachment" },
];

export interface KindCount {
  readonly label: string;
  readonly count: number;
}

/** Counts resources (not data sources) by kind; unknown types are listed under their own name. */
export function countByKind(addresses: readonly string[]): KindCount[] {
  const counts = new Map<string, number>();
  const other = new Map<string, number>();
  for (const address of addresses) {
    if (address.startsWith("data.")) continue;
    const type = address.slice(0, address.indexOf("."));
    const kind = KINDS.find((k) => k.matches(type));
    const bucket = kind ? counts : other;
    const key = kind ? kind.label : type;
    bucket.set(key, (bucket.get(key) ?? 0) + 1);
  }
  return [
    ...KINDS.filter((k) => counts.has(k.label)).map((k) => ({ label: k.label, count: counts.get(k.label)! })),
    ...[...other.keys()].sort().map((type) => ({ label: type, count: other.get(type)! })),
  ];
}

function days(n: number): string {
  if (n < 365) return `${n} days`;
  const years = Math.round((n / 365.25) * 10) / 10;
  return `${n} days (${Number.isInteger(years) ? "" : "about "}${years} year${years === 1 ? "" : "s"})`;
}

function tier(label: string, source: NumberSource, detail = ""): string[] {
  return [`    ${label}: ${days(source.value)}${detail}`, `      why: ${source.reason}`];
}

export interface SummaryInput {
  readonly plan: ResolvedPlan;
  /** Terraform addresses the estate will hold (from the synthesized stack). */
  readonly addresses: readonly string[];
  readonly out: string;
  /** Extra lines, e.g. the monthly cost estimate. */
  readonly extra?: readonly string[];
  /** What an edit changes (estate-changes.ts renderChanges), shown first. */
  readonly changes?: readonly string[];
}

/** What the trail records beyond management events, and the services that watch it. */
function recording(plan: ResolvedPlan): string[] {
  const { trail } = plan;
  const s3 =
    trail.s3DataEvents === "off"
      ? "off"
      : trail.s3DataEvents === "all"
        ? "every bucket (the estate's own log buckets excluded)"
        : `buckets ${trail.s3DataEvents.buckets.join(", ")}`;
  return [
    "  Recording:",
    `    management events: ${trail.managementEvents ? "read and write" : "off (Control Tower's trail records them; this trail records data events only)"}`,
    `    S3 data events: ${s3}`,
    `    Lambda data events: ${trail.lambdaDataEvents ? "on" : "off"}`,
    `    CloudTrail Insights: ${trail.insights ? "on (unusual API call and error rates)" : "off"}`,
    `    AWS Config: ${plan.config ? `on (recorder and ${plan.config.rules.length} managed rules checking the estate)` : "off"}`,
  ];
}

/** Which address gets which alert tier. */
function alertRouting(plan: ResolvedPlan): string[] {
  return ["  Alerts by tier:", ...plan.topics.map((t) => `    ${t.tier.padEnd(8)} -> ${t.emails.join(", ")}`)];
}

/** The assumptions behind the cost estimate, with the number of accounts the user named beside the one assumed. */
function costAssumptions(plan: ResolvedPlan): string[] {
  const { cost, accounts } = plan;
  const named = new Set([accounts.management.id, accounts.logArchive.id, accounts.security.id]).size;
  const accountsNote = plan.topology === "organization" ? ` (you named ${named}; the organization trail records every account: change "Accounts in the organization")` : "";
  return [
    "  Cost estimate assumes:",
    `    ${groupThousands(cost.accounts.value)} account${cost.accounts.value === 1 ? "" : "s"}${accountsNote}`,
    `    ${groupThousands(cost.managementEventsPerDay.value)} management events per account per day`,
    `    ${groupThousands(cost.dataEventsPerDay.value)} data events per day`,
    `    ${groupThousands(cost.averageEventBytes.value)} bytes per event on average`,
  ];
}

export function renderSummary({ plan, addresses, out, extra = [], changes = [] }: SummaryInput): string {
  const lines: string[] = ["", "Summary of what will be generated", ""];
  if (changes.length > 0) lines.push(...changes, "");
  lines.push(`  Frameworks: ${plan.frameworks.map((f) => f.name).join("; ")}`);
  const { management, logArchive, security } = plan.accounts;
  lines.push(
    plan.topology === "organization"
      ? `  Accounts: organization ${plan.organizationId}; management ${management.id}, log archive ${logArchive.id}, security ${security.id}`
      : `  Account: ${management.id} (single account)`,
  );
  lines.push(
    `  Regions: home ${plan.homeRegion}; allowed ${plan.allowedRegions.join(", ")}; residency ${plan.residency ? "on" : "off"}` +
      (plan.guardrails?.regionDeny ? " (an SCP denies every other region, global services exempt)" : ""),
  );
  if (plan.controlTower) lines.push("  Control Tower present: this trail records data events only; alarms read aws-controltower/CloudTrailLogs");
  lines.push("", "  Retention per tier:");
  lines.push(...tier("archive in S3, then expired", plan.retention.archiveDays, plan.archive.lifecycle ? "" : " (no lifecycle: MFA delete is on, expired logs are deleted by hand)"));
  lines.push(...tier("searchable in CloudWatch Logs", plan.retention.hotDays));
  lines.push(...tier("in S3 Standard before the first lifecycle transition", plan.retention.immediateDays));
  const storage = archiveTiers(plan);
  lines.push(`    Storage classes: ${storage.rule}${storage.expected ? ` ${storage.expected}` : ""}`);
  if (plan.archive.objectLock && plan.retention.objectLockDays) {
    lines.push(...tier(`Object Lock ${plan.archive.objectLock.mode}`, plan.retention.objectLockDays));
  } else {
    lines.push("    Object Lock: off");
  }
  if (plan.archive.mfaDelete) lines.push("    MFA delete: on (the root user enables it after apply; see the runbook)");
  lines.push("", ...recording(plan));
  const kinds = countByKind(addresses);
  const total = kinds.reduce((sum, k) => sum + k.count, 0);
  lines.push("", `  Resources by kind (${total} in all):`);
  const width = Math.max(...kinds.map((k) => String(k.count).length));
  for (const k of kinds) lines.push(`    ${String(k.count).padStart(width)}  ${k.label}`);
  lines.push("", ...alertRouting(plan));
  const kind = plan.output.mode === "module" ? ", a child module for your root module to call" : "";
  lines.push(`  Output: ${plan.output.format === "json" ? "Terraform JSON (.tf.json)" : "Terraform HCL (.tf)"}${kind} in ${out}/`);
  lines.push(...extra.map((line) => `  ${line}`));
  lines.push(...costAssumptions(plan));
  return lines.join("\n");
}

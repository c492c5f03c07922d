// The resolved plan in words a compliance lead can check line by line, with
// the source of every number. Pure text from the plan; no defaults computed here.
import { protectionClaims, protectionLimits } from "../docs/protection-claims.js";
import { FRAMEWORKS, type FrameworkId } from "../catalog/regulations.js";
import type { NumberSource, ResolvedPlan } from "../model/plan.js";
import { failedSigninText } from "../docs/workspaces-context.js";
import { archiveTiers } from "../docs/archive-tiers.js";
import { QUERY_CHECKS } from "../query/catalog/index.js";
import { reviewRouting } from "../docs/forensics-context.js";

function years(days: number): string {
  if (days < 365) return `${days} days`;
  const y = days / 365.25;
  return `${days} days (about ${Number.isInteger(Math.round(y * 10) / 10) ? Math.round(y) : y.toFixed(1)} years)`;
}

function line(label: string, source: NumberSource, detail = ""): string {
  return `  - ${label}: ${years(source.value)}${detail}\n      why: ${source.reason}`;
}

export function explainPlan(plan: ResolvedPlan): string {
  const out: string[] = [];
  const org = plan.topology === "organization";
  out.push("Frameworks checked:");
  for (const ref of plan.frameworks) {
    const f = FRAMEWORKS[ref.id as FrameworkId];
    out.push(`  - ${f.name}: ${f.retention.summary} [${f.retention.citation.text}]`);
  }
  out.push("");
  out.push(
    org
      ? `Accounts: an AWS organization; the trail, its log group and the alarms live in the management account (Terraform runs there on your own credentials), the evidence in a separate log-archive account, and the estate key in the security account; member accounts are reached through the ${plan.access.deployRoleName} role that bootstrap/ creates once.`
      : "Accounts: a single AWS account holds the trail, the key, the evidence and the alarms.",
  );
  out.push(
    plan.residency
      ? `Where logs live: ${plan.homeRegion} only (residency on)${plan.guardrails?.regionDeny ? "; a service control policy denies every other region except for global services" : ""}.`
      : `Where logs live: home region ${plan.homeRegion}; allowed regions ${plan.allowedRegions.join(", ")}.`,
  );
  out.push("");
  out.push("How long evidence is kept:");
  out.push(line("Archive in S3 (then deleted)", plan.retention.archiveDays));
  out.push(line("Searchable in CloudWatch Logs", plan.retention.hotDays));
  out.push(line("In S3 Standard before the first lifecycle transition", plan.retention.immediateDays));
  const storage = archiveTiers(plan);
  out.push(`  - Storage classes: ${storage.rule}${storage.expected ? ` ${storage.expected}` : ""}`);
  if (plan.archive.objectLock && plan.retention.objectLockDays) {
    const who =
      plan.archive.objectLock.mode === "COMPLIANCE"
        ? "nobody, not even the root user, can delete a log or shorten its lock"
        : "only a principal granted s3:BypassGovernanceRetention can delete a log early";
    out.push(line(`Locked against change (Object Lock ${plan.archive.objectLock.mode} mode)`, plan.retention.objectLockDays, `; ${who}`));
  } else {
    out.push("  - Object Lock: off");
  }
  if (plan.archive.mfaDelete) {
    out.push("  - MFA delete: on, enabled after apply by the root user with an MFA code (see the runbook); no lifecycle expiry on that bucket");
  }
  out.push("");
  out.push("What is recorded:");
  const trail = plan.trail;
  out.push(
    trail.managementEvents
      ? `  - Management events (read and write) in every region, including global services, for ${org ? "every account in the organization" : "the account"}; log files are digitally signed (log file validation) and encrypted with a customer-managed KMS key that rotates every ${plan.key.rotationPeriodDays} days.`
      : "  - Management events: already recorded by Control Tower's trail; this trail adds data events only.",
  );
  if (trail.s3DataEvents === "all") out.push("  - S3 object reads and writes in every bucket except the estate's own log buckets (no feedback loop).");
  else if (trail.s3DataEvents !== "off") out.push(`  - S3 object reads and writes in: ${trail.s3DataEvents.buckets.join(", ")}.`);
  if (trail.lambdaDataEvents) out.push("  - Lambda function invocations.");
  if (trail.insights) out.push("  - CloudTrail Insights: unusual API call rates and error rates.");
  out.push("");
  // The catalog's alarms plus the delivery-health alarm, listed last.
  out.push(`Alarms (${plan.alarms.length + 1}), each emailing its tier's list:`);
  for (const alarm of plan.alarms) {
    const ids = [alarm.cis && `CIS ${alarm.cis}`, alarm.securityHub].filter(Boolean).join(", ");
    out.push(`  - [${alarm.tier}] ${alarm.title}${ids ? ` (${ids})` : ""}`);
  }
  out.push(`  - [${plan.deliveryHealth.tier}] Trail delivery stopped: no event reached the log group for ${plan.deliveryHealth.silentMinutes} minutes (${plan.deliveryHealth.reason})`);
  if (plan.config) {
    out.push("");
    const rules = [...new Set(plan.config.rules.map((r) => r.name))];
    const recorders = plan.config.recorderAccounts.length > 0 ? `records configuration in ${plan.config.recorderAccounts.length} account${plan.config.recorderAccounts.length === 1 ? "" : "s"}` : "relies on the existing recorders";
    out.push(`Continuous checks: AWS Config ${recorders} and runs ${rules.length} managed rules on the logging estate, each in the account that holds what it checks (${rules.join(", ")}).`);
  }
  out.push("");
  out.push(...forensicsLines(plan));
  out.push("");
  out.push("What is protected:");
  for (const claim of protectionClaims(plan)) out.push(`  - ${claim.text}`);
  out.push("What no policy here can protect:");
  for (const limit of protectionLimits(plan)) out.push(`  - ${limit}`);
  out.push("");
  out.push(...workspacesLines(plan));
  return out.join("\n");
}

/** Markdown emphasis and code marks out, for the terminal. */
function plain(text: string): string {
  return text.replace(/\*\*|`/g, "");
}

/** Investigation and scheduled reviews (forensics): where they run, what they read, when they report. */
function forensicsLines(plan: ResolvedPlan): string[] {
  const f = plan.forensics;
  if (!f) {
    return [
      "Investigation and reviews: off. Turn them on with --set forensics.enabled=true (the wizard asks): Athena over the archive with a saved query per check, and a daily and a weekly review emailed to the alert tiers (PCI DSS 10.4.1, 10.4.1.1). The same checks run locally with `trailwright query` either way.",
    ];
  }
  const where = plan.topology === "organization" ? `the security account (${plan.accounts.security.id})` : "the account";
  const checks = QUERY_CHECKS.length;
  return [
    `Investigation and reviews, in ${where}:`,
    `  - Athena workgroup ${f.workgroupName} (engine v3, its settings enforced, results encrypted under the estate key and kept ${f.resultsBucket.expirationDays} days), a Glue table over the archive, and ${checks} saved queries, one per check of \`trailwright query --list\`; a query stops after scanning ${Math.round(f.bytesScannedCutoff / 1024 ** 3)} GB.`,
    `  - Role ${f.investigatorRoleName} reads the archive through Athena; it cannot write to it.`,
    `  - EventBridge Scheduler runs the review daily (${f.dailyCron}) and weekly (${f.weeklyCron}) in ${f.timeZone}: one Athena scan counts every check and ${plain(reviewRouting(plan))} (PCI DSS 10.4.1, 10.4.1.1). A person still reads it.`,
    ...(f.s3DataEvents ? [] : ["  - s3-exfiltration finds nothing: the trail records no S3 data events."]),
  ];
}

function workspacesLines(plan: ResolvedPlan): string[] {
  const ws = plan.workspaces;
  if (!ws) {
    return [
      "Amazon WorkSpaces user activity: off. If your users work on WorkSpaces, turn it on (the wizard asks; or --set workspaces.enabled=true --set workspaces.identitySource=identity-center, managed-ad, ad-connector, simple-ad or saml): each successful login recorded with its client IP, alarms on WorkSpaces access, network, image and provisioning changes, on logins from outside your networks and after business hours (default 07:00-19:00 weekdays, Europe/London), health alarms and an executive dashboard. AWS records no failed WorkSpaces login itself; whether failed sign-ins can be seen depends on the identity source.",
    ];
  }
  const hours = ws.businessHours;
  return [
    `Amazon WorkSpaces user activity, in ${ws.sites.map((s) => `${s.accountId} ${s.region}`).join(", ")}:`,
    "  - Each successful login (the EventBridge WorkSpaces Access event: client IP, client, time, WorkSpace) kept in its own encrypted log group; AWS sends no CloudTrail login or logoff record and no location.",
    ...ws.trailAlarms.map((a) => `  - [${a.tier}] ${a.title}`),
    ...ws.accessAlarms.map((a) => `  - [${a.tier}] ${a.title} (${ws.allowedNetworks.join(", ")})`),
    `  - [${ws.afterHoursTier}] A login outside ${hours.start}-${hours.end} ${hours.days.join(",")} (${hours.timeZone}), switched by EventBridge Scheduler`,
    "  - [warning] Login events EventBridge could not deliver",
    ...ws.nativeAlarms.map((a) => `  - [${a.tier}] ${a.title}`),
    `  - Failed sign-ins: ${plain(failedSigninText(plan, ws))}`,
    "  - A CloudWatch dashboard in each WorkSpaces account and region.",
  ];
}

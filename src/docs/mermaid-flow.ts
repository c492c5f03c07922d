// The estate's flow as a Mermaid flowchart, drawn from the plan: accounts ->
// trail -> key -> buckets, and trail -> log group -> filters -> alarms ->
// topics -> people. Built here rather than in the template so the template
// stays free of logic and the diagram can be checked on its own.
import type { ResolvedPlan } from "../model/plan.js";

/** A label inside ["..."]: Mermaid has no backslash escape, so quotes become #quot;. */
function label(...lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/"/g, "#quot;")).join("<br/>")}"`;
}

function box(id: string, ...lines: string[]): string {
  return `  ${id}[${label(...lines)}]`;
}

function bucket(id: string, ...lines: string[]): string {
  return `  ${id}[(${label(...lines)})]`;
}

function person(id: string, ...lines: string[]): string {
  return `  ${id}([${label(...lines)}])`;
}

function edge(from: string, to: string, text?: string, dotted = false): string {
  const arrow = dotted ? "-.->" : "-->";
  return `  ${from} ${arrow}${text ? `|${label(text)}|` : ""} ${to}`;
}

export function estateFlowchart(plan: ResolvedPlan): string {
  const out: string[] = ["flowchart LR"];
  const org = plan.topology === "organization";
  const a = plan.accounts;
  out.push(
    org
      ? box("accounts", `Organization ${plan.organizationId}`, `management ${a.management.id}`, `log archive ${a.logArchive.id}`, `security ${a.security.id}`, "and every member account")
      : box("accounts", `AWS account ${a.management.id}`),
  );
  const trailWhat = plan.trail.managementEvents ? "management events, every region" : "data events only";
  out.push(box("trail", `CloudTrail ${org ? "organization " : ""}trail`, plan.trail.name, trailWhat, "log file validation"));
  out.push(box("key", `KMS key ${plan.key.alias}`, `rotates every ${plan.key.rotationPeriodDays} days`));
  const lock = plan.archive.objectLock ? `Object Lock ${plan.archive.objectLock.mode}, ${plan.archive.objectLock.days} days` : "no Object Lock";
  out.push(bucket("archive", "S3 log archive", plan.archive.name, lock, `kept ${plan.retention.archiveDays.value} days`));
  out.push(bucket("access_logs", "S3 access-log bucket", plan.accessLogs.name));
  out.push(
    plan.logGroup.managed
      ? box("log_group", "CloudWatch log group", plan.logGroup.name, `${plan.logGroup.retentionDays} days searchable`)
      : box("log_group", "Control Tower's log group", plan.logGroup.name, "retention set by Control Tower"),
  );
  out.push(box("filters", `${plan.alarms.length} metric filters`, "CIS / Security Hub patterns"));
  out.push(box("alarms", `${plan.alarms.length} CloudWatch alarms`, "1 match in 5 minutes"));
  for (const t of plan.topics) {
    out.push(box(`topic_${t.tier}`, `SNS topic: ${t.tier}`, t.name));
    out.push(person(`people_${t.tier}`, ...(t.emails.length > 0 ? t.emails : ["no recipients yet"])));
  }
  if (!plan.trail.cloudWatchLogs) out.push(box("ct_trail", "Control Tower's organization trail", "management events"));
  if (plan.config) {
    out.push(box("config_recorder", "AWS Config recorder", `${plan.config.rules.length} managed rules`));
    if (plan.config.recorderAccounts.length > 0) out.push(bucket("config_bucket", "S3 Config bucket", plan.config.bucketName));
  }
  if (plan.guardrails) out.push(box("scps", "Service control policies", "member accounts only"));

  out.push(edge("accounts", "trail", "API activity"));
  out.push(edge("trail", "archive", "writes log and digest files"));
  out.push(edge("key", "archive", "encrypts log files (SSE-KMS)"));
  out.push(edge("archive", "access_logs", "server access logs"));
  if (plan.trail.cloudWatchLogs) {
    out.push(edge("trail", "log_group", "events within minutes"));
  } else {
    out.push(edge("accounts", "ct_trail", "API activity"));
    out.push(edge("ct_trail", "log_group", "events within minutes"));
  }
  out.push(edge("log_group", "filters"));
  out.push(edge("filters", "alarms"));
  for (const t of plan.topics) {
    const count = plan.alarms.filter((x) => x.tier === t.tier).length;
    out.push(edge("alarms", `topic_${t.tier}`, `${count} ${t.tier} alarm${count === 1 ? "" : "s"}`));
    out.push(edge(`topic_${t.tier}`, `people_${t.tier}`, "email"));
  }
  if (plan.config) {
    out.push(edge("accounts", "config_recorder", "resource changes"));
    if (plan.config.recorderAccounts.length > 0) out.push(edge("config_recorder", "config_bucket", "snapshots and history"));
  }
  if (plan.guardrails) {
    // SCPs never bind the management account, so they protect the archive and the key, not the trail.
    out.push(edge("scps", "archive", "protect", true));
    out.push(edge("scps", "key", "protect", true));
  }
  return out.join("\n");
}

// The estate's flow as a Mermaid flowchart, drawn from the plan: one box
// (subgraph) per AWS account the estate deploys into, each part inside the box
// of the account that holds it (src/plan/placement.ts), and the real flows:
// the trail writes straight to the archive and to the log group; filters ->
// alarms -> topics -> people; each key drawn beside the data path with dotted
// "encrypts" edges to the services that use it. Built here rather than in the
// template so the template stays free of logic and the diagram can be checked
// on its own (test/docs/mermaid.test.ts).
import type { AlertTier, ResolvedPlan } from "../model/plan.js";
import { estateAccounts, partAccount, type PlacedPart } from "../plan/placement.js";

type Shape = "box" | "cylinder" | "stadium";

interface Node {
  readonly id: string;
  readonly shape: Shape;
  readonly lines: readonly string[];
  /** Account id whose box holds the node; undefined for what is outside the estate (people, the activity it records). */
  readonly account: string | undefined;
}

/** A label inside ["..."]: Mermaid has no backslash escape, so quotes become #quot;. */
function label(lines: readonly string[]): string {
  return `"${lines.map((l) => l.replace(/"/g, "#quot;")).join("<br/>")}"`;
}

const OPEN: Readonly<Record<Shape, [string, string]>> = { box: ["[", "]"], cylinder: ["[(", ")]"], stadium: ["([", "])"] };

function nodeLine(n: Node, indent: string): string {
  const [open, close] = OPEN[n.shape];
  return `${indent}${n.id}${open}${label(n.lines)}${close}`;
}

/**
 * Edge text stays in the most conservative form Mermaid parses (`-- text -->`,
 * `-. text .->`): letters, digits, spaces and commas, since a hyphen or dot can
 * end the arrow early.
 */
function edgeLine(from: string, to: string, text: string | undefined, dotted: boolean): string {
  if (text !== undefined && !/^[A-Za-z0-9 ,]+$/.test(text)) throw new Error(`estateFlowchart: edge text "${text}" has characters Mermaid may read as arrow syntax`);
  if (text === undefined) return `  ${from} ${dotted ? "-.->" : "-->"} ${to}`;
  return dotted ? `  ${from} -. ${text} .-> ${to}` : `  ${from} -- ${text} --> ${to}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const ROLE_NAMES = { management: "management", logArchive: "log archive", security: "security" } as const;

class Chart {
  readonly nodes: Node[] = [];
  readonly edges: string[] = [];
  constructor(private readonly plan: ResolvedPlan) {}

  add(id: string, shape: Shape, account: string | undefined, ...lines: string[]): void {
    this.nodes.push({ id, shape, lines, account });
  }

  /** A node in the account that holds `part`. */
  part(part: PlacedPart, id: string, shape: Shape, ...lines: string[]): void {
    this.add(id, shape, partAccount(this.plan, part).id, ...lines);
  }

  flow(from: string, to: string, text?: string): void {
    this.edges.push(edgeLine(from, to, text, false));
  }

  /** Not data: a key used by a service, a policy protecting a resource. */
  uses(from: string, to: string, text: string): void {
    this.edges.push(edgeLine(from, to, text, true));
  }

  render(): string {
    const out = ["flowchart LR"];
    for (const account of estateAccounts(this.plan)) {
      const inside = this.nodes.filter((n) => n.account === account.id);
      if (inside.length === 0) continue;
      const what = account.workspacesOnly
        ? "WorkSpaces member account"
        : this.plan.topology === "organization"
          ? `${account.roles.map((r) => ROLE_NAMES[r]).join(" and ")} account`
          : "AWS account";
      out.push(`  subgraph account_${account.id}[${label([`${what} ${account.id}`])}]`);
      out.push(...inside.map((n) => nodeLine(n, "    ")));
      out.push("  end");
    }
    out.push(...this.nodes.filter((n) => n.account === undefined).map((n) => nodeLine(n, "  ")));
    out.push(...this.edges);
    return out.join("\n");
  }
}

const TIERS: readonly AlertTier[] = ["critical", "warning", "info"];

/** Alarms in management per tier: the CIS alarms, WorkSpaces' alarms on the trail's log group, the delivery-health alarm. */
function managementAlarmsByTier(plan: ResolvedPlan): ReadonlyMap<AlertTier, number> {
  const tiers = [...plan.alarms.map((a) => a.tier), ...(plan.workspaces?.trailAlarms ?? []).map((a) => a.tier), plan.deliveryHealth.tier];
  return new Map(TIERS.map((t) => [t, tiers.filter((x) => x === t).length]));
}

/** One node per email address, however many tiers it is on; ids follow the sorted addresses. */
function people(plan: ResolvedPlan): ReadonlyMap<string, string> {
  const emails = [...new Set([...plan.topics, ...(plan.workspaces?.topics ?? [])].flatMap((t) => t.emails))].sort();
  return new Map(emails.map((e, i) => [e, `person_${i + 1}`]));
}

function dataEventsLine(plan: ResolvedPlan): string | undefined {
  const s3 = plan.trail.s3DataEvents;
  const what = [
    ...(s3 === "off" ? [] : [s3 === "all" ? "S3 object reads and writes, every bucket" : `S3 object reads and writes: ${s3.buckets.join(", ")}`]),
    ...(plan.trail.lambdaDataEvents ? ["Lambda invocations"] : []),
  ];
  return what.length > 0 ? what.join("<br/>") : undefined;
}

export function estateFlowchart(plan: ResolvedPlan): string {
  const c = new Chart(plan);
  const org = plan.topology === "organization";
  const management = plan.accounts.management.id;

  c.add("activity", "box", undefined, org ? `API activity in every account of ${plan.organizationId}` : `API activity in account ${management}`);
  const data = dataEventsLine(plan);
  if (data) c.add("data_events", "box", undefined, "Data events", ...data.split("<br/>"));
  c.part("trail", "trail", "box", `CloudTrail ${org ? "organization " : ""}trail`, plan.trail.name, plan.trail.managementEvents ? "management events, every region" : "data events only", "log file validation");
  if (plan.trail.insights) c.part("trail", "insights", "box", "CloudTrail Insights", "unusual API call and error rates");
  c.part("key", "key", "box", `KMS key ${plan.key.alias}`, `rotates every ${plan.key.rotationPeriodDays} days`);
  c.part("monitoringKey", "monitoring_key", "box", `KMS key ${plan.monitoringKey.alias}`, `rotates every ${plan.monitoringKey.rotationPeriodDays} days`);
  const lock = plan.archive.objectLock ? `Object Lock ${plan.archive.objectLock.mode}, ${plan.archive.objectLock.days} days` : "no Object Lock";
  c.part("archive", "archive", "cylinder", "S3 log archive", plan.archive.name, lock, `kept ${plan.retention.archiveDays.value} days`);
  c.part("accessLogs", "access_logs", "cylinder", "S3 access-log bucket", plan.accessLogs.name);
  if (plan.logGroup.managed) c.part("logGroup", "log_group", "box", "CloudWatch log group", plan.logGroup.name, `${plan.logGroup.retentionDays} days searchable`);
  else c.part("logGroup", "log_group", "box", "Control Tower's log group", plan.logGroup.name, "retention set by Control Tower");
  if (!plan.trail.cloudWatchLogs) c.part("trail", "ct_trail", "box", "Control Tower's organization trail", "management events");
  const byTier = managementAlarmsByTier(plan);
  const alarmCount = [...byTier.values()].reduce((a, b) => a + b, 0);
  // Every alarm but delivery health reads a metric filter; that one reads the log group's own IncomingLogEvents.
  c.part("alarms", "filters", "box", plural(alarmCount - 1, "metric filter"), "CIS / Security Hub patterns");
  c.part("alarms", "alarms", "box", plural(alarmCount, "CloudWatch alarm"), "including trail delivery health");
  for (const t of plan.topics) c.part("topics", `topic_${t.tier}`, "box", `SNS topic: ${t.tier}`, t.name);
  const person = people(plan);
  for (const [email, id] of person) c.add(id, "stadium", undefined, email);

  // The data path: activity -> trail -> archive and log group -> filters -> alarms -> topics -> people.
  c.flow("activity", "trail", "API calls");
  if (data) c.flow("data_events", "trail", "data events");
  c.flow("trail", "archive", "log and digest files");
  if (plan.trail.insights) {
    c.flow("trail", "insights", "management events");
    c.flow("insights", "archive", "Insights events");
  }
  c.flow("archive", "access_logs", "server access logs");
  if (plan.trail.cloudWatchLogs) c.flow("trail", "log_group", "events within minutes");
  else {
    c.flow("activity", "ct_trail", "API calls");
    c.flow("ct_trail", "log_group", "events within minutes");
  }
  c.flow("log_group", "filters");
  c.flow("filters", "alarms");
  for (const t of plan.topics) {
    c.flow("alarms", `topic_${t.tier}`, plural(byTier.get(t.tier) ?? 0, `${t.tier} alarm`));
    for (const email of t.emails) c.flow(`topic_${t.tier}`, person.get(email)!, "email");
  }

  // The keys, beside the data path: who encrypts with which key.
  c.uses("key", "trail", "encrypts log files");
  c.uses("key", "archive", "encrypts");
  if (plan.logGroup.managed) c.uses("monitoring_key", "log_group", "encrypts");
  for (const t of plan.topics) c.uses("monitoring_key", `topic_${t.tier}`, "encrypts");

  addConfig(c, plan);
  addWorkspaces(c, plan, person);
  if (plan.forensics) {
    c.part("forensics", "forensics", "box", "Athena workgroup and Glue table", plan.forensics.workgroupName, "scheduled reviews");
    c.flow("archive", "forensics", "read by queries");
    c.uses("key", "forensics", "encrypts results");
  }
  if (plan.guardrails) {
    // SCPs never bind the management account, so they protect the archive and the key, not the trail.
    c.part("guardrails", "scps", "box", "Service control policies", "member accounts only");
    c.uses("scps", "archive", "protect");
    c.uses("scps", "key", "protect");
  }
  return c.render();
}

/** Recorders where the plan creates or relies on them, the rules in the account they check, the bucket and the aggregator. */
function addConfig(c: Chart, plan: ResolvedPlan): void {
  const config = plan.config;
  if (!config) return;
  if (config.recorderAccounts.length > 0) {
    c.part("configBucket", "config_bucket", "cylinder", "S3 Config bucket", config.bucketName);
    c.uses("key", "config_bucket", "encrypts");
  }
  if (config.aggregator) c.part("configAggregator", "config_aggregator", "box", "AWS Config aggregator", config.aggregator.name);
  const roles = [...new Set([...config.recorderAccounts, ...config.existingRecorderAccounts, ...config.rules.map((r) => r.account)])];
  for (const role of (["management", "logArchive", "security"] as const).filter((r) => roles.includes(r))) {
    const account = plan.accounts[role].id;
    const suffix = role === "logArchive" ? "log_archive" : role;
    const created = config.recorderAccounts.includes(role);
    const rules = config.rules.filter((r) => r.account === role).length;
    // An existing recorder matters to the estate only through the rules that rely on it.
    if (!created && rules === 0) continue;
    const recorder = `config_recorder_${suffix}`;
    // A recorder records its own account's resources, not the organization's.
    c.add(recorder, "box", account, created ? "AWS Config recorder" : "existing AWS Config recorder", created ? config.recorderName : "not managed here", "this account's resources");
    if (created) c.flow(recorder, "config_bucket", "snapshots and history");
    if (rules > 0) {
      c.add(`config_rules_${suffix}`, "box", account, plural(rules, "Config rule"));
      c.flow(recorder, `config_rules_${suffix}`, "configuration items");
      if (config.aggregator) c.flow(`config_rules_${suffix}`, "config_aggregator", "compliance");
    }
  }
}

/**
 * Each WorkSpaces site in its own account: access events -> log group -> alarms -> topics ->
 * people. A site in the management account's home region uses the estate's monitoring key and
 * topics (src/synth/workspaces-estate.ts); every other site has its own key and topics.
 */
function addWorkspaces(c: Chart, plan: ResolvedPlan, person: ReadonlyMap<string, string>): void {
  const ws = plan.workspaces;
  if (!ws) return;
  // The after-hours and delivery-failure alarms beside the access and native ones (as the README's table counts them).
  const alarms = ws.accessAlarms.length + ws.nativeAlarms.length + 2;
  for (const site of ws.sites) {
    const id = `ws_${site.id}`;
    c.add(`${id}_events`, "box", site.accountId, `WorkSpaces access events, ${site.region}`, site.ruleName);
    c.add(`${id}_log_group`, "box", site.accountId, "CloudWatch log group", site.logGroupName);
    c.add(`${id}_alarms`, "box", site.accountId, plural(alarms, "WorkSpaces alarm"), "on login filters and WorkSpaces metrics");
    c.flow(`${id}_events`, `${id}_log_group`, "EventBridge rule");
    c.flow(`${id}_log_group`, `${id}_alarms`, "metric filters");
    if (site.isManagementHome) {
      for (const t of ws.topics) if (plan.topics.some((x) => x.tier === t.tier)) c.flow(`${id}_alarms`, `topic_${t.tier}`);
      c.uses("monitoring_key", `${id}_log_group`, "encrypts");
      continue;
    }
    c.add(`${id}_topics`, "box", site.accountId, `SNS topics: ${ws.topics.map((t) => t.tier).join(", ")}`);
    c.add(`${id}_key`, "box", site.accountId, `KMS key ${site.keyAlias}`);
    c.flow(`${id}_alarms`, `${id}_topics`);
    for (const email of [...new Set(ws.topics.flatMap((t) => t.emails))].sort()) c.flow(`${id}_topics`, person.get(email)!, "email");
    c.uses(`${id}_key`, `${id}_log_group`, "encrypts");
    c.uses(`${id}_key`, `${id}_topics`, "encrypts");
  }
}

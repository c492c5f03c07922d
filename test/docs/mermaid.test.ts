// The README's Mermaid diagram for every preset, Control Tower, MFA delete and
// WorkSpaces parses under a strict structural check of flowchart syntax
// (support/mermaid-flowchart.ts says why not mermaid itself), draws each part
// inside the box of the account whose provider creates it in the synthesized
// Terraform, and draws the flows the plan describes.
import { describe, expect, it } from "vitest";
import { estateFlowchart } from "../../src/docs/mermaid-flow.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { resolvePlan } from "../../src/plan/resolve-plan.js";
import { synthesizeEstate } from "../../src/synth/generate-estate.js";
import { workspacesConfig, type WsVariant } from "../helpers/workspaces-answers.js";
import { enclosingSubgraphs, type Flowchart, parseFlowchart, reaches } from "./support/mermaid-flowchart.js";
import { PRESET_SETS, presetEstate, VARIANTS } from "./support/preset-estates.js";

interface Case {
  readonly plan: ResolvedPlan;
  readonly addresses: readonly string[];
  /** Terraform JSON: resource and data blocks with their `provider`. */
  readonly terraform: { resource?: Record<string, Record<string, { provider?: string }>>; data?: Record<string, Record<string, { provider?: string }>> };
}

const cache = new Map<string, Case>();
function estateCase(name: string): Case {
  let found = cache.get(name);
  if (found) return found;
  const ws = /^WorkSpaces (single|organization)$/.exec(name)?.[1] as WsVariant | undefined;
  const variant = VARIANTS[name];
  const plan = ws ? resolvePlan(workspacesConfig(ws)) : presetEstate(variant?.preset ?? name, variant?.extra ?? []).plan;
  const synth = synthesizeEstate(plan);
  found = { plan, addresses: synth.addresses, terraform: synth.config as Case["terraform"] };
  cache.set(name, found);
  return found;
}

const CASES = [...Object.keys(PRESET_SETS), ...Object.keys(VARIANTS), "WorkSpaces single", "WorkSpaces organization"];

/** Nodes that stand for something outside the estate's accounts: drawn outside every box. */
const OUTSIDE = /^(activity|data_events|person_\d+)$/;

/**
 * The Terraform each node stands for: resources of `type` whose name matches. Written from the
 * synthesized addresses, not from src/plan/placement.ts, so a diagram that places a part in the
 * wrong account fails here whatever the placement module says.
 */
function resourcesOf(nodeId: string): { type: string; name: RegExp } | undefined {
  const ws = /^ws_(.+)_(events|log_group|alarms|topics|key)$/.exec(nodeId);
  if (ws) {
    const type = { events: "aws_cloudwatch_event_rule", log_group: "aws_cloudwatch_log_group", alarms: "aws_cloudwatch_metric_alarm", topics: "aws_sns_topic", key: "aws_kms_key" }[ws[2]!]!;
    return { type, name: new RegExp(`^workspaces_${ws[1]}_`) };
  }
  const topic = /^topic_(\w+)$/.exec(nodeId);
  if (topic) return { type: "aws_sns_topic", name: new RegExp(`^alerts_.*${topic[1]}`) };
  const table: Record<string, { type: string; name: RegExp }> = {
    trail: { type: "aws_cloudtrail", name: /^trail_/ },
    insights: { type: "aws_cloudtrail", name: /^trail_/ },
    key: { type: "aws_kms_key", name: /^estate_/ },
    monitoring_key: { type: "aws_kms_key", name: /^monitoring_/ },
    archive: { type: "aws_s3_bucket", name: /^log_archive_/ },
    access_logs: { type: "aws_s3_bucket", name: /^access_logs_/ },
    log_group: { type: "aws_cloudwatch_log_group", name: /^log_group_/ },
    filters: { type: "aws_cloudwatch_log_metric_filter", name: /^cis_alarms_/ },
    alarms: { type: "aws_cloudwatch_metric_alarm", name: /^cis_alarms_/ },
    config_bucket: { type: "aws_s3_bucket", name: /^config_/ },
    config_aggregator: { type: "aws_config_configuration_aggregator", name: /^config_/ },
    config_recorder_management: { type: "aws_config_configuration_recorder", name: /^config_recorder/ },
    config_recorder_log_archive: { type: "aws_config_configuration_recorder", name: /^config_log_archive_recorder/ },
    config_recorder_security: { type: "aws_config_configuration_recorder", name: /^config_security_recorder/ },
    config_rules_management: { type: "aws_config_config_rule", name: /^config_rule_/ },
    config_rules_log_archive: { type: "aws_config_config_rule", name: /^config_log_archive_rule_/ },
    config_rules_security: { type: "aws_config_config_rule", name: /^config_security_rule_/ },
    forensics: { type: "aws_athena_workgroup", name: /^forensics_/ },
    scps: { type: "aws_organizations_policy", name: /^guardrails_/ },
  };
  return table[nodeId];
}

/** The account each provider reaches, from the plan's account model and WorkSpaces sites. */
function providerAccounts(plan: ResolvedPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of Object.values(plan.accounts)) out.set(a.providerAlias ? `aws.${a.providerAlias}` : "aws", a.id);
  for (const s of plan.workspaces?.sites ?? []) if (s.providerAlias) out.set(`aws.${s.providerAlias}`, s.accountId);
  return out;
}

/** Account ids of the Terraform blocks a node stands for (existing recorders and Control Tower's parts have none). */
function ownersInTerraform(c: Case, nodeId: string): Set<string> {
  const what = resourcesOf(nodeId);
  if (!what) return new Set();
  const providers = providerAccounts(c.plan);
  const blocks = [...Object.entries(c.terraform.resource?.[what.type] ?? {}), ...Object.entries(c.terraform.data?.[what.type] ?? {})];
  return new Set(blocks.filter(([name]) => what.name.test(name)).map(([, b]) => providers.get(b.provider ?? "aws") ?? `unknown provider ${b.provider}`));
}

function accountOfNode(chart: Flowchart, nodeId: string): string | undefined {
  const boxes = enclosingSubgraphs(chart, nodeId);
  return boxes.length === 0 ? undefined : /^account_(\d{12})$/.exec(boxes.at(-1)!)?.[1];
}

describe.each(CASES)("the estate flowchart for %s", (name) => {
  it("is the diagram in README.md and parses", () => {
    const { plan, addresses } = estateCase(name);
    const readme = renderEstateDocuments(plan, { addresses }).find((f) => f.path === "README.md")!.content;
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(estateFlowchart(plan));
    expect(parseFlowchart(block![1]!).direction).toBe("LR");
  });

  it("draws one box per account the estate deploys into, each part in the box of the account whose provider creates it", () => {
    const c = estateCase(name);
    const { plan } = c;
    const chart = parseFlowchart(estateFlowchart(plan));
    const expected = new Set([plan.accounts.management.id, plan.accounts.logArchive.id, plan.accounts.security.id, ...(plan.workspaces?.sites ?? []).map((s) => s.accountId)]);
    const boxes = [...chart.subgraphs.values()];
    expect(boxes.map((b) => b.id).sort()).toEqual([...expected].map((id) => `account_${id}`).sort());
    for (const b of boxes) {
      expect(b.parent).toBeUndefined();
      expect(b.label).toContain(b.id.replace("account_", ""));
    }
    if (plan.topology === "single-account") expect(boxes).toHaveLength(1);
    let checked = 0;
    for (const node of chart.nodes.values()) {
      if (OUTSIDE.test(node.id)) {
        expect(node.subgraph, node.id).toBeUndefined();
        continue;
      }
      const owners = ownersInTerraform(c, node.id);
      if (owners.size === 0) {
        // Not created here: Control Tower's trail, and recorders Control Tower or the user already run.
        expect(node.id, "a node with no Terraform behind it").toMatch(/^(ct_trail|config_recorder_\w+|log_group)$/);
        expect(node.label).toMatch(/Control Tower|existing/);
        continue;
      }
      expect([...owners], node.id).toEqual([accountOfNode(chart, node.id)]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(8);
  });

  it("draws the trail writing straight to the archive and the keys off the data path", () => {
    const { plan } = estateCase(name);
    const chart = parseFlowchart(estateFlowchart(plan));
    expect(chart.edges).toContainEqual({ from: "trail", to: "archive", dotted: false, label: "log and digest files" });
    for (const key of ["key", "monitoring_key", ...(plan.workspaces?.sites ?? []).filter((s) => !s.isManagementHome).map((s) => `ws_${s.id}_key`)]) {
      const out = chart.edges.filter((e) => e.from === key);
      expect(out.length, key).toBeGreaterThan(0);
      for (const e of out) expect(e.dotted && /^encrypts/.test(e.label ?? ""), `${key} -> ${e.to}`).toBe(true);
      expect(chart.edges.some((e) => e.to === key && !e.dotted), `nothing flows into ${key}`).toBe(false);
    }
    expect(reaches(chart, "key", "archive")).toBe(false);
    expect(chart.edges).toContainEqual({ from: "key", to: "archive", dotted: true, label: "encrypts" });
    expect(chart.edges).toContainEqual({ from: "key", to: "trail", dotted: true, label: "encrypts log files" });
    expect(reaches(chart, "trail", "log_group")).toBe(plan.trail.cloudWatchLogs);
    expect(reaches(chart, "activity", "log_group")).toBe(true);
    expect(chart.nodes.get("archive")!.shape).toBe("cylinder");
    expect(chart.nodes.get("archive")!.label).toContain(plan.archive.name);
  });

  it("draws filters -> alarms -> topics -> people, each email address once", () => {
    const { plan } = estateCase(name);
    const chart = parseFlowchart(estateFlowchart(plan));
    expect(reaches(chart, "log_group", "filters") && reaches(chart, "filters", "alarms")).toBe(true);
    const emails = [...new Set([...plan.topics, ...(plan.workspaces?.topics ?? [])].flatMap((t) => t.emails))];
    const people = [...chart.nodes.values()].filter((n) => n.shape === "stadium");
    expect(people.map((p) => p.label).sort()).toEqual([...emails].sort());
    for (const topic of plan.topics) {
      expect(reaches(chart, "alarms", `topic_${topic.tier}`)).toBe(true);
      for (const email of topic.emails) {
        const person = people.find((p) => p.label === email)!;
        expect(chart.edges.filter((e) => e.from === `topic_${topic.tier}` && e.to === person.id)).toHaveLength(1);
      }
    }
    for (const site of plan.workspaces?.sites ?? []) {
      for (const p of people) expect(reaches(chart, `ws_${site.id}_events`, p.id)).toBe(true);
    }
  });

  it("draws data events and Insights exactly when they are on, Config and SCPs exactly when planned", () => {
    const { plan } = estateCase(name);
    const chart = parseFlowchart(estateFlowchart(plan));
    expect(chart.nodes.has("data_events")).toBe(plan.trail.s3DataEvents !== "off" || plan.trail.lambdaDataEvents);
    expect(chart.nodes.has("insights")).toBe(plan.trail.insights);
    if (plan.trail.insights) expect(reaches(chart, "insights", "archive")).toBe(true);
    const s3 = plan.trail.s3DataEvents;
    if (typeof s3 === "object") for (const b of s3.buckets) expect(chart.nodes.get("data_events")!.label).toContain(b);
    expect(chart.nodes.has("config_aggregator")).toBe(plan.config?.aggregator !== undefined);
    expect(chart.nodes.has("config_bucket")).toBe((plan.config?.recorderAccounts.length ?? 0) > 0);
    const rules = [...chart.nodes.values()].filter((n) => n.id.startsWith("config_rules_"));
    expect(rules.reduce((sum, n) => sum + Number(/^(\d+) Config rule/.exec(n.label)![1]), 0)).toBe(plan.config?.rules.length ?? 0);
    expect(chart.nodes.has("scps")).toBe(plan.guardrails !== undefined);
    expect(chart.nodes.has("forensics")).toBe(plan.forensics !== undefined);
  });
});

it("the cases cover both topologies, Control Tower, WorkSpaces member accounts, data events on and off, Insights on and off", () => {
  const plans = CASES.map((n) => estateCase(n).plan);
  expect(new Set(plans.map((p) => p.topology)).size).toBe(2);
  expect(plans.some((p) => p.controlTower)).toBe(true);
  expect(plans.some((p) => (p.workspaces?.sites ?? []).some((s) => s.accountId !== p.accounts.management.id))).toBe(true);
  expect(new Set(plans.map((p) => p.trail.s3DataEvents !== "off")).size).toBe(2);
  expect(new Set(plans.map((p) => p.trail.insights)).size).toBe(2);
});

describe("the structural flowchart check itself", () => {
  const ok = [
    "flowchart LR",
    '  subgraph outer["Outer"]',
    '    a["A"]',
    '    subgraph inner["Inner"]',
    '      b[("B<br/>b")]',
    "    end",
    "  end",
    '  c(["C"])',
    "  a -- to b --> b",
    "  b -.-> c",
    "  c -. uses, sometimes .-> a",
    "  a --> c",
  ].join("\n");

  it("accepts a well-formed chart and reads its nesting, edges and labels", () => {
    const chart = parseFlowchart(ok);
    expect([...chart.subgraphs.values()]).toEqual([
      { id: "outer", label: "Outer", parent: undefined },
      { id: "inner", label: "Inner", parent: "outer" },
    ]);
    expect(enclosingSubgraphs(chart, "b")).toEqual(["inner", "outer"]);
    expect(chart.nodes.get("c")!.subgraph).toBeUndefined();
    expect(chart.edges).toEqual([
      { from: "a", to: "b", dotted: false, label: "to b" },
      { from: "b", to: "c", dotted: true, label: undefined },
      { from: "c", to: "a", dotted: true, label: "uses, sometimes" },
      { from: "a", to: "c", dotted: false, label: undefined },
    ]);
    expect(reaches(chart, "a", "b")).toBe(true);
    expect(reaches(chart, "b", "c")).toBe(false);
  });

  it.each([
    ["a missing header", ok.replace("flowchart LR", "graph")],
    ["an unclosed shape", ok.replace('a["A"]', 'a["A"')],
    ["a raw quote in a label", ok.replace('a["A"]', 'a["say "hi""]')],
    ["an edge to an undeclared node", `${ok}\n  a --> d`],
    ["a node declared twice", `${ok}\n  a["again"]`],
    ["a node declared twice in different subgraphs", ok.replace('  c(["C"])', '  c(["C"])\n  subgraph x["X"]\n    a["A again"]\n  end')],
    ["a subgraph with a node's id", ok.replace('subgraph inner["Inner"]', 'subgraph a["Inner"]')],
    ["a keyword as node id", ok.replace(/\bc\b/g, "end")],
    ["a node with no edges", `${ok}\n  d["lonely"]`],
    ["markup other than <br/>", ok.replace('"A"', '"<b>A</b>"')],
    ["a statement it does not know", `${ok}\n  click a callback`],
    ["an unclosed subgraph", ok.replace("    end\n", "")],
    ["an end with no subgraph", `${ok}\n  end`],
    ["an empty subgraph", ok.replace('  c(["C"])', '  subgraph empty["Empty"]\n  end\n  c(["C"])')],
    ["a subgraph without a quoted label", ok.replace('subgraph outer["Outer"]', "subgraph outer")],
    ["an edge inside a subgraph", ok.replace('    a["A"]', '    a["A"]\n    a --> c')],
    ["a node indented as if nested when it is not", ok.replace('  c(["C"])', '    c(["C"])')],
    ["edge text with a hyphen", ok.replace("a -- to b --> b", "a -- to-b --> b")],
    ["edge text with a dot", ok.replace("uses, sometimes", "uses. sometimes")],
    ["a dotted arrow with solid text delimiters", ok.replace("c -. uses, sometimes .-> a", "c -- uses .-> a")],
  ])("rejects %s", (_what, text) => {
    expect(() => parseFlowchart(text)).toThrow();
  });
});

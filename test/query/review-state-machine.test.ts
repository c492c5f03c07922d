// The review state machine's definition: valid JSON under Step Functions' 1 MB
// limit, the daily-review SQL of the catalog (one source), and JSONata that,
// evaluated with jsonata 2.0.6 (the version Step Functions implements), sets
// the right window and writes the summary to the right topic.
import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { checkSql, findCheck } from "../../src/query/catalog/index.js";
import { DEFAULT_CATALOG_SETTINGS } from "../../src/query/catalog/check.js";
import { alertingChecks, REVIEW_INTEGRATIONS, reviewDefinition } from "../../src/query/estate/review-state-machine.js";

const INFO = "arn:aws:sns:eu-west-2:111111111111:acme-alerts-info";
const WARNING = "arn:aws:sns:eu-west-2:111111111111:acme-alerts-warning";
const definition = reviewDefinition({ estateName: "acme", workgroup: "acme-forensics", database: "acme_forensics", infoTopicArn: INFO, warningTopicArn: WARNING, settings: DEFAULT_CATALOG_SETTINGS });
type State = { Type: string; Resource?: string; Arguments?: Record<string, unknown>; Assign?: Record<string, string>; Output?: Record<string, string>; Next?: string; End?: boolean; Catch?: { Next: string }[] };
const states = definition.States as Record<string, State>;

/** Evaluates a "{% ... %}" JSONata string the way Step Functions does, with $states and the assigned variables bound. */
async function evaluate(text: string, bindings: Record<string, unknown>): Promise<unknown> {
  const match = /^\{%([\s\S]*)%\}$/.exec(text);
  if (!match) return text;
  return jsonata(match[1]!).evaluate({}, bindings);
}

async function window(startTime: string, days: number) {
  const vars: Record<string, unknown> = {};
  const bindings = { states: { input: { review: days === 1 ? "daily" : "weekly", days }, context: { Execution: { StartTime: startTime } } } };
  for (const [name, expr] of Object.entries(states["Set the window"]!.Assign!)) vars[name] = await evaluate(expr, bindings);
  return vars;
}

function resultSet(counts: Record<string, number>) {
  const row = (a: string, b: string) => ({ Data: [{ VarCharValue: a }, { VarCharValue: b }] });
  return { ResultSet: { Rows: [row("check_id", "count"), ...Object.entries(counts).map(([c, n]) => row(c, String(n)))] } };
}

describe("the review state machine", () => {
  it("is valid JSON well under the 1 MB definition limit, in JSONata", () => {
    const text = JSON.stringify(definition);
    expect(JSON.parse(text)).toEqual(definition);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(definition.QueryLanguage).toBe("JSONata");
  });

  it("calls only the Athena and SNS integrations (no Lambda), and every path ends", () => {
    const resources = Object.values(states).flatMap((s) => (s.Resource ? [s.Resource] : []));
    expect(new Set(resources)).toEqual(new Set(Object.values(REVIEW_INTEGRATIONS)));
    for (const [name, state] of Object.entries(states)) {
      if (state.Next) expect(states, name).toHaveProperty([state.Next]);
      for (const c of state.Catch ?? []) expect(states, name).toHaveProperty([c.Next]);
      expect(Boolean(state.Next) || Boolean(state.End) || state.Type === "Fail", name).toBe(true);
    }
  });

  it("runs the catalog's daily-review text, the same string the named query holds", () => {
    expect(states["Count the checks"]!.Arguments!.QueryString).toBe(checkSql(findCheck("daily-review")!, DEFAULT_CATALOG_SETTINGS));
  });

  it("sets the window to the whole UTC days before the run, and passes it as quoted Athena parameters", async () => {
    expect(await window("2026-12-02T06:00:03.123Z", 1)).toEqual({ review: "daily", from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z", firstDay: "2026/12/01", lastDay: "2026/12/02" });
    expect(await window("2026-07-06T06:00:00.000Z", 7)).toMatchObject({ from: "2026-06-29T00:00:00Z", to: "2026-07-06T00:00:00Z", firstDay: "2026/06/29" });
    const vars = await window("2026-12-02T06:00:03.123Z", 1);
    const params = await Promise.all((states["Count the checks"]!.Arguments!.ExecutionParameters as string[]).map((e) => evaluate(e, vars)));
    expect(params).toEqual(["'2026/12/01'", "'2026/12/02'", "'2026-12-01T00:00:00Z'", "'2026-12-02T00:00:00Z'"]);
  });

  it("sends a quiet day to the info topic and a day with root use to the warning topic, with every count in the text", async () => {
    const vars = await window("2026-12-02T06:00:03.123Z", 1);
    const read = states["Read the counts"]!;
    const countsFor = async (counts: Record<string, number>) => evaluate(read.Output!.counts!, { states: { result: resultSet(counts) } });
    const send = states["Send the summary"]!.Arguments as Record<string, string>;
    const quiet = { counts: await countsFor({ "access-denied-bursts": 3, "root-usage": 0, "s3-exfiltration": 5000 }), QueryExecutionId: "q-1" };
    expect(await evaluate(send.TopicArn!, { ...vars, states: { input: quiet } })).toBe(INFO);
    const loud = { counts: await countsFor({ "access-denied-bursts": 3, "root-usage": 1 }), QueryExecutionId: "q-2" };
    expect(await evaluate(send.TopicArn!, { ...vars, states: { input: loud } })).toBe(WARNING);
    const message = (await evaluate(send.Message!, { ...vars, states: { input: loud } })) as string;
    expect(message).toContain("CloudTrail daily review (PCI DSS 10.4.1), events from 2026-12-01T00:00:00Z to 2026-12-02T00:00:00Z:\n  access-denied-bursts: 3\n  root-usage: 1");
    expect(message).toContain("saved query acme-<check>");
    expect(await evaluate(send.Subject!, { ...vars, states: { input: loud } })).toBe("acme: daily CloudTrail review, 2026-12-01");
    expect(alertingChecks()).toContain("root-usage");
    expect(alertingChecks()).not.toContain("s3-exfiltration");
  });

  it("tells the warning topic when the review itself fails", async () => {
    const vars = await window("2026-12-02T06:00:03.123Z", 1);
    const report = states["Report the failure"]!.Arguments as Record<string, string>;
    expect(report.TopicArn).toBe(WARNING);
    const message = await evaluate(report.Message!, { ...vars, states: { input: { Error: "Athena.InvalidRequestException", Cause: "bytes scanned limit" } } });
    expect(message).toMatch(/^The daily CloudTrail review for 2026-12-01T00:00:00Z to 2026-12-02T00:00:00Z failed: Athena.InvalidRequestException: bytes scanned limit\./);
  });
});

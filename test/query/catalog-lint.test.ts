// Every check's SQL is Athena SQL in the agreed subset: it parses with
// node-sql-parser in athena mode, and calls no function outside
// ALLOWED_FUNCTIONS (none of the BANNED ones, whose meaning differs in DuckDB).
// The `?` parameters Athena binds from ExecutionParameters are named for the
// parse (node-sql-parser has no `?`), and counted against the check's list.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { CIS_METRIC_FILTERS } from "../../src/catalog/cis-metric-filters.js";
import { FRAMEWORK_IDS } from "../../src/catalog/regulations.js";
import { checkParameters, checkSql, QUERY_CHECKS } from "../../src/query/catalog/index.js";
import { DEFAULT_CATALOG_SETTINGS } from "../../src/query/catalog/check.js";
import { ALLOWED_FUNCTIONS, BANNED_FUNCTIONS } from "../../src/query/dialect.js";

const { Parser } = createRequire(import.meta.url)("node-sql-parser/build/athena") as typeof import("node-sql-parser");
const parser = new Parser();

/** `?` outside string literals and comments, replaced by :p1, :p2 ... */
function nameParameters(sql: string): { text: string; count: number } {
  let count = 0;
  const text = sql
    .split("\n")
    .map((line) => line.replace(/\s--.*$/, ""))
    .join("\n")
    .replace(/'(?:[^']|'')*'|\?/g, (m) => (m === "?" ? `:p${++count}` : m));
  return { text, count };
}

/** Every function an AST calls, lowercase. An UNNEST's `AS t (col)` alias parses as a call; it is not one. */
function functionsCalled(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => functionsCalled(n, into));
  else if (node !== null && typeof node === "object") {
    const n = node as { type?: string; name?: unknown };
    if (n.type === "aggr_func" && typeof n.name === "string") into.add(n.name.toLowerCase());
    if (n.type === "function") {
      const parts = (n.name as { name: { value: string }[] }).name;
      into.add(parts.map((p) => p.value).join(".").toLowerCase());
    }
    for (const [key, value] of Object.entries(node)) if (!(n.type === "unnest" && key === "as")) functionsCalled(value, into);
  }
  return into;
}

const REQUIRED_IDS = [
  "root-usage",
  "console-login-without-mfa",
  "failed-console-logins",
  "access-denied-bursts",
  "iam-changes",
  "access-key-created",
  "trail-tampering",
  "network-changes",
  "bucket-policy-changes",
  "s3-exfiltration",
  "new-source-ips",
  "off-hours-activity",
  "role-chains",
  "daily-review",
];

describe("the query catalog", () => {
  it("has every check the review duties need, each id once", () => {
    const ids = QUERY_CHECKS.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED_IDS));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cites controls by the regulation catalog's framework ids, and CIS ids the alarm catalog also uses", () => {
    const cisIds = new Set(CIS_METRIC_FILTERS.flatMap((f) => [f.cis && `CIS AWS Foundations ${f.cis}`, f.securityHub && `Security Hub ${f.securityHub}`]));
    for (const check of QUERY_CHECKS) {
      expect(check.controls.length, check.id).toBeGreaterThan(0);
      for (const control of check.controls) {
        expect(FRAMEWORK_IDS, check.id).toContain(control.framework);
        if (control.framework === "cis-aws") for (const ref of control.ref.split(", ")) expect(cisIds, `${check.id}: ${ref}`).toContain(ref);
      }
    }
    const daily = QUERY_CHECKS.find((c) => c.id === "daily-review")!;
    expect(daily.controls.map((c) => c.ref)).toContain("PCI DSS v4.0 Requirements 10.4.1, 10.4.1.1");
  });

  it("says which check needs S3 data events", () => {
    expect(QUERY_CHECKS.filter((c) => c.requires === "s3-data-events").map((c) => c.id)).toEqual(["s3-exfiltration"]);
  });

  describe.each(QUERY_CHECKS.map((c) => [c.id, c] as const))("%s", (_id, check) => {
    const sql = checkSql(check, DEFAULT_CATALOG_SETTINGS);
    const { text, count } = nameParameters(sql);

    it("parses as Athena SQL", () => {
      expect(() => parser.astify(text, { database: "athena" })).not.toThrow();
    });

    it("has one `?` per window parameter, in the order the check lists them", () => {
      expect(count).toBe(checkParameters(check).length);
    });

    it("calls only functions of the agreed subset", () => {
      const called = [...functionsCalled(parser.astify(text, { database: "athena" }))];
      expect(called.filter((f) => f in BANNED_FUNCTIONS)).toEqual([]);
      expect(called.filter((f) => !ALLOWED_FUNCTIONS.has(f))).toEqual([]);
    });

    it("reads only the window (no clock), so it means the same on any day", () => {
      expect(sql).not.toMatch(/current_(date|timestamp)|\bnow\(/i);
    });
  });

  it("the lint itself catches a banned function and a function outside the subset", () => {
    const ast = parser.astify("SELECT date_add('day', 1, x), to_unixtime(y), count(*) FROM t", { database: "athena" });
    const called = [...functionsCalled(ast)];
    expect(called.filter((f) => f in BANNED_FUNCTIONS)).toEqual(["date_add"]);
    expect(called.filter((f) => !ALLOWED_FUNCTIONS.has(f))).toEqual(["date_add", "to_unixtime"]);
  });
});

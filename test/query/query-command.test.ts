// `trailwright query` as a command: its formats, what it prints on stderr,
// --list and --sql, damaged and foreign files (named, skipped, counted, never
// a crash), and the one-line errors for bad input (exit 2, nothing else).
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { backgroundRecord, logFileKey, seededRandom, writeCloudTrailArchive } from "../../scripts/synth/cloudtrail-logs.mjs";
import { runCli, STACK_FRAME, tempFolder } from "../hardening/cli-harness.js";
import { MANAGEMENT, WORKLOAD, writePlantedArchive } from "./planted-archive.js";

const DAY = ["--since", "2026-12-01", "--until", "2026-12-01"];
let archive: string;

beforeAll(() => {
  archive = tempFolder("tw-query-cmd-");
  writePlantedArchive(archive, "org");
});

describe("output formats", () => {
  it("prints an aligned table by default, with a reading line and a summary on stderr", async () => {
    const result = await runCli(["query", "root-usage", "--logs", archive, ...DAY], archive);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^eventtime\s+account\s+awsregion\s+principal\s+sourceipaddress\s+eventname\s+useragent\s+eventid$/);
    expect(result.out[1]).toMatch(/^-+ {2}-+/);
    expect(result.out.slice(2).map((l) => l.split(/\s+/).at(-1))).toEqual(["root-1", "root-late"]);
    expect(result.err[0]).toMatch(/^reading \d+ log files \([\d.]+ MB gzipped\) \.\.\.$/);
    expect(result.err.at(-1)).toMatch(/^root-usage: 2 events from \d+ log file\(s\)$/);
  });

  it("prints CSV with a header row and quotes fields that need it", async () => {
    const result = await runCli(["query", "failed-console-logins", "--logs", archive, ...DAY, "--format", "csv"], archive);
    expect(result.code).toBe(0);
    const text = result.out.join("\n");
    expect(text.split("\r\n")).toEqual([
      "account,principal,sourceipaddress,count,first_seen,last_seen",
      `${WORKLOAD},arn:aws:iam::${WORKLOAD}:user/dave,203.0.113.66,3,2026-12-01T11:20:00Z,2026-12-01T11:22:00Z`,
      `${WORKLOAD},HIDDEN_DUE_TO_SECURITY_REASONS,203.0.113.67,1,2026-12-01T11:30:00Z,2026-12-01T11:30:00Z`,
    ]);
  });

  it("prints [] as JSON when nothing matches, and nothing at all as a table", async () => {
    const json = await runCli(["query", "root-usage", "--logs", archive, "--since", "2026-11-27", "--until", "2026-11-27", "--format", "json"], archive);
    expect(json.out).toEqual(["[]"]);
    const table = await runCli(["query", "root-usage", "--logs", archive, "--since", "2026-11-27", "--until", "2026-11-27"], archive);
    expect(table.out).toEqual([]);
    expect(table.err.at(-1)).toMatch(/^root-usage: 0 events from/);
  });
});

describe("--list and --sql", () => {
  it("--list names every check with its severity; as JSON it carries each check's SQL and parameters", async () => {
    const text = await runCli(["query", "--list"], archive);
    expect(text.code).toBe(0);
    expect(text.out.join("\n")).toMatch(/^s3-exfiltration\s+high\s+Large S3 reads \(needs S3 data events\)$/m);
    const json = await runCli(["query", "--list", "--format", "json"], archive);
    const checks = JSON.parse(json.out.join("\n")) as { id: string; sql: string; parameters: string[] }[];
    expect(checks.find((c) => c.id === "new-source-ips")!.parameters).toEqual(["firstDay", "lastDay", "from", "to", "baselineFirstDay", "baselineLastDay", "baselineFrom", "baselineTo"]);
    expect(checks.every((c) => c.sql.startsWith("WITH events AS ("))).toBe(true);
  });

  it("--sql runs the user's query over cloudtrail_logs, with the partition columns", async () => {
    const sql = "SELECT account, region, \"timestamp\", eventname, count(*) AS n FROM cloudtrail_logs WHERE eventname = 'StopLogging' GROUP BY 1, 2, 3, 4";
    const result = await runCli(["query", "--sql", sql, "--logs", archive, ...DAY, "--format", "json"], archive);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out.join("\n"))).toEqual([{ account: MANAGEMENT, region: "eu-west-2", timestamp: "2026/12/01", eventname: "StopLogging", n: 1 }]);
  });

  it("--sql with an error in it is the user's error: exit 2, DuckDB's first line", async () => {
    const result = await runCli(["query", "--sql", "SELEC 1", "--logs", archive], archive);
    expect(result.code).toBe(2);
    expect(result.err.find((l) => l.startsWith("trailwright:"))).toMatch(/^trailwright: --sql: Parser Error: syntax error at or near "SELEC"/);
    expect(result.err.join("\n")).not.toMatch(STACK_FRAME);
  });
});

describe("damaged and foreign files", () => {
  let dir: string;
  const day = (name: string) => join(dir, "AWSLogs", "o-a1b2c3d4e5", WORKLOAD, "CloudTrail", "eu-west-2", "2026", "12", "01", name);

  beforeAll(() => {
    dir = tempFolder("tw-query-damaged-");
    cpSync(archive, dir, { recursive: true });
    mkdirSync(dirname(day("x")), { recursive: true });
    const records = Array.from({ length: 400 }, () => backgroundRecord(seededRandom(7), { account: WORKLOAD, region: "eu-west-2", day: "2026-12-01" }));
    const whole = gzipSync(JSON.stringify({ Records: records }));
    writeFileSync(day(`${WORKLOAD}_CloudTrail_eu-west-2_20261201T1900Z_truncated00000.json.gz`), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(day(`${WORKLOAD}_CloudTrail_eu-west-2_20261201T1905Z_notgzip0000000.json.gz`), "this is not gzip");
    writeFileSync(day(`${WORKLOAD}_CloudTrail_eu-west-2_20261201T1910Z_foreign00000000.json.gz`), gzipSync(JSON.stringify({ configurationItems: [] })));
    writeFileSync(day(`${WORKLOAD}_CloudTrail_eu-west-2_20261201T1915Z_badjson00000000.json.gz`), gzipSync(`{"Records":[{"eventVersion":"1.11","eventTime":"2026-12-01T19:00:00Z"},{"eventVersion":`));
    writeFileSync(join(dir, "README.txt"), "downloaded for the incident review\n");
  });

  it("skips them by name, says how many, and still finds exactly the planted events", async () => {
    const result = await runCli(["query", "root-usage", "--logs", dir, ...DAY, "--format", "json"], dir);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out.join("\n")) as { eventid: string }[]).map((r) => r.eventid)).toEqual(["root-1", "root-late"]);
    const err = result.err.join("\n");
    expect(err).toContain("ignored 1 file(s) that are not CloudTrail logs: README.txt");
    expect(err).toMatch(/skipped \S+truncated00000\.json\.gz: damaged or truncated gzip data/);
    expect(err).toMatch(/skipped \S+notgzip0000000\.json\.gz: not gzip-compressed/);
    expect(err).toMatch(/skipped \S+foreign00000000\.json\.gz: not a CloudTrail log file/);
    expect(err).toMatch(/skipped \S+badjson00000000\.json\.gz: damaged JSON inside/);
    expect(err).toContain("skipped 4 damaged or foreign log file(s)");
    expect(err).not.toMatch(/trailwright:|internal error/);
  });
});

describe("logs without S3 data events", () => {
  it("s3-exfiltration says it cannot see object reads, rather than reporting a clean bill", async () => {
    const dir = tempFolder("tw-query-nodata-");
    const random = seededRandom(3);
    writeCloudTrailArchive(dir, {
      layout: "account",
      files: [{ account: WORKLOAD, region: "eu-west-2", deliveredAt: "2026-12-01T12:05:00Z", records: Array.from({ length: 20 }, () => backgroundRecord(random, { account: WORKLOAD, region: "eu-west-2", day: "2026-12-01" })) }],
    });
    const result = await runCli(["query", "s3-exfiltration", "--logs", dir], dir);
    expect(result.code).toBe(0);
    expect(result.err.at(-1)).toMatch(/^s3-exfiltration: these logs hold no S3 data events, so it cannot see object reads/);
  });

  it("but with data events present and nothing over the limits, says nothing more", async () => {
    const result = await runCli(["query", "s3-exfiltration", "--logs", archive, "--since", "2026-11-30", "--until", "2026-11-30"], archive);
    expect(result.err.join("\n")).not.toMatch(/no S3 data events/);
  });
});

describe("bad input: exit 2, a message and a hint, no stack trace", () => {
  let empty: string;
  beforeAll(() => {
    empty = tempFolder("tw-query-empty-");
    writeFileSync(join(empty, "notes.txt"), "nothing here\n");
    // A digest alone is not a log.
    const key = logFileKey({ layout: "account", account: WORKLOAD, region: "eu-west-2", deliveredAt: "2026-12-01T10:00:00Z", suffix: "x" }).replace("/CloudTrail/", "/CloudTrail-Digest/");
    mkdirSync(dirname(join(empty, key)), { recursive: true });
    copyFileSync(join(empty, "notes.txt"), join(empty, key));
  });

  const cases: [string, string[], RegExp][] = [
    ["no CloudTrail files in the folder", ["query", "root-usage", "--logs", "EMPTY"], /^trailwright: no CloudTrail log files under ".+" \(found 1 other file\(s\), e\.g\. notes\.txt\)$/],
    ["a folder that does not exist", ["query", "root-usage", "--logs", "/nonexistent/logs"], /^trailwright: --logs "\/nonexistent\/logs" is not a folder$/],
    ["an unknown check", ["query", "root-use", "--logs", "EMPTY"], /^trailwright: no check called "root-use"$/],
    ["no check, --sql or --list", ["query", "--logs", "EMPTY"], /^trailwright: query needs a check id, --sql or --list$/],
    ["two things to run", ["query", "root-usage", "--list"], /^trailwright: query takes one of a check id, --sql or --list \(got --list and root-usage\)$/],
    ["no --logs", ["query", "root-usage"], /^trailwright: query needs --logs DIR/],
    ["an unknown flag", ["query", "root-usage", "--logs", "EMPTY", "--frob"], /^trailwright: query: Unknown option '--frob'/],
    ["a format query does not print", ["query", "root-usage", "--logs", "EMPTY", "--format", "xml"], /^trailwright: --format "xml" is not a format query prints$/],
    ["a date that is not one", ["query", "root-usage", "--logs", "EMPTY", "--since", "2026-02-30"], /^trailwright: --since "2026-02-30" is not a date$/],
    ["--until before --since", ["query", "root-usage", "--logs", "EMPTY", "--since", "2026-12-02", "--until", "2026-12-01"], /^trailwright: --until 2026-12-01 is before --since 2026-12-02$/],
    ["an account id that is not one", ["query", "root-usage", "--logs", "EMPTY", "--account", "1234"], /^trailwright: --account "1234" is not an AWS account id$/],
    ["a region that is not one", ["query", "root-usage", "--logs", "EMPTY", "--region", "London"], /^trailwright: --region "London" is not an AWS Region code$/],
  ];

  it.each(cases)("%s", async (_name, argv, message) => {
    const result = await runCli(argv.map((a) => (a === "EMPTY" ? empty : a)), empty);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toMatch(message);
    expect(result.err).toHaveLength(2); // the message and one hint
    expect(result.err[1]).toMatch(/^ {2}\S/);
    expect(result.err.join("\n")).not.toMatch(STACK_FRAME);
  });

  it("leaves the logs folder as it was", () => {
    expect(readFileSync(join(empty, "notes.txt"), "utf8")).toBe("nothing here\n");
  });
});

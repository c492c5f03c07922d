// Every catalog check, run through `trailwright query` exactly as a user runs
// it, finds exactly the events planted for it in a realistic archive (both
// trail layouts, digests beside the logs) and nothing else: not the decoys,
// not the background, not the events just outside the window.
import { describe, beforeAll, expect, it } from "vitest";
import { runCli, tempFolder } from "../hardening/cli-harness.js";
import { MANAGEMENT, WORKLOAD, writePlantedArchive } from "./planted-archive.js";

const DAY = ["--since", "2026-12-01", "--until", "2026-12-01"];
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const session = (account: string, roleName: string, name: string) => `arn:aws:sts::${account}:assumed-role/${roleName}/${name}`;

describe.each(["org", "account"] as const)("trailwright query over an %s-trail archive", (layout) => {
  let dir: string;

  beforeAll(() => {
    dir = tempFolder("tw-query-");
    const keys = writePlantedArchive(dir, layout);
    expect(keys.some((k) => k.includes("/CloudTrail-Digest/"))).toBe(true);
    expect(keys.every((k) => (layout === "org" ? k.startsWith("AWSLogs/o-a1b2c3d4e5/") : /^AWSLogs\/\d{12}\//.test(k)))).toBe(true);
  });

  async function rows(check: string, ...flags: string[]): Promise<Record<string, unknown>[]> {
    const result = await runCli(["query", check, "--logs", dir, "--format", "json", ...flags], dir);
    expect(result.err.join("\n")).not.toMatch(/trailwright:|skipped|ignored/);
    expect(result.code).toBe(0);
    return JSON.parse(result.out.join("\n")) as Record<string, unknown>[];
  }
  const eventIds = async (check: string, ...flags: string[]) => (await rows(check, ...flags)).map((r) => r.eventid);

  it("root-usage: root's own calls, including one delivered after midnight; not service-invoked calls, service events or the days around", async () => {
    expect(await eventIds("root-usage", ...DAY)).toEqual(["root-1", "root-late"]);
  });

  it("console-login-without-mfa: the IAM user who signed in with a password alone, not the MFA or SSO sign-ins", async () => {
    const found = await rows("console-login-without-mfa", ...DAY);
    expect(found.map((r) => r.eventid)).toEqual(["login-no-mfa"]);
    expect(found[0]).toMatchObject({ account: WORKLOAD, awsregion: "us-east-1", principal: `arn:aws:iam::${WORKLOAD}:user/dave`, sourceipaddress: "203.0.113.60" });
  });

  it("failed-console-logins: one group per principal and address, with the count", async () => {
    expect(await rows("failed-console-logins", ...DAY)).toEqual([
      { account: WORKLOAD, principal: `arn:aws:iam::${WORKLOAD}:user/dave`, sourceipaddress: "203.0.113.66", count: 3, first_seen: "2026-12-01T11:20:00Z", last_seen: "2026-12-01T11:22:00Z" },
      { account: WORKLOAD, principal: "HIDDEN_DUE_TO_SECURITY_REASONS", sourceipaddress: "203.0.113.67", count: 1, first_seen: "2026-12-01T11:30:00Z", last_seen: "2026-12-01T11:30:00Z" },
    ]);
  });

  it("access-denied-bursts: the hour with 12 denials, not 9 in an hour or 3 scattered", async () => {
    expect(await rows("access-denied-bursts", ...DAY)).toEqual([
      { account: WORKLOAD, principal: session(WORKLOAD, "Developer", "mallory"), hour_utc: "2026-12-01T13:00Z", count: 12 },
    ]);
  });

  it("iam-changes: the policy attachment and the new user", async () => {
    expect(await eventIds("iam-changes", ...DAY)).toEqual(["iam-attach", "iam-create-user"]);
  });

  it("access-key-created: the key that was created, for whom, not the refused one", async () => {
    const found = await rows("access-key-created", ...DAY);
    expect(found.map((r) => [r.eventid, r.key_user, r.access_key_id])).toEqual([["key-created", "deploy-bot", "AKIAPLANTED000000001"]]);
  });

  it("trail-tampering: the trail stopped, the recorder stopped, the key scheduled for deletion, in three accounts", async () => {
    const found = await rows("trail-tampering", ...DAY);
    expect(found.map((r) => [r.eventid, r.account, r.eventsource])).toEqual([
      ["tamper-trail", MANAGEMENT, "cloudtrail.amazonaws.com"],
      ["tamper-config", WORKLOAD, "config.amazonaws.com"],
      ["tamper-kms", "222222222222", "kms.amazonaws.com"],
    ]);
  });

  it("network-changes: the opened port flagged as open to the internet, the route not; not the read", async () => {
    const found = await rows("network-changes", ...DAY);
    expect(found.map((r) => [r.eventid, r.open_to_internet])).toEqual([
      ["net-open", "yes"],
      ["net-route", "no"],
    ]);
  });

  it("bucket-policy-changes: the policy and the public access block, with their buckets", async () => {
    const found = await rows("bucket-policy-changes", ...DAY);
    expect(found.map((r) => [r.eventid, r.bucket])).toEqual([
      ["bucket-policy", "acme-payments"],
      ["bucket-pab", "acme-public"],
    ]);
  });

  it("s3-exfiltration: 120 objects from one bucket and one 2 GiB read; not 5 small reads", async () => {
    expect(await rows("s3-exfiltration", ...DAY)).toEqual([
      { account: WORKLOAD, principal: session(WORKLOAD, "Analyst", "oscar"), bucket: "acme-payments", count: 120, bytes_out: 120_000 },
      { account: WORKLOAD, principal: session(WORKLOAD, "Developer", "bob"), bucket: "acme-backups", count: 1, bytes_out: 2_147_483_648 },
    ]);
  });

  it("new-source-ips: only the address alice never used in the 30 days before", async () => {
    expect(await rows("new-source-ips", ...DAY)).toEqual([
      { account: WORKLOAD, principal: session(WORKLOAD, "Admin", "alice"), sourceipaddress: "192.0.2.99", count: 2, first_seen: "2026-12-01T12:00:00Z" },
    ]);
  });

  it("off-hours-activity: a write at 06:30 and a sign-in at 21:15 London time in winter; not 18:30, reads or service events", async () => {
    expect(await eventIds("off-hours-activity", ...DAY)).toEqual(["night-write", "night-login"]);
  });

  it("off-hours-activity follows London's summer time: 06:30Z is 07:30 BST (in hours), 18:30Z is 19:30 BST; Saturday is out", async () => {
    expect(await eventIds("off-hours-activity", "--since", "2026-07-01", "--until", "2026-07-05")).toEqual(["summer-evening", "summer-saturday"]);
  });

  it("role-chains: which role assumed which, how often, and whether it crossed accounts; not users or services assuming roles", async () => {
    expect(await rows("role-chains", ...DAY)).toEqual([
      { account: WORKLOAD, from_role: role(WORKLOAD, "Admin"), to_role: role(MANAGEMENT, "OrgAudit"), cross_account: "yes", count: 2, first_seen: "2026-12-01T12:30:00Z", last_seen: "2026-12-01T12:31:00Z" },
      { account: WORKLOAD, from_role: role(WORKLOAD, "app-runtime"), to_role: role(WORKLOAD, "data-reader"), cross_account: "no", count: 1, first_seen: "2026-12-01T12:32:00Z", last_seen: "2026-12-01T12:32:00Z" },
    ]);
  });

  it("daily-review: one row per check with the events each would report, in one scan", async () => {
    const counts = Object.fromEntries((await rows("daily-review", ...DAY)).map((r) => [r.check_id, r.count]));
    expect(counts).toEqual({
      "root-usage": 2,
      "console-login-without-mfa": 1,
      "failed-console-logins": 4,
      "access-denied-bursts": 24, // 12 + 9 + 3: every denial, burst or not
      "iam-changes": 2,
      "access-key-created": 1,
      "trail-tampering": 3,
      "network-changes": 2,
      "bucket-policy-changes": 2,
      "s3-exfiltration": 126, // every object read
      "off-hours-activity": 2,
      "role-chains": 3,
    });
  });

  it("--account and --region narrow the files read", async () => {
    expect(await eventIds("root-usage", ...DAY, "--account", MANAGEMENT)).toEqual(["root-late"]);
    expect(await rows("failed-console-logins", ...DAY, "--region", "eu-west-2")).toEqual([]);
    expect((await rows("failed-console-logins", ...DAY, "--region", "us-east-1")).length).toBe(2);
  });
});

// The archive `npm run bench` queries: 200,000 background events in 100 files
// (2,000 each, about CloudTrail's size for a busy account's five minutes),
// organization layout, across two regions and 25 days, digests beside them.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { backgroundRecord, seededRandom, writeCloudTrailArchive } from "../synth/cloudtrail-logs.mjs";

export const QUERY_EVENTS = 200_000;
const FILES = 100;

export function writeBenchArchive() {
  const root = mkdtempSync(join(tmpdir(), "trailwright-bench-logs-"));
  const random = seededRandom(42);
  const files = [];
  for (let f = 0; f < FILES; f++) {
    const day = `2026-11-${String(1 + (f % 25)).padStart(2, "0")}`;
    const region = f % 2 === 0 ? "eu-west-2" : "eu-west-1";
    const account = ["111111111111", "222222222222", "333333333333"][f % 3];
    const records = Array.from({ length: QUERY_EVENTS / FILES }, () => backgroundRecord(random, { account, region, day }));
    files.push({ account, region, deliveredAt: `${day}T17:${String(f % 60).padStart(2, "0")}:00Z`, records });
  }
  writeCloudTrailArchive(root, { layout: "org", files });
  const logs = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((p) => p.includes("/CloudTrail/") && p.endsWith(".json.gz"))
    .sort()
    .map((p) => join(root, p));
  return { root, logs };
}

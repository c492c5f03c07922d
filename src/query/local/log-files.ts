// Finds the CloudTrail log files in a folder as `aws s3 sync` brings them down
// from a trail bucket, and picks the ones a query needs by day, account and
// region from their keys alone (no file is opened here).
//
// Key layout: [prefix/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/FILE.json.gz
// (organization trails add the org id). Digest files (CloudTrail-Digest/) and
// Insights files (CloudTrail-Insight/) sit beside the logs and are skipped.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html
import { readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UsageError } from "../../model/errors.js";

export interface LogFile {
  readonly path: string;
  /** Path relative to the folder the user named, for messages. */
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** yyyy/MM/dd, as Athena's "timestamp" partition. */
  readonly day: string;
  readonly bytes: number;
}

export interface ArchiveListing {
  readonly logs: readonly LogFile[];
  /** Digest and Insights files: expected beside the logs, never read. */
  readonly skipped: number;
  /** Files that are not CloudTrail logs at all (relative names), reported to the user. */
  readonly foreign: readonly string[];
}

export const LOG_KEY = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?(\d{12})\/CloudTrail\/([a-z0-9-]+)\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\.json\.gz$/;
const SIDE_FILES = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]{10,32}\/)?\d{12}\/CloudTrail-(?:Digest|Insight)\//;

function walk(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile()) into.push(path);
  }
}

export function listArchive(dir: string): ArchiveListing {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`--logs "${dir}" is not a folder`, "give the folder you downloaded the trail's logs into, e.g. `aws s3 sync s3://BUCKET/AWSLogs/ logs/AWSLogs/`");
  const paths: string[] = [];
  walk(dir, paths);
  const logs: LogFile[] = [];
  const foreign: string[] = [];
  let skipped = 0;
  for (const path of paths.sort()) {
    const name = relative(dir, path).split(sep).join("/");
    // Match on the whole path too, so --logs may point inside AWSLogs/.
    const key = path.split(sep).join("/");
    const match = LOG_KEY.exec(key);
    if (match) {
      const [, account, region, y, m, d] = match as unknown as [string, string, string, string, string, string];
      logs.push({ path, name, account, region, day: `${y}/${m}/${d}`, bytes: statSync(path).size });
    } else if (SIDE_FILES.test(key)) skipped += 1;
    else foreign.push(name);
  }
  return { logs, skipped, foreign };
}

export interface FileFilter {
  /** yyyy/MM/dd bounds, inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
}

export function selectFiles(logs: readonly LogFile[], filter: FileFilter): LogFile[] {
  return logs.filter(
    (f) =>
      f.day >= filter.firstDay &&
      f.day <= filter.lastDay &&
      (filter.account === undefined || f.account === filter.account) &&
      (filter.region === undefined || f.region === filter.region),
  );
}

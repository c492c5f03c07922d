// `trailwright query`: the catalog's checks (or the user's SQL) over logs
// downloaded from the archive, on DuckDB. DuckDB is imported here and only
// here, when the command runs (src/query/local/load-duckdb.ts).
import { checkParameters, checkSql, findCheck, QUERY_CHECKS, type QueryCheck } from "../../query/catalog/index.js";
import { DEFAULT_CATALOG_SETTINGS } from "../../query/catalog/check.js";
import { windowFromFlags, windowParameterValues, type QueryWindow } from "../../query/catalog/window.js";
import { formatResult } from "../../query/format-results.js";
import type { FileProblem } from "../../query/local/check-files.js";
import { loadDuckDb } from "../../query/local/load-duckdb.js";
import { listArchive, selectFiles, type ArchiveListing } from "../../query/local/log-files.js";
import { isReadError, runLocalQuery, type LocalRun, type Reporter } from "../../query/local/run-query.js";
import { UsageError } from "../../model/errors.js";
import type { QueryOptions } from "../args.js";
import type { Io } from "../io.js";

const NAMES_SHOWN = 5;

function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMES_SHOWN).join(", ");
  return list.length > NAMES_SHOWN ? `${shown} and ${list.length - NAMES_SHOWN} more` : shown;
}

function listChecks(options: QueryOptions, io: Io): number {
  const settings = DEFAULT_CATALOG_SETTINGS;
  if (options.format === "json") {
    io.out(
      JSON.stringify(
        QUERY_CHECKS.map((c) => ({
          id: c.id,
          title: c.title,
          severity: c.severity,
          looksFor: c.looksFor,
          why: c.why,
          controls: c.controls,
          shape: c.shape,
          requires: c.requires ?? null,
          parameters: checkParameters(c),
          sql: checkSql(c, settings),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  const width = Math.max(...QUERY_CHECKS.map((c) => c.id.length));
  for (const c of QUERY_CHECKS) {
    io.out(`${c.id.padEnd(width)}  ${c.severity.padEnd(8)}  ${c.title}${c.requires ? " (needs S3 data events)" : ""}`);
    io.out(`${"".padEnd(width)}  ${"".padEnd(8)}  ${c.looksFor}`);
  }
  io.out("\nRun one: trailwright query CHECK --logs DIR [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format table|json|csv]");
  return 0;
}

function reporter(io: Io): Reporter {
  if (io.progress) return { progress: io.progress };
  // Not a terminal: one line when reading starts, no redraws.
  let told = false;
  return {
    progress: (text) => {
      if (told || !text.startsWith("reading")) return;
      told = true;
      io.err(`${text} ...`);
    },
  };
}

function reportForeign(listing: ArchiveListing, io: Io): void {
  if (listing.foreign.length > 0) io.err(`ignored ${listing.foreign.length} file(s) that are not CloudTrail logs: ${names(listing.foreign)}`);
}

function reportProblems(problems: readonly FileProblem[], io: Io): void {
  for (const p of problems) io.err(`skipped ${p.file.name}: ${p.reason}`);
  if (problems.length > 0) io.err(`skipped ${problems.length} damaged or foreign log file(s); the results leave out their events`);
}

/** The check needs S3 data events and found nothing: say whether the logs hold any at all. */
async function explainMissingData(check: QueryCheck, run: LocalRun, io: Io): Promise<void> {
  if (check.requires !== "s3-data-events" || run.result.rows.length > 0) return;
  const probe = await run.session.query("SELECT count(*) AS n FROM cloudtrail_logs WHERE eventcategory = 'Data' AND eventsource = 's3.amazonaws.com'");
  if (probe.rows[0]?.n === 0) {
    io.err(`${check.id}: these logs hold no S3 data events, so it cannot see object reads; the trail records them only when told to (dataEvents.s3 in trailwright.json)`);
  }
}

export async function runQuery(options: QueryOptions, io: Io): Promise<number> {
  if (options.what.kind === "list") return listChecks(options, io);
  const check = options.what.kind === "check" ? findCheck(options.what.id) : undefined;
  if (options.what.kind === "check" && !check) {
    throw new UsageError(`no check called "${options.what.id}"`, `the checks are: ${QUERY_CHECKS.map((c) => c.id).join(", ")} (trailwright query --list)`);
  }
  const dir = options.logs!;
  const listing = listArchive(dir);
  if (listing.logs.length === 0) {
    throw new UsageError(
      `no CloudTrail log files under "${dir}"${listing.foreign.length > 0 ? ` (found ${listing.foreign.length} other file(s), e.g. ${listing.foreign[0]})` : ""}`,
      "expected AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz, as `aws s3 sync s3://BUCKET/AWSLogs/ DIR/AWSLogs/` writes them",
    );
  }
  const window: QueryWindow = windowFromFlags(options.since, options.until);
  const settings = DEFAULT_CATALOG_SETTINGS;
  const values = windowParameterValues(window, settings.baselineDays);
  const files = selectFiles(listing.logs, {
    firstDay: check?.baseline ? values.baselineFirstDay : values.firstDay,
    lastDay: values.lastDay,
    account: options.account,
    region: options.region,
  });
  reportForeign(listing, io);
  const sql = check ? checkSql(check, settings) : (options.what as { sql: string }).sql;
  const parameters = check ? checkParameters(check).map((name) => values[name]) : [];
  const duckdb = await loadDuckDb();
  let run: LocalRun;
  try {
    run = await runLocalQuery(duckdb, files, sql, parameters, reporter(io));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
    if (!check && !isReadError(message)) throw new UsageError(`--sql: ${message}`, "the query runs in DuckDB over the view cloudtrail_logs (columns as in the Athena table)");
    throw error;
  } finally {
    io.progress?.("");
  }
  try {
    reportProblems(run.skipped, io);
    const text = formatResult(run.result, options.format);
    if (text !== "" || options.format !== "table") io.out(text);
    const what = check ? check.id : "--sql";
    const unit = check?.shape === "groups" ? "group" : check ? "event" : "row";
    const n = run.result.rows.length;
    io.err(`${what}: ${n} ${unit}${n === 1 ? "" : "s"} from ${run.filesRead} log file(s)${files.length === 0 ? " (none in the window)" : ""}`);
    if (check) await explainMissingData(check, run, io);
  } finally {
    run.session.close();
  }
  return 0;
}

// Runs one SQL text over a list of log files with DuckDB, skipping (and naming)
// the files that cannot be read instead of failing: the cheap start-of-file
// check first, then, when DuckDB's read still fails, the file its error names
// (or, if it names none, every file) is checked fully and left out, and the
// query runs again.
import { sep } from "node:path";
import { checkFiles, checkFileFully, checkFileStart, type FileProblem } from "./check-files.js";
import { DuckDbSession, type QueryResult } from "./duckdb-session.js";
import type { DuckDbModule } from "./load-duckdb.js";
import type { LogFile } from "./log-files.js";

export interface Reporter {
  /** A transient status line (reading files, percent done); may be a no-op. */
  readonly progress: (text: string) => void;
}

export interface LocalRun {
  readonly result: QueryResult;
  readonly skipped: readonly FileProblem[];
  readonly filesRead: number;
  /** An optional follow-up query on the same files (e.g. whether S3 data events exist at all). */
  readonly session: DuckDbSession;
}

/** Errors DuckDB raises while reading a file, as opposed to errors in the SQL. */
export function isReadError(message: string): boolean {
  return /^IO Error\b/.test(message) || (/^Invalid Input Error\b/.test(message) && /\bfile\b/.test(message));
}

function megabytes(files: readonly LogFile[]): string {
  return (files.reduce((sum, f) => sum + f.bytes, 0) / 1e6).toFixed(1);
}

export async function runLocalQuery(
  duckdb: DuckDbModule,
  files: readonly LogFile[],
  sql: string,
  parameters: readonly string[],
  reporter: Reporter,
): Promise<LocalRun> {
  reporter.progress(`checking ${files.length} log files (${megabytes(files)} MB gzipped)`);
  const skipped: FileProblem[] = await checkFiles(files, checkFileStart, (done) => reporter.progress(`checking log files: ${done}/${files.length}`));
  let readable = files.filter((f) => !skipped.some((p) => p.file === f));
  const session = await DuckDbSession.open(duckdb);
  try {
    for (;;) {
      reporter.progress(`reading ${readable.length} log files (${megabytes(readable)} MB gzipped)`);
      const timer = setInterval(() => {
        const done = session.progress();
        if (done !== undefined) reporter.progress(`reading ${readable.length} log files: ${Math.floor(done)}%`);
      }, 250);
      try {
        await session.useFiles(readable);
        const result = await session.query(sql, parameters);
        return { result, skipped, filesRead: readable.length, session };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (!isReadError(message)) throw error;
        const bad = await badFiles(readable, message);
        if (bad.length === 0) throw error;
        skipped.push(...bad);
        readable = readable.filter((f) => !bad.some((p) => p.file === f));
      } finally {
        clearInterval(timer);
      }
    }
  } catch (error) {
    session.close();
    throw error;
  }
}

/** The files behind a read error: the one DuckDB names if it names one, else every file that fails a full check. */
async function badFiles(files: readonly LogFile[], message: string): Promise<FileProblem[]> {
  // DuckDB was given forward-slashed paths (duckdb-session.ts), and names them so.
  const named = files.filter((f) => message.includes(f.path.split(sep).join("/")));
  if (named.length > 0) {
    const full = await checkFiles(named, checkFileFully);
    // DuckDB found a fault that Node's JSON.parse accepts: trust DuckDB, and say what it said.
    return full.length > 0 ? full : named.map((file) => ({ file, reason: message.split("\n")[0]!.replace(file.path, "").trim() }));
  }
  return checkFiles(files, checkFileFully);
}

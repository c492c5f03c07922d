// Damaged or foreign files must be skipped and named, never crash a query:
// DuckDB fails the whole read on one bad file (and cannot ignore errors for a
// file that is one JSON document). Checking every file fully before the scan
// (gunzip + JSON.parse in Node) costs as much as the scan itself, so the check
// is in two steps: a cheap look at each file's start before the scan (is it
// gzip, does it open as {"Records":[ ...), and a full check only of the files
// DuckDB names when a read fails (src/query/local/run-query.ts).
import { open, readFile } from "node:fs/promises";
import { constants, gunzip, gunzipSync } from "node:zlib";
import { promisify } from "node:util";
import type { LogFile } from "./log-files.js";

const gunzipAsync = promisify(gunzip);

export interface FileProblem {
  readonly file: LogFile;
  readonly reason: string;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** CloudTrail writes each log file as one object whose first key is Records. */
const RECORDS_START = /^\s*\{\s*"Records"\s*:\s*\[/;

/** The start of the file: gzip, and a CloudTrail log inside. Reads 4 KiB. */
export async function checkFileStart(file: LogFile): Promise<FileProblem | undefined> {
  const handle = await open(file.path, "r");
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length < 2 || head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return { file, reason: "not gzip-compressed" };
  let text: string;
  try {
    // SYNC_FLUSH: decompress what these bytes hold without demanding the end of the stream.
    text = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8", 0, 256);
  } catch {
    return { file, reason: "damaged gzip data" };
  }
  if (!RECORDS_START.test(text)) return { file, reason: 'not a CloudTrail log file (no {"Records": [...]} inside)' };
  return undefined;
}

/** The whole file: gunzip to the end (CRC checked) and parse. Used on the files a failed read names. */
export async function checkFileFully(file: LogFile): Promise<FileProblem | undefined> {
  let text: string;
  try {
    text = (await gunzipAsync(await readFile(file.path))).toString("utf8");
  } catch {
    return { file, reason: "damaged or truncated gzip data" };
  }
  try {
    const parsed = JSON.parse(text) as { Records?: unknown };
    if (!Array.isArray(parsed.Records)) return { file, reason: 'not a CloudTrail log file (no {"Records": [...]} inside)' };
  } catch {
    return { file, reason: "damaged JSON inside" };
  }
  return undefined;
}

/** Runs `check` over the files, a few at a time (fs and zlib work on libuv's pool). */
export async function checkFiles(
  files: readonly LogFile[],
  check: (file: LogFile) => Promise<FileProblem | undefined>,
  onProgress: (done: number) => void = () => {},
): Promise<FileProblem[]> {
  const problems: (FileProblem | undefined)[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      problems[i] = await check(files[i]!);
      done += 1;
      onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return problems.filter((p): p is FileProblem => p !== undefined);
}

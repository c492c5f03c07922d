// Runs one command as a fresh process and measures it: wall time with
// process.hrtime, and (through GNU time, when /usr/bin/time exists) user+sys
// CPU of the process and its children, and peak resident memory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const GNU_TIME = "/usr/bin/time";
export const haveGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "true"]).status === 0;

/**
 * @returns {{ wallMs: number, cpuMs?: number, peakRssMb?: number, status: number | null, stderr: string }}
 * peakRssMb is the largest single process of the run (Linux reports the
 * maximum over the process and the children it waited for, not their sum).
 */
export function measure(command, args, options = {}) {
  const scratch = mkdtempSync(join(tmpdir(), "trailwright-bench-time-"));
  const timeFile = join(scratch, "time.txt");
  const [file, argv] = haveGnuTime ? [GNU_TIME, ["-o", timeFile, "-f", "%U %S %M", command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const child = spawnSync(file, argv, { encoding: "utf8", ...options });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const result = { wallMs, status: child.status, stderr: child.stderr ?? "" };
  if (haveGnuTime) {
    // GNU time writes "Command exited with non-zero status N" above the numbers on failure.
    const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
    const [user, sys, rssKb] = last.split(" ").map(Number);
    Object.assign(result, { cpuMs: (user + sys) * 1000, peakRssMb: rssKb / 1024 });
  }
  rmSync(scratch, { recursive: true, force: true });
  return result;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Runs the CLI in-process against a throwaway working folder and records what
// it printed and what it left on disk.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { run } from "../../src/cli/run.js";

export interface CliResult {
  readonly code: number;
  readonly out: readonly string[];
  readonly err: readonly string[];
}

/** A stack-trace frame as Node prints it ("    at fn (file:line:col)"). */
export const STACK_FRAME = /^\s*at\s/m;

export function tempFolder(prefix = "tw-hardening-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function runCli(argv: readonly string[], cwd: string, options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  // Io.out/err take whole messages that may span lines; keep one entry per line.
  const lines = (into: string[]) => (text: string) => into.push(...text.replace(/\n$/, "").split("\n"));
  const code = await run(argv, { out: lines(out), err: lines(err), interactive: false, cwd, env: options.env ?? {} });
  return { code, out, err };
}

/** Every file under `dir` (dotfiles and temp files included) with its content; {} when `dir` does not exist. */
export function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        tree[`${relative(dir, path)}/`] = "";
        walk(path);
      } else tree[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  try {
    statSync(dir);
  } catch {
    return {};
  }
  walk(dir);
  return tree;
}

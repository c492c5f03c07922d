// Pipeline `run:` / `script:` lines are shell: a quote or `fi` lost in a
// template is a broken CI run that no YAML parser notices. `sh -n` (dash on
// Debian: POSIX, like the Alpine terraform image's ash) parses without running.
import { spawnSync } from "node:child_process";
import { expect } from "vitest";

export function expectShellParses(script: string, where: string, shell = "sh"): void {
  const result = spawnSync(shell, ["-n"], { input: script, encoding: "utf8" });
  expect(result.status, `${where}: ${shell} -n: ${result.stderr}\n${script}`).toBe(0);
}

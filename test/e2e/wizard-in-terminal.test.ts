// The wizard driven the way a person drives it: the bundled CLI in a real
// terminal (tmux), reading the screen and answering each question, accepting
// every default it offers. The estate it writes must pass terraform validate.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { terraformValidate } from "../helpers/terraform.js";

const REPO = resolve(import.meta.dirname, "../..");
const SESSION = `trailwright-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync("tmux", args, { encoding: "utf8" });
}

/** The screen as the person sees it, without blank lines. */
function screen(): string {
  return tmux("capture-pane", "-p", "-J", "-t", SESSION).replace(/\n{2,}/g, "\n").trim();
}

/** What a person types for a question: the answers only they know, Enter for every default. */
function answerFor(question: string): string | undefined {
  if (/account id/i.test(question)) return "111111111111";
  if (/email/i.test(question)) return "secops@example.com";
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("init in a real terminal", () => {
  let work: string;
  const asked: string[] = [];

  beforeAll(() => {
    // The published bin runs the bundle; `npm install` builds it (prepare), rebuild it to test this tree.
    execFileSync(process.execPath, ["scripts/bundle.mjs"], { cwd: REPO, stdio: "pipe" });
    work = mkdtempSync(join(tmpdir(), "tw-e2e-"));
    const command = `cd ${work} && node ${join(REPO, "bin/trailwright.js")} init --out estate; echo $? > exit-code; sleep 120`;
    tmux("new-session", "-d", "-s", SESSION, "-x", "200", "-y", "60", command);
  });

  afterAll(() => {
    try {
      tmux("kill-session", "-t", SESSION);
    } catch {
      // already gone
    }
  });

  it("asks its questions, accepts the defaults, and writes an estate that validates", async () => {
    const deadline = Date.now() + 90_000;
    let lastQuestion = "";
    while (!existsSync(join(work, "exit-code")) && Date.now() < deadline) {
      await sleep(400);
      const lines = screen().split("\n");
      // An open question is the last line starting with "?" (inquirer's prompt mark).
      const open = [...lines].reverse().find((l) => l.startsWith("? "));
      const answered = lines.some((l) => l.startsWith("✔ ") && open && l.slice(2).startsWith(open.slice(2, 40)));
      if (!open || answered || open === lastQuestion) continue;
      lastQuestion = open;
      asked.push(open);
      const typed = answerFor(open);
      if (typed) tmux("send-keys", "-t", SESSION, "-l", typed);
      tmux("send-keys", "-t", SESSION, "Enter");
    }
    const finalScreen = screen();
    expect(readFileSync(join(work, "exit-code"), "utf8").trim(), finalScreen).toBe("0");
    expect(asked.length, asked.join("\n")).toBeGreaterThanOrEqual(10);
    expect(asked.some((q) => /jurisdiction/i.test(q))).toBe(true);
    expect(asked[asked.length - 1]).toMatch(/^\? Write the estate to estate\/\?/);
    expect(finalScreen).toContain("Regenerate the same estate in CI");
    const estate = join(work, "estate");
    for (const file of ["trail.tf", "keys.tf", "versions.tf", "trailwright.json", "README.md", "COMPLIANCE.md"]) {
      expect(existsSync(join(estate, file)), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(estate, "trailwright.json"), "utf8"))).toMatchObject({
      jurisdiction: "uk",
      topology: "single-account",
      homeRegion: "eu-west-2",
      accounts: { management: "111111111111" },
      alerts: { emails: ["secops@example.com"] },
    });
    const result = await terraformValidate(estate);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });
});

// The wizard driven the way a person drives it: the bundled CLI in a real
// terminal (tmux), reading the screen and answering each question. Three
// journeys: a first estate taking every default (it must pass terraform
// validate); an edit of an existing organization estate, changing one answer
// through the summary's "Change an answer" and reading the change list before
// confirming; and a run stopped at the summary, resumed by the next init.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { terraformValidate } from "../helpers/terraform.js";
import { ORG_SETS } from "../wizard/support.js";

const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "bin/trailwright.cjs");
let sessionCount = 0;
const sessions: string[] = [];

function tmux(...args: string[]): string {
  return execFileSync("tmux", args, { encoding: "utf8" });
}

/** Starts `command` in a fresh tmux session in `cwd`; its exit code lands in cwd/exit-code. */
function startSession(cwd: string, command: string): string {
  const session = `trailwright-e2e-${process.pid}-${++sessionCount}`;
  sessions.push(session);
  tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "60", `cd ${cwd} && ${command}; echo $? > exit-code; sleep 120`);
  return session;
}

/** Everything the session printed (scrollback included), as the person saw it, without blank lines. */
function screen(session: string): string {
  return tmux("capture-pane", "-p", "-J", "-S", "-3000", "-t", session).replace(/\n{2,}/g, "\n").trim();
}

/** Index of the last line matching, or -1. */
function lastIndex(lines: readonly string[], test: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i]!)) return i;
  return -1;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keys for one open question: text typed (literal), then named keys such as Down and Enter. */
interface Keys {
  readonly type?: string;
  readonly keys: readonly string[];
}

/**
 * Answers questions until the command exits: an open question is the last
 * line starting with "?" (inquirer's prompt mark) below the last answered one
 * ("✔"). The same question can come twice (the summary's choice after a
 * change), so a question counts as new whenever an answer was recorded since
 * the last keys were sent.
 */
async function drive(session: string, cwd: string, answer: (question: string, asked: readonly string[]) => Keys): Promise<string[]> {
  const asked: string[] = [];
  const deadline = Date.now() + 90_000;
  let answeredWhenSent = -1;
  while (!existsSync(join(cwd, "exit-code")) && Date.now() < deadline) {
    await sleep(300);
    const lines = screen(session).split("\n");
    const lastOpen = lastIndex(lines, (l) => l.startsWith("? "));
    const done = lines.filter((l) => l.startsWith("✔ ")).length;
    const lastDone = lastIndex(lines, (l) => l.startsWith("✔ "));
    if (lastOpen < 0 || lastOpen < lastDone || done === answeredWhenSent) continue;
    const question = lines[lastOpen]!;
    answeredWhenSent = done;
    asked.push(question);
    const { type, keys } = answer(question, asked);
    if (type) tmux("send-keys", "-t", session, "-l", type);
    for (const key of keys) tmux("send-keys", "-t", session, key);
  }
  return asked;
}

const ENTER: Keys = { keys: ["Enter"] };
const exitCode = (cwd: string) => readFileSync(join(cwd, "exit-code"), "utf8").trim();
const answers = (cwd: string, folder = "estate") => JSON.parse(readFileSync(join(cwd, folder, "trailwright.json"), "utf8"));

beforeAll(() => {
  // The published bin runs the bundle; `npm install` builds it (prepare), rebuild it to test this tree.
  execFileSync(process.execPath, ["scripts/bundle.mjs"], { cwd: REPO, stdio: "pipe" });
});

afterEach(() => {
  for (const session of sessions.splice(0)) {
    try {
      tmux("kill-session", "-t", session);
    } catch {
      // already gone
    }
  }
});

describe("init in a real terminal", () => {
  it("asks its questions, accepts the defaults, and writes an estate that validates", async () => {
    const work = mkdtempSync(join(tmpdir(), "tw-e2e-"));
    const session = startSession(work, `node ${BIN} init --out estate`);
    const asked = await drive(session, work, (question) => {
      // What a person types for a question: the answers only they know, Enter for every default.
      if (/account id/i.test(question)) return { type: "111111111111", keys: ["Enter"] };
      if (/email/i.test(question)) return { type: "secops@example.com", keys: ["Enter"] };
      return ENTER;
    });
    const finalScreen = screen(session);
    expect(exitCode(work), finalScreen).toBe("0");
    expect(asked.length, asked.join("\n")).toBeGreaterThanOrEqual(10);
    expect(asked.some((q) => /jurisdiction/i.test(q))).toBe(true);
    expect(asked[asked.length - 1]).toMatch(/^\? Write the estate to estate\/\?/);
    expect(finalScreen).toContain("Regenerate the same estate in CI");
    const estate = join(work, "estate");
    for (const file of ["trail.tf", "keys.tf", "versions.tf", "trailwright.json", "README.md", "COMPLIANCE.md"]) {
      expect(existsSync(join(estate, file)), file).toBe(true);
    }
    expect(answers(work)).toMatchObject({
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

  it("edits an existing organization estate: one answer changed at the summary, the change list read, then confirmed", async () => {
    const work = mkdtempSync(join(tmpdir(), "tw-e2e-edit-"));
    execFileSync(process.execPath, [BIN, "generate", "--preset", "uk-bank", ...ORG_SETS.flatMap((s) => ["--set", s]), "--out", "estate"], { cwd: work, stdio: "pipe" });
    expect(answers(work)).toMatchObject({ topology: "organization", config: true });

    const session = startSession(work, `node ${BIN} init --out estate`);
    let summaries = 0;
    let changeListSeen = "";
    const asked = await drive(session, work, (question) => {
      if (/^\? Write the estate to estate\/\?/.test(question)) {
        summaries += 1;
        if (summaries === 1) return { keys: ["Down", "Enter"] }; // "Change an answer"
        changeListSeen = screen(session);
        return ENTER; // "Yes, write it"
      }
      // The list of answers filters as you type.
      if (/Which answer do you want to change/.test(question)) return { type: "AWS Config", keys: ["Enter"] };
      if (/Turn on AWS Config/.test(question)) return { type: "n", keys: ["Enter"] };
      throw new Error(`unexpected question: ${question}`);
    });
    const finalScreen = screen(session);
    expect(exitCode(work), finalScreen).toBe("0");
    expect(asked).toHaveLength(4);
    expect(asked[0]).toMatch(/^\? Write the estate to estate\/\?/);
    expect(asked[1]).toMatch(/Which answer do you want to change\?/);
    expect(asked[2]).toMatch(/Turn on AWS Config/);
    expect(asked[3]).toMatch(/^\? Write the estate to estate\/\?/);
    expect(finalScreen).toContain("Editing the estate in estate/");
    // The second summary, read before confirming: the answer before and after, and the resources that go.
    const second = changeListSeen.slice(changeListSeen.lastIndexOf("Summary of what will be generated"));
    expect(second).toContain("Changes to the estate in estate/ (before -> after):");
    expect(second).toContain("config: true -> false");
    expect(second).toMatch(/Resources removed \(\d+\):\n\s+- aws_config_config_rule\./);
    expect(answers(work)).toMatchObject({ topology: "organization", config: false });
  });

  it("keeps the answers of a run stopped at the summary, and the next init resumes them", async () => {
    const work = mkdtempSync(join(tmpdir(), "tw-e2e-resume-"));
    const first = startSession(work, `node ${BIN} init --preset uk-smb --out estate`);
    await drive(first, work, (question) => {
      if (/account id/i.test(question)) return { type: "1234-5678-9012", keys: ["Enter"] };
      if (/email/i.test(question)) return { type: "secops@example.com", keys: ["Enter"] };
      if (/^\? Write the estate/.test(question)) return { keys: ["Down", "Down", "Enter"] }; // "No, stop here"
      return ENTER;
    });
    expect(exitCode(work), screen(first)).toBe("130");
    expect(screen(first)).toContain("Your answers are kept in .trailwright-init.json");
    expect(existsSync(join(work, "estate"))).toBe(false);

    execFileSync("rm", [join(work, "exit-code")]);
    const second = startSession(work, `node ${BIN} init`);
    const asked = await drive(second, work, () => ENTER);
    expect(exitCode(work), screen(second)).toBe("0");
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/Resume the answers of the init you stopped at its summary/);
    expect(asked[1]).toMatch(/^\? Write the estate to estate\/\?/);
    expect(answers(work)).toMatchObject({ preset: "uk-smb", accounts: { management: "123456789012" }, alerts: { emails: ["secops@example.com"] } });
  });
});

// A declined `init` keeps its answers: about twenty of them is too much work to
// throw away for one wrong number. They are saved in the folder init ran in
// (not the output folder, which only the writer touches) and offered back by
// the next `init` there; a successful write removes them.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Draft } from "../../wizard/draft.js";

export const SAVED_ANSWERS_FILE = ".trailwright-init.json";

interface SavedAnswers {
  readonly note: string;
  readonly out: string | undefined;
  readonly answers: Record<string, unknown>;
  readonly wizard: Record<string, unknown>;
}

export function savedAnswersPath(cwd: string): string {
  return join(cwd, SAVED_ANSWERS_FILE);
}

/** Writes the draft atomically (a temp file renamed into place). */
export function saveAnswers(cwd: string, draft: Draft): string {
  const path = savedAnswersPath(cwd);
  const saved: SavedAnswers = {
    note: "answers of a `trailwright init` that was not confirmed; the next `trailwright init` here offers to resume them",
    out: draft.out,
    answers: structuredClone(draft.config) as Record<string, unknown>,
    wizard: structuredClone(draft.wizard ?? {}) as Record<string, unknown>,
  };
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(saved, null, 2)}\n`);
  renameSync(temp, path);
  return path;
}

/** The saved draft, or undefined when there is none (or it cannot be read: then it is ignored, not fatal). */
export function loadSavedAnswers(cwd: string): Draft | undefined {
  const path = savedAnswersPath(cwd);
  if (!existsSync(path)) return undefined;
  try {
    const saved = JSON.parse(readFileSync(path, "utf8")) as Partial<SavedAnswers>;
    if (typeof saved.answers !== "object" || saved.answers === null) return undefined;
    return { config: saved.answers, out: typeof saved.out === "string" ? saved.out : undefined, wizard: saved.wizard ?? {} };
  } catch {
    return undefined;
  }
}

export function forgetSavedAnswers(cwd: string): void {
  rmSync(savedAnswersPath(cwd), { force: true });
}

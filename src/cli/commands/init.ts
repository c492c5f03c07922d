// `trailwright init`: the wizard. Answers from --preset, --config and --set are
// merged first and never asked again; the rest is asked (or, with --yes,
// defaulted). An output folder that already holds an estate is edited: its
// trailwright.json gives every answer. Nothing is written until the answers
// validate and the user has chosen "write" at the summary, which says what an
// edit changes; from there any answer can be changed, and a run stopped there
// keeps its answers for the next `init`.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { mergeSources } from "../../config/load-config.js";
import { validateConfig } from "../../config/validate-config.js";
import { estimateMonthlyCost } from "../../cost/estimate-monthly-cost.js";
import { usd } from "../../cost/format-numbers.js";
import { CancelledError, TrailwrightError, UsageError } from "../../model/errors.js";
import type { ResolvedPlan } from "../../model/plan.js";
import { repoRelativeOutDir } from "../../pipelines/ci-folder.js";
import { resolvePlan } from "../../plan/resolve-plan.js";
import { planWarnings } from "../../plan/retention-warnings.js";
import { generateEstate, synthesizeEstate } from "../../synth/generate-estate.js";
import { changeAnswer } from "../../wizard/change-answer.js";
import { withValue, type Draft } from "../../wizard/draft.js";
import { estateChanges, renderChanges } from "../../wizard/estate-changes.js";
import { finalizeAnswers, type Finalized } from "../../wizard/finalize.js";
import { askRemaining, fillWithDefaults, isAnswered } from "../../wizard/flow.js";
import { inquirerPrompter } from "../../wizard/inquirer-prompter.js";
import { missingAnswersError } from "../../wizard/missing-answers.js";
import { renderNextSteps } from "../../wizard/next-steps.js";
import type { Prompter } from "../../wizard/prompt-spec.js";
import { QUESTIONS } from "../../wizard/questions/index.js";
import { EDITING } from "../../wizard/questions/output.js";
import { renderSummary } from "../../wizard/summary.js";
import { DEFAULT_OUT_DIR, type InitOptions } from "../args.js";
import type { Io } from "../io.js";
import { forgetSavedAnswers, loadSavedAnswers, saveAnswers, SAVED_ANSWERS_FILE } from "./saved-answers.js";
import { reportWrite, writeOrCheck } from "./write-step.js";

export interface InitDeps {
  /** Asks the questions; default: inquirer on the terminal. */
  readonly prompter?: Prompter;
}

/** Question id of the choice at the summary: write, change an answer, or stop. */
export const SUMMARY_ID = "confirm";

type Start = { readonly draft: Draft; readonly how: string | undefined; readonly editing?: boolean };

function existingAnswers(io: Io, out: string): string | undefined {
  const file = join(resolve(io.cwd, out), "trailwright.json");
  return existsSync(file) ? file : undefined;
}

/** An existing estate's answers as the wizard's draft: an edit starts from what is there. */
function editDraft(file: string, out: string, sets: readonly string[]): Draft {
  const config = mergeSources({ configFile: file, sets });
  return { config, out, wizard: { [EDITING]: true } };
}

/** Where the answers start: an existing estate (an edit), answers a declined run kept, or the flags. */
async function startingPoint(options: InitOptions, io: Io, prompter: Prompter | undefined): Promise<Start> {
  const fromFlags = (): Draft => {
    const merged = mergeSources({ preset: options.preset, configFile: options.config && resolve(io.cwd, options.config), sets: options.sets });
    return { config: merged, out: options.outGiven ? options.out : undefined };
  };
  if (options.preset || options.config) return { draft: fromFlags(), how: undefined };
  const existing = existingAnswers(io, options.out);
  if (existing) {
    return {
      draft: editDraft(existing, options.out, options.sets),
      editing: true,
      how: `Editing the estate in ${options.out}/: every answer starts as its trailwright.json has it, and the summary shows what changes before anything is written.`,
    };
  }
  const saved = prompter ? loadSavedAnswers(io.cwd) : undefined;
  if (saved && prompter) {
    const resume = await prompter.confirm({
      id: "resume",
      message: `Resume the answers of the init you stopped at its summary (kept in ${SAVED_ANSWERS_FILE})?`,
      default: true,
    });
    if (resume) {
      const config = mergeSources({ answers: saved.config as Record<string, unknown>, sets: options.sets });
      const out = options.outGiven ? options.out : saved.out;
      return { draft: { ...saved, config, out }, how: `Resuming your answers from ${SAVED_ANSWERS_FILE}.` };
    }
  }
  return { draft: fromFlags(), how: undefined };
}

/** The flags that answer questions (--format, --as) on top of the starting answers. */
function withFlagAnswers(draft: Draft, options: InitOptions): Draft {
  const formatted = options.format ? withValue(draft, "output.format", options.format) : draft;
  return options.as ? withValue(formatted, "output.mode", options.as) : formatted;
}

function intro(start: Start, options: InitOptions): string {
  const given = QUESTIONS.filter((q) => !q.onlyWhenInvalid && isAnswered(q, start.draft)).length;
  const from = [options.preset && `preset ${options.preset}`, options.config, options.sets.length > 0 && "--set"].filter(Boolean).join(", ");
  return [
    "trailwright init: a compliant AWS audit-logging estate as Terraform.",
    start.how,
    !start.how && given > 0 && from ? `${given} answers come from ${from} and are not asked again.` : undefined,
    "Nothing is written until you confirm the summary, where any answer can be changed; Ctrl-C stops at any time.",
    "",
  ]
    .filter((line) => line !== undefined)
    .join("\n");
}

function costLine(plan: ResolvedPlan): string {
  const estimate = estimateMonthlyCost(plan);
  return `Estimated monthly cost: ${usd(estimate.totalMonthlyUsd)} (first month ${usd(estimate.firstMonthUsd)}; USD, ${estimate.prices.region} list prices as of ${estimate.prices.asOf}; change its assumptions with --set cost.<name>=N)`;
}

/** The summary's "what changes" block when the output folder already holds an estate, else nothing. */
function changesAgainstFolder(io: Io, out: string, config: Record<string, unknown>, addresses: readonly string[]): string[] {
  const file = existingAnswers(io, out);
  if (!file) return [];
  let before: { config: Record<string, unknown>; addresses: readonly string[] };
  try {
    const old = mergeSources({ configFile: file });
    before = { config: old, addresses: synthesizeEstate(resolvePlan(validateConfig(old, file))).addresses };
  } catch (error) {
    if (!(error instanceof TrailwrightError)) throw error;
    return [`  ${out}/ holds an estate whose trailwright.json no longer validates (${error.message}); its files will be replaced.`];
  }
  return renderChanges(estateChanges(before, { config, addresses }), out);
}

const SUMMARY_CHOICES = (out: string) => [
  { value: "write", name: "Yes, write it", description: `write the estate to ${out}/` },
  { value: "change", name: "Change an answer", description: "pick any answer; what depends on it is asked again" },
  { value: "stop", name: "No, stop here", description: `write nothing; your answers are kept in ${SAVED_ANSWERS_FILE} for the next init` },
];

export async function runInit(options: InitOptions, io: Io, deps: InitDeps = {}): Promise<number> {
  const interactive = io.interactive && !options.yes;
  const prompter = interactive ? (deps.prompter ?? inquirerPrompter()) : undefined;
  const start = await startingPoint(options, io, prompter);
  let draft = withFlagAnswers(start.draft, options);
  const say = (text: string) => io.out(text);

  let finalized: Finalized;
  let synthesized: ReturnType<typeof synthesizeEstate>;
  if (!prompter) {
    const filled = fillWithDefaults(draft);
    const missing = missingAnswersError(filled, options.yes);
    if (missing) throw missing;
    finalized = await finalizeAnswers(filled.draft);
    synthesized = synthesizeEstate(finalized.plan);
    printSummary(finalized, synthesized.addresses, io);
    // An edit changes an estate someone relies on: without a terminal to confirm the change list, only --yes writes it.
    if (start.editing && !options.yes && !options.dryRun) {
      throw new UsageError(
        `no terminal to confirm the edit of ${options.out}/ (the summary above lists what it changes)`,
        "add --yes to write it, --dry-run to see each file's changes, or run in a terminal",
      );
    }
  } else {
    io.out(intro({ ...start, draft }, options));
    draft = await askRemaining(draft, prompter, say);
    for (;;) {
      finalized = await finalizeAnswers(draft, { prompter, say });
      draft = finalized.draft;
      // Synthesized once per summary: the summary counts its resources, and the same stack is written.
      synthesized = synthesizeEstate(finalized.plan);
      printSummary(finalized, synthesized.addresses, io);
      if (options.dryRun) break;
      const action = await prompter.select({ id: SUMMARY_ID, message: `Write the estate to ${draft.out}/?`, choices: SUMMARY_CHOICES(draft.out!), default: "write" });
      if (action === "write") break;
      if (action === "stop") {
        saveAnswers(io.cwd, draft);
        throw new CancelledError(
          `not confirmed; nothing was written. Your answers are kept in ${SAVED_ANSWERS_FILE}`,
          "run `trailwright init` here again to resume them (or delete the file to start afresh)",
        );
      }
      draft = await changeAnswer(draft, prompter, say);
    }
  }

  const { plan, config } = finalized;
  const out = finalized.draft.out ?? DEFAULT_OUT_DIR;
  const estate = await generateEstate(plan, config, { outDir: repoRelativeOutDir(io.cwd, out), synthesized });
  // An edit read the folder's trailwright.json: hand edits to it are answers, carried into the new one.
  const inputs = start.editing && out === options.out ? ["trailwright.json"] : [];
  const writeOptions = { ...options, out, inputs };
  const outcome = await writeOrCheck(estate, resolve(io.cwd, out), writeOptions);
  const code = reportWrite(outcome, estate, writeOptions, io);
  if (!options.dryRun) forgetSavedAnswers(io.cwd);
  io.out(renderNextSteps({ plan, config, out, files: estate.files.map((f) => f.path), dryRun: options.dryRun }));
  return code;

  function printSummary(result: Finalized, addresses: readonly string[], io: Io): void {
    const folder = result.draft.out ?? DEFAULT_OUT_DIR;
    const changes = changesAgainstFolder(io, folder, result.config as Record<string, unknown>, addresses);
    const warnings = planWarnings(result.plan).map((w) => `Warning: ${w}`);
    io.out(renderSummary({ plan: result.plan, addresses, out: folder, extra: [costLine(result.plan), ...warnings], changes }));
  }
}

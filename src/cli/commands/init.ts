// `trailwright init`: the wizard. Answers from --preset, --config and --set are
// merged first and never asked again; the rest is asked (or, with --yes,
// defaulted). Nothing is written until the answers validate and the user has
// confirmed the summary.
import { resolve } from "node:path";
import { mergeSources } from "../../config/load-config.js";
import { estimateMonthlyCost } from "../../cost/estimate-monthly-cost.js";
import { usd } from "../../cost/format-numbers.js";
import { CancelledError } from "../../model/errors.js";
import type { ResolvedPlan } from "../../model/plan.js";
import { repoRelativeOutDir } from "../../pipelines/ci-folder.js";
import { planWarnings } from "../../plan/retention-warnings.js";
import { generateEstate, synthesizeEstate } from "../../synth/generate-estate.js";
import { withValue, type Draft } from "../../wizard/draft.js";
import { finalizeAnswers, type Finalized } from "../../wizard/finalize.js";
import { askRemaining, fillWithDefaults, isAnswered } from "../../wizard/flow.js";
import { inquirerPrompter } from "../../wizard/inquirer-prompter.js";
import { missingAnswersError } from "../../wizard/missing-answers.js";
import { renderNextSteps } from "../../wizard/next-steps.js";
import type { Prompter } from "../../wizard/prompt-spec.js";
import { QUESTIONS } from "../../wizard/questions/index.js";
import { renderSummary } from "../../wizard/summary.js";
import type { InitOptions } from "../args.js";
import type { Io } from "../io.js";
import { reportWrite, writeOrCheck } from "./write-step.js";

export interface InitDeps {
  /** Asks the questions; default: inquirer on the terminal. */
  readonly prompter?: Prompter;
}

/** The merged sources plus the flags that answer questions (--format, --as, --out). */
function startingDraft(options: InitOptions, io: Io): Draft {
  const merged = mergeSources({
    preset: options.preset,
    configFile: options.config && resolve(io.cwd, options.config),
    sets: options.sets,
  });
  const draft: Draft = { config: merged, out: options.outGiven ? options.out : undefined };
  const formatted = options.format ? withValue(draft, "output.format", options.format) : draft;
  return options.as ? withValue(formatted, "output.mode", options.as) : formatted;
}

function intro(draft: Draft, options: InitOptions): string {
  const given = QUESTIONS.filter((q) => !q.onlyWhenInvalid && isAnswered(q, draft)).length;
  const from = [options.preset && `preset ${options.preset}`, options.config, options.sets.length > 0 && "--set"].filter(Boolean).join(", ");
  return [
    "trailwright init: a compliant AWS audit-logging estate as Terraform.",
    given > 0 && from ? `${given} answers come from ${from} and are not asked again.` : undefined,
    "Nothing is written until you confirm the summary; Ctrl-C stops at any time.",
    "",
  ]
    .filter((line) => line !== undefined)
    .join("\n");
}

function costLine(plan: ResolvedPlan): string {
  const estimate = estimateMonthlyCost(plan);
  return `Estimated monthly cost: ${usd(estimate.totalMonthlyUsd)} (first month ${usd(estimate.firstMonthUsd)}; USD, ${estimate.prices.region} list prices as of ${estimate.prices.asOf}; change its assumptions with --set cost.<name>=N)`;
}

async function collectAnswers(start: Draft, options: InitOptions, io: Io, prompter: Prompter | undefined): Promise<Finalized> {
  if (!prompter) {
    const filled = fillWithDefaults(start);
    const missing = missingAnswersError(filled, options.yes);
    if (missing) throw missing;
    return finalizeAnswers(filled.draft);
  }
  const say = (text: string) => io.out(text);
  io.out(intro(start, options));
  const answered = await askRemaining(start, prompter, say);
  return finalizeAnswers(answered, { prompter, say });
}

export async function runInit(options: InitOptions, io: Io, deps: InitDeps = {}): Promise<number> {
  const interactive = io.interactive && !options.yes;
  const prompter = interactive ? (deps.prompter ?? inquirerPrompter()) : undefined;
  const { draft, config, plan } = await collectAnswers(startingDraft(options, io), options, io, prompter);
  const out = draft.out!;

  // Synthesized once: the summary counts its resources, and the same stack is written.
  const synthesized = synthesizeEstate(plan);
  io.out(renderSummary({ plan, addresses: synthesized.addresses, out, extra: [costLine(plan), ...planWarnings(plan).map((w) => `Warning: ${w}`)] }));
  if (prompter && !options.dryRun) {
    const confirmed = await prompter.confirm({ id: "confirm", message: `Write the estate to ${out}/?`, default: true });
    if (!confirmed) {
      throw new CancelledError("not confirmed; nothing was written", "run `trailwright init` again to change the answers");
    }
  }

  const estate = await generateEstate(plan, config, { outDir: repoRelativeOutDir(io.cwd, out), synthesized });
  const writeOptions = { ...options, out };
  const outcome = await writeOrCheck(estate, resolve(io.cwd, out), writeOptions);
  const code = reportWrite(outcome, estate, writeOptions, io);
  io.out(renderNextSteps({ plan, config, out, files: estate.files.map((f) => f.path), dryRun: options.dryRun }));
  return code;
}

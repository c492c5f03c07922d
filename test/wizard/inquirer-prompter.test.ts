// Real inquirer prompts, driven key by key through @inquirer/testing's render().
import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import { reportError } from "../../src/cli/exit-codes.js";
import type { Io } from "../../src/cli/io.js";
import { valueAt, type Draft } from "../../src/wizard/draft.js";
import { askRemaining } from "../../src/wizard/flow.js";
import { inquirerPrompter, type PromptStreams } from "../../src/wizard/inquirer-prompter.js";
import type { Prompter } from "../../src/wizard/prompt-spec.js";
import { draftFrom, ORG_SETS, transcript } from "./support.js";

type Context = { input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream };
type View = Awaited<ReturnType<typeof render>>;
type Interaction = (view: View) => Promise<void> | void;

function onePrompt<S>(ask: (prompter: Prompter, spec: S) => Promise<unknown>) {
  return (spec: S, context?: Context) => ask(inquirerPrompter(context as PromptStreams | undefined), spec);
}

/**
 * A Prompter that asks each question with the real inquirer adapter, each in
 * its own render() (inquirer ends the output stream when a prompt finishes),
 * and lets the test type into it. A question without an interaction fails.
 */
function renderingPrompter(interactions: Record<string, Interaction>): Prompter {
  async function via<S extends { id: string }, V>(ask: (p: Prompter, spec: S) => Promise<V>, spec: S): Promise<V> {
    const interact = interactions[spec.id];
    if (!interact) throw new Error(`unexpected question ${spec.id}`);
    const view = await render(onePrompt(ask), spec);
    await interact(view);
    return (await view.answer) as V;
  }
  return {
    select: (spec) => via((p, s) => p.select(s), spec),
    checkbox: (spec) => via((p, s) => p.checkbox(s), spec),
    input: (spec) => via((p, s) => p.input(s), spec),
    number: (spec) => via((p, s) => p.number(s), spec),
    confirm: (spec) => via((p, s) => p.confirm(s), spec),
  };
}

function clear(events: View["events"], count: number): void {
  for (let i = 0; i < count; i++) events.keypress("backspace");
}

/** A UK bank's answers up to retention: the flow's next questions are archive and CloudWatch retention. */
const BANK_UP_TO_RETENTION = { preset: "uk-bank", sets: [...ORG_SETS] };

describe("the wizard through real inquirer prompts", () => {
  it("rejects a too-short archive retention inline, naming the regulation, then snaps CloudWatch retention", async () => {
    const base = draftFrom(BANK_UP_TO_RETENTION, "out");
    // Leave retention to be asked: remove the preset's numbers.
    const draft: Draft = { ...base, config: { ...base.config, retention: {}, storage: { objectLock: { mode: "COMPLIANCE" }, mfaDelete: false } } };
    const out = transcript();
    const screens: string[] = [];
    const prompter = renderingPrompter({
      "retention.archiveDays": async ({ events, getScreen, nextRender }) => {
        expect(getScreen()).toBe("? Days to keep logs in the S3 archive (they expire after this) (1827)");
        events.type("1000");
        events.keypress("enter");
        await nextRender();
        screens.push(getScreen());
        clear(events, 4);
        events.type("2557");
        events.keypress("enter");
      },
      "retention.hotDays": ({ events, getScreen }) => {
        expect(getScreen()).toBe("? Days logs stay searchable in CloudWatch Logs (365)");
        events.type("500");
        events.keypress("enter");
      },
      // 545 is neither the preset's 400 nor the 365 offered, so the wizard asks why; Enter records nothing.
      "reasons.hotDays": ({ events, getScreen }) => {
        expect(getScreen()).toBe("? Why 545 days? (recorded in COMPLIANCE.md; Enter for none)");
        events.keypress("enter");
      },
      "retention.immediateDays": ({ events }) => events.keypress("enter"),
    });
    const result = await askRemaining(draft, prompter, out.say);
    expect(valueAt(result, "reasons")).toBeUndefined();

    expect(screens[0]).toBe(
      "? Days to keep logs in the S3 archive (they expire after this) 1000\n" +
        "> 1000 days is below the 1827-day minimum of FCA SYSC 9 record keeping (MiFID business) (FCA Handbook SYSC 9.1.2; MiFID Org Regulation art 72); enter at least 1827",
    );
    expect(valueAt(result, "retention")).toEqual({ archiveDays: 2557, hotDays: 545, immediateDays: 90 });
    expect(out.text()).toContain("Archive retention: the strictest selected requirement is 1827 days (FCA SYSC 9 record keeping (MiFID business), FCA Handbook SYSC 9.1.2; MiFID Org Regulation art 72).");
    expect(out.text()).toContain("500 days snapped up to 545, the next retention CloudWatch Logs allows.");
  });

  it("asks the MFA-delete trade-off as a select and keeps what the user picks", async () => {
    const draft = draftFrom({ ...BANK_UP_TO_RETENTION, sets: [...BANK_UP_TO_RETENTION.sets, "storage.mfaDelete=true"] }, "out");
    const prompter = renderingPrompter({
      "storage.lifecycle": ({ events, getScreen }) => {
        expect(getScreen()).toContain("MFA delete and lifecycle expiry cannot both be on one bucket. Which do you keep?");
        expect(getScreen()).toContain("❯ Lifecycle expiry, no MFA delete (recommended)");
        events.keypress("down");
        events.keypress("enter");
      },
    });
    const result = await askRemaining(draft, prompter, transcript().say);
    expect(valueAt(result, "storage")).toMatchObject({ mfaDelete: true, lifecycle: false });
  });

  it("pre-selects the frameworks for the jurisdiction and industry in a checkbox", async () => {
    const { answer, events, getScreen } = await render(
      onePrompt((p, spec: Parameters<Prompter["checkbox"]>[0]) => p.checkbox(spec)),
      {
        id: "frameworks",
        message: "Which frameworks?",
        choices: [
          { value: "uk-gdpr", name: "UK GDPR", checked: true },
          { value: "fca-sysc-9", name: "FCA SYSC 9", checked: false },
        ],
        validate: (ids) => (ids.length > 0 ? true : "choose at least one framework"),
      },
    );
    expect(getScreen()).toMatch(/◉ UK GDPR/);
    expect(getScreen()).toMatch(/◯ FCA SYSC 9/);
    events.keypress("down");
    events.keypress("space");
    events.keypress("enter");
    await expect(answer).resolves.toEqual(["uk-gdpr", "fca-sysc-9"]);
  });

  it("Ctrl-C rejects the prompt, and the CLI maps it to exit 130 without a stack trace", async () => {
    const { answer, events } = await render(onePrompt((p, spec: Parameters<Prompter["input"]>[0]) => p.input(spec)), {
      id: "alerts.emails",
      message: "Alert email addresses",
    });
    events.keypress({ name: "c", ctrl: true } as never);
    const error = await answer.catch((e: unknown) => e);
    expect((error as Error).name).toBe("ExitPromptError");
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (t) => err.push(t), interactive: true, cwd: "/", env: {} };
    expect(reportError(error, io)).toBe(130);
    expect(err).toEqual(["trailwright: cancelled; nothing was written"]);
  });
});

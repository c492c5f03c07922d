// Who is told when an alarm fires. No default: an alarm that emails nobody is
// noise. Alarms go to three SNS topics by tier (critical, warning, info); by
// default every address gets every tier, or each tier goes to its own people
// (the on-call pager for critical, a team list for info).
import { CIS_METRIC_FILTERS } from "../../catalog/cis-metric-filters.js";
import { TIERS } from "../../config/schema.js";
import { valueAt, type Draft } from "../draft.js";
import { checkEach } from "../field-checks.js";
import type { ListQuestion, SelectQuestion } from "../question.js";

export const emails: ListQuestion = {
  id: "alerts.emails",
  kind: "list",
  example: "you@example.com",
  label: "Alert email addresses",
  message: () => "Alert email addresses (comma-separated)",
  explain: () => "Each address gets an SNS confirmation email; alarms reach it only after the link in that email is clicked.",
  defaultValue: () => undefined,
  validate: (addresses) => checkEach("alerts.emails", addresses, "email address"),
  // Typed here, so the wizard goes on to ask how tiers are routed (addresses given by flags or a file come with their routing).
  apply: (addresses) => ({ patches: [{ id: "alerts.emails", value: addresses }, { id: EMAILS_TYPED, value: true }] }),
};

const EMAILS_TYPED = "wizard.emailsTyped";

const tierIds = TIERS.map((tier) => `alerts.${tier}`);
const routedByTier = (draft: Draft) => tierIds.some((id) => valueAt(draft, id) !== undefined);

export const routing: SelectQuestion = {
  id: "wizard.alertRouting",
  kind: "select",
  example: "everyone",
  label: "Who gets which alert tier",
  // Not a config key: without a terminal, per-tier lists are given as alerts.critical and friends.
  interactiveOnly: true,
  message: () => "Who gets which alerts?",
  choices: (draft) => {
    const list = ((valueAt(draft, "alerts.emails") as string[] | undefined) ?? []).join(", ");
    return [
      { value: "everyone", name: "Every address gets every tier", description: list ? `critical, warning and info all go to ${list}` : undefined },
      { value: "per-tier", name: "Each tier goes to its own addresses", description: "e.g. critical to the on-call pager, info to a team list" },
    ].map((c) => (c.description ? c : { value: c.value, name: c.name }));
  },
  // Asked after addresses typed in the wizard; addresses from a preset, file or --set come with their routing
  // (per-tier lists or none), which answers it. Changing the addresses at the summary asks it again.
  applies: (draft) => valueAt(draft, EMAILS_TYPED) === true || valueAt(draft, "wizard.alertRouting") !== undefined || routedByTier(draft),
  isAnswered: (draft) => valueAt(draft, "wizard.alertRouting") !== undefined || routedByTier(draft),
  current: (draft) => (routedByTier(draft) ? "per-tier" : (valueAt(draft, "wizard.alertRouting") as string | undefined)),
  defaultValue: () => "everyone",
  apply: (choice) => ({
    patches: [
      { id: "wizard.alertRouting", value: choice },
      // Everyone gets everything: drop any per-tier lists so the one list is the whole truth.
      ...(choice === "everyone" ? tierIds.map((id) => ({ id, value: undefined })) : []),
    ],
  }),
};

/** A few alarm titles of the tier, from the catalog itself, so the question says what the tier means. */
function tierExamples(tier: (typeof TIERS)[number]): string {
  const titles = CIS_METRIC_FILTERS.filter((f) => f.tier === tier).map((f) => f.title.toLowerCase());
  return titles.length > 3 ? `${titles.slice(0, 3).join(", ")}, ...` : titles.join(", ");
}

function tierQuestion(tier: (typeof TIERS)[number]): ListQuestion {
  const id = `alerts.${tier}`;
  return {
    id,
    kind: "list",
    example: "oncall@example.com",
    label: `Addresses for ${tier} alerts`,
    // Without a terminal a tier not given falls back to alerts.emails, which is what the default would write.
    interactiveOnly: true,
    applies: (draft) => valueAt(draft, "wizard.alertRouting") === "per-tier" || routedByTier(draft),
    message: () => `Addresses for ${tier} alerts (${tierExamples(tier)}; comma-separated)`,
    defaultValue: (draft) => (valueAt(draft, "alerts.emails") as string[] | undefined) ?? undefined,
    validate: (addresses) => checkEach(id, addresses, "email address"),
  };
}

export const critical = tierQuestion("critical");
export const warning = tierQuestion("warning");
export const info = tierQuestion("info");

// The one cost assumption only the user knows: how many accounts the
// organization trail records. The summary states the number the estimate
// assumes (an industry default until told) beside the accounts the user named,
// and this question sets it from the summary's "change an answer"; it is not
// asked on the way there (a guess is fine until the user looks at the bill).
import { DEFAULT_ORGANIZATION_ACCOUNTS } from "../../catalog/cost-assumptions.js";
import { valueAt, type Draft } from "../draft.js";
import { checkField } from "../field-checks.js";
import type { NumberQuestion } from "../question.js";

type Industry = keyof typeof DEFAULT_ORGANIZATION_ACCOUNTS;

function namedAccounts(draft: Draft): number {
  return new Set(["accounts.management", "accounts.logArchive", "accounts.security"].map((id) => valueAt(draft, id)).filter(Boolean)).size;
}

export const accounts: NumberQuestion = {
  id: "cost.accounts",
  kind: "number",
  example: "12",
  label: "Accounts in the organization (cost estimate)",
  onlyWhenInvalid: true,
  applies: (draft) => valueAt(draft, "topology") === "organization",
  message: (draft) =>
    `How many AWS accounts does the organization have? The trail records them all (you named ${namedAccounts(draft)}; used for the cost estimate)`,
  defaultValue: (draft) => {
    const industry = String(valueAt(draft, "industry") ?? "general");
    const typical = (DEFAULT_ORGANIZATION_ACCOUNTS[industry as Industry] ?? DEFAULT_ORGANIZATION_ACCOUNTS.general).value;
    return Math.max(typical, namedAccounts(draft));
  },
  validate: (count, draft) => {
    const syntax = checkField("cost.accounts", count);
    if (syntax !== true) return syntax;
    const named = namedAccounts(draft);
    return count < named ? `the estate itself uses ${named} accounts; enter at least ${named}` : true;
  },
};

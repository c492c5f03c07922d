// Account ids and the organization id: only the user knows them, so they have
// no default, and the organization ones are asked only for an organization.
import { normalizeAccountId } from "../../config/normalize-answers.js";
import { valueAt, type Draft } from "../draft.js";
import { checkField } from "../field-checks.js";
import type { InputQuestion } from "../question.js";

/** The console's 1234-5678-9012 is the same id: checked and saved as its 12 digits. */
const asDigits = (value: string) => String(normalizeAccountId(value));
const accountAnswer = (id: string) => (value: string) => ({ patches: [{ id, value: asDigits(value) }] });

const isOrganization = (draft: Draft) => valueAt(draft, "topology") === "organization";

export const management: InputQuestion = {
  id: "accounts.management",
  kind: "input",
  example: "123456789012",
  message: (draft) =>
    isOrganization(draft) ? "Management account id (owns the organization trail, key and alarms)" : "AWS account id",
  defaultValue: () => undefined,
  validate: (value) => checkField("accounts.management", asDigits(value)),
  apply: accountAnswer("accounts.management"),
};

export const logArchive: InputQuestion = {
  id: "accounts.logArchive",
  kind: "input",
  example: "210987654321",
  message: () => "Log-archive account id (holds the evidence buckets)",
  applies: isOrganization,
  defaultValue: () => undefined,
  apply: accountAnswer("accounts.logArchive"),
  validate: (value, draft) => {
    const syntax = checkField("accounts.logArchive", asDigits(value));
    if (syntax !== true) return syntax;
    return asDigits(value) === valueAt(draft, "accounts.management")
      ? "that is the management account; an organization keeps its evidence in a separate log-archive account"
      : true;
  },
};

export const security: InputQuestion = {
  id: "accounts.security",
  kind: "input",
  example: "345678901234",
  message: () => "Security (audit) account id (reads the logs)",
  applies: isOrganization,
  defaultValue: () => undefined,
  validate: (value) => checkField("accounts.security", asDigits(value)),
  apply: accountAnswer("accounts.security"),
};

export const organizationId: InputQuestion = {
  id: "organizationId",
  kind: "input",
  example: "o-a1b2c3d4e5",
  message: () => "Organization id (Organizations console, e.g. o-a1b2c3d4e5)",
  applies: isOrganization,
  defaultValue: () => undefined,
  validate: (value) => checkField("organizationId", value),
};

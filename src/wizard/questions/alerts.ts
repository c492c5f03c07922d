// Who is told when an alarm fires. No default: an alarm that emails nobody is noise.
import { checkEach } from "../field-checks.js";
import type { ListQuestion } from "../question.js";

export const emails: ListQuestion = {
  id: "alerts.emails",
  kind: "list",
  example: "you@example.com",
  message: () => "Alert email addresses (comma-separated)",
  explain: () => "Each address gets an SNS confirmation email; alarms reach it only after the link in that email is clicked.",
  defaultValue: () => undefined,
  validate: (addresses) => checkEach("alerts.emails", addresses, "email address"),
};

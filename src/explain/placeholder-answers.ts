// Answers only the organisation can give. `presets show` resolves a preset with
// these stand-ins so it explains exactly the plan generation would build, and
// says which answers are still the user's to give.
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  "accounts.management": "111111111111",
  "accounts.logArchive": "222222222222",
  "accounts.security": "333333333333",
  organizationId: "o-example0000",
  "alerts.emails": "security-team@example.com",
  "dataEvents.s3Buckets": "example-patient-records",
};

/**
 * `--set` stand-ins for exactly the answers `requiredAnswers` names: a
 * single-account preset gets no log-archive account, which it would reject.
 */
export function placeholderSets(topology: string, s3DataEvents: string): string[] {
  return requiredAnswers(topology, s3DataEvents).map((path) => `${path}=${PLACEHOLDERS[path]}`);
}

/** Config paths every organisation must supply, by topology. */
export function requiredAnswers(topology: string, s3DataEvents: string): string[] {
  const paths = ["accounts.management", "alerts.emails"];
  if (topology === "organization") paths.push("accounts.logArchive", "accounts.security", "organizationId");
  if (s3DataEvents === "named") paths.push("dataEvents.s3Buckets");
  return paths;
}

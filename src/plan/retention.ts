// Retention numbers: each checked against the strictest selected framework and
// given the reason an auditor reads (a citation, or an engineering choice).
import { PRESET_CHOICES } from "../catalog/engineering-choices.js";
import type { Framework } from "../catalog/regulations.js";
import { ConfigError } from "../model/errors.js";
import type { NumberSource } from "../model/plan.js";

type MinimumField = "minArchiveDays" | "minHotDays" | "minImmediateDays";

/** The framework with the largest minimum for `field`, if any sets one. */
export function strictest(frameworks: readonly Framework[], field: MinimumField): Framework | undefined {
  return frameworks
    .filter((f) => f[field] > 0)
    .reduce<Framework | undefined>((best, f) => (!best || f[field] > best[field] ? f : best), undefined);
}

export function requireAtLeast(
  value: number,
  frameworks: readonly Framework[],
  field: MinimumField,
  configPath: string,
): void {
  const strict = strictest(frameworks, field);
  if (strict && value < strict[field]) {
    throw new ConfigError(
      `${configPath}: ${value} days is below the ${strict[field]}-day minimum of ${strict.name} (${strict.retention.citation.text})`,
      { field: configPath, hint: `set ${configPath} to at least ${strict[field]}, or deselect ${strict.id} if it does not apply` },
    );
  }
}

/** Explains a number: the regulation it meets and, where it goes beyond, the choice behind it. */
export function explain(
  value: number,
  frameworks: readonly Framework[],
  field: MinimumField | undefined,
  configPath: string,
  presetId: string | undefined,
  fallbackWhy: string,
): NumberSource {
  const strict = field ? strictest(frameworks, field) : undefined;
  const satisfies = field ? frameworks.filter((f) => f[field] > 0 && value >= f[field]).map((f) => f.id) : [];
  const choice = presetId ? PRESET_CHOICES[presetId]?.[configPath] : undefined;
  const why = choice && choice.value === value ? choice.why : fallbackWhy;
  if (strict && value === strict[field!]) {
    return { value, reason: `${strict.name} minimum: ${strict.retention.citation.text}`, satisfies };
  }
  const above = strict ? `; meets ${strict.name}'s ${strict[field!]}-day minimum (${strict.retention.citation.text})` : "";
  return { value, reason: `engineering choice: ${why}${above}`, satisfies };
}

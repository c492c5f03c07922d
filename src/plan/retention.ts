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

/** A number the answers set, and what the estate knows about why. */
export interface NumberInput {
  readonly value: number;
  readonly field: MinimumField | undefined;
  /** The trailwright.json path, which is also the key of the preset's engineering choices. */
  readonly configPath: string;
  /** The choice behind the number when it was not set by hand (a default, such as the lock following the archive). */
  readonly defaultChoice: { readonly value: number; readonly why: string } | undefined;
  /** The key under `reasons` in trailwright.json where the user records why they chose this number. */
  readonly reasonKey: string;
  /** The reason the user recorded there, if any. */
  readonly userReason: string | undefined;
}

/**
 * Explains a number: the regulation it meets and, where it goes beyond, the
 * choice behind it. A number nobody in the catalog chose (set by hand) carries
 * the user's recorded reason, or says plainly that none was given, so an
 * auditor never reads a placeholder where a justification should be.
 */
export function explain(input: NumberInput, frameworks: readonly Framework[], presetId: string | undefined): NumberSource {
  const { value, field, configPath } = input;
  const strict = field ? strictest(frameworks, field) : undefined;
  const satisfies = field ? frameworks.filter((f) => f[field] > 0 && value >= f[field]).map((f) => f.id) : [];
  const above = strict ? `; meets ${strict.name}'s ${strict[field!]}-day minimum (${strict.retention.citation.text})` : "";
  if (input.userReason) return { value, reason: `set in trailwright.json: ${input.userReason}${above}`, satisfies };
  if (strict && value === strict[field!]) {
    return { value, reason: `${strict.name} minimum: ${strict.retention.citation.text}`, satisfies };
  }
  const presetChoice = presetId ? PRESET_CHOICES[presetId]?.[configPath] : undefined;
  const choice = [presetChoice, input.defaultChoice].find((c) => c !== undefined && c.value === value);
  if (choice) return { value, reason: `engineering choice: ${choice.why}${above}`, satisfies };
  return { value, reason: `set in trailwright.json; no reason was given (record one as reasons.${input.reasonKey})${above}`, satisfies };
}

// Retention numbers: each checked against the strictest selected framework and
// given the reason an auditor reads (a citation, or an engineering choice).
import { DEFAULT_CHOICES, PRESET_CHOICES, type EngineeringChoice } from "../catalog/engineering-choices.js";
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

/** A number the answers set, and what the estate knows about why (its path and minimum: RETENTION_NUMBERS[key]). */
export interface NumberInput {
  /** Which number, which is also its key under `reasons` in trailwright.json. */
  readonly key: ReasonKey;
  readonly value: number;
  /** The choice behind the number when it was not set by hand (a default, such as the lock following the archive). */
  readonly defaultChoice: EngineeringChoice;
  /** The reason the user recorded under `reasons`, if any. */
  readonly userReason: string | undefined;
}

/** The numbers that can carry a reason, by their key under `reasons` in trailwright.json. */
export const REASON_KEYS = ["archiveDays", "hotDays", "immediateDays", "objectLockDays"] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

interface NumberSpec {
  /** The trailwright.json path, which is also the key of the preset's engineering choices. */
  readonly configPath: string;
  readonly field: MinimumField;
  /** The choice behind the number when nobody typed it, given the archive period. */
  readonly defaultChoice: (archiveDays: number) => EngineeringChoice;
}

export const RETENTION_NUMBERS: Readonly<Record<ReasonKey, NumberSpec>> = Object.freeze({
  archiveDays: { configPath: "retention.archiveDays", field: "minArchiveDays", defaultChoice: () => DEFAULT_CHOICES.archiveDays },
  hotDays: { configPath: "retention.hotDays", field: "minHotDays", defaultChoice: () => DEFAULT_CHOICES.hotDays },
  immediateDays: {
    configPath: "retention.immediateDays",
    field: "minImmediateDays",
    // The wizard offers the archive period when it is shorter than the usual 90 days: S3 cannot keep a log in Standard past its expiry.
    defaultChoice: (archiveDays) =>
      archiveDays < DEFAULT_CHOICES.immediateDays.value
        ? { value: archiveDays, why: "in S3 Standard for the whole archive period, which is shorter than the usual 90 days" }
        : DEFAULT_CHOICES.immediateDays,
  },
  objectLockDays: {
    configPath: "storage.objectLock.days",
    field: "minArchiveDays",
    // Unset, the lock follows the archive period (resolve-plan: lock.days ?? archiveDays).
    defaultChoice: (archiveDays) => ({ value: archiveDays, why: "locked for the whole archive period, so no log can be deleted before it expires" }),
  },
});

/** What explain() needs to know about the number under `key`. */
export function numberInput(key: ReasonKey, value: number, archiveDays: number, reasons: Partial<Record<ReasonKey, string>> | undefined): NumberInput {
  return { key, value, defaultChoice: RETENTION_NUMBERS[key].defaultChoice(archiveDays), userReason: reasons?.[key] };
}

/**
 * The catalog's own reason for a number: the strictest minimum it equals, or
 * the preset's or the default's engineering choice it matches. Undefined means
 * the number was set by hand: only the user can say why.
 */
function catalogReason(input: NumberInput, frameworks: readonly Framework[], presetId: string | undefined, above: string): string | undefined {
  const { value } = input;
  const { field, configPath } = RETENTION_NUMBERS[input.key];
  const strict = strictest(frameworks, field);
  if (strict && value === strict[field]) return `${strict.name} minimum: ${strict.retention.citation.text}`;
  const presetChoice = presetId ? PRESET_CHOICES[presetId]?.[configPath] : undefined;
  const choice = [presetChoice, input.defaultChoice].find((c) => c !== undefined && c.value === value);
  return choice ? `engineering choice: ${choice.why}${above}` : undefined;
}

/**
 * Whether COMPLIANCE.md reports the number as set by hand (with the user's
 * reason, or saying none was given). The wizard asks for a reason exactly then.
 */
export function isSetByHand(input: NumberInput, frameworks: readonly Framework[], presetId: string | undefined): boolean {
  return catalogReason(input, frameworks, presetId, "") === undefined;
}

/**
 * Explains a number: the regulation it meets and, where it goes beyond, the
 * choice behind it. A number nobody in the catalog chose (set by hand) carries
 * the user's recorded reason, or says plainly that none was given, so an
 * auditor never reads a placeholder where a justification should be.
 */
export function explain(input: NumberInput, frameworks: readonly Framework[], presetId: string | undefined): NumberSource {
  const { value } = input;
  const { field } = RETENTION_NUMBERS[input.key];
  const strict = strictest(frameworks, field);
  const satisfies = frameworks.filter((f) => f[field] > 0 && value >= f[field]).map((f) => f.id);
  const above = strict ? `; meets ${strict.name}'s ${strict[field]}-day minimum (${strict.retention.citation.text})` : "";
  if (input.userReason) return { value, reason: `set in trailwright.json: ${input.userReason}${above}`, satisfies };
  const known = catalogReason(input, frameworks, presetId, above);
  if (known) return { value, reason: known, satisfies };
  return { value, reason: `set in trailwright.json; no reason was given (record one as reasons.${input.key})${above}`, satisfies };
}

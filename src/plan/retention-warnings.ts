// Retention far beyond what any selected framework asks for. Not an error:
// keeping evidence longer can be a deliberate choice. But UK and EU GDPR's
// storage limitation principle (Art 5(1)(e)) says personal data, which
// CloudTrail logs hold (user names, source IPs), is kept no longer than
// necessary, so a number far past every minimum deserves a second look and a
// documented reason.
import { FRAMEWORKS, type Framework, type FrameworkId } from "../catalog/regulations.js";
import { strictest } from "./retention.js";

/** "Far beyond": more than this many times the longest minimum (or a year, where no framework sets one). */
export const FAR_BEYOND_FACTOR = 2;
/** The yardstick where no selected framework sets an archive minimum: one year, what CIS and the CAF packs check for log groups. */
const BASELINE_DAYS = 365;

export interface RetentionWarningInput {
  readonly frameworkIds: readonly string[];
  readonly archiveDays: number;
}

/** Warnings (one line each, possibly none) for the archive period the answers give. */
export function retentionWarnings({ frameworkIds, archiveDays }: RetentionWarningInput): string[] {
  const frameworks = frameworkIds.filter((id): id is FrameworkId => id in FRAMEWORKS).map((id): Framework => FRAMEWORKS[id]);
  const limited = frameworks.find((f) => f.requiresExpiry);
  if (!limited) return [];
  const longest = strictest(frameworks, "minArchiveDays");
  const yardstick = longest?.minArchiveDays ?? BASELINE_DAYS;
  if (archiveDays <= yardstick * FAR_BEYOND_FACTOR) return [];
  const minimum = longest
    ? `the longest minimum of the selected frameworks is ${longest.minArchiveDays} days (${longest.name}, ${longest.retention.citation.text})`
    : `no selected framework sets a minimum (a year, ${BASELINE_DAYS} days, is the usual baseline)`;
  return [
    `retention.archiveDays: ${archiveDays} days is more than ${FAR_BEYOND_FACTOR}x what is required: ${minimum}. ` +
      `${limited.name}'s storage limitation (${limited.retention.citation.text}) keeps personal data, which logs hold, no longer than necessary: ` +
      `record why this period is needed, or shorten it.`,
  ];
}

/** The warnings for a resolved plan (printed by generate and shown in the wizard's summary). */
export function planWarnings(plan: { readonly frameworks: readonly { readonly id: string }[]; readonly retention: { readonly archiveDays: { readonly value: number } } }): string[] {
  return retentionWarnings({ frameworkIds: plan.frameworks.map((f) => f.id), archiveDays: plan.retention.archiveDays.value });
}

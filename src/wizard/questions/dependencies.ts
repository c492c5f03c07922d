// Which answers each question reads (for its default, choices, applicability
// or check). When an answer changes at the summary, every question that reads
// it, directly or through another, is asked again: a new industry means new
// frameworks, which mean new retention minimums, and so on.
export const READS: Readonly<Record<string, readonly string[]>> = {
  frameworks: ["jurisdiction", "industry"],
  preset: ["jurisdiction", "industry"],
  "accounts.management": ["topology"],
  "accounts.logArchive": ["topology", "accounts.management"],
  "accounts.security": ["topology"],
  organizationId: ["topology"],
  residency: ["jurisdiction"],
  homeRegion: ["jurisdiction", "residency"],
  allowedRegions: ["topology", "residency", "homeRegion"],
  "retention.archiveDays": ["frameworks"],
  "retention.hotDays": ["frameworks"],
  "retention.immediateDays": ["frameworks", "retention.archiveDays"],
  "storage.objectLock.mode": ["frameworks"],
  "storage.objectLock.days": ["retention.archiveDays", "frameworks"],
  // A reason explains one number: a new number drops it or asks it again (reasons.ts).
  "reasons.archiveDays": ["retention.archiveDays"],
  "reasons.hotDays": ["retention.hotDays"],
  "reasons.immediateDays": ["retention.immediateDays"],
  // The lock period is cleared whenever what it reads changes, and its reason goes with it.
  "reasons.objectLockDays": ["storage.objectLock.days", "retention.archiveDays", "frameworks"],
  "storage.lifecycle": ["storage.mfaDelete"],
  "wizard.alertRouting": ["alerts.emails"],
  "alerts.critical": ["wizard.alertRouting"],
  "alerts.warning": ["wizard.alertRouting"],
  "alerts.info": ["wizard.alertRouting"],
  controlTower: ["topology"],
  "dataEvents.s3": ["controlTower", "industry"],
  "dataEvents.s3Buckets": ["dataEvents.s3"],
  "dataEvents.lambda": ["controlTower", "industry", "dataEvents.s3"],
  insights: ["controlTower", "industry"],
  config: ["topology"],
  "cost.accounts": ["topology"],
};

/** Every question id that reads `id`, directly or through others, in no particular order. */
export function dependentsOf(id: string): string[] {
  const found = new Set<string>();
  const visit = (changed: string) => {
    for (const [question, reads] of Object.entries(READS)) {
      if (reads.includes(changed) && !found.has(question) && question !== id) {
        found.add(question);
        visit(question);
      }
    }
  };
  visit(id);
  return [...found];
}

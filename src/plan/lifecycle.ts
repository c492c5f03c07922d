// Storage tiers for the archive: immediately available in S3 Standard, then
// Glacier Instant Retrieval, then Deep Archive, expiring at the archive period.
import { DEFAULT_CHOICES } from "../catalog/engineering-choices.js";
import type { LifecyclePlan, LifecycleTier } from "../model/plan.js";

const DEEP_ARCHIVE_MIN_STORAGE_DAYS = 180;

export function planLifecycle(archiveDays: number, immediateDays: number): LifecyclePlan {
  const transitions: LifecycleTier[] = [];
  if (immediateDays < archiveDays) transitions.push({ days: immediateDays, storageClass: "GLACIER_IR" });
  const deepAfter = Math.max(DEFAULT_CHOICES.deepArchiveAfterDays.value, immediateDays + 90);
  if (deepAfter + DEEP_ARCHIVE_MIN_STORAGE_DAYS <= archiveDays) {
    transitions.push({ days: deepAfter, storageClass: "DEEP_ARCHIVE" });
  }
  return {
    transitions,
    expirationDays: archiveDays,
    noncurrentExpirationDays: DEFAULT_CHOICES.noncurrentExpirationDays.value,
    abortIncompleteMultipartDays: DEFAULT_CHOICES.abortIncompleteMultipartDays.value,
  };
}

// How much of the archive sits in each S3 storage class once it is full (steady
// state: every month as much expires as arrives), from the plan's lifecycle
// tiers. Pure arithmetic; prices are applied by the caller.
import { COST_MODEL } from "../catalog/cost-assumptions.js";
import type { ArchiveBucketPlan, LifecyclePlan, LifecycleTier } from "../model/plan.js";

export type StorageClass = "STANDARD" | LifecycleTier["storageClass"];

export interface StorageTier {
  readonly storageClass: StorageClass;
  readonly fromDay: number;
  /** Exclusive: the day objects leave this class (transition, or deletion after expiry). */
  readonly toDay: number;
}

export interface ArchiveLayout {
  readonly tiers: readonly StorageTier[];
  /** True when S3 moves log files between classes at all. */
  readonly transitions: boolean;
  /** Why the layout is what it is, for the estimate's formulas. */
  readonly explanation: string;
}

/**
 * The classes a log file passes through. With the S3 default transition minimum
 * (all_storage_classes_128K) files smaller than 128 KB never leave S3 Standard,
 * and CloudTrail's five-minute files usually are: the model treats every file as
 * the average size, so either all files transition or none do.
 */
export function archiveLayout(archive: ArchiveBucketPlan, archiveDays: number, averageObjectBytes: number): ArchiveLayout {
  const lifecycle = archive.lifecycle;
  if (!lifecycle) {
    return {
      tiers: [{ storageClass: "STANDARD", fromDay: 0, toDay: archiveDays }],
      transitions: false,
      explanation: `no lifecycle rule (MFA delete): nothing expires, so the archive keeps growing; the figure is the size after ${archiveDays} days`,
    };
  }
  // Deleted-by-expiry files stay as noncurrent versions until noncurrent expiration.
  const end = lifecycle.expirationDays + lifecycle.noncurrentExpirationDays;
  const minimum = COST_MODEL.lifecycleMinimumTransitionBytes.value;
  if (lifecycle.transitions.length === 0 || averageObjectBytes < minimum) {
    const why =
      lifecycle.transitions.length === 0
        ? "the lifecycle rule has no transitions"
        : `log files average ${Math.round(averageObjectBytes / 1024)} KB, below the 128 KB S3 lifecycle transition minimum, so they stay in S3 Standard`;
    return { tiers: [{ storageClass: "STANDARD", fromDay: 0, toDay: end }], transitions: false, explanation: why };
  }
  return {
    tiers: lifecycleTiers(lifecycle),
    transitions: true,
    explanation: `log files average ${Math.round(averageObjectBytes / 1024)} KB, at or above the 128 KB transition minimum, so the lifecycle tiers apply`,
  };
}

/**
 * The classes a file of at least the transition minimum passes through under the rule, until
 * its noncurrent version expires (deleted-by-expiry files stay as noncurrent versions until then).
 */
export function lifecycleTiers(lifecycle: LifecyclePlan): StorageTier[] {
  const end = lifecycle.expirationDays + lifecycle.noncurrentExpirationDays;
  const tiers: StorageTier[] = [];
  let from = 0;
  let current: StorageClass = "STANDARD";
  for (const t of [...lifecycle.transitions].sort((a, b) => a.days - b.days)) {
    tiers.push({ storageClass: current, fromDay: from, toDay: t.days });
    from = t.days;
    current = t.storageClass;
  }
  tiers.push({ storageClass: current, fromDay: from, toDay: end });
  return tiers;
}

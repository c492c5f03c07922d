// What S3 bills to keep files in one storage class for a month, with the
// per-object minimum and overheads of the colder classes
// (https://aws.amazon.com/s3/pricing/, "Storage pricing" footnotes;
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
// One place, so the estimate's archive lines and the small-file transition
// comparison (small-file-transitions.ts) price a file the same way.
import { COST_MODEL } from "../catalog/cost-assumptions.js";
import type { StorageClass } from "./archive-storage.js";
import type { PriceTable } from "./price-table.js";

const GB = 1024 ** 3;
/** Glacier Instant Retrieval and Standard-IA bill every object as at least 128 KB. */
export const MINIMUM_BILLABLE_BYTES = 128 * 1024;

export const CLASS_NAMES: Readonly<Record<StorageClass, string>> = {
  STANDARD: "S3 Standard",
  STANDARD_IA: "S3 Standard-IA",
  GLACIER_IR: "S3 Glacier Instant Retrieval",
  GLACIER: "S3 Glacier Flexible Retrieval",
  DEEP_ARCHIVE: "S3 Glacier Deep Archive",
};

export interface MonthlyStorage {
  readonly usd: number;
  /** Bytes billed at the class's own price (after any minimum or index overhead). */
  readonly billedBytes: number;
}

/** One month of `objects` files holding `bytes` in all, kept in `storageClass`. */
export function monthlyStorage(storageClass: StorageClass, bytes: number, objects: number, p: PriceTable): MonthlyStorage {
  const price = p.s3.storage[storageClass].usd;
  if (storageClass === "GLACIER" || storageClass === "DEEP_ARCHIVE") {
    const o = COST_MODEL.archiveOverheadBytes;
    const billedBytes = bytes + objects * o.glacierIndex;
    return { usd: (billedBytes / GB) * price + ((objects * o.standardIndex) / GB) * p.s3.storage.STANDARD.usd, billedBytes };
  }
  if (storageClass === "STANDARD_IA" || storageClass === "GLACIER_IR") {
    const billedBytes = Math.max(bytes, objects * MINIMUM_BILLABLE_BYTES);
    return { usd: (billedBytes / GB) * price, billedBytes };
  }
  return { usd: (bytes / GB) * price, billedBytes: bytes };
}

// Whether forcing small log files through the archive's lifecycle tiers would
// save money. Since September 2024 S3 does not transition objects under 128 KB
// unless the rule sets object_size_greater_than (or the bucket-level
// transition_default_minimum_object_size varies_by_storage_class)
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html),
// and CloudTrail's five-minute log files and hourly digests are usually a few KB.
//
// Decision: keep S3's default (no object_size_greater_than). A small file
// moved to Glacier Instant Retrieval is billed as 128 KB; one in Deep Archive
// carries 40 KB of overhead (32 KB at the Deep Archive price, 8 KB at the
// Standard price); and each transition is a paid request. With the London
// prices (prices-eu-west-2.ts) and the uk-bank preset's estimated 16.5 KB
// average file, a million files kept their 2,587 days cost about $32 in S3
// Standard and about $96 forced through GLACIER_IR at day 90 and DEEP_ARCHIVE
// at day 365: three times as much, most of it the two transition requests
// ($70 a million) and the 128 KB billed per file in Glacier IR. (uk-smb: $0.68
// against $26 at 2.3 KB; uk-healthcare: $9 against $91 at 5.4 KB.) Forcing pays only above about 53 KB a file with uk-bank's
// tiers. test/cost/small-file-transitions.test.ts re-checks the decision on
// every preset; the estimate prints the comparison for the estate at hand.
import type { LifecyclePlan } from "../model/plan.js";
import { lifecycleTiers } from "./archive-storage.js";
import type { PriceTable } from "./price-table.js";
import { monthlyStorage } from "./storage-price.js";
import { COST_MODEL } from "../catalog/cost-assumptions.js";

export interface SmallFileTransitionCost {
  readonly averageObjectBytes: number;
  /** Days a file is billed: until its noncurrent version expires. */
  readonly lifeDays: number;
  /** USD for a million files of the average size over their whole life, left in S3 Standard. */
  readonly standardUsd: number;
  /** The same files forced through every transition of the rule (object_size_greater_than 0), requests included. */
  readonly transitionedUsd: number;
}

const FILES = 1_000_000;

/** Undefined when the rule has no transitions: there is nothing to force. */
export function smallFileTransitionCost(lifecycle: LifecyclePlan, averageObjectBytes: number, p: PriceTable): SmallFileTransitionCost | undefined {
  if (lifecycle.transitions.length === 0) return undefined;
  const days = COST_MODEL.daysPerMonth.value;
  const bytes = FILES * averageObjectBytes;
  const tiers = lifecycleTiers(lifecycle);
  const lifeDays = tiers.at(-1)!.toDay;
  const standardUsd = monthlyStorage("STANDARD", bytes, FILES, p).usd * (lifeDays / days);
  const storageUsd = tiers.reduce((sum, t) => sum + monthlyStorage(t.storageClass, bytes, FILES, p).usd * ((t.toDay - t.fromDay) / days), 0);
  // Transition prices are per 1,000 requests; each file makes one request per transition.
  const requestsUsd = lifecycle.transitions.reduce((sum, t) => sum + (FILES / 1000) * p.s3.transitionRequests[t.storageClass].usd, 0);
  return { averageObjectBytes, lifeDays, standardUsd, transitionedUsd: storageUsd + requestsUsd };
}

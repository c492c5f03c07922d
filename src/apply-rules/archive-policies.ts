// The archive bucket's policies, parsed: what the rules about the archive read. A policy whose
// text is not known at plan time (or does not parse) is returned as a problem, never skipped,
// so a rule cannot pass by not looking.
import { readPolicy, type Statement } from "./iam-json.js";
import type { PlannedEstate, PlannedResource } from "./planned.js";

export interface ArchivePolicies {
  readonly trail: PlannedResource;
  readonly bucket: string;
  readonly policies: readonly { readonly policy: PlannedResource; readonly statements?: readonly Statement[]; readonly problem?: string }[];
}

/** For each trail whose archive bucket the estate creates: that bucket's policies, parsed. */
export function archivePolicies(planned: PlannedEstate): ArchivePolicies[] {
  return planned.ofType("aws_cloudtrail").flatMap((trail) => {
    const bucket = planned.trailBucket(trail);
    if (bucket === undefined || !planned.bucketNamed(bucket)) return [];
    const policies = planned.forBucket("aws_s3_bucket_policy", bucket).map((policy) => ({ policy, ...readPolicy(policy.values.policy, policy.address) }));
    return [{ trail, bucket, policies }];
  });
}

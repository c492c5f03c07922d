// On the first apply the trail must start only once its destination is ready:
// - without waiting for the bucket policy, CreateTrail fails with InsufficientS3BucketPolicyException
//   (terraform-provider-aws#27945) and without the key policy, InsufficientEncryptionPolicyException;
// - Object Lock default retention is what "you want to apply to new objects placed in the specified
//   bucket" (AWS::S3::Bucket ObjectLockRule): it does not reach objects already delivered, and
//   neither do default encryption and versioning, so logs delivered first are not locked or
//   encrypted as the documents claim;
// - the CloudWatch Logs role must carry its policy before CloudTrail delivers to the log group.
import type { PlannedEstate, PlannedResource } from "../planned.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";
import { keyPolicy } from "./cloudtrail-key-grants.js";

function rolePolicies(planned: PlannedEstate, role: PlannedResource): PlannedResource[] {
  return [...planned.ofType("aws_iam_role_policy"), ...planned.ofType("aws_iam_role_policy_attachment")].filter((p) =>
    planned.referenced(p, "role").some((r) => r.address === role.address),
  );
}

export const firstApplyOrdering: ApplyRule = {
  id: "first-apply-ordering",
  title: "The trail waits for its bucket policy, Object Lock, encryption, versioning, key policy and log role",
  source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-objectlockrule.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const trail of planned.ofType("aws_cloudtrail")) {
      const before = planned.prerequisites(trail);
      const bucket = planned.trailBucket(trail);
      const required: { what: string; resources: PlannedResource[]; mustExist: boolean }[] = [];
      if (bucket !== undefined && planned.bucketNamed(bucket)) {
        const lockEnabled = planned.bucketNamed(bucket)!.values.object_lock_enabled === true;
        required.push(
          { what: "bucket policy", resources: planned.forBucket("aws_s3_bucket_policy", bucket), mustExist: true },
          { what: "Object Lock configuration", resources: planned.forBucket("aws_s3_bucket_object_lock_configuration", bucket), mustExist: lockEnabled },
          { what: "default encryption", resources: planned.forBucket("aws_s3_bucket_server_side_encryption_configuration", bucket), mustExist: true },
          { what: "versioning", resources: planned.forBucket("aws_s3_bucket_versioning", bucket), mustExist: true },
        );
      } else if (bucket !== undefined) {
        findings.push(finding(trail.address, `delivers to ${bucket}, which this estate does not create: its readiness cannot be ordered`));
      }
      const key = planned.keyOf(trail, "kms_key_id");
      if (key) required.push({ what: "key policy", resources: [planned.get(keyPolicy(planned, key).address)!], mustExist: true });
      if ("cloud_watch_logs_role_arn" in trail.expressions) {
        const role = planned.referenced(trail, "cloud_watch_logs_role_arn").find((r) => r.type === "aws_iam_role");
        if (role) required.push({ what: "CloudWatch Logs role policy", resources: rolePolicies(planned, role), mustExist: true });
      }
      for (const { what, resources, mustExist } of required) {
        if (resources.length === 0) {
          if (mustExist) findings.push(finding(trail.address, `the estate has no ${what} for the trail to wait for`));
          continue;
        }
        for (const r of resources) {
          if (!before.has(r.address)) findings.push(finding(trail.address, `does not wait for the ${what} ${r.address}: add it to the trail's depends_on`));
        }
      }
    }
    return findings;
  },
};

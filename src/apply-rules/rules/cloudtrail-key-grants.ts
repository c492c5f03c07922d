// What the key policy must let CloudTrail do ("Configure AWS KMS key policies for CloudTrail"):
// - "Enable CloudTrail log encrypt permissions": kms:GenerateDataKey* for cloudtrail.amazonaws.com,
//   conditioned on the kms:EncryptionContext:aws:cloudtrail:arn of the trail(s);
// - "Allow CloudTrail to describe a KMS key": kms:DescribeKey;
// - "If you are using an existing S3 bucket with an S3 Bucket Key, kms:Decrypt permissions are
//   required to create or update a trail with SSE-KMS enabled."
import { coversAction, conditionsOn, namesService, readPolicy, type Statement } from "../iam-json.js";
import type { PlannedEstate, PlannedResource } from "../planned.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const TRAIL_CONTEXT = "kms:EncryptionContext:aws:cloudtrail:arn";

function allows(statements: readonly Statement[], action: string, extra: (st: Statement) => boolean = () => true): boolean {
  return statements.some((st) => st.Effect === "Allow" && namesService(st, CLOUDTRAIL) && coversAction(st, action) && extra(st));
}

/** The key policy a key is created with, or the aws_kms_key_policy that replaces it. */
export function keyPolicy(planned: PlannedEstate, key: PlannedResource): { policy: unknown; address: string } {
  const separate = planned.ofType("aws_kms_key_policy").find((p) => planned.referenced(p, "key_id").some((k) => k.address === key.address));
  return separate ? { policy: separate.values.policy, address: separate.address } : { policy: key.values.policy, address: key.address };
}

export const cloudtrailKeyGrants: ApplyRule = {
  id: "cloudtrail-key-grants",
  title: "The trail's key lets CloudTrail encrypt, describe the key, and decrypt when the bucket uses a Bucket Key",
  source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const trail of planned.ofType("aws_cloudtrail")) {
      if (!("kms_key_id" in trail.expressions)) continue; // SSE-S3: no key policy involved
      const key = planned.keyOf(trail, "kms_key_id");
      if (!key) {
        findings.push(finding(trail.address, "its kms_key_id is not a key this estate creates, so its policy cannot be checked"));
        continue;
      }
      const { policy, address } = keyPolicy(planned, key);
      const { statements, problem } = readPolicy(policy, address);
      if (!statements) {
        findings.push(finding(address, problem));
        continue;
      }
      const withTrailContext = (st: Statement) => conditionsOn(st, TRAIL_CONTEXT).length > 0;
      if (!allows(statements, "kms:GenerateDataKey", withTrailContext)) {
        findings.push(finding(address, `does not allow ${CLOUDTRAIL} kms:GenerateDataKey* under a ${TRAIL_CONTEXT} condition: CloudTrail cannot encrypt log files`));
      }
      if (!allows(statements, "kms:DescribeKey")) findings.push(finding(address, `does not allow ${CLOUDTRAIL} kms:DescribeKey`));
      const bucket = planned.trailBucket(trail);
      const bucketKey = bucket !== undefined && planned.forBucket("aws_s3_bucket_server_side_encryption_configuration", bucket).some((sse) => {
        const rules = (sse.values.rule as { bucket_key_enabled?: unknown }[] | undefined) ?? [];
        return rules.some((r) => r.bucket_key_enabled === true);
      });
      if (bucketKey && !allows(statements, "kms:Decrypt")) {
        findings.push(finding(address, `does not allow ${CLOUDTRAIL} kms:Decrypt while bucket ${bucket} uses an S3 Bucket Key: CreateTrail/UpdateTrail fail`));
      }
    }
    return findings;
  },
};

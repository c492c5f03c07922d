// Quotas AWS enforces at apply time on what the plan already holds in full:
// - "Bucket policies are limited to 20 KB in size" (Amazon S3 User Guide, bucket policies);
// - key policy document: 32 KB (AWS KMS quotas, "Key policy document size");
// - SCP document: 5,120 characters; at most 5 SCPs attached to a root, OU or account
//   (AWS Organizations quotas), FullAWSAccess included since Organizations attaches it everywhere.
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";
import { attachmentsByTarget, plannedScps } from "./scps.js";

export const BUCKET_POLICY_MAX_BYTES = 20 * 1024;
export const KEY_POLICY_MAX_BYTES = 32 * 1024;
export const SCP_MAX_CHARACTERS = 5120;
export const SCPS_PER_TARGET = 5;

export const policySizes: ApplyRule = {
  id: "policy-sizes",
  title: "Bucket, key and service control policies fit AWS's size and attachment quotas",
  source: "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    const measure = (type: string, attribute: string, max: number, unit: "bytes" | "characters", what: string) => {
      for (const r of planned.ofType(type)) {
        const text = r.values[attribute];
        if (typeof text !== "string") {
          findings.push(finding(r.address, `its ${what} is not known at plan time, so its size cannot be checked against the ${max.toLocaleString("en-GB")}-${unit} limit`));
          continue;
        }
        const size = unit === "bytes" ? Buffer.byteLength(text, "utf8") : [...text].length;
        if (size > max) findings.push(finding(r.address, `its ${what} is ${size.toLocaleString("en-GB")} ${unit}, over AWS's limit of ${max.toLocaleString("en-GB")}: apply would fail`));
      }
    };
    measure("aws_s3_bucket_policy", "policy", BUCKET_POLICY_MAX_BYTES, "bytes", "bucket policy");
    measure("aws_kms_key", "policy", KEY_POLICY_MAX_BYTES, "bytes", "key policy");
    measure("aws_kms_key_policy", "policy", KEY_POLICY_MAX_BYTES, "bytes", "key policy");
    for (const scp of plannedScps(planned)) {
      const text = scp.content;
      if (typeof text !== "string") {
        findings.push(finding(scp.resource.address, `its content is not known at plan time, so its size cannot be checked against the ${SCP_MAX_CHARACTERS}-character limit`));
      } else if (text.length > SCP_MAX_CHARACTERS) {
        findings.push(finding(scp.resource.address, `its content is ${text.length.toLocaleString("en-GB")} characters, over the SCP limit of ${SCP_MAX_CHARACTERS.toLocaleString("en-GB")}`));
      }
    }
    const scpAddresses = new Set(plannedScps(planned).map((s) => s.resource.address));
    for (const [target, attachments] of attachmentsByTarget(planned)) {
      const scps = attachments.filter((a) => planned.referenced(a, "policy_id").some((p) => scpAddresses.has(p.address)));
      // FullAWSAccess stays attached (Control Tower requires it to stay unmerged), so it takes one of the five places.
      if (scps.length + 1 > SCPS_PER_TARGET) {
        findings.push(finding(target, `${scps.length} SCPs of this estate plus FullAWSAccess would be attached to ${target}, over the limit of ${SCPS_PER_TARGET} per root, OU or account`));
      }
    }
    return findings;
  },
};

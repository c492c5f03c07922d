// Quotas AWS enforces at apply time on what the plan already holds in full:
// - "Bucket policies are limited to 20 KB in size" (Amazon S3 User Guide, bucket policies);
// - key policy document: 32 KB (AWS KMS quotas, "Key policy document size");
// - SCP document: 5,120 characters; at most 5 SCPs attached to a root, OU or account
//   (AWS Organizations quotas), FullAWSAccess included since Organizations attaches it everywhere.
import { MAX_BUCKET_POLICY_BYTES as BUCKET_POLICY_MAX_BYTES, MAX_KEY_POLICY_BYTES as KEY_POLICY_MAX_BYTES, MAX_SCPS_PER_TARGET as SCPS_PER_TARGET } from "../../plan/quotas.js";
import { SCP_MAX_CHARS as SCP_MAX_CHARACTERS } from "../../policies/guardrail-scp-specs.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";
import { attachmentsByTarget, plannedScps } from "./scps.js";

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
    const scps = plannedScps(planned);
    for (const scp of scps) {
      const text = scp.content;
      if (typeof text !== "string") {
        findings.push(finding(scp.resource.address, `its content is not known at plan time, so its size cannot be checked against the ${SCP_MAX_CHARACTERS}-character limit`));
      } else if (text.length > SCP_MAX_CHARACTERS) {
        findings.push(finding(scp.resource.address, `its content is ${text.length.toLocaleString("en-GB")} characters, over the SCP limit of ${SCP_MAX_CHARACTERS.toLocaleString("en-GB")}`));
      }
    }
    const scpAddresses = new Set(scps.map((s) => s.resource.address));
    for (const [target, attachments] of attachmentsByTarget(planned)) {
      const attached = attachments.filter((a) => planned.referenced(a, "policy_id").some((p) => scpAddresses.has(p.address)));
      // FullAWSAccess stays attached (Control Tower requires it to stay unmerged), so it takes one of the five places.
      if (attached.length + 1 > SCPS_PER_TARGET) {
        findings.push(finding(target, `${attached.length} SCPs of this estate plus FullAWSAccess would be attached to ${target}, over the limit of ${SCPS_PER_TARGET} per root, OU or account`));
      }
    }
    return findings;
  },
};

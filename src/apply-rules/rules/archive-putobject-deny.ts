// "Only this trail writes" needs a Deny: Allow statements only add access, and the bucket owner's
// own principals (log-archive admins) could otherwise put forged files under AWSLogs/. The
// aws:PrincipalServiceName key is "the name of the service ... making the request" and is present
// only when a service principal makes it, so StringNotEqualsIfExists on it denies every IAM
// principal and every service but CloudTrail (IAM global condition context keys).
import { archivePolicies } from "../archive-policies.js";
import { conditionsOn, coversAction, coversResource, label, type Statement } from "../iam-json.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const CLOUDTRAIL = "cloudtrail.amazonaws.com";
const NOT_EQUALS = /^StringNotEquals(IgnoreCase)?(IfExists)?$/;

/** A Deny that applies to everyone but CloudTrail: Principal "*", and no condition except the CloudTrail exemption. */
function deniesAllButCloudTrail(st: Statement, objectArn: string): boolean {
  if (st.Effect !== "Deny" || !coversAction(st, "s3:PutObject") || !coversResource(st, objectArn)) return false;
  const everyone = st.Principal === "*" || (st.Principal?.AWS ?? []).includes("*");
  if (!everyone || st.NotPrincipal !== undefined) return false;
  const exemptions = conditionsOn(st, "aws:PrincipalServiceName");
  const onlyCloudTrail = exemptions.length === 1 && NOT_EQUALS.test(exemptions[0]!.operator) && exemptions[0]!.values.join() === CLOUDTRAIL;
  const otherKeys = Object.values(st.Condition).flatMap((byKey) => Object.keys(byKey)).filter((k) => k.toLowerCase() !== "aws:principalservicename");
  return onlyCloudTrail && otherKeys.length === 0;
}

export const archivePutObjectDeny: ApplyRule = {
  id: "archive-putobject-deny",
  title: "The archive bucket denies s3:PutObject under AWSLogs/ to every principal but CloudTrail",
  source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalservicename",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const { trail, bucket, policies } of archivePolicies(planned)) {
      if (policies.length === 0) {
        findings.push(finding(trail.address, `its archive bucket ${bucket} has no bucket policy, so anyone the account lets in can write under AWSLogs/`));
        continue;
      }
      // A log file key as CloudTrail writes it for an organization trail, and for the account's own trail.
      const objects = [`arn:aws:s3:::${bucket}/AWSLogs/o-a1b2c3d4e5/111111111111/CloudTrail/eu-west-2/2025/01/31/x.json.gz`, `arn:aws:s3:::${bucket}/AWSLogs/111111111111/CloudTrail/eu-west-2/2025/01/31/x.json.gz`];
      for (const { policy, statements, problem } of policies) {
        if (!statements) {
          findings.push(finding(policy.address, problem ?? "the policy could not be read"));
          continue;
        }
        const uncovered = objects.filter((object) => !statements.some((st) => deniesAllButCloudTrail(st, object)));
        if (uncovered.length > 0) {
          const near = statements.map((st, i) => (st.Effect === "Deny" && coversAction(st, "s3:PutObject") ? label(st, i) : undefined)).filter(Boolean);
          const keys = uncovered.map((o) => o.replace(`arn:aws:s3:::${bucket}/`, "")).join(" and ");
          findings.push(
            finding(
              policy.address,
              `no Deny of s3:PutObject on ${keys} for every principal but ${CLOUDTRAIL} (StringNotEqualsIfExists aws:PrincipalServiceName)` +
                (near.length ? `; ${near.join(", ")} deny PutObject only with other conditions or principals` : ""),
            ),
          );
        }
      }
    }
    return findings;
  },
};

// Cross-account readers of the archive (named log readers, Athena's investigator and review
// roles) need read access only: Athena reads the source objects with s3:GetObject and lists them
// with s3:ListBucket, and writes results to its own bucket
// (https://docs.aws.amazon.com/athena/latest/ug/cross-account-permissions.html). An Allow that
// gives an IAM principal more than reading on the archive would let that principal alter the
// evidence policy or its settings from another account.
import { archivePolicies } from "../archive-policies.js";
import { label, type Statement } from "../iam-json.js";
import { findingsFor, type ApplyRule, type Finding } from "../rule.js";

const READ_ACTIONS = /^s3:(GetObject|GetObjectVersion|GetObjectAttributes|GetObjectTagging|ListBucket|ListBucketVersions|GetBucketLocation)$/i;

/** An Allow to IAM principals (accounts or roles), as opposed to a service principal. */
function allowsIamPrincipals(st: Statement): boolean {
  if (st.Effect !== "Allow") return false;
  return st.Principal === "*" || (st.Principal?.AWS ?? []).length > 0;
}

export const archiveReadGrants: ApplyRule = {
  id: "archive-read-grants",
  title: "The archive bucket policy gives IAM principals read-only access (GetObject, ListBucket and kin), never writes or settings",
  source: "https://docs.aws.amazon.com/athena/latest/ug/cross-account-permissions.html",
  check(planned) {
    const finding = findingsFor(this.id);
    const findings: Finding[] = [];
    for (const { policies } of archivePolicies(planned)) {
      for (const { policy, statements, problem } of policies) {
        if (!statements) {
          findings.push(finding(policy.address, problem ?? "the policy could not be read"));
          continue;
        }
        statements.forEach((st, i) => {
          if (!allowsIamPrincipals(st)) return;
          if (st.NotAction.length > 0) {
            findings.push(finding(policy.address, `${label(st, i)} allows IAM principals every action but ${st.NotAction.join(", ")}: list the read actions instead`));
            return;
          }
          const beyond = st.Action.filter((a) => !READ_ACTIONS.test(a));
          if (beyond.length > 0) findings.push(finding(policy.address, `${label(st, i)} allows IAM principals ${beyond.join(", ")} on the archive: readers get GetObject and ListBucket only`));
        });
      }
    }
    return findings;
  },
};

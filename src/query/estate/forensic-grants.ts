// What the resource policies grant the forensics roles: each is one of the
// three grants a cross-account Athena read needs (bucket policy, key policy,
// the role's own policy; forensic-permissions.ts is the third), plus the
// review's publish to the alert topics. Nothing more: read of AWSLogs/
// objects, Decrypt through S3, publish to the two review topics.
// https://docs.aws.amazon.com/athena/latest/ug/cross-account-permissions.html
// Where they are emitted: the archive bucket policy (log-archive account,
// src/policies/archive-bucket-policy.ts), the estate key policy (security
// account, the roles' own account: src/policies/key-policies.ts
// estateKeyStatements), the topic policies (src/constructs/alert-topics.ts) and
// the monitoring key policy that encrypts the topics (management account,
// monitoringKeyStatements).
//
// The principal is the security account with an aws:PrincipalArn condition,
// not the role ARN itself: S3, KMS and SNS reject a policy naming a role that
// does not exist yet, and the roles are created by the same apply. The
// condition keeps the grant to exactly those roles. In the estate key's own
// (security) account the account principal delegates to the roles' IAM
// policies, which allow the key through S3 only (forensic-permissions.ts).
// https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { AlertTier, ResolvedPlan } from "../../model/plan.js";
import { kmsViaService } from "../../policies/kms-via-service.js";

const securityAccount = (plan: ResolvedPlan) => [{ type: "AWS", identifiers: [`arn:aws:iam::${plan.accounts.security.id}:root`] }];
const roles = (arns: string[]) => ({ test: "ArnEquals", variable: "aws:PrincipalArn", values: arns });

/** Archive bucket policy: list the bucket, read the log files; no write, no delete. */
export function archiveReadStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  const f = plan.forensics;
  if (!f) return [];
  const arn = plan.archive.arn;
  const who = roles([f.investigatorRoleArn, f.reviewRoleArn]);
  return [
    { sid: "ForensicsListArchive", effect: "Allow", principals: securityAccount(plan), actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: [arn], condition: [who] },
    { sid: "ForensicsReadLogs", effect: "Allow", principals: securityAccount(plan), actions: ["s3:GetObject"], resources: [`${arn}/AWSLogs/*`], condition: [who] },
  ];
}

/**
 * Estate key policy (the key is in the security account with the roles): Decrypt to read log files and results, GenerateDataKey to
 * write encrypted results (the workgroup encrypts them with this key), only
 * through S3 in the home Region.
 */
export function forensicsEstateKeyStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  const f = plan.forensics;
  if (!f) return [];
  return [
    {
      sid: "ForensicsDecryptViaS3",
      effect: "Allow",
      principals: securityAccount(plan),
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: ["*"],
      condition: [roles([f.investigatorRoleArn, f.reviewRoleArn]), kmsViaService("s3", plan.homeRegion)],
    },
  ];
}

/** The tiers the review publishes to: info for a quiet summary, warning when a check needs a look (the nearest existing tier when one is absent). */
export function reviewTiers(plan: ResolvedPlan): { info: AlertTier; warning: AlertTier } | undefined {
  const has = (t: AlertTier) => plan.topics.some((x) => x.tier === t);
  const warning = (["warning", "critical", "info"] as const).find(has);
  const info = (["info", "warning", "critical"] as const).find(has);
  return warning && info ? { info, warning } : undefined;
}

/** Topic policy of a tier the review publishes to. */
export function topicPublishStatements(plan: ResolvedPlan, tier: AlertTier, topicArn: string): DataAwsIamPolicyDocumentStatement[] {
  const f = plan.forensics;
  const tiers = reviewTiers(plan);
  if (!f || !tiers || (tier !== tiers.info && tier !== tiers.warning)) return [];
  return [{ sid: "LogReviewPublish", effect: "Allow", principals: securityAccount(plan), actions: ["sns:Publish"], resources: [topicArn], condition: [roles([f.reviewRoleArn])] }];
}

/** Key policy of the key encrypting the topics (the monitoring key): publishing to an SSE topic needs GenerateDataKey and Decrypt on its key. */
export function reviewTopicKeyStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  const f = plan.forensics;
  if (!f || !reviewTiers(plan)) return [];
  return [
    {
      sid: "LogReviewEncryptForTopics",
      effect: "Allow",
      principals: securityAccount(plan),
      actions: ["kms:GenerateDataKey", "kms:Decrypt"],
      resources: ["*"],
      condition: [roles([f.reviewRoleArn]), kmsViaService("sns", plan.homeRegion)],
    },
  ];
}

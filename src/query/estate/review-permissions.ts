// The review role may do exactly what the state machine calls: the Athena run
// (start, wait through GetQueryExecution, stop on timeout, read results), the
// Glue metadata and S3 locations the query touches, the estate key through S3,
// and publish to the two topics it chooses between (with their key, since
// publishing to an encrypted topic needs GenerateDataKey and Decrypt on it).
// No Lake Formation: the estate registers no location with it, so IAM decides.
// https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html
// https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#sns-what-permissions-for-sse
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { ResolvedPlan } from "../../model/plan.js";
import { kmsViaService } from "../../policies/kms-via-service.js";
import { athenaQueryStatements, forensicArns } from "./forensic-permissions.js";

export interface ReviewTargets {
  readonly kmsKeyArn: string;
  readonly infoTopicArn: string;
  readonly warningTopicArn: string;
  readonly topicKeyArn: string;
}

export function reviewRoleStatements(plan: ResolvedPlan, t: ReviewTargets): DataAwsIamPolicyDocumentStatement[] {
  return [
    ...athenaQueryStatements(plan, t.kmsKeyArn, { investigator: false }),
    { sid: "PublishTheSummary", effect: "Allow", actions: ["sns:Publish"], resources: [...new Set([t.infoTopicArn, t.warningTopicArn])] },
    {
      sid: "EncryptForTheTopics",
      effect: "Allow",
      actions: ["kms:GenerateDataKey", "kms:Decrypt"],
      resources: [t.topicKeyArn],
      condition: [kmsViaService("sns", plan.homeRegion)],
    },
  ];
}

export function schedulerStatements(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  return [{ sid: "StartTheReview", effect: "Allow", actions: ["states:StartExecution"], resources: [forensicArns(plan).stateMachine] }];
}

// The key policy of a WorkSpaces site away from the management account's home region
// (src/constructs/workspaces/site-key.ts): the same shape as the monitoring key's, for the
// site's own log groups and alert topics. Data, so tests read the statements the key gets.
import type { DataAwsIamPolicyDocumentStatement as Statement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { WorkspacesSitePlan } from "../model/plan.js";
import { KEY_ADMINISTRATION_ACTIONS } from "./key-policies.js";

export function workspacesSiteKeyStatements(site: WorkspacesSitePlan): Statement[] {
  return [
    {
      // Administration without data access (key-policies.ts KEY_ADMINISTRATION_ACTIONS): no
      // account principal decrypts through this policy; CloudWatch Logs and CloudWatch alarms
      // use the key under the service statements below.
      sid: "KeyAdministrationWithoutDataAccess",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${site.accountId}:root`] }],
      actions: [...KEY_ADMINISTRATION_ACTIONS],
      resources: ["*"],
    },
    {
      // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html: the
      // regional logs principal, limited by the encryption context to this site's log groups.
      sid: "AllowCloudWatchLogsWorkSpacesGroups",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [`logs.${site.region}.amazonaws.com`] }],
      actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      resources: ["*"],
      condition: [{ test: "ArnEquals", variable: "kms:EncryptionContext:aws:logs:arn", values: [site.logGroupArn, ...site.directories.map((d) => d.logGroupArn)] }],
    },
    {
      // https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services:
      // alarms publishing to an SSE topic need Decrypt and GenerateDataKey* on its key, or they
      // deliver nothing without an error (pitfall 11).
      sid: "AllowCloudWatchAlarmsEncryptedTopics",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [site.accountId] }],
    },
  ];
}

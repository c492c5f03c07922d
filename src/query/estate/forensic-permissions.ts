// What a principal needs to run the catalog in Athena over the archive, and
// nothing more: Athena on the one workgroup, the Glue table's metadata, read of
// the archive's AWSLogs/ objects, the workgroup's results location, and the
// estate key through S3 only. The investigator role and the review role share
// it; the investigator also browses the saved queries and past runs.
// https://docs.aws.amazon.com/athena/latest/ug/cross-account-permissions.html
// https://docs.aws.amazon.com/athena/latest/ug/encryption.html (Decrypt to read, GenerateDataKey to write encrypted results)
// https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import type { ResolvedPlan } from "../../model/plan.js";
import { kmsViaService } from "../../policies/kms-via-service.js";

const partitionOf = (plan: ResolvedPlan) => plan.trail.arn.split(":")[1] ?? "aws";

export interface ForensicArns {
  readonly workgroup: string;
  readonly dataCatalog: string;
  readonly glueCatalog: string;
  readonly glueDatabase: string;
  readonly glueTable: string;
  readonly stateMachine: string;
  readonly schedules: string;
}

export function forensicArns(plan: ResolvedPlan): ForensicArns {
  const f = plan.forensics!;
  const p = partitionOf(plan);
  const at = `${plan.homeRegion}:${plan.accounts.security.id}`;
  return {
    workgroup: `arn:${p}:athena:${at}:workgroup/${f.workgroupName}`,
    dataCatalog: `arn:${p}:athena:${at}:datacatalog/AwsDataCatalog`,
    glueCatalog: `arn:${p}:glue:${at}:catalog`,
    glueDatabase: `arn:${p}:glue:${at}:database/${f.databaseName}`,
    glueTable: `arn:${p}:glue:${at}:table/${f.databaseName}/${f.tableName}`,
    stateMachine: `arn:${p}:states:${at}:stateMachine:${f.stateMachineName}`,
    schedules: `arn:${p}:scheduler:${at}:schedule/default/${f.stateMachineName}-*`,
  };
}

/** Who may assume the investigator role: principals of the security account, as its IAM policies allow. */
export function forensicAssumeRolePolicy(plan: ResolvedPlan): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: "SecurityAccountAssumes",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: [`arn:${partitionOf(plan)}:iam::${plan.accounts.security.id}:root`] }],
      actions: ["sts:AssumeRole"],
    },
  ];
}

export const ATHENA_RUN_ACTIONS = ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"];
const ATHENA_BROWSE_ACTIONS = [
  "athena:GetWorkGroup",
  "athena:ListNamedQueries",
  "athena:GetNamedQuery",
  "athena:BatchGetNamedQuery",
  "athena:ListQueryExecutions",
  "athena:BatchGetQueryExecution",
];
export const GLUE_READ_ACTIONS = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"];

export function athenaQueryStatements(plan: ResolvedPlan, kmsKeyArn: string, options: { investigator: boolean }): DataAwsIamPolicyDocumentStatement[] {
  const f = plan.forensics!;
  const arns = forensicArns(plan);
  const archive = plan.archive.arn;
  const results = f.resultsBucket.arn;
  return [
    { sid: "RunQueriesInTheWorkgroup", effect: "Allow", actions: [...ATHENA_RUN_ACTIONS, ...(options.investigator ? ATHENA_BROWSE_ACTIONS : [])], resources: [arns.workgroup] },
    { sid: "UseTheGlueCatalog", effect: "Allow", actions: ["athena:GetDataCatalog"], resources: [arns.dataCatalog] },
    { sid: "ReadTheTableDefinition", effect: "Allow", actions: GLUE_READ_ACTIONS, resources: [arns.glueCatalog, arns.glueDatabase, arns.glueTable] },
    // The archive in the log-archive account: its bucket policy grants the same (the second of the three grants).
    { sid: "ListTheArchive", effect: "Allow", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: [archive] },
    { sid: "ReadTheLogs", effect: "Allow", actions: ["s3:GetObject"], resources: [`${archive}/AWSLogs/*`] },
    { sid: "ListTheResults", effect: "Allow", actions: ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], resources: [results] },
    {
      sid: "WriteAndReadTheResults",
      effect: "Allow",
      actions: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      resources: [`${results}/results/*`],
    },
    {
      // Only through S3 (reading log files, writing and reading results), never directly.
      sid: "UseTheEstateKeyThroughS3",
      effect: "Allow",
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [kmsKeyArn],
      condition: [kmsViaService("s3", plan.homeRegion)],
    },
  ];
}

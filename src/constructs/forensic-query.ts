// Athena over the CloudTrail archive, in the security account: a Glue table
// with partition projection over the archive's layout, an enforced workgroup
// whose results are SSE-KMS encrypted in their own bucket, one named query per
// catalog check (the same SQL strings `trailwright query` runs), and the
// investigator role with exactly the permissions a cross-account read needs.
// The archive bucket and key policies grant that role read in their own
// constructs (forensicReadStatements below): three grants, as Athena's
// cross-account guide lists them.
// https://docs.aws.amazon.com/athena/latest/ug/cross-account-permissions.html
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AthenaNamedQuery } from "@cdktf/provider-aws/lib/athena-named-query/index.js";
import { AthenaWorkgroup } from "@cdktf/provider-aws/lib/athena-workgroup/index.js";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database/index.js";
import { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import type { ForensicsPlan, ResolvedPlan } from "../model/plan.js";
import { checkParameters, checkSql, QUERY_CHECKS, type QueryCheck } from "../query/catalog/index.js";
import { catalogSettings } from "../query/estate/catalog-settings.js";
import { CLOUDTRAIL_SERDE, partitionKeys, projectionParameters, tableColumns } from "../query/estate/glue-table.js";
import { athenaQueryStatements, forensicAssumeRolePolicy } from "../query/estate/forensic-permissions.js";
import { denyInsecureTransport } from "../policies/deny-insecure-transport.js";
import { blockPublicAccessAndAcls, bucketPolicy } from "./bucket-hardening.js";

/** Athena engine v3 (Trino), the distributed engine the catalog's SQL is written for; exact string from ListEngineVersions. */
export const ATHENA_ENGINE = "Athena engine version 3";

export interface ForensicQueryProps {
  /** The resolved plan; reads `forensics` (required), `accounts.security`, `archive`. */
  readonly plan: ResolvedPlan;
  /** ARN of the estate key: it decrypts the archive and encrypts query results. */
  readonly kmsKeyArn: string;
  /** Provider for the security account. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
  /** Checks that get a named query here. Default: every catalog check (the estate passes daily-review to LogReview, whose query it is). */
  readonly checks?: readonly QueryCheck[];
}

/** One saved query: the check's SQL, its parameters named in the description (Athena's limit is 1,024 characters). */
export function namedQuery(scope: Construct, check: QueryCheck, props: { plan: ResolvedPlan; database: string; workgroup: string; provider?: TerraformProvider }): AthenaNamedQuery {
  const f = props.plan.forensics!;
  const description = `${check.title}. ${check.looksFor} Parameters, in order: ${checkParameters(check).join(", ")} (days as 'yyyy/MM/dd', instants as 'yyyy-MM-ddTHH:mm:ssZ').${check.requires === "s3-data-events" && !f.s3DataEvents ? " The trail records no S3 data events, so this finds nothing." : ""}`;
  // Construct ids are check ids with underscores: Terraform addresses, a contract.
  return new AthenaNamedQuery(scope, `query_${check.id.replaceAll("-", "_")}`, {
    provider: props.provider,
    name: `${props.plan.name}-${check.id}`,
    database: props.database,
    workgroup: props.workgroup,
    description: description.length > 1024 ? `${description.slice(0, 1021)}...` : description,
    query: checkSql(check, catalogSettings(f)),
  });
}

export class ForensicQuery extends Construct {
  readonly forensics: ForensicsPlan;
  readonly workgroup: AthenaWorkgroup;
  readonly database: GlueCatalogDatabase;
  readonly table: GlueCatalogTable;
  readonly resultsBucket: S3Bucket;
  readonly investigatorRole: IamRole;
  readonly namedQueries: readonly AthenaNamedQuery[];

  constructor(scope: Construct, id: string, props: ForensicQueryProps) {
    super(scope, id);
    const { plan, provider } = props;
    if (!plan.forensics) throw new Error("ForensicQuery: plan.forensics is undefined; build it only when forensics.enabled is true");
    const f = (this.forensics = plan.forensics);
    const security = plan.accounts.security.id;

    this.database = new GlueCatalogDatabase(this, "database", {
      provider,
      name: f.databaseName,
      description: `${plan.name}: CloudTrail archive ${plan.archive.name}, for Athena (trailwright query catalog)`,
    });

    this.table = new GlueCatalogTable(this, "table", {
      provider,
      databaseName: this.database.name,
      name: f.tableName,
      tableType: "EXTERNAL_TABLE",
      parameters: projectionParameters(f),
      partitionKeys: partitionKeys(),
      storageDescriptor: {
        location: f.logsLocation,
        inputFormat: CLOUDTRAIL_SERDE.inputFormat,
        outputFormat: CLOUDTRAIL_SERDE.outputFormat,
        serDeInfo: { serializationLibrary: CLOUDTRAIL_SERDE.serializationLibrary },
        columns: tableColumns(),
      },
    });

    // Results: working copies of query output, not evidence. SSE-KMS with the
    // estate key, no public access, no Object Lock (results must expire), and
    // expiry: anyone with s3:GetObject here reads results, whatever Athena allows.
    // https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html
    // One scope for the bucket's pieces, so their addresses read forensics_results_*.
    const results = new Construct(this, "results");
    this.resultsBucket = new S3Bucket(results, "bucket", { provider, bucket: f.resultsBucket.name, forceDestroy: false });
    const { publicAccess } = blockPublicAccessAndAcls(results, this.resultsBucket.id, provider);
    new S3BucketServerSideEncryptionConfigurationA(results, "encryption", {
      provider,
      bucket: this.resultsBucket.id,
      // A bucket key cuts the KMS calls Athena makes per result object.
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }],
    });
    // Versioned like every estate bucket (an overwritten result stays recoverable a day), expiring like none of the evidence.
    const versioning = new S3BucketVersioningA(results, "versioning", { provider, bucket: this.resultsBucket.id, versioningConfiguration: { status: "Enabled" } });
    new S3BucketLifecycleConfiguration(results, "lifecycle", {
      provider,
      bucket: this.resultsBucket.id,
      rule: [
        {
          id: "expire-query-results",
          status: "Enabled",
          filter: [{}],
          expiration: [{ days: f.resultsBucket.expirationDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 1 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
      dependsOn: [versioning],
    });
    bucketPolicy(results, this.resultsBucket.id, provider, [denyInsecureTransport(f.resultsBucket.arn)], publicAccess);

    // https://docs.aws.amazon.com/athena/latest/ug/workgroups-setting-control-limits-cloudwatch.html
    this.workgroup = new AthenaWorkgroup(this, "workgroup", {
      provider,
      name: f.workgroupName,
      description: `${plan.name}: CloudTrail investigations and the scheduled reviews`,
      state: "ENABLED",
      forceDestroy: false,
      configuration: {
        // Enforced: a client cannot send results elsewhere or unencrypted.
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        bytesScannedCutoffPerQuery: f.bytesScannedCutoff,
        engineVersion: { selectedEngineVersion: ATHENA_ENGINE },
        resultConfiguration: {
          outputLocation: `s3://${f.resultsBucket.name}/results/`,
          expectedBucketOwner: security,
          encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: props.kmsKeyArn },
        },
      },
    });

    this.namedQueries = (props.checks ?? QUERY_CHECKS).map((check) =>
      namedQuery(this, check, { plan, database: this.database.name, workgroup: this.workgroup.name, provider }),
    );

    // The investigator: people in the security account who may assume it (its
    // account root delegates to IAM there), reading the archive through Athena.
    this.investigatorRole = new IamRole(this, "investigator", {
      provider,
      name: f.investigatorRoleName,
      description: "Reads the CloudTrail archive through Athena (trailwright forensics)",
      assumeRolePolicy: new DataAwsIamPolicyDocument(this, "investigator_trust", { provider, statement: forensicAssumeRolePolicy(plan) }).json,
      maxSessionDuration: 3600,
    });
    const statements: DataAwsIamPolicyDocumentStatement[] = athenaQueryStatements(plan, props.kmsKeyArn, { investigator: true });
    new IamRolePolicy(this, "investigator_policy", {
      provider,
      name: "athena-cloudtrail-read",
      role: this.investigatorRole.id,
      policy: new DataAwsIamPolicyDocument(this, "investigator_policy_document", { provider, statement: statements }).json,
    });
  }
}

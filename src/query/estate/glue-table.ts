// The Glue table Athena reads the archive through, from the plan and the one
// record schema (src/query/cloudtrail-schema.ts). AWS's CloudTrail table for
// Athena with partition projection, over the archive's real layout:
// https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
// Projection parameters belong to the TABLE parameters, not the storage
// descriptor's (aws/aws-cdk#27365); table_type EXTERNAL_TABLE keeps ALTER TABLE
// and SHOW CREATE TABLE working; partition keys must be primitive types.
// https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html
import type { ForensicsPlan } from "../../model/plan.js";
import { glueColumns, PARTITION_COLUMNS } from "../cloudtrail-schema.js";

export const CLOUDTRAIL_SERDE = Object.freeze({
  serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe",
  inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
});

/**
 * Table parameters. Terraform reads "${...}" in any string (HCL and .tf.json
 * alike) as an interpolation, so the template's placeholders are written with
 * Terraform's escape "$${...}": Glue receives "${account}".
 * https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 */
export function projectionParameters(f: ForensicsPlan): Record<string, string> {
  return {
    EXTERNAL: "TRUE",
    classification: "cloudtrail",
    "projection.enabled": "true",
    "projection.account.type": "enum",
    "projection.account.values": f.accountIds.join(","),
    "projection.region.type": "enum",
    "projection.region.values": f.regions.join(","),
    "projection.timestamp.type": "date",
    "projection.timestamp.format": "yyyy/MM/dd",
    "projection.timestamp.range": `${f.projectionStart},NOW`,
    "projection.timestamp.interval": "1",
    "projection.timestamp.interval.unit": "DAYS",
    "storage.location.template": `${f.logsLocation}$\${account}/CloudTrail/$\${region}/$\${timestamp}`,
  };
}

export function tableColumns(): { name: string; type: string }[] {
  return glueColumns();
}

export function partitionKeys(): { name: string; type: string }[] {
  return PARTITION_COLUMNS.map((name) => ({ name, type: "string" }));
}

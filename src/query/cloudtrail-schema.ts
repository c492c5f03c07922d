// The CloudTrail record as both query engines read it, written once. Athena's
// Glue table (lowercase names, Hive JSON SerDe matching keys case-insensitively)
// and the local DuckDB view (which binds JSON keys case-SENSITIVELY: `arn`
// against a key `ARN` silently reads NULL) are both rendered from this object,
// so a column can never exist in one engine and not the other.
//
// Columns and nesting follow AWS's CloudTrail table for Athena:
// https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html
// Key spelling follows the record contents reference:
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html

/** "json" is an object whose text the queries read with json_extract_scalar (STRING in Glue). */
export type FieldType = "string" | "json" | { readonly struct: readonly Field[] } | { readonly array: FieldType };

export interface Field {
  /** The key exactly as CloudTrail writes it (the column name is its lowercase form). */
  readonly key: string;
  readonly type: FieldType;
}

const s = (key: string): Field => ({ key, type: "string" });
const json = (key: string): Field => ({ key, type: "json" });
const struct = (key: string, fields: readonly Field[]): Field => ({ key, type: { struct: fields } });

export const CLOUDTRAIL_RECORD: readonly Field[] = Object.freeze([
  s("eventVersion"),
  struct("userIdentity", [
    s("type"),
    s("principalId"),
    s("arn"),
    s("accountId"),
    s("invokedBy"),
    s("accessKeyId"),
    s("userName"),
    struct("onBehalfOf", [s("userId"), s("identityStoreArn")]),
    struct("sessionContext", [
      struct("attributes", [s("mfaAuthenticated"), s("creationDate")]),
      struct("sessionIssuer", [s("type"), s("principalId"), s("arn"), s("accountId"), s("userName")]),
      s("ec2RoleDelivery"),
      s("sourceIdentity"),
    ]),
  ]),
  s("eventTime"),
  s("eventSource"),
  s("eventName"),
  s("awsRegion"),
  s("sourceIPAddress"),
  s("userAgent"),
  s("errorCode"),
  s("errorMessage"),
  json("requestParameters"),
  json("responseElements"),
  json("additionalEventData"),
  s("requestID"),
  s("eventID"),
  // A JSON boolean in the file; both engines read it as the text 'true' / 'false'.
  s("readOnly"),
  { key: "resources", type: { array: { struct: [s("ARN"), s("accountId"), s("type")] } } },
  s("eventType"),
  s("apiVersion"),
  s("recipientAccountId"),
  json("serviceEventDetails"),
  s("sharedEventID"),
  s("vpcEndpointId"),
  s("vpcEndpointAccountId"),
  s("eventCategory"),
  struct("addendum", [s("reason"), s("updatedFields"), s("originalRequestID"), s("originalEventID")]),
  s("sessionCredentialFromConsole"),
  json("edgeDeviceDetails"),
  struct("tlsDetails", [s("tlsVersion"), s("cipherSuite"), s("clientProvidedHostHeader")]),
]);

/**
 * The partition columns Athena projects from the S3 key
 * (AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/yyyy/MM/dd/...), which the local
 * view derives from each file's path so the same SQL filters on them.
 */
export const PARTITION_COLUMNS = Object.freeze(["account", "region", "timestamp"] as const);

/** Glue/Hive type text: lowercase, no whitespace at all (whitespace makes HIVE_INVALID_METADATA). */
export function glueType(type: FieldType): string {
  if (type === "string" || type === "json") return "string";
  if ("array" in type) return `array<${glueType(type.array)}>`;
  return `struct<${type.struct.map((f) => `${f.key.toLowerCase()}:${glueType(f.type)}`).join(",")}>`;
}

/** The table's columns for Glue, in record order. */
export function glueColumns(): { name: string; type: string }[] {
  return CLOUDTRAIL_RECORD.map((f) => ({ name: f.key.toLowerCase(), type: glueType(f.type) }));
}

/** DuckDB type text with the exact JSON key case (quoted, so `type` needs no special care). */
export function duckdbType(type: FieldType): string {
  if (type === "string") return "VARCHAR";
  if (type === "json") return "JSON";
  if ("array" in type) return `${duckdbType(type.array)}[]`;
  return `STRUCT(${type.struct.map((f) => `"${f.key}" ${duckdbType(f.type)}`).join(", ")})`;
}

/** The type of the file's top-level `Records` array for DuckDB's read_json `columns`. */
export function duckdbRecordsType(): string {
  return `${duckdbType({ struct: CLOUDTRAIL_RECORD })}[]`;
}

/**
 * The view's select list: lowercase column names like Athena's, JSON objects as
 * their text (as the Hive JSON SerDe hands them to Athena).
 */
export function duckdbSelectList(recordAlias: string): string[] {
  return CLOUDTRAIL_RECORD.map((f) => {
    const ref = `${recordAlias}."${f.key}"`;
    return f.type === "json" ? `CAST(${ref} AS VARCHAR) AS ${f.key.toLowerCase()}` : `${ref} AS ${f.key.toLowerCase()}`;
  });
}

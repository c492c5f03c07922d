// The forensics part of the estate, on the synthesized Terraform JSON of the
// presets that turn it on: the Glue table over the archive's real layout with
// whitespace-free types, the enforced workgroup, the results bucket, one named
// query per catalog check holding the catalog's own SQL, the reviews' state
// machine and schedules, and roles that allow exactly what they call.
import { describe, expect, it } from "vitest";
import { checkSql, QUERY_CHECKS } from "../../src/query/catalog/index.js";
import { glueColumns } from "../../src/query/cloudtrail-schema.js";
import { catalogSettings } from "../../src/query/estate/catalog-settings.js";
import { REVIEW_INTEGRATIONS } from "../../src/query/estate/review-state-machine.js";
import { presetTfJson, resourcesOf, type TfJson } from "../helpers/estate-cache.js";
import { presetPlan, type PresetId } from "../helpers/preset-answers.js";

type Attrs = Record<string, unknown>;
const single = (tf: TfJson, type: string): [string, Attrs] => {
  const found = resourcesOf(tf, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
/** The statements of the policy document a role policy or trust points at. */
function documentOf(tf: TfJson, reference: unknown): { sid: string; effect: string; actions: string[]; resources?: string[]; condition?: { test: string; variable: string; values: string[] }[] }[] {
  const name = /data\.aws_iam_policy_document\.([\w-]+)\.json/.exec(String(reference))![1]!;
  return (tf.data!.aws_iam_policy_document![name] as { statement: never[] }).statement;
}

describe.each(["uk-bank", "uk-healthcare"] as PresetId[])("%s: forensics", (id) => {
  const plan = presetPlan(id);
  const f = plan.forensics!;

  it("is on in the preset, everything in the security account", async () => {
    expect(f).toBeDefined();
    const tf = await presetTfJson(id);
    for (const type of ["aws_glue_catalog_table", "aws_athena_workgroup", "aws_athena_named_query", "aws_sfn_state_machine", "aws_scheduler_schedule", "aws_iam_role"]) {
      for (const [name, r] of resourcesOf(tf, type)) if (/^(forensics|review)_/.test(name)) expect(r.provider, `${type}.${name}`).toBe("aws.security");
    }
  });

  it("Glue table: projection over the organization trail's layout, enums from the answers, column types without whitespace", async () => {
    const tf = await presetTfJson(id);
    const [, table] = single(tf, "aws_glue_catalog_table");
    expect(table.table_type).toBe("EXTERNAL_TABLE");
    const params = table.parameters as Record<string, string>;
    expect(params["storage.location.template"]).toBe(`s3://${plan.archive.name}/AWSLogs/${plan.organizationId}/$\${account}/CloudTrail/$\${region}/$\${timestamp}`);
    expect(params["projection.account.values"]!.split(",")).toEqual(expect.arrayContaining([plan.accounts.management.id, plan.accounts.logArchive.id, plan.accounts.security.id]));
    expect(params["projection.region.values"]).toBe("eu-west-2,us-east-1");
    expect(params["projection.timestamp.format"]).toBe("yyyy/MM/dd");
    const sd = (table.storage_descriptor as Attrs[])[0] ?? (table.storage_descriptor as Attrs);
    expect(sd.input_format).toBe("com.amazon.emr.cloudtrail.CloudTrailInputFormat");
    const columns = sd.columns as { name: string; type: string }[];
    expect(columns).toEqual(glueColumns());
    for (const c of columns) expect(c.type, c.name).not.toMatch(/\s/);
    expect((table.partition_keys as { name: string }[]).map((k) => k.name)).toEqual(["account", "region", "timestamp"]);
  });

  it("workgroup: enforced, engine v3, SSE-KMS results in the results bucket, a scanned-bytes cutoff, metrics on", async () => {
    const tf = await presetTfJson(id);
    const [, wg] = single(tf, "aws_athena_workgroup");
    const json = JSON.stringify(wg.configuration);
    expect(json).toContain('"enforce_workgroup_configuration":true');
    expect(json).toContain('"publish_cloudwatch_metrics_enabled":true');
    expect(json).toContain(`"bytes_scanned_cutoff_per_query":${f.bytesScannedCutoff}`);
    expect(json).toContain('"selected_engine_version":"Athena engine version 3"');
    expect(json).toContain('"encryption_option":"SSE_KMS"');
    expect(json).toContain(`"output_location":"s3://${f.resultsBucket.name}/results/"`);
  });

  it("results bucket: expires results, no Object Lock", async () => {
    const tf = await presetTfJson(id);
    const [name, bucket] = resourcesOf(tf, "aws_s3_bucket").find(([, b]) => b.bucket === f.resultsBucket.name)!;
    expect(bucket.object_lock_enabled).toBeUndefined();
    expect(resourcesOf(tf, "aws_s3_bucket_object_lock_configuration").filter(([, r]) => String(r.bucket).includes(name))).toEqual([]);
    const lifecycle = resourcesOf(tf, "aws_s3_bucket_lifecycle_configuration").find(([, r]) => String(r.bucket).includes(name))!;
    expect(JSON.stringify(lifecycle[1].rule)).toContain(`"expiration":[{"days":${f.resultsBucket.expirationDays}}]`);
  });

  it("one named query per catalog check, holding the catalog's SQL string (one source)", async () => {
    const tf = await presetTfJson(id);
    const queries = resourcesOf(tf, "aws_athena_named_query").map(([, q]) => q);
    expect(queries.map((q) => q.name).sort()).toEqual(QUERY_CHECKS.map((c) => `${plan.name}-${c.id}`).sort());
    for (const check of QUERY_CHECKS) {
      const q = queries.find((x) => x.name === `${plan.name}-${check.id}`)!;
      expect(q.query, check.id).toBe(checkSql(check, catalogSettings(f)));
      expect(String(q.description).length).toBeLessThanOrEqual(1024);
    }
  });

  it("state machine: valid JSON under 1 MB; its role allows exactly the calls it makes, nothing more", async () => {
    const tf = await presetTfJson(id);
    const [, machine] = single(tf, "aws_sfn_state_machine");
    const text = String(machine.definition);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    const definition = JSON.parse(text) as { States: Record<string, { Resource?: string; Arguments?: Attrs }> };
    const called = new Set(Object.values(definition.States).flatMap((s) => (s.Resource ? [s.Resource] : [])));
    expect(called).toEqual(new Set(Object.values(REVIEW_INTEGRATIONS)));

    const role = resourcesOf(tf, "aws_iam_role_policy").find(([n]) => n === "review_role_policy")![1];
    const allowed = documentOf(tf, role.policy).flatMap((s) => s.actions);
    // Athena .sync starts, polls and may stop the query; getQueryResults reads it; sns:publish sends the summary.
    // https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html
    expect(allowed.filter((a) => a.startsWith("athena:")).sort()).toEqual(["athena:GetDataCatalog", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StartQueryExecution", "athena:StopQueryExecution"]);
    expect(allowed.filter((a) => a.startsWith("sns:"))).toEqual(["sns:Publish"]);
    expect(allowed.filter((a) => !/^(athena|glue|s3|kms|sns):/.test(a))).toEqual([]);
    expect(allowed.filter((a) => /^(s3|glue):.*(Delete|Put(?!Object)|Create|Update)/.test(a))).toEqual([]);
    expect(allowed).not.toContain("lambda:InvokeFunction");
  });

  it("schedules: daily and weekly in the chosen time zone, starting the state machine through a role that may do only that", async () => {
    const tf = await presetTfJson(id);
    const schedules = resourcesOf(tf, "aws_scheduler_schedule").map(([, s]) => s);
    expect(schedules.map((s) => [s.schedule_expression, s.schedule_expression_timezone])).toEqual([
      ["cron(0 6 * * ? *)", "Europe/London"],
      ["cron(0 7 ? * MON *)", "Europe/London"],
    ]);
    for (const s of schedules) {
      const target = (s.target as Attrs[])[0] ?? (s.target as Attrs);
      expect(JSON.parse(String(target.input))).toEqual(expect.objectContaining({ days: expect.any(Number) }));
    }
    const policy = resourcesOf(tf, "aws_iam_role_policy").find(([n]) => n === "review_scheduler_policy")![1];
    expect(documentOf(tf, policy.policy)).toEqual([
      expect.objectContaining({ actions: ["states:StartExecution"], resources: [`arn:aws:states:${plan.homeRegion}:${plan.accounts.security.id}:stateMachine:${f.stateMachineName}`] }),
    ]);
  });
});

describe("uk-smb: forensics off", () => {
  it("has no Athena, Glue, Step Functions or Scheduler resources", async () => {
    const tf = await presetTfJson("uk-smb");
    for (const type of ["aws_glue_catalog_table", "aws_athena_workgroup", "aws_athena_named_query", "aws_sfn_state_machine", "aws_scheduler_schedule"]) expect(resourcesOf(tf, type), type).toEqual([]);
  });
});

// Test harness for the trail and monitoring constructs: a ReadableStack with
// stand-ins for what the other constructs provide (the estate key and the
// archive bucket policy), so each test sees real references and dependencies.
import { Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import type { ResolvedPlan } from "../../../src/model/plan.js";
import { ReadableStack } from "../../../src/constructs/readable-stack.js";
import { TrailLogGroup } from "../../../src/constructs/trail-log-group.js";
import { AuditTrail } from "../../../src/constructs/audit-trail.js";
import { AlertTopics } from "../../../src/constructs/alert-topics.js";
import { CisAlarms } from "../../../src/constructs/cis-alarms.js";
import { GuardrailScps } from "../../../src/constructs/guardrail-scps.js";

/** Terraform reference of the stand-in key's ARN. */
export const KEY_ARN_REF = "${aws_kms_key.stand_in_key.arn}";
/** Terraform address of the stand-in bucket policy the trail must wait for. */
export const BUCKET_POLICY_ADDRESS = "aws_s3_bucket_policy.stand_in_bucket_policy";

export interface Synthesized {
  readonly json: any;
  readonly stack: ReadableStack;
}

export function newStack(plan: ResolvedPlan) {
  const app = Testing.app();
  const stack = new ReadableStack(app, "test");
  new AwsProvider(stack, "aws", { region: plan.homeRegion });
  const key = new KmsKey(stack, "stand_in_key", { description: "stand-in for the estate key" });
  const bucketPolicy = new S3BucketPolicy(stack, "stand_in_bucket_policy", { bucket: plan.archive.name, policy: "{}" });
  return { stack, key, bucketPolicy };
}

/** The whole monitoring side of the estate for a plan, synthesized and parsed. */
export function synthMonitoring(plan: ResolvedPlan): Synthesized {
  const { stack, key, bucketPolicy } = newStack(plan);
  const logGroup = new TrailLogGroup(stack, "log_group", { plan, kmsKeyArn: key.arn });
  new AuditTrail(stack, "trail", {
    plan,
    bucketName: plan.archive.name,
    kmsKeyArn: key.arn,
    cloudWatchLogs: plan.trail.cloudWatchLogs ? logGroup : undefined,
    dependsOn: bucketPolicy,
  });
  const topics = new AlertTopics(stack, "alerts", { plan, kmsKeyArn: key.arn });
  new CisAlarms(stack, "cis_alarms", { plan, logGroupName: logGroup.logGroupName, topicArnByTier: topics.topicArnByTier });
  if (plan.guardrails) new GuardrailScps(stack, "guardrails", { plan, attachAfter: [bucketPolicy] });
  return { json: JSON.parse(Testing.synth(stack)), stack };
}

/** Every "type.name" address in a synthesized stack (data sources prefixed "data."). */
export function addresses(json: any): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
    for (const name of Object.keys(byName)) out.push(`${type}.${name}`);
  }
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.data ?? {})) {
    for (const name of Object.keys(byName)) out.push(`data.${type}.${name}`);
  }
  return out.sort();
}

// Test harness for the key and storage constructs: builds them on a ReadableStack with one
// aliased provider per account (organization plan) or the default provider (single account),
// and returns the synthesized JSON so tests can assert on exact attribute values.
import { Testing, type TerraformProvider } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import type { AccountRole, ResolvedPlan } from "../../src/model/plan.js";
import { ReadableStack } from "../../src/constructs/readable-stack.js";
import { CustomerKey } from "../../src/constructs/customer-key.js";
import { estateKeyStatements } from "../../src/policies/key-policies.js";
import { AccessLogBucket } from "../../src/constructs/access-log-bucket.js";
import { LogArchiveBucket } from "../../src/constructs/log-archive-bucket.js";
import { ConfigRecorder } from "../../src/constructs/config-recorder.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Storage {
  readonly stack: ReadableStack;
  readonly json: Json;
  readonly key: CustomerKey;
  readonly accessLogs: AccessLogBucket;
  readonly archive: LogArchiveBucket;
  readonly config: ConfigRecorder | undefined;
}

export function providersFor(stack: ReadableStack, plan: ResolvedPlan): AccountProviders {
  const made = new Map<string, TerraformProvider>();
  const out = {} as AccountProviders;
  let defaultMade = false;
  for (const role of ["management", "logArchive", "security"] as const) {
    const account = plan.accounts[role];
    if (!account.providerAlias) {
      if (!defaultMade) new AwsProvider(stack, "aws", { region: plan.homeRegion });
      defaultMade = true;
      out[role] = undefined;
      continue;
    }
    let p = made.get(account.providerAlias);
    if (!p) {
      p = new AwsProvider(stack, `aws_${account.providerAlias}`, {
        alias: account.providerAlias,
        region: plan.homeRegion,
        ...(account.assumeRoleArn ? { assumeRole: [{ roleArn: account.assumeRoleArn }] } : {}),
      });
      made.set(account.providerAlias, p);
    }
    out[role] = p;
  }
  return out;
}

export type AccountProviders = Record<AccountRole, TerraformProvider | undefined>;
export type StorageConstructs = Omit<Storage, "stack" | "json">;

/** Adds the key and storage constructs; `prefix` lets several plans share one stack. */
export function addStorage(stack: ReadableStack, plan: ResolvedPlan, p: AccountProviders, prefix = ""): StorageConstructs {
  const key = new CustomerKey(stack, `${prefix}estate_key`, { key: plan.key, statements: estateKeyStatements(plan), provider: p[plan.key.account] });
  const accessLogs = new AccessLogBucket(stack, `${prefix}access_logs`, { plan, provider: p.logArchive });
  const archive = new LogArchiveBucket(stack, `${prefix}log_archive`, {
    plan,
    provider: p.logArchive,
    kmsKeyArn: key.keyArn,
    accessLogBucket: accessLogs,
  });
  const config = plan.config
    ? new ConfigRecorder(stack, `${prefix}config`, { plan, providers: p, kmsKeyArn: key.keyArn, accessLogBucket: accessLogs })
    : undefined;
  return { key, accessLogs, archive, config };
}

export function buildStorage(plan: ResolvedPlan): Storage {
  const stack = new ReadableStack(Testing.app(), "estate");
  const constructs = addStorage(stack, plan, providersFor(stack, plan));
  return { stack, json: JSON.parse(Testing.synth(stack)), ...constructs };
}

/** A policy document data source's statements keyed by Sid. */
export function statementsBySid(json: Json, dataId: string): Record<string, Json> {
  const doc = json.data?.aws_iam_policy_document?.[dataId];
  if (!doc) throw new Error(`no aws_iam_policy_document.${dataId}`);
  const out: Record<string, Json> = {};
  for (const s of doc.statement) {
    if (!s.sid) throw new Error(`statement without sid in ${dataId}`);
    if (out[s.sid]) throw new Error(`duplicate sid ${s.sid} in ${dataId}`);
    out[s.sid] = s;
  }
  return out;
}

/** Condition values of one statement as { "<test> <variable>": values }. */
export function conditions(statement: Json): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of statement.condition ?? []) out[`${c.test} ${c.variable}`] = c.values;
  return out;
}

/** Every `resource.<type>.<name>` address in the synthesized JSON, sorted. */
export function addresses(json: Json): string[] {
  const out: string[] = [];
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const name of Object.keys(byName as object)) out.push(`${type}.${name}`);
  }
  for (const [type, byName] of Object.entries(json.data ?? {})) {
    for (const name of Object.keys(byName as object)) out.push(`data.${type}.${name}`);
  }
  return out.sort();
}

// The generated policy documents, as the IAM JSON AWS would evaluate after apply.
// Each `data "aws_iam_policy_document"` is found through the resource it is
// attached to (bucket policy, key policy, topic policy, SCP + attachment), so a
// test of "the archive bucket's policy" tests the document actually wired to
// that bucket. Terraform references are replaced by the concrete values the plan
// knows; any reference this file does not map fails the test instead of
// leaving a `${...}` that would match nothing (or everything) in the evaluator.
import type { ResolvedPlan } from "../../src/model/plan.js";
import type { TfJson } from "../helpers/estate-cache.js";

export type Json = Record<string, unknown>;

export interface IamStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action?: string[];
  readonly NotAction?: string[];
  readonly Resource?: string[];
  readonly NotResource?: string[];
  readonly Principal?: "*" | Record<string, string[]>;
  readonly NotPrincipal?: "*" | Record<string, string[]>;
  readonly Condition?: Record<string, Record<string, string[]>>;
}

export interface IamPolicy {
  readonly Version: "2012-10-17";
  readonly Statement: readonly IamStatement[];
}

export interface AttachedScp {
  readonly name: string;
  readonly policy: IamPolicy;
}

export interface EstatePolicies {
  /** Bucket policy by bucket name (plan.archive.name, plan.accessLogs.name, plan.config.bucketName). */
  readonly bucket: (name: string) => IamPolicy;
  /** The estate key's policy (security account): log files, archive and Config buckets. */
  readonly key: IamPolicy;
  /** The monitoring key's policy (management account): log group and topics. */
  readonly monitoringKey: IamPolicy;
  /** Topic policy by topic name (plan.topics[].name). */
  readonly topic: (name: string) => IamPolicy;
  /** SCPs attached to the organization root, in attachment-name order. */
  readonly rootScps: readonly AttachedScp[];
}

/**
 * Concrete values for what only exists after apply. The key id is a fixed
 * UUID; the root id has the documented `r-` shape.
 */
export const AFTER_APPLY = {
  keyId: "0f3c2d1e-7a6b-4c5d-9e8f-0123456789ab",
  monitoringKeyId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  rootId: "r-ab12",
} as const;

/** The estate key's ARN after apply, in the account the plan puts it in. */
export function keyArn(plan: ResolvedPlan): string {
  return `arn:aws:kms:${plan.homeRegion}:${plan.accounts[plan.key.account].id}:key/${AFTER_APPLY.keyId}`;
}

/** The monitoring key's ARN after apply. */
export function monitoringKeyArn(plan: ResolvedPlan): string {
  return `arn:aws:kms:${plan.homeRegion}:${plan.accounts[plan.monitoringKey.account].id}:key/${AFTER_APPLY.monitoringKeyId}`;
}

const STATEMENT_FIELDS = new Set(["sid", "effect", "actions", "not_actions", "resources", "not_resources", "principals", "not_principals", "condition"]);

type Attrs = Record<string, unknown>;

/** Account that a provider alias (`aws.log_archive`, or the default `aws`) deploys into. */
function accountOfProvider(plan: ResolvedPlan, provider: unknown): string {
  if (provider === undefined || provider === "aws") {
    if (plan.topology !== "single-account") throw new Error("a resource of an organization estate uses the default provider");
    return plan.accounts.management.id;
  }
  const alias = String(provider).replace(/^aws\./, "");
  const account = Object.values(plan.accounts).find((a) => a.providerAlias === alias);
  if (!account) throw new Error(`provider ${String(provider)} is not one of the plan's accounts`);
  return account.id;
}

function resourceOf(tf: TfJson, type: string, name: string): Attrs {
  const found = tf.resource[type]?.[name];
  if (!found) throw new Error(`reference to ${type}.${name}, which the estate does not define`);
  return found;
}

function planBucketNames(plan: ResolvedPlan): string[] {
  return [
    plan.archive.name,
    plan.accessLogs.name,
    ...(plan.config && plan.config.recorderAccounts.length > 0 ? [plan.config.bucketName] : []),
    ...(plan.forensics ? [plan.forensics.resultsBucket.name] : []),
  ];
}

/** The concrete value of one Terraform reference, or an error naming it. */
function resolveReference(expression: string, tf: TfJson, plan: ResolvedPlan): string {
  let m = /^aws_s3_bucket\.([\w-]+)\.(id|bucket|arn)$/.exec(expression);
  if (m) {
    const name = String(resourceOf(tf, "aws_s3_bucket", m[1]!).bucket);
    if (!planBucketNames(plan).includes(name)) throw new Error(`bucket ${name} is not one the plan names`);
    return m[2] === "arn" ? `arn:aws:s3:::${name}` : name;
  }
  m = /^aws_sns_topic\.([\w-]+)\.arn$/.exec(expression);
  if (m) {
    const topic = resourceOf(tf, "aws_sns_topic", m[1]!);
    const name = String(topic.name);
    if (!plan.topics.some((t) => t.name === name)) throw new Error(`topic ${name} is not one the plan names`);
    return `arn:aws:sns:${plan.homeRegion}:${accountOfProvider(plan, topic.provider)}:${name}`;
  }
  m = /^aws_kms_key\.([\w-]+)\.arn$/.exec(expression);
  if (m) {
    resourceOf(tf, "aws_kms_key", m[1]!);
    if (m[1] === "estate_key") return keyArn(plan);
    if (m[1] === "monitoring_key") return monitoringKeyArn(plan);
    throw new Error(`KMS key ${m[1]} is neither the estate nor the monitoring key`);
  }
  if (/^data\.aws_organizations_organization\.[\w-]+\.roots\[0\]\.id$/.test(expression)) return AFTER_APPLY.rootId;
  throw new Error(`unmapped Terraform reference \${${expression}}: map it in test/policies/estate-policies.ts`);
}

/** Replaces every `${...}` in `value`; throws on any reference it cannot map. */
export function substitute(value: string, tf: TfJson, plan: ResolvedPlan): string {
  const out = value.replace(/\$\{([^}]*)\}/g, (_whole, expression: string) => resolveReference(expression, tf, plan));
  if (out.includes("${")) throw new Error(`unresolved interpolation left in ${value}`);
  return out;
}

function principalElement(blocks: Attrs[], tf: TfJson, plan: ResolvedPlan): "*" | Record<string, string[]> {
  if (blocks.some((b) => b.type === "*")) {
    if (blocks.length !== 1 || JSON.stringify(blocks[0]!.identifiers) !== '["*"]') throw new Error("a `*` principal mixed with others");
    return "*";
  }
  const out: Record<string, string[]> = {};
  for (const block of blocks) {
    const ids = (block.identifiers as string[]).map((id) => substitute(id, tf, plan));
    (out[String(block.type)] ??= []).push(...ids);
  }
  return out;
}

function toStatement(st: Attrs, where: string, tf: TfJson, plan: ResolvedPlan): IamStatement {
  for (const key of Object.keys(st)) if (!STATEMENT_FIELDS.has(key)) throw new Error(`${where}: statement field ${key} is not converted`);
  if (typeof st.sid !== "string" || st.sid === "") throw new Error(`${where}: a statement without a Sid cannot be named by a test`);
  const list = (v: unknown) => (v === undefined ? undefined : (v as string[]).map((s) => substitute(s, tf, plan)));
  let condition: Record<string, Record<string, string[]>> | undefined;
  for (const c of (st.condition as Attrs[] | undefined) ?? []) {
    condition ??= {};
    const byKey = (condition[String(c.test)] ??= {});
    const key = String(c.variable);
    if (byKey[key]) throw new Error(`${where}/${st.sid}: ${c.test} ${key} given twice (Terraform would AND them; IAM JSON cannot)`);
    byKey[key] = (c.values as string[]).map((v) => substitute(v, tf, plan));
  }
  const statement: IamStatement = {
    Sid: st.sid,
    Effect: st.effect === undefined ? "Allow" : (st.effect as "Allow" | "Deny"),
    Action: list(st.actions),
    NotAction: list(st.not_actions),
    Resource: list(st.resources),
    NotResource: list(st.not_resources),
    Principal: st.principals ? principalElement(st.principals as Attrs[], tf, plan) : undefined,
    NotPrincipal: st.not_principals ? principalElement(st.not_principals as Attrs[], tf, plan) : undefined,
    Condition: condition,
  };
  // Drop absent elements so validators see the JSON Terraform would render.
  return Object.fromEntries(Object.entries(statement).filter(([, v]) => v !== undefined)) as unknown as IamStatement;
}

/** `${data.aws_iam_policy_document.NAME.json}` (or `.minified_json`) -> the converted document. */
export function documentFromReference(reference: unknown, tf: TfJson, plan: ResolvedPlan): IamPolicy {
  const m = /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.(json|minified_json)\}$/.exec(String(reference));
  if (!m) throw new Error(`policy ${String(reference)} is not a reference to an aws_iam_policy_document`);
  const doc = tf.data?.aws_iam_policy_document?.[m[1]!];
  if (!doc) throw new Error(`no aws_iam_policy_document ${m[1]}`);
  const unknownFields = Object.keys(doc).filter((k) => k !== "statement" && k !== "provider");
  if (unknownFields.length > 0) throw new Error(`aws_iam_policy_document ${m[1]} has ${unknownFields.join(", ")}, which the converter ignores`);
  return {
    Version: "2012-10-17",
    Statement: (doc.statement as Attrs[]).map((st) => toStatement(st, m[1]!, tf, plan)),
  };
}

function only<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
}

export function estatePolicies(tf: TfJson, plan: ResolvedPlan): EstatePolicies {
  const bucketPolicies = new Map<string, IamPolicy>();
  for (const [name, bp] of Object.entries(tf.resource.aws_s3_bucket_policy ?? {})) {
    const bucket = substitute(String(bp.bucket), tf, plan);
    if (bucketPolicies.has(bucket)) throw new Error(`two bucket policies for ${bucket} (${name})`);
    bucketPolicies.set(bucket, documentFromReference(bp.policy, tf, plan));
  }
  const topicPolicies = new Map<string, IamPolicy>();
  for (const tp of Object.values(tf.resource.aws_sns_topic_policy ?? {})) {
    const topicName = substitute(String(tp.arn), tf, plan).split(":").pop()!;
    topicPolicies.set(topicName, documentFromReference(tp.policy, tf, plan));
  }
  const keys = tf.resource.aws_kms_key ?? {};
  const key = documentFromReference(only(Object.entries(keys).filter(([n]) => n === "estate_key"), "estate key")[1].policy, tf, plan);
  const monitoringKey = documentFromReference(only(Object.entries(keys).filter(([n]) => n === "monitoring_key"), "monitoring key")[1].policy, tf, plan);

  const rootScps: AttachedScp[] = [];
  const policies = tf.resource.aws_organizations_policy ?? {};
  for (const [attachmentName, attachment] of Object.entries(tf.resource.aws_organizations_policy_attachment ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (substitute(String(attachment.target_id), tf, plan) !== AFTER_APPLY.rootId) throw new Error(`${attachmentName} is not attached at the organization root`);
    const m = /^\$\{aws_organizations_policy\.([\w-]+)\.id\}$/.exec(String(attachment.policy_id));
    const policy = m ? policies[m[1]!] : undefined;
    if (!policy || policy.type !== "SERVICE_CONTROL_POLICY") throw new Error(`${attachmentName} does not attach an SCP of this estate`);
    rootScps.push({ name: String(policy.name), policy: documentFromReference(policy.content, tf, plan) });
  }

  return {
    bucket: (name) => {
      const p = bucketPolicies.get(name);
      if (!p) throw new Error(`no bucket policy on ${name} (have ${[...bucketPolicies.keys()].join(", ")})`);
      return p;
    },
    key,
    monitoringKey,
    topic: (name) => {
      const p = topicPolicies.get(name);
      if (!p) throw new Error(`no topic policy on ${name} (have ${[...topicPolicies.keys()].join(", ")})`);
      return p;
    },
    rootScps,
  };
}

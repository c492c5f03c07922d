// Composes the constructs into one stack from a resolved plan. The construct
// ids used here are Terraform addresses: a contract (see readable-stack.ts).
import type { App, TerraformProvider } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { CallerProvidedAws } from "./caller-provider.js";
import { addEstateOutputs } from "./estate-outputs.js";
import { addWorkspaces } from "./workspaces-estate.js";
import { finishAsModule } from "./module-mode.js";
import { AccessLogBucket } from "../constructs/access-log-bucket.js";
import { AlertTopics } from "../constructs/alert-topics.js";
import { AuditTrail } from "../constructs/audit-trail.js";
import { CisAlarms } from "../constructs/cis-alarms.js";
import { ConfigRecorder } from "../constructs/config-recorder.js";
import { EstateKey } from "../constructs/estate-key.js";
import { GuardrailScps } from "../constructs/guardrail-scps.js";
import { LogArchiveBucket } from "../constructs/log-archive-bucket.js";
import { ReadableStack } from "../constructs/readable-stack.js";
import { TrailLogGroup } from "../constructs/trail-log-group.js";
import type { AccountPlan, AccountRole, ResolvedPlan } from "../model/plan.js";

/** Admits the provider these machines validate with (5.100) and the 6.x the bindings target. */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.100.0, < 7.0.0";
export const STACK_ID = "estate";

function providerFor(stack: ReadableStack, account: AccountPlan, plan: ResolvedPlan): TerraformProvider {
  // Provider construct ids never reach Terraform (the alias does); prefix them so they cannot clash with resources.
  const id = `provider_${account.providerAlias ?? "default"}`;
  // Module mode: the caller configures the providers and passes them in (caller-provider.ts).
  if (plan.output.mode === "module") return new CallerProvidedAws(stack, id, account.providerAlias);
  return new AwsProvider(stack, id, {
    region: plan.homeRegion,
    ...(account.providerAlias ? { alias: account.providerAlias } : {}),
    ...(account.assumeRoleArn ? { assumeRole: [{ roleArn: account.assumeRoleArn, sessionName: "trailwright" }] } : {}),
    // Refuse to apply with credentials for the wrong account: evidence must land where the plan says.
    allowedAccountIds: [account.id],
    defaultTags: [{ tags: { ...plan.tags } }],
  });
}

/** One provider per distinct account role; single-account topology shares the default provider. */
function providers(stack: ReadableStack, plan: ResolvedPlan): Record<AccountRole, TerraformProvider> {
  const management = providerFor(stack, plan.accounts.management, plan);
  if (plan.topology !== "organization") return { management, logArchive: management, security: management };
  return {
    management,
    logArchive: providerFor(stack, plan.accounts.logArchive, plan),
    security: providerFor(stack, plan.accounts.security, plan),
  };
}

export function buildEstateStack(app: App, plan: ResolvedPlan): ReadableStack {
  const stack = new ReadableStack(app, STACK_ID);
  stack.addOverride("terraform.required_providers.aws", { source: "hashicorp/aws", version: AWS_PROVIDER_CONSTRAINT });
  const p = providers(stack, plan);

  const key = new EstateKey(stack, "estate", { plan, provider: p.management });
  const accessLogs = new AccessLogBucket(stack, "access_logs", { plan, provider: p.logArchive });
  const archive = new LogArchiveBucket(stack, "log_archive", {
    plan,
    kmsKeyArn: key.keyArn,
    provider: p.logArchive,
    accessLogBucket: accessLogs,
  });
  const logGroup = new TrailLogGroup(stack, "log_group", { plan, kmsKeyArn: key.keyArn, provider: p.management });
  const trail = new AuditTrail(stack, "trail", {
    plan,
    bucketName: archive.bucketName,
    kmsKeyArn: key.keyArn,
    ...(plan.trail.cloudWatchLogs ? { cloudWatchLogs: logGroup } : {}),
    dependsOn: [archive.policy, key.key],
    provider: p.management,
  });
  const topics = new AlertTopics(stack, "alerts", { plan, kmsKeyArn: key.keyArn, provider: p.management });
  // CisAlarms adds the optional dashboard itself when plan.dashboard is set.
  new CisAlarms(stack, "cis_alarms", {
    plan,
    logGroupName: logGroup.logGroupName,
    topicArnByTier: topics.topicArnByTier,
    provider: p.management,
  });
  addWorkspaces(stack, plan, {
    provider: p.management,
    kmsKeyArn: key.keyArn,
    trailLogGroupName: logGroup.logGroupName,
    topicArnByTier: topics.topicArnByTier,
  });
  const config = plan.config
    ? new ConfigRecorder(stack, "config", { plan, provider: p.management, bucketProvider: p.logArchive, accessLogBucket: accessLogs })
    : undefined;
  const guardrails = plan.guardrails
    ? new GuardrailScps(stack, "guardrails", {
        plan,
        provider: p.management,
        attachAfter: [
          trail.trail,
          archive.policy,
          accessLogs.policy,
          ...(archive.lifecycle ? [archive.lifecycle] : []),
          ...(config ? [config.bucketPolicy, config.recorderStatus] : []),
        ],
      })
    : undefined;
  addEstateOutputs(stack, { trail, key, archive, accessLogs, logGroup, topics, config, guardrails });
  if (plan.output.mode === "module") finishAsModule(stack, plan, p);
  return stack;
}

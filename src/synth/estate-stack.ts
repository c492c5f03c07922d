// Composes the constructs into one stack from a resolved plan. The construct
// ids used here are Terraform addresses: a contract (see readable-stack.ts).
import type { App, TerraformProvider } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { CallerProvidedAws } from "./caller-provider.js";
import { addEstateOutputs } from "./estate-outputs.js";
import { addWorkspaces } from "./workspaces-estate.js";
import { memberRoleName, memberRoleVariable, usesMemberRole } from "./member-role.js";
import { finishAsModule } from "./module-mode.js";
import { AccessLogBucket } from "../constructs/access-log-bucket.js";
import { AlertTopics } from "../constructs/alert-topics.js";
import { AuditTrail } from "../constructs/audit-trail.js";
import { CisAlarms } from "../constructs/cis-alarms.js";
import { ConfigRecorder } from "../constructs/config-recorder.js";
import { CustomerKey } from "../constructs/customer-key.js";
import { DeliveryHealthAlarm } from "../constructs/delivery-health-alarm.js";
import { estateKeyStatements, monitoringKeyStatements } from "../policies/key-policies.js";
import { ESTATE_COMPONENTS } from "../docs/estate-components.js";
import { QUERY_CHECKS } from "../query/catalog/index.js";
import { reviewTiers } from "../query/estate/forensic-grants.js";
import { ForensicQuery } from "../constructs/forensic-query.js";
import { GuardrailScps } from "../constructs/guardrail-scps.js";
import { LogReview } from "../constructs/log-review.js";
import { LogArchiveBucket } from "../constructs/log-archive-bucket.js";
import { ReadableStack } from "../constructs/readable-stack.js";
import { TrailLogGroup } from "../constructs/trail-log-group.js";
import type { AccountPlan, AccountRole, ResolvedPlan } from "../model/plan.js";
import { partRole, type PlacedPart } from "../plan/placement.js";

/** Admits the provider these machines validate with (5.100) and the 6.x the bindings target. */
export const AWS_PROVIDER_CONSTRAINT = ">= 5.100.0, < 7.0.0";
export const STACK_ID = "estate";

function providerFor(stack: ReadableStack, account: AccountPlan, plan: ResolvedPlan, memberRole?: (accountId: string) => string): TerraformProvider {
  // Provider construct ids never reach Terraform (the alias does); prefix them so they cannot clash with resources.
  const id = `provider_${account.providerAlias ?? "default"}`;
  // Module mode: the caller configures the providers and passes them in (caller-provider.ts).
  if (plan.output.mode === "module") return new CallerProvidedAws(stack, id, account.providerAlias);
  return new AwsProvider(stack, id, {
    region: plan.homeRegion,
    ...(account.providerAlias ? { alias: account.providerAlias } : {}),
    // Management runs on the caller's own credentials unless the user named a role: Organizations
    // creates OrganizationAccountAccessRole only in member accounts it creates
    // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html), so
    // there is no such role to assume in management. Members are reached through the deploy
    // role bootstrap/ creates (reference/organization.md A: the SRA and AFT pattern).
    ...(account.assumeRoleArn ? { assumeRole: [{ roleArn: memberRole?.(account.id) ?? account.assumeRoleArn, sessionName: "trailwright" }] } : {}),
    // Refuse to apply with credentials for the wrong account: evidence must land where the plan says
    // (https://registry.terraform.io/providers/hashicorp/aws/latest/docs#allowed_account_ids).
    allowedAccountIds: [account.id],
    defaultTags: [{ tags: { ...plan.tags } }],
  });
}

/**
 * One provider per distinct account role; single-account topology shares the
 * default provider. Root mode reaches member accounts through the
 * member_role_name variable (member-role.ts), returned for other member-account providers.
 */
function providers(stack: ReadableStack, plan: ResolvedPlan): Record<AccountRole, TerraformProvider> & { memberRole?: (accountId: string) => string } {
  const management = providerFor(stack, plan.accounts.management, plan);
  if (plan.topology !== "organization") return { management, logArchive: management, security: management };
  const memberRole = usesMemberRole(plan) ? memberRoleVariable(stack, memberRoleName(plan)) : undefined;
  return {
    management,
    logArchive: providerFor(stack, plan.accounts.logArchive, plan, memberRole),
    security: providerFor(stack, plan.accounts.security, plan, memberRole),
    ...(memberRole ? { memberRole } : {}),
  };
}

export function buildEstateStack(app: App, plan: ResolvedPlan): ReadableStack {
  const stack = new ReadableStack(app, STACK_ID);
  stack.addOverride("terraform.required_providers.aws", { source: "hashicorp/aws", version: AWS_PROVIDER_CONSTRAINT });
  const p = providers(stack, plan);
  // Each part's account comes from src/plan/placement.ts, which the documents also read.
  const at = (part: PlacedPart) => p[partRole(plan, part)];

  // SRA's split (reference/organization.md B): the estate key in security, apart from the data
  // (log-archive) and from management; the monitoring key beside the log group and topics it
  // encrypts, since CloudWatch Logs and SNS use it in their own account.
  const key = new CustomerKey(stack, "estate", { key: plan.key, statements: estateKeyStatements(plan), provider: at("key") });
  const monitoringKey = new CustomerKey(stack, "monitoring", {
    key: plan.monitoringKey,
    statements: monitoringKeyStatements(plan),
    provider: at("monitoringKey"),
  });
  const accessLogs = new AccessLogBucket(stack, "access_logs", { plan, provider: at("accessLogs") });
  const archive = new LogArchiveBucket(stack, "log_archive", {
    plan,
    kmsKeyArn: key.keyArn,
    provider: at("archive"),
    accessLogBucket: accessLogs,
  });
  const logGroup = new TrailLogGroup(stack, "log_group", { plan, kmsKeyArn: monitoringKey.keyArn, provider: at("logGroup") });
  const trail = new AuditTrail(stack, "trail", {
    plan,
    bucketName: archive.bucketName,
    kmsKeyArn: key.keyArn,
    ...(plan.trail.cloudWatchLogs ? { cloudWatchLogs: logGroup } : {}),
    // The key (its policy is inline) and everything the first delivery relies on.
    dependsOn: [key.key, ...archive.firstDeliveryPrerequisites],
    provider: at("trail"),
  });
  const topics = new AlertTopics(stack, "alerts", { plan, kmsKeyArn: monitoringKey.keyArn, provider: at("topics") });
  // CisAlarms adds the optional dashboard itself when plan.dashboard is set.
  new CisAlarms(stack, "cis_alarms", {
    plan,
    logGroupName: logGroup.logGroupName,
    topicArnByTier: topics.topicArnByTier,
    provider: at("alarms"),
  });
  addWorkspaces(
    stack,
    plan,
    {
      provider: at("alarms"),
      // WorkSpaces log groups in management sit beside the trail's: the monitoring key.
      kmsKeyArn: monitoringKey.keyArn,
      trailLogGroupName: logGroup.logGroupName,
      topicArnByTier: topics.topicArnByTier,
    },
    p.memberRole,
  );
  const healthTopic = topics.topicArnByTier[plan.deliveryHealth.tier];
  if (!healthTopic) throw new Error(`buildEstateStack: the delivery-health alarm's ${plan.deliveryHealth.tier} tier has no topic`);
  new DeliveryHealthAlarm(stack, "delivery_health", {
    health: plan.deliveryHealth,
    alarmName: `${plan.name}-trail-delivery-stopped`,
    logGroupName: logGroup.logGroupName,
    topicArn: healthTopic,
    provider: at("alarms"),
  });
  const config = plan.config
    ? new ConfigRecorder(stack, "config", { plan, providers: p, kmsKeyArn: key.keyArn, accessLogBucket: accessLogs })
    : undefined;
  const guardrails = plan.guardrails
    ? new GuardrailScps(stack, "guardrails", {
        plan,
        provider: at("guardrails"),
        attachAfter: [
          trail.trail,
          key.key,
          archive.policy,
          accessLogs.policy,
          ...(archive.lifecycle ? [archive.lifecycle] : []),
          ...(config?.bucketPolicy ? [config.bucketPolicy] : []),
          ...(config ? config.recorderStatuses : []),
        ],
      })
    : undefined;
  if (plan.forensics) {
    // Athena, the named queries and the reviews: the security account with the estate key, apart from the evidence (CONTRACT: issue 10).
    const forensics = new ForensicQuery(stack, ESTATE_COMPONENTS.forensics, {
      plan,
      kmsKeyArn: key.keyArn,
      provider: at("forensics"),
      checks: QUERY_CHECKS.filter((c) => c.id !== "daily-review"),
    });
    const tiers = reviewTiers(plan);
    if (tiers) {
      new LogReview(stack, ESTATE_COMPONENTS.review, {
        plan,
        kmsKeyArn: key.keyArn,
        infoTopicArn: topics.topicArnByTier[tiers.info]!,
        warningTopicArn: topics.topicArnByTier[tiers.warning]!,
        // The topics are encrypted with the monitoring key (management): the review encrypts for it.
        topicKeyArn: monitoringKey.keyArn,
        workgroupName: forensics.workgroup.name,
        databaseName: forensics.database.name,
        provider: at("forensics"),
      });
    }
  }
  addEstateOutputs(stack, { trail, key, monitoringKey, archive, accessLogs, logGroup, topics, config, guardrails });
  if (plan.output.mode === "module") finishAsModule(stack, plan, p);
  return stack;
}

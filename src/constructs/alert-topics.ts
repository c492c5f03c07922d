import { createHash } from "node:crypto";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy/index.js";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
import { topicPublishStatements } from "../query/estate/forensic-grants.js";
import type { AlertTier, ResolvedPlan, TopicPlan } from "../model/plan.js";

export interface AlertTopicsProps {
  /** The resolved plan; reads `topics`, `accounts.management`, `homeRegion`. */
  readonly plan: ResolvedPlan;
  /**
   * ARN of the customer-managed estate key (SNS.1). Must be a CMK whose policy
   * lets cloudwatch.amazonaws.com use it: `alias/aws/sns` cannot, and alarms
   * then deliver nothing without an error (pitfall 11). No default.
   */
  readonly kmsKeyArn: string;
  /** Provider for the management account (alarms need a topic in their own region). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
  /** The topics to create. Default: `plan.topics` (the management account's). */
  readonly topics?: readonly TopicPlan[];
  /** Account whose alarms may publish (the provider's account). Default: the management account. */
  readonly accountId?: string;
  /** Region of those alarms (the provider's region). Default: `plan.homeRegion`. */
  readonly region?: string;
}

/** One tier's topic and its subscriptions. */
export interface AlertTopic {
  readonly tier: AlertTier;
  readonly topic: SnsTopic;
  readonly subscriptions: readonly SnsTopicSubscription[];
}

/**
 * One encrypted SNS topic per alert tier, publishable only by this account's
 * CloudWatch alarms (and, with forensics, the log review role on the tiers its
 * summary goes to), with an email subscription per address.
 */
export class AlertTopics extends Construct {
  public readonly topicArnByTier: Readonly<Partial<Record<AlertTier, string>>>;
  public readonly topics: readonly AlertTopic[];

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    const { plan, provider } = props;
    const seen = new Set<AlertTier>();
    const arns: Partial<Record<AlertTier, string>> = {};
    const topics: AlertTopic[] = [];
    const mgmt = props.accountId ?? plan.accounts.management.id;
    const region = props.region ?? plan.homeRegion;
    const partition = plan.trail.arn.split(":")[1] ?? "aws";

    for (const t of props.topics ?? plan.topics) {
      if (seen.has(t.tier)) throw new Error(`AlertTopics: plan.topics has two "${t.tier}" topics; keep one per tier`);
      seen.add(t.tier);
      // Tiers are fixed words, so `alerts/<tier>/...` addresses never move.
      const tier = new Construct(this, t.tier);
      const topic = new SnsTopic(tier, "topic", { provider, name: t.name, kmsMasterKeyId: props.kmsKeyArn });
      const doc = new DataAwsIamPolicyDocument(tier, "policy_document", {
        provider,
        statement: [
          {
            sid: "CloudWatchAlarmsPublish",
            effect: "Allow",
            principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
            actions: ["sns:Publish"],
            resources: [topic.arn],
            // Only alarms of this account (confused deputy; CKV_AWS_169 / CKV_AWS_385).
            condition: [
              { test: "StringEquals", variable: "aws:SourceAccount", values: [mgmt] },
              { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:${partition}:cloudwatch:${region}:${mgmt}:alarm:*`] },
            ],
          },
          {
            // Replaces SNS's default "*"-with-SourceOwner statement: naming the
            // account delegates to its IAM policies and is never public.
            sid: "OwnerAccountManage",
            effect: "Allow",
            principals: [{ type: "AWS", identifiers: [`arn:${partition}:iam::${mgmt}:root`] }],
            actions: [
              "sns:GetTopicAttributes",
              "sns:SetTopicAttributes",
              "sns:AddPermission",
              "sns:RemovePermission",
              "sns:DeleteTopic",
              "sns:Subscribe",
              "sns:ListSubscriptionsByTopic",
              "sns:Publish",
            ],
            resources: [topic.arn],
          },
          // The scheduled review (security account) publishes its summary to the info and warning tiers.
          ...topicPublishStatements(plan, t.tier, topic.arn),
        ],
      });
      new SnsTopicPolicy(tier, "policy", { provider, arn: topic.arn, policy: doc.json });

      const subscriptions = subscriptionIds(t).map(
        ({ id: subId, email }) =>
          new SnsTopicSubscription(tier, subId, { provider, topicArn: topic.arn, protocol: "email", endpoint: email }),
      );
      arns[t.tier] = topic.arn;
      topics.push({ tier: t.tier, topic, subscriptions });
    }
    this.topicArnByTier = Object.freeze(arns);
    this.topics = topics;
  }
}

/**
 * Construct ids for a topic's email subscriptions, derived from the address so
 * that reordering or removing one address never re-creates (and re-confirms)
 * the others, as index-based ids would. Exported for tests.
 */
export function subscriptionIds(topic: TopicPlan): { id: string; email: string }[] {
  const keys = topic.emails.map((e) => e.trim().toLowerCase());
  const base = keys.map((k) => `email_${k.replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "")}`);
  return keys.map((key, i) => {
    if (keys.indexOf(key) !== i) throw new Error(`AlertTopics: ${key} is listed twice for the ${topic.tier} topic`);
    const id = base[i] as string;
    // Two addresses that sanitize alike (a.b@x vs a_b@x) get a short digest
    // of the exact address, which is as stable as the address itself.
    const clash = base.filter((b) => b === id).length > 1;
    return {
      id: clash ? `${id}_${createHash("sha256").update(key).digest("hex").slice(0, 8)}` : id,
      email: (topic.emails[i] as string).trim(),
    };
  });
}

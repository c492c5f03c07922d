import { describe, expect, it } from "vitest";
import { Testing } from "cdktf";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy/index.js";
import { AlertTopics, subscriptionIds } from "../../src/constructs/alert-topics.js";
import { organizationPlan, singleAccountPlan } from "../fixtures/sample-plans.js";
import { KEY_ARN_REF, addresses, newStack, synthMonitoring } from "./support/monitoring-stack.js";

describe.each([
  ["organization", organizationPlan],
  ["single-account", singleAccountPlan],
] as const)("AlertTopics (%s)", (_label, plan) => {
  const { json } = synthMonitoring(plan);
  const topics = json.resource.aws_sns_topic;

  it("creates one topic per tier, each encrypted with the key passed in (SNS.1, pitfall 11)", () => {
    expect(topics).toEqual({
      alerts_critical_topic: { name: "acme-audit-alerts-critical", kms_master_key_id: KEY_ARN_REF },
      alerts_warning_topic: { name: "acme-audit-alerts-warning", kms_master_key_id: KEY_ARN_REF },
      alerts_info_topic: { name: "acme-audit-alerts-info", kms_master_key_id: KEY_ARN_REF },
    });
  });

  it("lets only this account's alarms publish, and names the owner account instead of '*'", () => {
    for (const tier of ["critical", "warning", "info"]) {
      const topicArn = `\${aws_sns_topic.alerts_${tier}_topic.arn}`;
      expect(json.resource.aws_sns_topic_policy[`alerts_${tier}_policy`]).toEqual({
        arn: topicArn,
        policy: `\${data.aws_iam_policy_document.alerts_${tier}_policy_document.json}`,
      });
      const [publish, owner, ...rest] = json.data.aws_iam_policy_document[`alerts_${tier}_policy_document`].statement;
      expect(rest).toEqual([]);
      expect(publish).toEqual({
        sid: "CloudWatchAlarmsPublish",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
        actions: ["sns:Publish"],
        resources: [topicArn],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
          { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:cloudwatch:eu-west-2:111111111111:alarm:*"] },
        ],
      });
      expect(owner.principals).toEqual([{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }]);
      expect(owner.resources).toEqual([topicArn]);
      expect(owner.condition).toBeUndefined();
    }
  });

  it("subscribes each address by email, with ids derived from the address", () => {
    expect(json.resource.aws_sns_topic_subscription).toEqual({
      alerts_critical_email_secops_example_com: { topic_arn: "${aws_sns_topic.alerts_critical_topic.arn}", protocol: "email", endpoint: "secops@example.com" },
      alerts_warning_email_secops_example_com: { topic_arn: "${aws_sns_topic.alerts_warning_topic.arn}", protocol: "email", endpoint: "secops@example.com" },
      alerts_info_email_platform_example_com: { topic_arn: "${aws_sns_topic.alerts_info_topic.arn}", protocol: "email", endpoint: "platform@example.com" },
    });
  });
});

describe("AlertTopics addresses (a contract: renaming one re-creates a topic and its subscriptions)", () => {
  it.each([organizationPlan, singleAccountPlan])("are stable for $topology", (plan) => {
    const tiers = ["critical", "info", "warning"];
    const email = { critical: "secops_example_com", info: "platform_example_com", warning: "secops_example_com" } as const;
    expect(addresses(synthMonitoring(plan).json).filter((a) => a.includes(".alerts_"))).toEqual(
      [
        ...tiers.map((t) => `aws_sns_topic.alerts_${t}_topic`),
        ...tiers.map((t) => `aws_sns_topic_policy.alerts_${t}_policy`),
        ...tiers.map((t) => `aws_sns_topic_subscription.alerts_${t}_email_${email[t as keyof typeof email]}`),
        ...tiers.map((t) => `data.aws_iam_policy_document.alerts_${t}_policy_document`),
      ].sort(),
    );
  });
});

describe("AlertTopics", () => {
  it("exposes each tier's topic ARN", () => {
    const { stack, key } = newStack(singleAccountPlan);
    const topics = new AlertTopics(stack, "alerts", { plan: singleAccountPlan, kmsKeyArn: key.arn });
    // Consume each exposed value in a probe resource to see what it resolves to.
    for (const [tier, arn] of Object.entries(topics.topicArnByTier)) {
      new SnsTopicPolicy(stack, `probe_${tier}`, { arn: arn!, policy: "{}" });
    }
    const probes = JSON.parse(Testing.synth(stack)).resource.aws_sns_topic_policy;
    expect(Object.keys(topics.topicArnByTier).sort()).toEqual(["critical", "info", "warning"]);
    for (const tier of ["critical", "warning", "info"]) {
      expect(probes[`probe_${tier}`].arn).toBe(`\${aws_sns_topic.alerts_${tier}_topic.arn}`);
    }
  });

  it("refuses two topics for one tier", () => {
    const plan: ResolvedPlan = { ...singleAccountPlan, topics: [singleAccountPlan.topics[0]!, singleAccountPlan.topics[0]!] };
    const { stack, key } = newStack(plan);
    expect(() => new AlertTopics(stack, "alerts", { plan, kmsKeyArn: key.arn })).toThrow(/two "critical" topics/);
  });
});

describe("subscriptionIds", () => {
  const topic = (emails: string[]) => ({ tier: "critical" as const, name: "t", emails });

  it("does not depend on position, so reordering re-creates nothing", () => {
    const a = subscriptionIds(topic(["a@example.com", "b@example.com"]));
    const b = subscriptionIds(topic(["b@example.com", "a@example.com"]));
    expect(new Map(a.map((x) => [x.email, x.id]))).toEqual(new Map(b.map((x) => [x.email, x.id])));
  });

  it("keeps addresses that sanitize alike apart, and every id is a valid address part", () => {
    const ids = subscriptionIds(topic(["a.b@example.com", "a_b@example.com", "Ops+Alerts@Example.COM"])).map((x) => x.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^email_a_b_example_com_[0-9a-f]{8}$/);
    expect(ids[2]).toBe("email_ops_alerts_example_com");
    for (const id of ids) expect(id).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it("keeps the address as written for the endpoint", () => {
    expect(subscriptionIds(topic([" Ops@Example.com "]))).toEqual([{ id: "email_ops_example_com", email: "Ops@Example.com" }]);
  });

  it("refuses the same address twice", () => {
    expect(() => subscriptionIds(topic(["a@example.com", "A@example.com"]))).toThrow(/listed twice/);
  });
});

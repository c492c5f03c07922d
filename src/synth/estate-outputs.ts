// What the estate hands to the Terraform around it, in both modes: a root user
// reads them with `terraform output`, a caller of the module as
// `module.<name>.<output>` (for example to grant a reader role on the key, or
// to subscribe a pager to the critical topic). Output names are a contract like
// addresses: renaming one breaks every configuration that reads it.
//
// Values are references to the resources, not the plan's literal names, so a
// caller that uses one also waits for the resource to exist.
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { AccessLogBucket } from "../constructs/access-log-bucket.js";
import type { AlertTopics } from "../constructs/alert-topics.js";
import type { AuditTrail } from "../constructs/audit-trail.js";
import type { ConfigRecorder } from "../constructs/config-recorder.js";
import type { CustomerKey } from "../constructs/customer-key.js";
import type { GuardrailScps } from "../constructs/guardrail-scps.js";
import type { LogArchiveBucket } from "../constructs/log-archive-bucket.js";
import type { TrailLogGroup } from "../constructs/trail-log-group.js";

export interface EstateParts {
  readonly trail: AuditTrail;
  readonly key: CustomerKey;
  readonly monitoringKey: CustomerKey;
  readonly archive: LogArchiveBucket;
  readonly accessLogs: AccessLogBucket;
  readonly logGroup: TrailLogGroup;
  readonly topics: AlertTopics;
  /** Present when AWS Config is on. */
  readonly config: ConfigRecorder | undefined;
  /** Present when the guardrail SCPs are on. */
  readonly guardrails: GuardrailScps | undefined;
}

interface OutputSpec {
  readonly name: string;
  readonly description: string;
  readonly value: unknown;
}

function outputSpecs(parts: EstateParts): OutputSpec[] {
  const { trail, key, monitoringKey, archive, accessLogs, logGroup, topics, config, guardrails } = parts;
  const specs: OutputSpec[] = [
    { name: "trail_arn", description: "ARN of the CloudTrail trail that records the estate's activity.", value: trail.trailArn },
    { name: "archive_bucket_name", description: "Name of the S3 bucket that archives the CloudTrail log files.", value: archive.bucketName },
    { name: "archive_bucket_arn", description: "ARN of the S3 bucket that archives the CloudTrail log files.", value: archive.bucketArn },
    {
      name: "access_log_bucket_name",
      description: "Name of the S3 bucket that receives the server access logs of the archive bucket.",
      value: accessLogs.bucketName,
    },
    {
      name: "kms_key_arn",
      description: "ARN of the estate's customer-managed KMS key (security account): it encrypts the CloudTrail log files and the archive and Config buckets.",
      value: key.keyArn,
    },
    { name: "kms_key_alias", description: "Alias of the estate's KMS key (alias/...).", value: key.alias.name },
    {
      name: "monitoring_kms_key_arn",
      description: "ARN of the monitoring KMS key (management account): it encrypts the trail's log group and the alert topics.",
      value: monitoringKey.keyArn,
    },
    {
      name: "log_group_name",
      description: "Name of the CloudWatch log group the trail delivers to and the CIS metric filters read.",
      value: logGroup.logGroupName,
    },
    {
      name: "alert_topic_arns",
      description: "ARNs of the SNS alert topics, by tier (critical, warning, info), for extra subscriptions.",
      value: Object.fromEntries(topics.topics.map((t) => [t.tier, t.topic.arn])),
    },
  ];
  if (config?.bucket) {
    specs.push({ name: "config_bucket_name", description: "Name of the S3 bucket the estate's AWS Config recorders deliver their snapshots and history to.", value: config.bucket.bucket });
  }
  if (guardrails) {
    specs.push({
      name: "guardrail_policy_ids",
      description: "Ids of the service control policies attached to the organization root, by name (log_protection, region_deny).",
      value: Object.fromEntries(guardrails.specs.map((spec, i) => [spec.id, guardrails.policies[i]!.id])),
    });
  }
  return specs;
}

/** Adds the estate's outputs to the stack; generate-estate writes them to outputs.tf. */
export function addEstateOutputs(stack: Construct, parts: EstateParts): void {
  for (const spec of outputSpecs(parts)) new TerraformOutput(stack, spec.name, { value: spec.value, description: spec.description });
}

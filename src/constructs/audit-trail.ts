import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  Cloudtrail,
  type CloudtrailAdvancedEventSelector,
  type CloudtrailAdvancedEventSelectorFieldSelector,
} from "@cdktf/provider-aws/lib/cloudtrail/index.js";
import type { ResolvedPlan, TrailPlan } from "../model/plan.js";
import type { TrailLogDelivery } from "./trail-log-group.js";

export interface AuditTrailProps {
  /** The resolved plan; reads `trail`, `archive`, `accessLogs`, `config`. */
  readonly plan: ResolvedPlan;
  /** Name of the log archive bucket the trail writes to. No default. */
  readonly bucketName: string;
  /** ARN of the estate KMS key (SSE-KMS for log files, CIS 3.5 / CloudTrail.2). No default. */
  readonly kmsKeyArn: string;
  /**
   * CloudWatch Logs delivery (usually a TrailLogGroup). Required when
   * `plan.trail.cloudWatchLogs`, and must then carry a role. Default: none.
   */
  readonly cloudWatchLogs?: TrailLogDelivery;
  /**
   * What CreateTrail checks on first apply and the trail does not reference:
   * the archive bucket policy (InsufficientS3BucketPolicyException otherwise)
   * and the key policy if it is a separate resource. No default: a trail
   * without it fails its first apply.
   */
  readonly dependsOn: ITerraformDependable | readonly ITerraformDependable[];
  /** Provider for the management account (org trails can only live there, pitfall 8). Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

/**
 * The estate trail: multi-region, global service events, log-file validation,
 * SSE-KMS, organization-wide in the organization topology. Event selection uses
 * advanced event selectors only (they cannot be mixed with basic selectors).
 */
export class AuditTrail extends Construct {
  public readonly trail: Cloudtrail;
  public readonly trailArn: string;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);
    const { plan, provider } = props;
    const t = plan.trail;

    const selectors = eventSelectors(plan);
    if (selectors.length === 0) {
      throw new Error(
        "AuditTrail: the trail would record nothing (managementEvents false, no S3 or Lambda data events); " +
          "enable management events or choose data events, or do not create the trail",
      );
    }
    if (t.insights && !t.managementEvents) {
      // PutInsightSelectors requires the trail to log management events.
      throw new Error("AuditTrail: Insights analyse management events; turn insights off for a data-events-only trail");
    }

    let cloudWatch: { cloudWatchLogsGroupArn: string; cloudWatchLogsRoleArn: string } | undefined;
    const extraDeps: ITerraformDependable[] = [];
    if (t.cloudWatchLogs) {
      const cw = props.cloudWatchLogs;
      if (!cw || !cw.roleArn) {
        throw new Error(
          "AuditTrail: plan.trail.cloudWatchLogs is true but no delivery role was given; pass a managed TrailLogGroup " +
            "as cloudWatchLogs (under Control Tower, CT's own trail already feeds its group: set trail.cloudWatchLogs false)",
        );
      }
      // CloudTrail wants the log-group ARN with the stream wildcard.
      cloudWatch = { cloudWatchLogsGroupArn: `${cw.logGroupArn}:*`, cloudWatchLogsRoleArn: cw.roleArn };
      extraDeps.push(...cw.dependables);
    }

    const deps = Array.isArray(props.dependsOn) ? props.dependsOn : [props.dependsOn as ITerraformDependable];
    this.trail = new Cloudtrail(this, "main", {
      provider,
      name: t.name,
      s3BucketName: props.bucketName,
      kmsKeyId: props.kmsKeyArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      isOrganizationTrail: t.isOrganizationTrail,
      ...cloudWatch,
      advancedEventSelector: selectors,
      insightSelector: t.insights
        ? [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }]
        : undefined,
      dependsOn: [...deps, ...extraDeps],
    });
    this.trailArn = this.trail.arn;
  }
}

type Field = CloudtrailAdvancedEventSelectorFieldSelector;

/** The advanced event selectors the plan asks for, in a stable order. Exported for tests. */
export function eventSelectors(plan: ResolvedPlan): CloudtrailAdvancedEventSelector[] {
  const t = plan.trail;
  const out: CloudtrailAdvancedEventSelector[] = [];
  if (t.managementEvents) {
    // No readOnly field: read and write (CIS 3.1 / CloudTrail.1 want both).
    out.push({ name: "Management events", fieldSelector: [{ field: "eventCategory", equalTo: ["Management"] }] });
  }
  const s3 = s3Selector(plan, t);
  if (s3) out.push(s3);
  if (t.lambdaDataEvents) {
    out.push({
      name: "Lambda invoke data events",
      fieldSelector: [
        { field: "eventCategory", equalTo: ["Data"] },
        { field: "resources.type", equalTo: ["AWS::Lambda::Function"] },
      ],
    });
  }
  return out;
}

function s3Selector(plan: ResolvedPlan, t: TrailPlan): CloudtrailAdvancedEventSelector | undefined {
  if (t.s3DataEvents === "off") return undefined;
  const fields: Field[] = [
    { field: "eventCategory", equalTo: ["Data"] },
    { field: "resources.type", equalTo: ["AWS::S3::Object"] },
  ];
  const estate = estateBucketPrefixes(plan);
  if (t.s3DataEvents === "all") {
    // Pitfall 7: "all buckets" would record the trail's own deliveries, each of
    // which is another event to deliver (LZA #1192: ~1.5 bn events).
    const uncovered = estate.filter((p) => !t.excludedBucketArns.some((x) => p.startsWith(x)));
    if (uncovered.length > 0) {
      throw new Error(`AuditTrail: trail.excludedBucketArns must cover the estate's own buckets; missing ${uncovered.join(", ")}`);
    }
    if (t.excludedBucketArns.length > 0) fields.push({ field: "resources.ARN", notStartsWith: [...t.excludedBucketArns] });
    return { name: "S3 object data events, estate log buckets excluded", fieldSelector: fields };
  }
  const buckets = t.s3DataEvents.buckets;
  if (buckets.length === 0) {
    throw new Error('AuditTrail: trail.s3DataEvents.buckets is empty; use "off" for no S3 data events');
  }
  const partition = t.arn.split(":")[1] ?? "aws";
  const prefixes = buckets.map((b) => {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b)) {
      throw new Error(`AuditTrail: "${b}" in trail.s3DataEvents.buckets is not an S3 bucket name`);
    }
    // The trailing "/" stops "phi" from also matching "phi-archive".
    return `arn:${partition}:s3:::${b}/`;
  });
  const loops = prefixes.filter((p) => estate.includes(p));
  if (loops.length > 0) {
    throw new Error(`AuditTrail: data events on the estate's own log buckets would feed back into themselves (pitfall 7): ${loops.join(", ")}`);
  }
  fields.push({ field: "resources.ARN", startsWith: prefixes });
  return { name: "S3 object data events, named buckets", fieldSelector: fields };
}

/** Object-ARN prefixes of the buckets the estate delivers logs into. */
function estateBucketPrefixes(plan: ResolvedPlan): string[] {
  const arns = [plan.archive.arn, plan.accessLogs.arn];
  if (plan.config) arns.push(plan.config.bucketArn);
  return arns.map((a) => `${a}/`);
}

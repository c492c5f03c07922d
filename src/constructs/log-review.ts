// The scheduled reviews: EventBridge Scheduler starts the review state machine
// daily and weekly in the organisation's time zone; the state machine (no
// Lambda: Athena and SNS integrations only, src/query/estate/review-state-machine.ts)
// counts every catalog check over the window and publishes the summary to the
// info or warning topic. In the security account, beside the workgroup.
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { SchedulerSchedule } from "@cdktf/provider-aws/lib/scheduler-schedule/index.js";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine/index.js";
import type { AthenaNamedQuery } from "@cdktf/provider-aws/lib/athena-named-query/index.js";
import type { ResolvedPlan } from "../model/plan.js";
import { findCheck } from "../query/catalog/index.js";
import { namedQuery } from "./forensic-query.js";
import { catalogSettings } from "../query/estate/catalog-settings.js";
import { forensicArns } from "../query/estate/forensic-permissions.js";
import { reviewDefinition } from "../query/estate/review-state-machine.js";
import { reviewRoleStatements, schedulerStatements } from "../query/estate/review-permissions.js";

/** Lets one AWS service assume a role, for this account's one resource only (confused-deputy guard). */
function serviceTrust(sid: string, service: string, account: string, sourceArn: string): DataAwsIamPolicyDocumentStatement {
  return {
    sid,
    effect: "Allow",
    principals: [{ type: "Service", identifiers: [service] }],
    actions: ["sts:AssumeRole"],
    condition: [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [account] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [sourceArn] },
    ],
  };
}

export interface LogReviewProps {
  /** The resolved plan; reads `forensics` (required), `accounts.security`. */
  readonly plan: ResolvedPlan;
  readonly kmsKeyArn: string;
  /** Topics the summary goes to: warning when a critical or high check found events, info otherwise. */
  readonly infoTopicArn: string;
  readonly warningTopicArn: string;
  /** Key encrypting those topics (publishing to an encrypted topic needs GenerateDataKey and Decrypt on it). */
  readonly topicKeyArn: string;
  /** The workgroup and database of ForensicQuery (references, so the reviews are created after them). */
  readonly workgroupName: string;
  readonly databaseName: string;
  /** Provider for the security account. Default: the stack's default provider. */
  readonly provider?: TerraformProvider;
}

export class LogReview extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly role: IamRole;
  readonly schedules: readonly SchedulerSchedule[];
  readonly namedQuery: AthenaNamedQuery;

  constructor(scope: Construct, id: string, props: LogReviewProps) {
    super(scope, id);
    const { plan, provider } = props;
    if (!plan.forensics) throw new Error("LogReview: plan.forensics is undefined; build it only when forensics.enabled is true");
    const f = plan.forensics;
    const security = plan.accounts.security.id;
    const arns = forensicArns(plan);
    const doc = (name: string, statement: DataAwsIamPolicyDocumentStatement[]) => new DataAwsIamPolicyDocument(this, name, { provider, statement }).json;

    // Step Functions may act as this role only for this account's review machine (confused deputy).
    // https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html
    this.role = new IamRole(this, "role", {
      provider,
      name: f.reviewRoleName,
      description: "Runs the scheduled CloudTrail review: Athena query, results, SNS summary (trailwright forensics)",
      assumeRolePolicy: doc("role_trust", [serviceTrust("StepFunctionsReview", "states.amazonaws.com", security, arns.stateMachine)]),
    });
    new IamRolePolicy(this, "role_policy", {
      provider,
      name: "log-review",
      role: this.role.id,
      policy: doc("role_policy_document", reviewRoleStatements(plan, props)),
    });

    this.stateMachine = new SfnStateMachine(this, "state_machine", {
      provider,
      name: f.stateMachineName,
      type: "STANDARD",
      roleArn: this.role.arn,
      definition: JSON.stringify(
        reviewDefinition({
          estateName: plan.name,
          workgroup: props.workgroupName,
          database: props.databaseName,
          infoTopicArn: props.infoTopicArn,
          warningTopicArn: props.warningTopicArn,
          settings: catalogSettings(f),
        }),
      ),
    });

    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role
    const schedulerRole = new IamRole(this, "scheduler_role", {
      provider,
      name: f.schedulerRoleName,
      description: "Lets EventBridge Scheduler start the CloudTrail review (trailwright forensics)",
      assumeRolePolicy: doc("scheduler_trust", [serviceTrust("SchedulerStartsReviews", "scheduler.amazonaws.com", security, arns.schedules)]),
    });
    new IamRolePolicy(this, "scheduler_policy", {
      provider,
      name: "start-log-review",
      role: schedulerRole.id,
      policy: doc("scheduler_policy_document", schedulerStatements(plan)),
    });

    const schedule = (kind: "daily" | "weekly", cron: string, days: number) =>
      new SchedulerSchedule(this, kind, {
        provider,
        name: `${f.stateMachineName}-${kind}`,
        description: `${kind === "daily" ? "Daily" : "Weekly"} CloudTrail review (PCI DSS 10.4.1): the ${days === 1 ? "previous UTC day" : `${days} UTC days before the run`}`,
        scheduleExpression: cron,
        scheduleExpressionTimezone: f.timeZone,
        flexibleTimeWindow: { mode: "OFF" },
        state: "ENABLED",
        target: {
          arn: this.stateMachine.arn,
          roleArn: schedulerRole.arn,
          input: JSON.stringify({ review: kind, days }),
          retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
        },
      });
    this.schedules = [schedule("daily", f.dailyCron, 1), schedule("weekly", f.weeklyCron, 7)];
    // The review's own query, saved beside it for a person to re-run a day by hand.
    this.namedQuery = namedQuery(this, findCheck("daily-review")!, { plan, database: props.databaseName, workgroup: props.workgroupName, provider });
  }
}

// The scheduled log review as a Step Functions state machine: no Lambda code,
// only the service integrations. It sets the window (the whole UTC days before
// the run), runs daily-review in Athena and waits for it (.sync), reads the
// one-row-per-check result, and publishes a readable summary to the warning
// topic when a critical or high check found events, else to the info topic. A
// failure at any step is published to the warning topic, so a review that did
// not happen is noticed (PCI DSS 10.4.1.1 expects the automated review to run).
//
// Written in JSONata (QueryLanguage JSONata: Arguments / Output / Assign, with
// expressions in {% %}); Step Functions implements JSONata 2.0.6.
// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html
import { checkSql, findCheck, QUERY_CHECKS } from "../catalog/index.js";
import type { CatalogSettings } from "../catalog/check.js";

export interface ReviewMachineProps {
  readonly estateName: string;
  readonly workgroup: string;
  readonly database: string;
  readonly infoTopicArn: string;
  readonly warningTopicArn: string;
  readonly settings: CatalogSettings;
}

/** The service integrations the definition calls: its role must allow exactly these (review-policies.ts). */
export const REVIEW_INTEGRATIONS = Object.freeze({
  startQuery: "arn:aws:states:::athena:startQueryExecution.sync",
  getResults: "arn:aws:states:::athena:getQueryResults",
  publish: "arn:aws:states:::sns:publish",
});

/**
 * Checks whose every event deserves a person's look the same day: events (not
 * grouped counts, whose daily totals include normal activity) at critical or
 * high severity. Any of them above zero sends the summary to the warning tier.
 */
export function alertingChecks(): string[] {
  return QUERY_CHECKS.filter((c) => c.shape === "events" && (c.severity === "critical" || c.severity === "high")).map((c) => c.id);
}

const DAY_MS = 86_400_000;

export function reviewDefinition(props: ReviewMachineProps): Record<string, unknown> {
  const daily = findCheck("daily-review")!;
  const alerting = JSON.stringify(alertingChecks()).replaceAll('"', "'");
  const day = `$toMillis($substring($states.context.Execution.StartTime, 0, 10) & 'T00:00:00Z')`;
  const iso = (ms: string) => `$fromMillis(${ms}, '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01]Z')`;
  const folder = (ms: string) => `$fromMillis(${ms}, '[Y0001]/[M01]/[D01]')`;
  const quoted = (expr: string) => `"'" & ${expr} & "'"`;
  const retryAthena = [{ ErrorEquals: ["Athena.TooManyRequestsException", "Athena.InternalServerException"], IntervalSeconds: 30, MaxAttempts: 3, BackoffRate: 2 }];
  const onFailure = [{ ErrorEquals: ["States.ALL"], Next: "Report the failure", Output: "{% $states.errorOutput %}" }];
  return {
    Comment: `${props.estateName}: scheduled CloudTrail review (PCI DSS 10.4.1, 10.4.1.1), counting every catalog check in one Athena scan`,
    QueryLanguage: "JSONata",
    StartAt: "Set the window",
    States: {
      "Set the window": {
        Type: "Pass",
        // Input: {"review": "daily" | "weekly", "days": 1 | 7}. The window is the whole UTC days before the run's day.
        Assign: {
          review: "{% $states.input.review %}",
          from: `{% ${iso(`${day} - $states.input.days * ${DAY_MS}`)} %}`,
          to: `{% ${iso(day)} %}`,
          firstDay: `{% ${folder(`${day} - $states.input.days * ${DAY_MS}`)} %}`,
          // Files land in the folder of the day they are delivered: the run's own day holds the last evening's late events.
          lastDay: `{% ${folder(day)} %}`,
        },
        Next: "Count the checks",
      },
      "Count the checks": {
        Type: "Task",
        Resource: REVIEW_INTEGRATIONS.startQuery,
        Arguments: {
          QueryString: checkSql(daily, props.settings),
          WorkGroup: props.workgroup,
          QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: props.database },
          // In the order of checkParameters(daily-review): firstDay, lastDay, from, to; strings are quoted literals.
          // https://docs.aws.amazon.com/athena/latest/ug/querying-with-prepared-statements.html
          ExecutionParameters: [quoted("$firstDay"), quoted("$lastDay"), quoted("$from"), quoted("$to")].map((e) => `{% ${e} %}`),
        },
        Output: { QueryExecutionId: "{% $states.result.QueryExecution.QueryExecutionId %}" },
        Retry: retryAthena,
        Catch: onFailure,
        Next: "Read the counts",
      },
      "Read the counts": {
        Type: "Task",
        Resource: REVIEW_INTEGRATIONS.getResults,
        Arguments: { QueryExecutionId: "{% $states.input.QueryExecutionId %}", MaxResults: 100 },
        // Row 0 is the header (check_id, count); one row per check follows.
        Output: {
          QueryExecutionId: "{% $states.input.QueryExecutionId %}",
          counts: "{% $states.result.ResultSet.Rows[[1..100]].{ 'check': Data[0].VarCharValue, 'count': $number(Data[1].VarCharValue) } %}",
        },
        Retry: retryAthena,
        Catch: onFailure,
        Next: "Send the summary",
      },
      "Send the summary": {
        Type: "Task",
        Resource: REVIEW_INTEGRATIONS.publish,
        Arguments: {
          TopicArn: `{% $count($states.input.counts[check in ${alerting} and count > 0]) > 0 ? '${props.warningTopicArn}' : '${props.infoTopicArn}' %}`,
          Subject: `{% '${props.estateName}: ' & $review & ' CloudTrail review, ' & $substring($from, 0, 10) & ($review = 'weekly' ? ' to ' & $substring($to, 0, 10) : '') %}`,
          Message: `{% 'CloudTrail ' & $review & ' review (PCI DSS 10.4.1), events from ' & $from & ' to ' & $to & ':' & $join($states.input.counts.('\\n  ' & check & ': ' & $string(count)), '') & '\\n\\nA person must read this and follow up what is not expected. Drill down: Athena workgroup ${props.workgroup}, saved query ${props.estateName}-<check>, with the same four window parameters (' & $firstDay & ', ' & $lastDay & ', ' & $from & ', ' & $to & '). Query execution ' & $states.input.QueryExecutionId & '.' %}`,
        },
        End: true,
      },
      "Report the failure": {
        Type: "Task",
        Resource: REVIEW_INTEGRATIONS.publish,
        Arguments: {
          TopicArn: props.warningTopicArn,
          Subject: `{% '${props.estateName}: the ' & $review & ' CloudTrail review did not run' %}`,
          Message: `{% 'The ' & $review & ' CloudTrail review for ' & $from & ' to ' & $to & ' failed: ' & $string($states.input.Error) & ': ' & $string($states.input.Cause) & '. Run the saved query ${props.estateName}-daily-review in workgroup ${props.workgroup} by hand, and fix the cause.' %}`,
        },
        Next: "Review failed",
      },
      "Review failed": { Type: "Fail", Error: "ReviewFailed", Cause: "the review query or its results failed; the warning topic was told" },
    },
  };
}

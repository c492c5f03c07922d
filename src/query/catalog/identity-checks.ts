// Who signed in, how, and what they could not do. Predicates follow the
// Security Hub CloudWatch.1-3/6 metric filters (src/catalog/cis-metric-filters.ts)
// so the alarm and the investigation agree on what counts.
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
import { cisControl, pci, type QueryCheck } from "./check.js";
import { eventCheck, PRINCIPAL } from "./sql-parts.js";

const ROOT_USAGE = "useridentity.type = 'Root' AND useridentity.invokedby IS NULL AND eventtype <> 'AwsServiceEvent'";

// Sign-in events are eventtype AwsConsoleSignIn; the outcome is in responseElements.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
// Written as CASE so the JSON is parsed only for sign-ins: inside daily-review's
// count_if, DuckDB evaluates every operand of an AND for every row, but a CASE
// branch only for the rows that reach it. Same count in both engines.
const LOGIN_WITHOUT_MFA = `CASE WHEN eventname = 'ConsoleLogin' AND useridentity.type = 'IAMUser'
    THEN (json_extract_scalar(responseelements, '$.ConsoleLogin') = 'Success'
      AND coalesce(json_extract_scalar(additionaleventdata, '$.MFAUsed'), 'No') <> 'Yes')
    ELSE false END`;

const FAILED_LOGIN = "eventname = 'ConsoleLogin' AND errormessage = 'Failed authentication'";

const ACCESS_DENIED = "(errorcode LIKE '%UnauthorizedOperation' OR errorcode LIKE 'AccessDenied%')";

/**
 * Denials from one principal in one clock hour before it counts as a burst. One
 * or two are routine (a console page probing what it may show); ten in an hour
 * is enumeration, stolen keys being tried, or a broken deployment: each needs a
 * look. An engineering choice, not a regulation's number.
 */
export const BURST_THRESHOLD = 10;

export const rootUsage: QueryCheck = {
  id: "root-usage",
  title: "Root user activity",
  looksFor: "Every call made with an account's root user credentials (not by an AWS service on its behalf).",
  why: "The root user cannot be limited by IAM or SCPs; CIS expects it never to be used day to day, so each use needs an owner and a reason.",
  severity: "critical",
  controls: [cisControl("root-usage"), pci("10.2.1.2")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => ROOT_USAGE,
  ctes: [],
  sql: () => eventCheck(ROOT_USAGE, ["useragent"]),
};

export const consoleLoginWithoutMfa: QueryCheck = {
  id: "console-login-without-mfa",
  title: "Console sign-in without MFA",
  looksFor: "Successful console sign-ins by IAM users who did not use MFA.",
  why: "A password alone is one phishing email from an attacker's session; CIS and PCI DSS 8.4 require MFA for console access.",
  severity: "high",
  controls: [cisControl("console-signin-without-mfa"), pci("8.4.2"), pci("10.2.1.4")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => LOGIN_WITHOUT_MFA,
  ctes: [],
  sql: () => eventCheck(LOGIN_WITHOUT_MFA, ["useragent"]),
};

export const failedConsoleLogins: QueryCheck = {
  id: "failed-console-logins",
  title: "Failed console sign-ins",
  looksFor: "Console sign-ins that failed authentication, grouped by principal and source address.",
  why: "Repeated failures from one address are password guessing; PCI DSS logs and reviews invalid access attempts.",
  severity: "medium",
  controls: [cisControl("console-auth-failures"), pci("10.2.1.4")],
  shape: "groups",
  requires: undefined,
  baseline: false,
  countWhere: () => FAILED_LOGIN,
  ctes: [],
  sql: () => `SELECT account,
  ${PRINCIPAL} AS principal,
  sourceipaddress,
  count(*) AS count,
  min(eventtime) AS first_seen,
  max(eventtime) AS last_seen
FROM events
WHERE ${FAILED_LOGIN}
GROUP BY account, ${PRINCIPAL}, sourceipaddress
ORDER BY count DESC, account, principal, sourceipaddress`,
};

export const accessDeniedBursts: QueryCheck = {
  id: "access-denied-bursts",
  title: "Bursts of access-denied calls",
  looksFor: `Principals with at least ${BURST_THRESHOLD} AccessDenied or UnauthorizedOperation errors in one clock hour (UTC).`,
  why: "A burst of denials is someone mapping what stolen credentials may do, or a deployment failing; CIS alarms on unauthorized calls.",
  severity: "medium",
  controls: [cisControl("unauthorized-api-calls"), pci("10.2.1.4")],
  shape: "groups",
  requires: undefined,
  baseline: false,
  countWhere: () => ACCESS_DENIED,
  ctes: [],
  // The hour is cut from the ISO text (2026-12-01T10) rather than date_trunc, whose result type differs between engines.
  sql: () => `SELECT account,
  ${PRINCIPAL} AS principal,
  substr(eventtime, 1, 13) || ':00Z' AS hour_utc,
  count(*) AS count
FROM events
WHERE ${ACCESS_DENIED}
GROUP BY account, ${PRINCIPAL}, substr(eventtime, 1, 13)
HAVING count(*) >= ${BURST_THRESHOLD}
ORDER BY count DESC, account, principal, hour_utc`,
};

// Patterns in ordinary-looking activity: who read a lot, from where, when,
// and through which chain of roles.
import { pci, type CatalogSettings, type ControlRef, type QueryCheck } from "./check.js";
import { eventCheck, PRINCIPAL, principalOf } from "./sql-parts.js";
import { windowCte } from "./window.js";

/**
 * Reads by one principal from one bucket before they are reported: 100 objects
 * or 1 GiB in the window. Below that, a day of normal application reads is
 * noise; above it, a person copying a data set stands out. Engineering choice.
 */
export const EXFILTRATION_OBJECTS = 100;
export const EXFILTRATION_BYTES = 1_073_741_824;

const S3_READ = "eventsource = 's3.amazonaws.com' AND eventname = 'GetObject'";

/** HIPAA's own activity-review duty applies to these as much as to the CIS sets. */
const HIPAA_REVIEW: ControlRef = { framework: "hipaa", ref: "45 CFR 164.308(a)(1)(ii)(D)" };

// Only what a person or their credentials did: not AWS services acting for them.
const HUMAN_WRITE = `eventtype <> 'AwsServiceEvent'
  AND useridentity.invokedby IS NULL
  AND (readonly = 'false' OR eventtype = 'AwsConsoleSignIn')`;

function localTime(settings: CatalogSettings): string {
  return `at_timezone(from_iso8601_timestamp(eventtime), '${settings.timeZone}')`;
}

// CASE, so the time-zone conversion runs only for human writes (see
// LOGIN_WITHOUT_MFA in identity-checks.ts): most events are reads.
function offHours(settings: CatalogSettings): string {
  const local = localTime(settings);
  return `CASE WHEN ${HUMAN_WRITE.replaceAll("\n", "\n    ")}
    THEN (hour(${local}) < ${settings.businessStartHour}
      OR hour(${local}) >= ${settings.businessEndHour}
      OR day_of_week(${local}) > 5)
    ELSE false END`;
}

const ROLE_CHAIN = `eventsource = 'sts.amazonaws.com'
  AND eventname = 'AssumeRole'
  AND useridentity.type = 'AssumedRole'
  AND errorcode IS NULL`;

/** Source addresses that are an IP (v4 or v6), not an AWS service name such as ec2.amazonaws.com or "AWS Internal". */
const IP_SOURCE = "regexp_like(e.sourceipaddress, '^[0-9.]+$|^[0-9a-fA-F:]+$')";
const E_PRINCIPAL = principalOf("e");

export const s3Exfiltration: QueryCheck = {
  id: "s3-exfiltration",
  title: "Large S3 reads",
  looksFor: `Principals that read at least ${EXFILTRATION_OBJECTS} objects or 1 GiB from one bucket in the window (GetObject, bytesTransferredOut).`,
  why: "Copying a data set out is what a breach looks like from the inside. Needs S3 data events: trails do not log object reads unless told to.",
  severity: "high",
  controls: [pci("10.2.1.1"), HIPAA_REVIEW],
  shape: "groups",
  requires: "s3-data-events",
  baseline: false,
  countWhere: () => S3_READ,
  ctes: [],
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
  sql: () => `SELECT account,
  ${PRINCIPAL} AS principal,
  json_extract_scalar(requestparameters, '$.bucketName') AS bucket,
  count(*) AS count,
  CAST(coalesce(sum(CAST(json_extract_scalar(additionaleventdata, '$.bytesTransferredOut') AS double)), 0) AS bigint) AS bytes_out
FROM events
WHERE ${S3_READ}
GROUP BY account, ${PRINCIPAL}, json_extract_scalar(requestparameters, '$.bucketName')
HAVING count(*) >= ${EXFILTRATION_OBJECTS}
  OR coalesce(sum(CAST(json_extract_scalar(additionaleventdata, '$.bytesTransferredOut') AS double)), 0) >= ${EXFILTRATION_BYTES}
ORDER BY count DESC, account, principal, bucket`,
};

export const newSourceIps: QueryCheck = {
  id: "new-source-ips",
  title: "Principals calling from new addresses",
  looksFor: "Principal and source IP pairs seen in the window but not in the baseline days before it.",
  why: "Stolen credentials are used from somewhere their owner never is; a new address is the cheapest signal of it.",
  severity: "medium",
  controls: [pci("10.4.1"), HIPAA_REVIEW],
  shape: "groups",
  requires: undefined,
  baseline: true,
  // An anti-join against the baseline is a second scan, so daily-review cannot count it; the weekly review runs it.
  countWhere: undefined,
  ctes: [
    windowCte("baseline_events", "baseline"),
    `known AS (
  SELECT DISTINCT ${PRINCIPAL} AS principal, sourceipaddress
  FROM baseline_events
)`,
  ],
  sql: () => `SELECT e.account,
  ${E_PRINCIPAL} AS principal,
  e.sourceipaddress,
  count(*) AS count,
  min(e.eventtime) AS first_seen
FROM events e
LEFT JOIN known k
  ON k.principal = ${E_PRINCIPAL}
  AND k.sourceipaddress = e.sourceipaddress
WHERE k.principal IS NULL
  AND ${E_PRINCIPAL} IS NOT NULL
  AND ${IP_SOURCE}
GROUP BY e.account, ${E_PRINCIPAL}, e.sourceipaddress
ORDER BY first_seen, account, principal, sourceipaddress`,
};

export const offHoursActivity: QueryCheck = {
  id: "off-hours-activity",
  title: "Changes and sign-ins outside business hours",
  looksFor: "Write calls and console sign-ins made outside business hours or at weekends, in the organisation's time zone.",
  why: "Intruders work when nobody watches; a change at 3 a.m. on a Sunday deserves a second look.",
  severity: "low",
  controls: [pci("10.4.1"), HIPAA_REVIEW],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: (settings) => offHours(settings),
  ctes: [],
  sql: (settings) => eventCheck(offHours(settings)),
};

export const roleChains: QueryCheck = {
  id: "role-chains",
  title: "Role chains",
  looksFor: "AssumeRole calls made with a role's own session: which role assumed which, how often, and whether it crossed accounts.",
  why: "Chaining roles hides the original identity and hops accounts; an unexpected link is lateral movement.",
  severity: "medium",
  controls: [pci("10.2.1.2"), HIPAA_REVIEW],
  shape: "groups",
  requires: undefined,
  baseline: false,
  countWhere: () => ROLE_CHAIN,
  ctes: [],
  // The role ARN's fifth field is its account (arn:aws:iam::ACCOUNT:role/NAME).
  sql: () => `SELECT account,
  useridentity.sessioncontext.sessionissuer.arn AS from_role,
  json_extract_scalar(requestparameters, '$.roleArn') AS to_role,
  CASE WHEN split_part(json_extract_scalar(requestparameters, '$.roleArn'), ':', 5) <> account THEN 'yes' ELSE 'no' END AS cross_account,
  count(*) AS count,
  min(eventtime) AS first_seen,
  max(eventtime) AS last_seen
FROM events
WHERE ${ROLE_CHAIN}
GROUP BY account, useridentity.sessioncontext.sessionissuer.arn, json_extract_scalar(requestparameters, '$.roleArn')
ORDER BY count DESC, account, from_role, to_role`,
};

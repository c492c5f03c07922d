// Fragments several checks share, so each is written once.

/** Who acted: the ARN, or the principal id where CloudTrail gives no ARN (some sign-in failures). */
export function principalOf(table = ""): string {
  const t = table ? `${table}.` : "";
  return `coalesce(${t}useridentity.arn, ${t}useridentity.principalid, ${t}useridentity.username)`;
}

export const PRINCIPAL = principalOf();

/** The columns an event-shaped check starts with, in this order. */
export const EVENT_COLUMNS = `eventtime,
  account,
  awsregion,
  ${PRINCIPAL} AS principal,
  sourceipaddress,
  eventname`;

/** Event-shaped checks end with eventid (CloudTrail's unique id) and sort by time, then id, so output is deterministic. */
export const EVENT_ORDER = "ORDER BY eventtime, eventid";

export function eventCheck(where: string, extraColumns: readonly string[] = []): string {
  const extra = extraColumns.map((c) => `,\n  ${c}`).join("");
  return `SELECT ${EVENT_COLUMNS}${extra},
  eventid
FROM events
WHERE ${where}
${EVENT_ORDER}`;
}

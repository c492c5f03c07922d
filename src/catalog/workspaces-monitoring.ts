// Amazon WorkSpaces user activity: what AWS records and the filters, alarms and
// metrics the estate builds on it. Facts and their sources are in
// shared/reference/workspaces.md; each entry names the AWS document it rests on.
// WorkSpaces writes no sign-in record to CloudTrail: the API calls below are
// administrator actions, and logins come only from the EventBridge event.
import type { AlertTier, WorkspacesIdentitySource } from "../model/plan.js";

/** Namespace of the metrics the estate's WorkSpaces filters publish. */
export const WORKSPACES_NAMESPACE = "WorkSpacesActivity";

const API_SOURCE =
  "WorkSpaces API calls are CloudTrail management events with eventSource workspaces.amazonaws.com (https://docs.aws.amazon.com/workspaces/latest/api/cloudtrail_logging.html; action names from https://docs.aws.amazon.com/workspaces/latest/api/API_Operations.html)";

export interface WorkspacesFilterEntry {
  readonly id: string;
  readonly title: string;
  readonly metricName: string;
  readonly pattern: string;
  readonly tier: AlertTier;
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly source: string;
  /** Included only for these identity sources; undefined: always. */
  readonly identitySources?: readonly WorkspacesIdentitySource[];
}

/** `{ ($.eventSource = "<source>") && (($.eventName = "A") || ...) }`: the CIS filters' shape. */
function apiCalls(eventSource: string, eventNames: readonly string[]): string {
  return `{ ($.eventSource = "${eventSource}") && (${eventNames.map((n) => `($.eventName = "${n}")`).join(" || ")}) }`;
}

/** Who can sign in, from where and how: directory, authentication and client settings. */
export const ACCESS_POLICY_CALLS = [
  "RegisterWorkspaceDirectory",
  "DeregisterWorkspaceDirectory",
  "ModifyWorkspaceAccessProperties",
  "ModifyWorkspaceCreationProperties",
  "ModifySelfservicePermissions",
  "ModifySamlProperties",
  "ModifyCertificateBasedAuthProperties",
  "ModifyClientProperties",
  "ModifyStreamingProperties",
] as const;

/** IP access control groups and connection aliases: the network side of who can connect. */
export const NETWORK_ACCESS_CALLS = [
  "CreateIpGroup",
  "DeleteIpGroup",
  "AssociateIpGroups",
  "DisassociateIpGroups",
  "AuthorizeIpRules",
  "RevokeIpRules",
  "UpdateRulesOfIpGroup",
  "CreateConnectionAlias",
  "AssociateConnectionAlias",
] as const;

export const DESTRUCTIVE_CALLS = ["TerminateWorkspaces", "RebuildWorkspaces", "RestoreWorkspace", "MigrateWorkspace"] as const;

export const IMAGE_BUNDLE_CALLS = [
  "CreateWorkspaceBundle",
  "UpdateWorkspaceBundle",
  "DeleteWorkspaceBundle",
  "CreateWorkspaceImage",
  "ImportWorkspaceImage",
  "CopyWorkspaceImage",
  "DeleteWorkspaceImage",
  "UpdateWorkspaceImagePermission",
] as const;

export const PROVISIONING_CALLS = ["CreateWorkspaces", "CreateWorkspacesPool"] as const;

/**
 * Filters on the trail's log group (management account). The access and
 * network lists are two entries rather than one so each stays well inside
 * CloudWatch's 1,024-character pattern limit (PutMetricFilter API reference).
 */
export const WORKSPACES_TRAIL_FILTERS: readonly WorkspacesFilterEntry[] = Object.freeze([
  {
    id: "ws-access-policy-change",
    title: "WorkSpaces directory, sign-in or client access settings changed",
    metricName: "WorkSpacesAccessPolicyChanges",
    pattern: apiCalls("workspaces.amazonaws.com", ACCESS_POLICY_CALLS),
    tier: "critical",
    threshold: 1,
    periodSeconds: 300,
    source: API_SOURCE,
  },
  {
    id: "ws-network-access-change",
    title: "WorkSpaces IP access control groups or connection aliases changed",
    metricName: "WorkSpacesNetworkAccessChanges",
    pattern: apiCalls("workspaces.amazonaws.com", NETWORK_ACCESS_CALLS),
    tier: "critical",
    threshold: 1,
    periodSeconds: 300,
    source: `${API_SOURCE}; IP access control groups: https://docs.aws.amazon.com/workspaces/latest/adminguide/amazon-workspaces-ip-access-control-groups.html`,
  },
  {
    id: "ws-destructive",
    title: "WorkSpaces terminated, rebuilt, restored or migrated",
    metricName: "WorkSpacesDestructiveActions",
    pattern: apiCalls("workspaces.amazonaws.com", DESTRUCTIVE_CALLS),
    tier: "warning",
    threshold: 1,
    periodSeconds: 300,
    source: API_SOURCE,
  },
  {
    id: "ws-image-bundle-change",
    title: "WorkSpaces bundles or images created, changed, shared or deleted",
    metricName: "WorkSpacesImageBundleChanges",
    pattern: apiCalls("workspaces.amazonaws.com", IMAGE_BUNDLE_CALLS),
    tier: "warning",
    threshold: 1,
    periodSeconds: 300,
    source: API_SOURCE,
  },
  {
    id: "ws-provisioning",
    title: "WorkSpaces or WorkSpaces pools provisioned",
    metricName: "WorkSpacesProvisioned",
    pattern: apiCalls("workspaces.amazonaws.com", PROVISIONING_CALLS),
    tier: "info",
    threshold: 1,
    periodSeconds: 300,
    source: API_SOURCE,
  },
  {
    // IAM Identity Center records failed sign-ins as signin.amazonaws.com
    // CredentialVerification with a Failure outcome, for every identity source
    // (https://docs.aws.amazon.com/singlesignon/latest/userguide/understanding-sign-in-events.html);
    // the WorkSpaces smart-card sign-in events use the same shape under
    // serviceEventDetails (https://docs.aws.amazon.com/workspaces/latest/adminguide/signin-events.html).
    // Both places the outcome may appear are matched (workspaces.md section 4).
    id: "ws-signin-failures",
    title: "Repeated failed IAM Identity Center sign-ins",
    metricName: "WorkSpacesSigninFailures",
    pattern:
      '{ ($.eventSource = "signin.amazonaws.com") && ($.eventName = "CredentialVerification") && (($.serviceEventDetails.CredentialVerification = "Failure") || ($.responseElements.CredentialVerification = "Failure")) }',
    tier: "warning",
    threshold: 5,
    periodSeconds: 300,
    source:
      "IAM Identity Center sign-in events (https://docs.aws.amazon.com/singlesignon/latest/userguide/understanding-sign-in-events.html); WorkSpaces smart-card sign-in events (https://docs.aws.amazon.com/workspaces/latest/adminguide/signin-events.html)",
    identitySources: ["identity-center"],
  },
]);

const ACCESS_EVENT_SOURCE =
  "EventBridge WorkSpaces Access event: detail-type \"WorkSpaces Access\", detail.actionType always successfulLogin, detail.clientIpAddress the client's public IP (https://docs.aws.amazon.com/workspaces/latest/adminguide/cloudwatch-events.html)";

/** The login-count filter on each site's access-event log group. */
export const LOGIN_FILTER = Object.freeze({
  metricName: "WorkSpacesLogins",
  pattern: '{ ($.detail-type = "WorkSpaces Access") && ($.detail.actionType = "successfulLogin") }',
  source: ACCESS_EVENT_SOURCE,
});

/**
 * `203.0.113.0/24` -> `203.0.113.*`. Filter patterns have no CIDR operator, only
 * a wildcard at the end of a term (FilterAndPatternSyntax), so prefixes must end
 * on an octet boundary; the schema accepts only /8, /16, /24 and /32.
 */
export function prefixWildcard(cidr: string): string {
  const [address, bits] = cidr.split("/") as [string, string];
  const octets = Number(bits) / 8;
  const kept = address.split(".").slice(0, octets);
  return octets === 4 ? kept.join(".") : `${kept.join(".")}.*`;
}

/** A successful login whose client IP is in none of the allowed networks. The IP is never a metric dimension (PutMetricFilter: a filter can be disabled past 1,000 dimension values an hour). */
export function outsideNetworksFilter(allowedNetworks: readonly string[]): WorkspacesFilterEntry {
  const clauses = allowedNetworks.map((cidr) => `($.detail.clientIpAddress != "${prefixWildcard(cidr)}")`);
  return {
    id: "ws-login-outside-networks",
    title: "WorkSpaces login from outside the allowed networks",
    metricName: "WorkSpacesLoginsOutsideAllowedNetworks",
    pattern: `{ ($.detail-type = "WorkSpaces Access") && ($.detail.actionType = "successfulLogin") && ${clauses.join(" && ")} }`,
    tier: "critical",
    threshold: 1,
    periodSeconds: 300,
    source: `${ACCESS_EVENT_SOURCE}; != with a trailing wildcard: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html`,
  };
}

/** CloudWatch's limit on a metric filter pattern (PutMetricFilter API reference, filterPattern). */
export const FILTER_PATTERN_MAX_CHARS = 1024;

export interface NativeAlarmEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly tier: AlertTier;
  readonly metric: string;
  readonly statistic: "SUM" | "MAX" | "AVG";
  readonly comparison: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold";
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/**
 * Alarms on AWS/WorkSpaces metrics, aggregated over every directory of a site
 * with a Metrics Insights query, so directories added later are covered
 * without new Terraform (alarms on Metrics Insights queries:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-alarms.html).
 * Metric names and dimensions: https://docs.aws.amazon.com/workspaces/latest/adminguide/cloudwatch-metrics.html
 */
export const WORKSPACES_NATIVE_ALARMS: readonly NativeAlarmEntry[] = Object.freeze([
  {
    id: "ws-unhealthy",
    title: "WorkSpaces unhealthy",
    description: "At least one WorkSpace reported an unhealthy state for 15 minutes (AWS/WorkSpaces Unhealthy).",
    tier: "warning",
    metric: "Unhealthy",
    statistic: "MAX",
    comparison: "GreaterThanOrEqualToThreshold",
    threshold: 1,
    periodSeconds: 300,
    evaluationPeriods: 3,
  },
  {
    id: "ws-connection-failures",
    title: "WorkSpaces session connection failures",
    // AWS: connection metrics "are emitted after a user has successfully authenticated via the
    // WorkSpaces client and the client then initiates a session connection" (cloudwatch-metrics).
    description:
      "Five or more WorkSpaces session connections failed in 15 minutes (AWS/WorkSpaces ConnectionFailure). These are streaming-session failures after the user had already authenticated, not failed passwords.",
    tier: "warning",
    metric: "ConnectionFailure",
    statistic: "SUM",
    comparison: "GreaterThanOrEqualToThreshold",
    threshold: 5,
    periodSeconds: 900,
    evaluationPeriods: 1,
  },
  {
    id: "ws-trusted-device-failures",
    title: "WorkSpaces trusted-device validation failures",
    description:
      "A client failed certificate-based trusted-device validation (AWS/WorkSpaces TrustedDeviceValidationFailure; published only where trusted devices are enabled, Windows and macOS clients).",
    tier: "warning",
    metric: "TrustedDeviceValidationFailure",
    statistic: "SUM",
    comparison: "GreaterThanOrEqualToThreshold",
    threshold: 1,
    periodSeconds: 300,
    evaluationPeriods: 1,
  },
  {
    id: "ws-session-latency",
    title: "WorkSpaces in-session latency high",
    description: "Average in-session round-trip latency stayed above 250 ms for 30 minutes (AWS/WorkSpaces InSessionLatency).",
    tier: "info",
    metric: "InSessionLatency",
    statistic: "AVG",
    comparison: "GreaterThanThreshold",
    threshold: 250,
    periodSeconds: 300,
    evaluationPeriods: 6,
  },
]);

/** `SELECT MAX(Unhealthy) FROM SCHEMA("AWS/WorkSpaces", DirectoryId)`: one series over every directory. */
export function workspacesMetricsQuery(statistic: string, metric: string): string {
  return `SELECT ${statistic}(${metric}) FROM SCHEMA("AWS/WorkSpaces", DirectoryId)`;
}

/** AWS/WorkSpaces metrics AWS publishes for WorkSpaces Personal (cloudwatch-metrics.md); the dashboard may name only these. */
export const AWS_WORKSPACES_METRICS: readonly string[] = Object.freeze([
  "Available",
  "Unhealthy",
  "Stopped",
  "Maintenance",
  "ConnectionAttempt",
  "ConnectionSuccess",
  "ConnectionFailure",
  "SessionLaunchTime",
  "SessionDisconnect",
  "UserConnected",
  "InSessionLatency",
  "TrustedDeviceValidationAttempt",
  "TrustedDeviceValidationSuccess",
  "TrustedDeviceValidationFailure",
  "TrustedDeviceCertificateDaysBeforeExpiration",
]);

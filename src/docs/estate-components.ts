// The construct ids src/synth/estate-stack.ts gives each part of the estate.
// A ReadableStack makes them the first word of every Terraform address
// (`log_archive` -> aws_s3_bucket.log_archive_bucket), so the documents find a
// component's resources by this prefix. If the stack renames a construct, the
// documents stop finding its resources and rendering fails loudly (see
// src/docs/address-index.ts) instead of citing addresses that do not exist.
export const ESTATE_COMPONENTS = Object.freeze({
  key: "estate",
  monitoringKey: "monitoring",
  deliveryHealth: "delivery_health",
  accessLogs: "access_logs",
  archive: "log_archive",
  logGroup: "log_group",
  trail: "trail",
  alerts: "alerts",
  alarms: "cis_alarms",
  config: "config",
  guardrails: "guardrails",
  /** WorkSpaces monitoring: `workspaces_trail_*` in management, `workspaces_<account>_<region>_*` per site. */
  workspaces: "workspaces",
  /** Athena, Glue, the results bucket, the named queries and the investigator role (security account). */
  forensics: "forensics",
  /** The scheduled daily and weekly reviews (security account). */
  review: "review",
  /** Module mode only: one caller-identity check per provider the module expects. */
  accountGuard: "account_guard",
});

export type EstateComponent = keyof typeof ESTATE_COMPONENTS;

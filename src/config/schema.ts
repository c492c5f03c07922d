// The trailwright.json contract. Strict objects everywhere: an unknown key is a
// typo until proven otherwise, and a typo in a compliance setting must not pass
// silently. Field-level syntax lives here; rules that span fields live in
// src/plan/rules.ts so each message can name the regulation involved.
// A namespace import (zod 4's recommended form) lets the bundler drop the ~370 KB of zod it does not use, such as its locales.
import * as z from "zod";
import { FRAMEWORK_IDS } from "../catalog/regulations.js";
import { JURISDICTIONS } from "../catalog/regions.js";

const accountId = z.string().regex(/^\d{12}$/, "an AWS account id of exactly 12 digits, e.g. 123456789012");
const days = z.number().int("a whole number of days").min(1, "at least 1 day");
const email = z.string().regex(/^[^\s@"'<>\\]+@[^\s@"'<>\\]+\.[A-Za-z]{2,}$/, "an email address like secops@example.com");
const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens");
/** A folder inside the repository, relative to its root: "." or a/b/c with no "..", no leading "/", no quoting needed. */
const repoFolder = z
  .string()
  .regex(/^(\.|[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*)$/, 'a folder relative to the repository root, e.g. "infra" or "." (letters, digits, ".", "_", "-" and "/"; no "..")');
const roleName = z.string().regex(/^[\w+=,.@-]{1,64}$/, "an IAM role name (letters, digits and +=,.@_-)");
const roleArn = z.string().regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "an IAM role ARN like arn:aws:iam::123456789012:role/LogReader");
const principalArn = z
  .string()
  .regex(/^arn:aws:iam::\d{12}:(root|role\/[\w+=,.@/-]{1,512}|user\/[\w+=,.@/-]{1,512})$/, "an IAM principal ARN like arn:aws:iam::123456789012:role/TerraformDeployer");

/** Where WorkSpaces users sign in; decides where failed sign-ins can be seen (shared/reference/workspaces.md section 3). */
export const WORKSPACES_IDENTITY_SOURCES = ["managed-ad", "ad-connector", "simple-ad", "identity-center", "saml"] as const;
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a 24-hour time like 07:00");
// Metric filters have no CIDR operator, only trailing wildcards, so an allowed
// network must end on an octet boundary (workspaces.md section 4).
const ipv4Prefix = z
  .string()
  .regex(
    /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(8|16|24|32)$/,
    "an IPv4 prefix ending on an octet boundary: /8, /16, /24 or /32, e.g. 203.0.113.0/24",
  );
const directoryId = z.string().regex(/^d-[0-9a-f]{10}$/, "a directory id like d-1234567890");

export const INDUSTRIES = ["general", "banking", "healthcare", "payments"] as const;
export const TIERS = ["critical", "warning", "info"] as const;

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).optional(),
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,18}[a-z0-9]$/, "3-20 lowercase letters, digits and hyphens, starting with a letter")
    .optional(),
  preset: z.string().optional(),
  jurisdiction: z.enum(JURISDICTIONS),
  industry: z.enum(INDUSTRIES),
  frameworks: z.array(z.enum(FRAMEWORK_IDS as [string, ...string[]])).optional(),
  topology: z.enum(["single-account", "organization"]),
  homeRegion: z.string(),
  allowedRegions: z.array(z.string()).min(1).optional(),
  residency: z.boolean(),
  accounts: z.strictObject({
    management: accountId,
    logArchive: accountId.optional(),
    security: accountId.optional(),
    /** Replaced by deployRoleName (kept only to explain the rename; see rules.ts). */
    assumeRoleName: roleName.optional(),
    /** Role the management provider assumes; default none: Terraform runs on the caller's own management credentials. */
    managementRoleArn: roleArn.optional(),
    /** Dedicated role Terraform assumes in each member account, created once by bootstrap/. Default trailwright-deploy. */
    deployRoleName: roleName.optional(),
    /** Role bootstrap/ assumes to create the deploy role. Default AWSControlTowerExecution under Control Tower, else OrganizationAccountAccessRole. */
    bootstrapRoleName: roleName.optional(),
    /** The one management-account principal the deploy role trusts (your CI or admin role). Default the management account root. */
    deployerArn: principalArn.optional(),
  }),
  organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, "an organization id like o-a1b2c3d4e5").optional(),
  controlTower: z.boolean().optional(),
  retention: z.strictObject({
    archiveDays: days,
    hotDays: days,
    immediateDays: days.optional(),
  }),
  /**
   * Why a retention or lock number is what it is, when it is not the preset's or a
   * regulation's: COMPLIANCE.md prints it beside the number (or says none was given).
   */
  reasons: z
    .strictObject({
      archiveDays: z.string().min(1).optional(),
      hotDays: z.string().min(1).optional(),
      immediateDays: z.string().min(1).optional(),
      objectLockDays: z.string().min(1).optional(),
    })
    .optional(),
  storage: z.strictObject({
    objectLock: z.strictObject({
      mode: z.enum(["GOVERNANCE", "COMPLIANCE", "off"]),
      days: days.optional(),
    }),
    mfaDelete: z.boolean(),
    lifecycle: z.boolean().optional(),
  }),
  kms: z.strictObject({ rotationDays: z.number().int().min(90).max(2560).optional() }).optional(),
  alerts: z.strictObject({
    emails: z.array(email),
    critical: z.array(email).optional(),
    warning: z.array(email).optional(),
    info: z.array(email).optional(),
    breakGlass: z.boolean().optional(),
  }),
  readers: z.array(roleArn).optional(),
  dataEvents: z.strictObject({
    s3: z.enum(["off", "all", "named"]),
    s3Buckets: z.array(bucketName).optional(),
    lambda: z.boolean().optional(),
  }),
  insights: z.boolean(),
  config: z.boolean(),
  /** create: the estate creates an AWS Config recorder where it needs one; existing: every estate account already has a recorder and delivery channel. */
  configRecorders: z.enum(["create", "existing"]).optional(),
  guardrails: z
    .strictObject({
      breakGlassRoleName: roleName.optional(),
      regionDeny: z.boolean().optional(),
    })
    .optional(),
  dashboard: z.boolean().optional(),
  /** Amazon WorkSpaces user activity monitoring (off unless enabled). */
  workspaces: z
    .strictObject({
      enabled: z.boolean(),
      identitySource: z.enum(WORKSPACES_IDENTITY_SOURCES).optional(),
      /** Accounts that run WorkSpaces. Default: the management account in single-account topology; required in an organization. */
      accounts: z.array(accountId).min(1).optional(),
      /** Regions those accounts run WorkSpaces in. Default: homeRegion. */
      regions: z.array(z.string()).min(1).optional(),
      /** Public networks users connect from (office NAT, VPN egress); logins from anywhere else alarm. */
      allowedNetworks: z.array(ipv4Prefix).optional(),
      businessHours: z
        .strictObject({
          timeZone: z.string().optional(),
          start: clockTime.optional(),
          end: clockTime.optional(),
          days: z.array(z.enum(WEEKDAYS)).min(1).optional(),
        })
        .optional(),
      /** Tier of the after-hours login alarm. Default: warning. */
      afterHoursTier: z.enum(TIERS).optional(),
      /** AWS Managed Microsoft AD directories whose security logs are forwarded (identitySource managed-ad). */
      directories: z
        .array(z.strictObject({ id: directoryId, account: accountId.optional(), region: z.string().optional() }))
        .optional(),
    })
    .optional(),
  /** Athena over the archive, one named query per check, and the scheduled daily and weekly reviews (src/query). */
  forensics: z
    .strictObject({
      enabled: z.boolean(),
      /** IANA zone of the business hours and of the review schedules. */
      timeZone: z.string().regex(/^[A-Za-z]+(\/[A-Za-z0-9_+-]+)*$/, "an IANA time zone like Europe/London").optional(),
      businessHours: z.string().regex(/^([01]\d|2[0-3]):00-([01]\d|2[0-4]):00$/, "whole hours like 07:00-19:00").optional(),
      /** Local time the daily review runs; the weekly one runs an hour later on weeklyReviewDay. */
      reviewAt: z.string().regex(/^([01]\d|2[0-2]):00$/, "a whole hour from 00:00 to 22:00, like 06:00").optional(),
      weeklyReviewDay: z.enum(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]).optional(),
      /** Athena cancels (and still bills) any query that scans more than this. */
      scanLimitGb: z.number().int("a whole number of GB").min(1, "at least 1 GB").max(100000).optional(),
      /** Days query results are kept. */
      resultsDays: days.optional(),
      /** Accounts whose logs the table projects, beyond the estate's own (other members of the organization). */
      accounts: z.array(accountId).optional(),
    })
    .optional(),
  tags: z.record(z.string().regex(/^[\w .:/=+@-]{1,128}$/, "tag keys: letters, digits, spaces and _.:/=+-@"), z.string().max(256)).optional(),
  output: z
    .strictObject({
      format: z.enum(["hcl", "json"]).optional(),
      /** root: a complete root module (default); module: a child module an existing root calls. */
      mode: z.enum(["root", "module"]).optional(),
      /**
       * Module mode: the folder of the root module that calls this one, relative to the
       * repository root (default "."). The README's module call uses the path from there.
       */
      callerDir: repoFolder.optional(),
      /**
       * IAM roles in the management account that CI assumes through OIDC: a read-only
       * one for plans (pull requests) and one for apply (after approval).
       */
      planRoleName: roleName.optional(),
      applyRoleName: roleName.optional(),
      /** CI pipeline files to generate around the Terraform. */
      pipelines: z.array(z.enum(["github", "gitlab"])).optional(),
      /** S3 backend configuration for the generated root module (native S3 lock files). */
      backend: z
        .strictObject({
          bucket: bucketName,
          key: z.string().min(1).max(1024),
          region: z.string(),
        })
        .optional(),
    })
    .optional(),
  /** Assumptions behind the monthly cost estimate; defaults per preset. */
  cost: z
    .strictObject({
      accounts: z.number().int().min(1).max(10000).optional(),
      managementEventsPerDay: z.number().int().min(0).optional(),
      dataEventsPerDay: z.number().int().min(0).optional(),
      averageEventBytes: z.number().int().min(100).max(100000).optional(),
    })
    .optional(),
});

export type TrailwrightConfig = z.infer<typeof configSchema>;

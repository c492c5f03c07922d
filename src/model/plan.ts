// The resolved plan: plain, frozen data with every default applied. Both the
// CDKTF constructs and the handlebars documents read it, so no default or
// derived name is ever computed twice. Nothing here knows about cdktf.

export type Topology = "single-account" | "organization";
export type ObjectLockMode = "GOVERNANCE" | "COMPLIANCE";
export type AlertTier = "critical" | "warning" | "info";
export type OutputFormat = "hcl" | "json";
export type AccountRole = "management" | "logArchive" | "security";

/** Where a number came from: a regulation's minimum or an engineering choice. */
export interface NumberSource {
  readonly value: number;
  /** Human reason, e.g. "FCA SYSC 9.1.2: at least 5 years" or "engineering choice". */
  readonly reason: string;
  /** Framework ids whose minimum this value satisfies (empty for pure choices). */
  readonly satisfies: readonly string[];
}

export interface AccountPlan {
  readonly role: AccountRole;
  readonly id: string;
  /** Terraform provider alias, or undefined for the default provider. */
  readonly providerAlias: string | undefined;
  /**
   * Role the provider assumes into this account: the deploy role for member accounts, the
   * user-named role (if any) for management; undefined when the caller's credentials already
   * point there (management by default, and the one account of a single-account estate).
   */
  readonly assumeRoleArn: string | undefined;
}

/**
 * How Terraform reaches each account (reference/organization.md A, the SRA and AFT pattern):
 * management on the caller's own credentials, member accounts through a dedicated deploy role
 * that bootstrap/ creates once through the organization's access role.
 */
export interface AccessPlan {
  /** Role the management provider assumes; undefined: the caller's own credentials. */
  readonly managementRoleArn: string | undefined;
  readonly deployRoleName: string;
  /** Role bootstrap/ assumes into member accounts: AWSControlTowerExecution or OrganizationAccountAccessRole. */
  readonly bootstrapRoleName: string;
  /** The one management principal the deploy role trusts. */
  readonly deployerArn: string;
  /** Member accounts bootstrap/ creates the deploy role in, sorted; empty in single-account topology. */
  readonly memberAccountIds: readonly string[];
}

export interface TrailPlan {
  readonly name: string;
  /** Known before apply, so policies can name it without a dependency cycle. Always in the management account. */
  readonly arn: string;
  readonly isOrganizationTrail: boolean;
  /** False when Control Tower already records management events (data-events-only trail). */
  readonly managementEvents: boolean;
  readonly s3DataEvents: "off" | "all" | { readonly buckets: readonly string[] };
  readonly lambdaDataEvents: boolean;
  /** ARN prefixes excluded from S3 data events so the trail never logs its own deliveries. */
  readonly excludedBucketArns: readonly string[];
  readonly insights: boolean;
  readonly cloudWatchLogs: boolean;
}

export interface KeyPlan {
  /** Account holding the key: the security account for the estate key, management for the monitoring key. */
  readonly account: AccountRole;
  readonly alias: string;
  readonly description: string;
  readonly rotationPeriodDays: number;
  readonly deletionWindowDays: number;
  /** IAM principals (role ARNs) allowed to decrypt log files; empty for the monitoring key. */
  readonly readerArns: readonly string[];
}

export interface LifecycleTier {
  readonly days: number;
  readonly storageClass: "STANDARD_IA" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";
}

export interface LifecyclePlan {
  /** Days kept in S3 Standard, immediately available, before the first transition. */
  readonly transitions: readonly LifecycleTier[];
  readonly expirationDays: number;
  readonly noncurrentExpirationDays: number;
  readonly abortIncompleteMultipartDays: number;
}

export interface ArchiveBucketPlan {
  readonly name: string;
  readonly arn: string;
  readonly objectLock: { readonly mode: ObjectLockMode; readonly days: number } | undefined;
  readonly mfaDelete: boolean;
  /** Undefined when MFA delete is on: S3 refuses lifecycle rules on such a bucket. */
  readonly lifecycle: LifecyclePlan | undefined;
}

export interface AccessLogBucketPlan {
  readonly name: string;
  readonly arn: string;
  readonly expirationDays: number;
}

export interface LogGroupPlan {
  /** Log group the metric filters read. */
  readonly name: string;
  readonly arn: string;
  /** True when the estate creates the group; false when it reads Control Tower's. */
  readonly managed: boolean;
  readonly retentionDays: number;
}

export interface MetricAlarmPlan {
  /** Stable id; becomes part of Terraform addresses, so it is a contract. */
  readonly id: string;
  readonly title: string;
  readonly pattern: string;
  readonly tier: AlertTier;
  readonly metricName: string;
  readonly cis: string | undefined;
  readonly securityHub: string | undefined;
  readonly prowler: string | undefined;
}

export interface TopicPlan {
  readonly tier: AlertTier;
  readonly name: string;
  readonly emails: readonly string[];
}

export interface ConfigRulePlan {
  /** The account holding what the rule checks: a rule evaluates only its own account's resources. */
  readonly account: AccountRole;
  readonly name: string;
  readonly identifier: string;
  readonly inputParameters: Readonly<Record<string, string>> | undefined;
}

export interface ConfigPlan {
  /** Delivery bucket for the recorders the estate creates (log-archive account); unused when none are created. */
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly recorderName: string;
  /** Accounts where the estate creates a recorder and delivery channel (one per account and Region, AWS's limit). */
  readonly recorderAccounts: readonly AccountRole[];
  /** Accounts whose existing recorder (Control Tower's, or one the user declared) the rules rely on. */
  readonly existingRecorderAccounts: readonly AccountRole[];
  readonly rules: readonly ConfigRulePlan[];
  /** Organization aggregator in the security account; undefined in single-account topology and under Control Tower (it makes its own). */
  readonly aggregator: { readonly name: string; readonly roleName: string } | undefined;
  /**
   * Accounts outside management, log-archive and security that hold estate alarms (WorkSpaces
   * sites): the estate runs no Config there, so cloudwatch-alarm-action-check does not evaluate
   * their alarms. The documents say so (workspacesLimits); the apply rules accept only these.
   */
  readonly alarmAccountsWithoutConfig: readonly string[];
}

/** The alarm that fires when the trail stops delivering to CloudWatch Logs. */
export interface DeliveryHealthPlan {
  /** Minutes without a single incoming event before the alarm fires. */
  readonly silentMinutes: number;
  readonly tier: AlertTier;
  readonly reason: string;
}

export interface GuardrailPlan {
  readonly breakGlassRoleName: string;
  readonly regionDeny: { readonly allowedRegions: readonly string[]; readonly exemptActions: readonly string[] } | undefined;
}

/** A scanner check the estate fails on purpose, with the reason an auditor reads. */
export interface Suppression {
  readonly check: string;
  /** Construct path suffix the suppression is attached to (e.g. "access_log_bucket"). */
  readonly target: string;
  readonly reason: string;
}

/** A number the cost estimate assumes, with why it is what it is (a default's reasoning or "set in the configuration"). */
export interface AssumedNumber {
  readonly value: number;
  readonly reason: string;
}

/** What the monthly cost estimate assumes about activity; config key `cost`, defaults per topology and industry. */
export interface CostAssumptions {
  /** AWS accounts whose activity the trail records. */
  readonly accounts: AssumedNumber;
  /** Management events per account per day. */
  readonly managementEventsPerDay: AssumedNumber;
  /** Data events per day across the whole estate (the S3 object and Lambda events the trail selects). */
  readonly dataEventsPerDay: AssumedNumber;
  /** Average size of one CloudTrail event record, as JSON before compression. */
  readonly averageEventBytes: AssumedNumber;
}

/** Athena over the archive and the scheduled reviews; all of it in the security account. */
export interface ForensicsPlan {
  /** Glue database (lowercase and underscores, as Athena requires). */
  readonly databaseName: string;
  readonly tableName: string;
  readonly workgroupName: string;
  readonly resultsBucket: { readonly name: string; readonly arn: string; readonly expirationDays: number };
  /** Per query; Athena cancels a query past it (and bills what it scanned). */
  readonly bytesScannedCutoff: number;
  readonly investigatorRoleName: string;
  readonly reviewRoleName: string;
  /** Known before apply, so the archive bucket, key and topic policies can name them. */
  readonly investigatorRoleArn: string;
  readonly reviewRoleArn: string;
  readonly schedulerRoleName: string;
  readonly stateMachineName: string;
  /** Partition projection enums. */
  readonly accountIds: readonly string[];
  readonly regions: readonly string[];
  /** s3://archive/AWSLogs/[o-org/]: where the account folders start. */
  readonly logsLocation: string;
  /** First day the projection offers, yyyy/MM/dd. */
  readonly projectionStart: string;
  readonly timeZone: string;
  readonly businessStartHour: number;
  readonly businessEndHour: number;
  /** cron() expressions for EventBridge Scheduler, in timeZone. */
  readonly dailyCron: string;
  readonly weeklyCron: string;
  /** True when the trail records S3 data events, so s3-exfiltration can see reads. */
  readonly s3DataEvents: boolean;
}

export interface RegulationRef {
  readonly id: string;
  readonly name: string;
}

/**
 * Placement, fixed by design so policies can be reasoned about (reference/organization.md,
 * "Recommended design"):
 * - management account: trail, monitoring key, log group, metric filters, alarms, SNS topics,
 *   the alarm-action Config rule, SCPs (organization topology only);
 * - log-archive account: archive bucket, access-log bucket, Config bucket, the S3 Config rules;
 * - security account: the estate key (CloudTrail and archive encryption: key custody apart from
 *   the data and from management), the log readers, the Config aggregator.
 * In single-account topology all three roles are the same account.
 */
export interface ResolvedPlan {
  readonly name: string;
  readonly preset: string | undefined;
  readonly jurisdiction: string;
  readonly industry: string;
  readonly frameworks: readonly RegulationRef[];
  readonly topology: Topology;
  readonly homeRegion: string;
  readonly allowedRegions: readonly string[];
  readonly residency: boolean;
  readonly organizationId: string | undefined;
  readonly accounts: Readonly<Record<AccountRole, AccountPlan>>;
  readonly controlTower: boolean;
  readonly access: AccessPlan;
  readonly trail: TrailPlan;
  /** The estate key: CloudTrail log files, the archive and Config buckets. */
  readonly key: KeyPlan;
  /** The monitoring key: the trail's CloudWatch log group and the SNS alert topics, beside them in management. */
  readonly monitoringKey: KeyPlan;
  readonly archive: ArchiveBucketPlan;
  readonly accessLogs: AccessLogBucketPlan;
  readonly logGroup: LogGroupPlan;
  readonly alarms: readonly MetricAlarmPlan[];
  readonly alarmNamespace: string;
  readonly topics: readonly TopicPlan[];
  readonly config: ConfigPlan | undefined;
  readonly guardrails: GuardrailPlan | undefined;
  readonly deliveryHealth: DeliveryHealthPlan;
  readonly dashboard: boolean;
  /** Amazon WorkSpaces user activity monitoring; undefined when off (the default). */
  readonly workspaces: WorkspacesPlan | undefined;
  readonly suppressions: readonly Suppression[];
  /** Why each retention number is what it is. */
  readonly retention: {
    readonly archiveDays: NumberSource;
    readonly hotDays: NumberSource;
    readonly immediateDays: NumberSource;
    readonly objectLockDays: NumberSource | undefined;
  };
  readonly tags: Readonly<Record<string, string>>;
  readonly output: OutputPlan;
  /** Assumptions behind the monthly cost estimate (src/cost). */
  readonly cost: CostAssumptions;
  /** Athena, named queries and scheduled reviews; undefined when forensics.enabled is false or absent. */
  readonly forensics: ForensicsPlan | undefined;
}

export type OutputMode = "root" | "module";
export type PipelineKind = "github" | "gitlab";

/** S3 state backend for the generated root module; state locking uses S3 lock files (Terraform >= 1.10). */
export interface BackendPlan {
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
}

export interface OutputPlan {
  readonly format: OutputFormat;
  /** root: a complete root module; module: a child module an existing root calls (no backend, plan or apply of its own). */
  readonly mode: OutputMode;
  /** Module mode: the calling root module's folder, relative to the repository root ("." by default). */
  readonly callerDir: string;
  /** The management-account roles CI assumes: read-only for plan, the deploying one for apply. */
  readonly planRoleName: string;
  readonly applyRoleName: string;
  /** CI pipeline files to generate, deduplicated and sorted; empty when none were asked for. */
  readonly pipelines: readonly PipelineKind[];
  /** Root mode only; undefined leaves the backend to the user. */
  readonly backend: BackendPlan | undefined;
}

export type WorkspacesIdentitySource = "managed-ad" | "ad-connector" | "simple-ad" | "identity-center" | "saml";

/** An alarm with its own threshold and window (the CIS alarms all fire on 1 match in 5 minutes). */
export interface WorkspacesFilterAlarmPlan extends MetricAlarmPlan {
  readonly threshold: number;
  readonly periodSeconds: number;
  /** Where the pattern comes from: the AWS document that names the events it matches. */
  readonly source: string;
}

/** An alarm on a Metrics Insights query over the AWS/WorkSpaces metrics of every directory in a site. */
export interface WorkspacesNativeAlarmPlan {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly tier: AlertTier;
  readonly query: string;
  readonly comparison: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold";
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/** A Managed AD directory whose security logs the estate forwards to CloudWatch Logs. */
export interface DirectoryLogPlan {
  readonly directoryId: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
}

/**
 * One account and region that runs WorkSpaces: the WorkSpaces Access event
 * lands on that account's default bus in that region, so its rule, log group,
 * key, topics, native-metric alarms and dashboard live there too.
 */
export interface WorkspacesSitePlan {
  /** Construct-id fragment, e.g. "444444444444_eu_west_2"; part of Terraform addresses. */
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  /** The management account in its home region: reuses the management provider. */
  readonly isManagementHome: boolean;
  readonly providerAlias: string | undefined;
  /** Role assumed into the site's account; undefined when management credentials already point there. */
  readonly assumeRoleArn: string | undefined;
  readonly keyAlias: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
  readonly ruleName: string;
  readonly ruleArn: string;
  readonly alarmNamePrefix: string;
  readonly afterHoursAlarmName: string;
  readonly afterHoursAlarmArn: string;
  /** IAM role names are account-wide, so the region is part of the name. */
  readonly schedulerRoleName: string;
  /** Dashboard names are account-wide too. */
  readonly dashboardName: string;
  readonly directories: readonly DirectoryLogPlan[];
}

export interface BusinessHoursPlan {
  /** IANA time zone EventBridge Scheduler evaluates the schedules in. */
  readonly timeZone: string;
  readonly start: string;
  readonly end: string;
  readonly days: readonly string[];
}

export interface WorkspacesPlan {
  readonly identitySource: WorkspacesIdentitySource;
  readonly sites: readonly WorkspacesSitePlan[];
  /** Metric filters and alarms on the trail's log group (management account). */
  readonly trailAlarms: readonly WorkspacesFilterAlarmPlan[];
  /** Metric filters and alarms on each site's access-event log group. */
  readonly accessAlarms: readonly WorkspacesFilterAlarmPlan[];
  /** The login-count filter every site has (the dashboard and the after-hours alarm read it). */
  readonly loginFilter: { readonly pattern: string; readonly metricName: string };
  readonly nativeAlarms: readonly WorkspacesNativeAlarmPlan[];
  readonly namespace: string;
  readonly allowedNetworks: readonly string[];
  readonly businessHours: BusinessHoursPlan;
  readonly afterHoursTier: AlertTier;
  readonly retentionDays: number;
  /** One topic per tier the site alarms use, created in every site (alarms notify topics in their own region). */
  readonly topics: readonly TopicPlan[];
}

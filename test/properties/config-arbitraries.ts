// fast-check arbitraries over the trailwright.json space.
//
// `validConfig` is an independent model of the rules: it draws a topology,
// frameworks, regions, retention numbers near each framework's minimum, Object
// Lock, MFA delete / lifecycle, data events, Control Tower, Insights, Config,
// emails and output options, keeping only combinations the design allows. It
// reads the catalogs (the regulations' numbers are data, not the code under
// test) but none of src/plan/rules.ts, so a disagreement between the model and
// the resolver is a finding either way.
//
// `invalidConfig` takes a valid config and breaks exactly one rule, naming the
// field the rejection must point at.
import fc from "fast-check";
import { AWS_REGIONS, JURISDICTIONS, RESIDENCY_REGIONS, type Jurisdiction } from "../../src/catalog/regions.js";
import { defaultFrameworks, FRAMEWORK_IDS, FRAMEWORKS, type Framework, type FrameworkId } from "../../src/catalog/regulations.js";
import { INDUSTRIES } from "../../src/config/schema.js";

export type RawConfig = Record<string, unknown> & {
  jurisdiction: Jurisdiction;
  industry: string;
  frameworks?: FrameworkId[];
  topology: "single-account" | "organization";
  homeRegion: string;
  allowedRegions?: string[];
  residency: boolean;
  accounts: { management: string; logArchive?: string; security?: string; deployRoleName?: string };
  organizationId?: string;
  controlTower?: boolean;
  retention: { archiveDays: number; hotDays: number; immediateDays?: number };
  storage: { objectLock: { mode: "GOVERNANCE" | "COMPLIANCE" | "off"; days?: number }; mfaDelete: boolean; lifecycle?: boolean };
  alerts: { emails: string[]; critical?: string[]; warning?: string[]; info?: string[]; breakGlass?: boolean };
  dataEvents: { s3: "off" | "all" | "named"; s3Buckets?: string[]; lambda?: boolean };
  insights: boolean;
  config: boolean;
  name?: string;
  output?: { format?: "hcl" | "json"; mode?: "root" | "module"; pipelines?: ("github" | "gitlab")[]; backend?: { bucket: string; key: string; region: string } };
};

const CLOUDWATCH_MAX_DAYS = 3653;

/** The frameworks a config selects, as the design defines them (explicit list, or the defaults for jurisdiction + industry). */
export function selectedFrameworks(cfg: Pick<RawConfig, "frameworks" | "jurisdiction" | "industry">): Framework[] {
  return [...new Set(cfg.frameworks ?? defaultFrameworks(cfg.jurisdiction, cfg.industry))].map((id) => FRAMEWORKS[id]);
}

export function minimums(frameworks: readonly Framework[]) {
  const max = (values: number[]) => Math.max(0, ...values);
  return {
    archive: max(frameworks.map((f) => f.minArchiveDays)),
    hot: max(frameworks.map((f) => f.minHotDays)),
    immediate: max(frameworks.map((f) => f.minImmediateDays)),
    immutable: frameworks.some((f) => f.requiresImmutability),
    immutableArchive: max(frameworks.filter((f) => f.requiresImmutability).map((f) => f.minArchiveDays)),
    expiry: frameworks.some((f) => f.requiresExpiry),
  };
}

const accountId = fc.stringMatching(/^[1-9]\d{11}$/);
const email = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}([._+-][a-z0-9]{1,5})?@[a-z]{2,8}\.(com|org|co\.uk)$/);
/** Addresses as people type them: sometimes the same mailbox twice in different case. */
const emailList = (maxLength: number) =>
  fc.tuple(fc.uniqueArray(email, { minLength: 1, maxLength }), fc.boolean()).map(([list, caseTwin]) => (caseTwin ? [...list, list[0]!.toUpperCase()] : list));
const bucketName = fc.stringMatching(/^[a-z][a-z0-9-]{2,20}[a-z0-9]$/);
const estateName = fc.stringMatching(/^[a-z][a-z0-9-]{1,10}[a-z0-9]$/);
const roleName = fc.stringMatching(/^[A-Za-z][\w+=,.@-]{0,20}$/);

/** A number of days at, just above, or well above a minimum (at least 1). */
function daysFrom(min: number, max: number): fc.Arbitrary<number> {
  const low = Math.max(1, min);
  return fc.oneof(fc.constant(low), fc.integer({ min: low, max: Math.min(low + 5, max) }), fc.integer({ min: low, max }));
}

export const validConfig: fc.Arbitrary<RawConfig> = fc.gen().map((g) => {
  const jurisdiction: Jurisdiction = g(() => fc.constantFrom(...JURISDICTIONS));
  const industry: string = g(() => fc.constantFrom(...INDUSTRIES));
  const frameworks = g(fc.boolean) ? undefined : g(() => fc.subarray([...FRAMEWORK_IDS]));
  const min = minimums(selectedFrameworks({ frameworks, jurisdiction, industry }));
  const organization = g(fc.boolean);

  const [management, logArchive, security] = g(() => fc.uniqueArray(accountId, { minLength: 3, maxLength: 3 })) as [string, string, string];
  const residency = g(fc.boolean);
  const inside = RESIDENCY_REGIONS[jurisdiction];
  const homeRegion: string = residency ? g(() => fc.constantFrom(...inside)) : g(() => fc.constantFrom(...AWS_REGIONS));
  const others = (residency ? inside : AWS_REGIONS).filter((r) => r !== homeRegion);
  const allowedRegions = g(fc.boolean) ? undefined : [homeRegion, ...g(() => fc.subarray([...others], { maxLength: Math.min(3, others.length) }))];

  // Retention near the minimums; immediate availability never longer than the archive.
  const archiveDays = g(() => daysFrom(Math.max(min.archive, min.immediate), 4000));
  const hotDays = g(() => daysFrom(min.hot, CLOUDWATCH_MAX_DAYS));
  const defaultImmediateFits = 90 >= min.immediate && 90 <= archiveDays;
  const immediateDays = defaultImmediateFits && g(fc.boolean) ? undefined : g(() => daysFrom(min.immediate, archiveDays));

  // MFA delete excludes lifecycle; storage limitation (GDPR) needs lifecycle unless logs are deleted by hand under MFA delete.
  const mfaDelete = g(fc.boolean);
  const lifecycle = mfaDelete ? false : min.expiry ? true : g(fc.boolean);
  const lifecycleField = lifecycle && g(fc.boolean) ? undefined : lifecycle;
  const mode = min.immutable ? g(fc.constantFrom, "GOVERNANCE" as const, "COMPLIANCE" as const) : g(fc.constantFrom, "GOVERNANCE" as const, "COMPLIANCE" as const, "off" as const);
  const lockDays =
    mode === "off" || g(fc.boolean) ? undefined : g(() => daysFrom(min.immutableArchive, lifecycle ? archiveDays : archiveDays + 1000));

  const controlTower = organization && g(fc.boolean);
  const s3 = g(fc.constantFrom, "off" as const, "all" as const, "named" as const);
  const lambda = g(fc.boolean);
  const needsDataEvents = controlTower && s3 === "off" && !lambda;

  const emails = g(() => emailList(3));
  const outputMode = g(fc.constantFrom, undefined, "root" as const, "module" as const);

  const config: RawConfig = {
    jurisdiction,
    industry,
    ...(frameworks ? { frameworks } : {}),
    topology: organization ? "organization" : "single-account",
    homeRegion,
    ...(allowedRegions ? { allowedRegions } : {}),
    residency,
    accounts: organization ? { management, logArchive, security } : { management },
    ...(organization ? { organizationId: g(() => fc.stringMatching(/^o-[a-z0-9]{10,32}$/)) } : {}),
    ...(organization ? { controlTower } : {}),
    retention: { archiveDays, hotDays, ...(immediateDays === undefined ? {} : { immediateDays }) },
    storage: {
      objectLock: { mode, ...(lockDays === undefined ? {} : { days: lockDays }) },
      mfaDelete,
      ...(lifecycleField === undefined ? {} : { lifecycle: lifecycleField }),
    },
    ...(g(fc.boolean) ? { kms: { rotationDays: g(fc.integer, { min: 90, max: 2560 }) } } : {}),
    alerts: {
      emails,
      ...(g(fc.boolean) ? { critical: g(() => emailList(2)) } : {}),
      breakGlass: g(fc.boolean),
    },
    ...(g(fc.boolean) ? { readers: [`arn:aws:iam::${security}:role/${g(() => roleName)}`] } : {}),
    dataEvents: {
      s3: needsDataEvents ? "all" : s3,
      ...(s3 === "named" && !needsDataEvents ? { s3Buckets: g(() => fc.uniqueArray(bucketName, { minLength: 1, maxLength: 3 })) } : {}),
      lambda,
    },
    insights: controlTower ? false : g(fc.boolean),
    config: g(fc.boolean),
    // Under Control Tower its own Region deny control applies: an explicit regionDeny there is a rule break (below).
    ...(organization && g(fc.boolean) ? { guardrails: { breakGlassRoleName: g(() => roleName), ...(controlTower ? {} : { regionDeny: g(fc.boolean) }) } } : {}),
    dashboard: g(fc.boolean),
    ...(g(fc.boolean) ? { name: g(() => estateName) } : {}),
    output: {
      format: g(fc.constantFrom, "hcl" as const, "json" as const),
      ...(outputMode ? { mode: outputMode } : {}),
      pipelines: g(fc.subarray, ["github" as const, "gitlab" as const]),
      ...(outputMode !== "module" && g(fc.boolean) ? { backend: { bucket: "tf-state-bucket", key: "audit/terraform.tfstate", region: homeRegion } } : {}),
    },
  };
  return config;
});

export interface Mutation {
  readonly name: string;
  /** Whether this rule can be broken in `cfg` (e.g. "below the minimum" needs a minimum above 1). */
  readonly applies: (cfg: RawConfig) => boolean;
  readonly apply: (cfg: RawConfig, n: number) => RawConfig;
  /** The field the rejection must name. */
  readonly field: string;
}

const clone = (cfg: RawConfig): RawConfig => structuredClone(cfg);

/** The config without an explicit regionDeny, so a Control Tower mutation breaks only the rule it names. */
function withoutRegionDeny(c: RawConfig): RawConfig {
  const guardrails = (c as { guardrails?: Record<string, unknown> }).guardrails;
  if (!guardrails) return c;
  const { regionDeny: _dropped, ...rest } = guardrails;
  return { ...c, guardrails: rest } as RawConfig;
}
const min = (cfg: RawConfig) => minimums(selectedFrameworks(cfg));
const archiveBucketOf = (cfg: RawConfig) =>
  `${cfg.name ?? "audit"}-cloudtrail-${cfg.accounts.logArchive ?? cfg.accounts.management}-${cfg.homeRegion}`;

/** Each breaks one rule of the design; `n` (>= 1) varies how far. */
export const MUTATIONS: readonly Mutation[] = [
  {
    name: "archive retention below the strictest minimum",
    applies: (c) => min(c).archive > 1,
    apply: (c, n) => ({ ...clone(c), retention: { ...c.retention, archiveDays: Math.max(1, min(c).archive - n) } }),
    field: "retention.archiveDays",
  },
  {
    name: "searchable retention below the strictest minimum",
    applies: (c) => min(c).hot > 1,
    apply: (c, n) => ({ ...clone(c), retention: { ...c.retention, hotDays: Math.max(1, min(c).hot - n) } }),
    field: "retention.hotDays",
  },
  {
    name: "searchable retention beyond CloudWatch Logs' maximum",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), retention: { ...c.retention, hotDays: CLOUDWATCH_MAX_DAYS + n } }),
    field: "retention.hotDays",
  },
  {
    name: "immediate availability below the strictest minimum",
    applies: (c) => min(c).immediate > 1,
    apply: (c, n) => ({ ...clone(c), retention: { ...c.retention, immediateDays: Math.max(1, min(c).immediate - n) } }),
    field: "retention.immediateDays",
  },
  {
    name: "immediate availability longer than the archive",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), retention: { ...c.retention, immediateDays: c.retention.archiveDays + n } }),
    field: "retention.immediateDays",
  },
  {
    name: "MFA delete together with lifecycle",
    applies: () => true,
    apply: (c) => ({ ...clone(c), storage: { ...c.storage, mfaDelete: true, lifecycle: true } }),
    field: "storage.mfaDelete",
  },
  {
    name: "Object Lock days longer than the expiry",
    applies: () => true,
    apply: (c, n) => {
      const mode = c.storage.objectLock.mode === "off" ? "GOVERNANCE" : c.storage.objectLock.mode;
      return { ...clone(c), storage: { objectLock: { mode, days: c.retention.archiveDays + n }, mfaDelete: false, lifecycle: true } };
    },
    field: "storage.objectLock.days",
  },
  {
    name: "Object Lock off under a framework that requires immutable logs",
    applies: (c) => min(c).immutable,
    apply: (c) => ({ ...clone(c), storage: { ...c.storage, objectLock: { mode: "off" } } }),
    field: "storage.objectLock.mode",
  },
  {
    name: "Object Lock days left when Object Lock is off",
    applies: (c) => !min(c).immutable,
    apply: (c, n) => ({ ...clone(c), storage: { ...c.storage, objectLock: { mode: "off", days: n } } }),
    field: "storage.objectLock.days",
  },
  {
    name: "no lifecycle (and no MFA delete) under storage limitation",
    applies: (c) => min(c).expiry,
    apply: (c) => ({ ...clone(c), storage: { ...c.storage, mfaDelete: false, lifecycle: false } }),
    field: "storage.lifecycle",
  },
  {
    name: "residency on, home region outside the jurisdiction",
    applies: (c) => c.residency,
    apply: (c, n) => {
      const outside = AWS_REGIONS.filter((r) => !RESIDENCY_REGIONS[c.jurisdiction].includes(r));
      return { ...clone(c), homeRegion: outside[n % outside.length]! };
    },
    field: "homeRegion",
  },
  {
    name: "residency on, an allowed region outside the jurisdiction",
    applies: (c) => c.residency,
    apply: (c, n) => {
      const outside = AWS_REGIONS.filter((r) => !RESIDENCY_REGIONS[c.jurisdiction].includes(r));
      return { ...clone(c), allowedRegions: [c.homeRegion, outside[n % outside.length]!] };
    },
    field: "allowedRegions",
  },
  {
    name: "home region that is not an AWS region",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), homeRegion: `xx-nowhere-${n}` }),
    field: "homeRegion",
  },
  {
    name: "allowed regions without the home region",
    applies: (c) => !c.residency,
    apply: (c, n) => ({ ...clone(c), allowedRegions: [AWS_REGIONS.filter((r) => r !== c.homeRegion)[n % (AWS_REGIONS.length - 1)]!] }),
    field: "allowedRegions",
  },
  {
    name: "malformed management account id",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), accounts: { ...c.accounts, management: "1".repeat(n % 11 + 1) } }),
    field: "accounts.management",
  },
  {
    name: "malformed organization id",
    applies: (c) => c.topology === "organization",
    apply: (c, n) => ({ ...clone(c), organizationId: `org-${n}` }),
    field: "organizationId",
  },
  {
    name: "malformed alert email",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), alerts: { ...c.alerts, emails: [`secops-at-example-${n}.com`] } }),
    field: "alerts.emails[0]",
  },
  {
    name: "no alert email at all",
    applies: () => true,
    apply: (c) => ({ ...clone(c), alerts: { emails: [] } }),
    field: "alerts.emails",
  },
  {
    name: "unknown top-level key",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), retension: { archiveDays: n } }),
    field: "retension",
  },
  {
    name: "unknown nested key",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), storage: { ...c.storage, objectlock: { days: n } } }),
    field: "storage.objectlock",
  },
  {
    name: "organization without an organization id",
    applies: (c) => c.topology === "organization",
    apply: (c) => {
      const { organizationId: _dropped, ...rest } = clone(c);
      return rest as RawConfig;
    },
    field: "organizationId",
  },
  {
    name: "log archive account equal to the management account",
    applies: (c) => c.topology === "organization",
    apply: (c) => ({ ...clone(c), accounts: { ...c.accounts, logArchive: c.accounts.management } }),
    field: "accounts.logArchive",
  },
  {
    name: "organization id on a single account",
    applies: (c) => c.topology === "single-account",
    apply: (c, n) => ({ ...clone(c), organizationId: `o-${String(n).padStart(10, "0")}` }),
    field: "organizationId",
  },
  {
    name: "Control Tower on a single account",
    applies: (c) => c.topology === "single-account",
    apply: (c) => ({ ...clone(c), controlTower: true }),
    field: "controlTower",
  },
  {
    name: "guardrail SCPs on a single account",
    applies: (c) => c.topology === "single-account",
    apply: (c) => ({ ...clone(c), guardrails: { regionDeny: true } }),
    field: "guardrails",
  },
  {
    name: "Control Tower with Insights",
    applies: (c) => c.topology === "organization",
    apply: (c) => withoutRegionDeny({ ...clone(c), controlTower: true, insights: true, dataEvents: { s3: "all", lambda: false } }),
    field: "insights",
  },
  {
    name: "Control Tower with no data events",
    applies: (c) => c.topology === "organization",
    apply: (c) => withoutRegionDeny({ ...clone(c), controlTower: true, insights: false, dataEvents: { s3: "off", lambda: false } }),
    field: "controlTower",
  },
  {
    name: "a region-deny SCP of our own under Control Tower",
    applies: (c) => c.topology === "organization",
    apply: (c) => ({ ...clone(c), controlTower: true, insights: false, dataEvents: { s3: "all", lambda: false }, guardrails: { regionDeny: true } }),
    field: "guardrails.regionDeny",
  },
  {
    name: "the organization's access role as the deploy role",
    applies: (c) => c.topology === "organization",
    apply: (c) => ({ ...clone(c), accounts: { ...clone(c).accounts, deployRoleName: "OrganizationAccountAccessRole" } }),
    field: "accounts.deployRoleName",
  },
  {
    name: "more named data-event buckets than a trail's 500 selector values",
    applies: () => true,
    apply: (c) => ({ ...clone(c), dataEvents: { s3: "named", s3Buckets: Array.from({ length: 520 }, (_, i) => `data-bucket-${i}`) } }),
    field: "dataEvents.s3Buckets",
  },
  {
    name: "named data events without bucket names",
    applies: () => true,
    apply: (c) => ({ ...clone(c), dataEvents: { ...c.dataEvents, s3: "named", s3Buckets: [] } }),
    field: "dataEvents.s3Buckets",
  },
  {
    name: "data events on the estate's own archive bucket (feedback loop)",
    applies: () => true,
    apply: (c) => ({ ...clone(c), dataEvents: { ...c.dataEvents, s3: "named", s3Buckets: [archiveBucketOf(c)] } }),
    field: "dataEvents.s3Buckets",
  },
  {
    name: "a child module choosing a backend",
    applies: () => true,
    apply: (c) => ({ ...clone(c), output: { ...c.output, mode: "module", backend: { bucket: "tf-state-bucket", key: "k", region: c.homeRegion } } }),
    field: "output.backend",
  },
  {
    name: "KMS rotation shorter than KMS allows",
    applies: () => true,
    apply: (c, n) => ({ ...clone(c), kms: { rotationDays: 90 - n } }),
    field: "kms.rotationDays",
  },
];

export interface InvalidCase {
  readonly config: RawConfig;
  readonly mutation: string;
  readonly field: string;
}

// chain, not tuple + filter: a tuple holding fc.gen()'s cloneable values loses its
// other members when fast-check clones it for .map (seen with fast-check 4.10).
export const invalidConfig: fc.Arbitrary<InvalidCase> = validConfig.chain((cfg) =>
  fc
    .tuple(fc.constantFrom(...MUTATIONS.filter((m) => m.applies(cfg))), fc.integer({ min: 1, max: 400 }))
    .map(([mutation, n]) => ({ config: mutation.apply(cfg, n), mutation: mutation.name, field: mutation.field })),
);

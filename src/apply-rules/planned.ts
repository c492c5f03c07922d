// A small typed view over a planned estate: every resource by absolute
// address with the account its provider is pinned to, its planned values,
// the resources it references and its configuration depends_on. The rules
// read this, never the raw JSON, so a change in how Terraform nests modules
// is handled once.
import type { ConfigModuleJson, ConfigResourceJson, PlanJson, PlannedModuleJson, PlannedResourceJson } from "./plan-json.js";

/**
 * A provider configuration as written, before anything made it plannable
 * offline (the offline plan removes credentials, so the plan JSON no longer
 * shows them).
 */
export interface ProviderSettings {
  /** The plan's provider_config_key: "aws" or "aws.<alias>" (root module). */
  readonly key: string;
  readonly region: string | undefined;
  /** `allowed_account_ids`; undefined when the provider does not pin an account. */
  readonly allowedAccountIds: readonly string[] | undefined;
  /** `assume_role[*].role_arn`. */
  readonly assumeRoleArns: readonly string[];
}

/** What the answers say the estate is, to judge the plan against. */
export interface EstateFacts {
  readonly accounts: { readonly management: string; readonly logArchive: string; readonly security: string };
  readonly controlTower: boolean;
  /** The role the user named for the management provider, if any. */
  readonly managementRoleArn?: string | undefined;
  /** The member accounts' deploy role name. */
  readonly deployRoleName?: string | undefined;
  /** Accounts whose existing AWS Config recorder (Control Tower's, or one the user declared) the estate relies on. */
  readonly existingRecorderAccounts?: readonly string[];
  /** Accounts with estate alarms where the estate's documents say no Config rule evaluates them (WorkSpaces sites). */
  readonly alarmAccountsWithoutConfig?: readonly string[];
}

export interface ApplyRuleInput {
  /** `terraform show -json` of the saved plan. */
  readonly plan: PlanJson;
  readonly providers: readonly ProviderSettings[];
  readonly facts: EstateFacts;
}

export interface PlannedResource {
  /** Absolute address, e.g. `module.audit.aws_cloudtrail.trail_main`. */
  readonly address: string;
  /** `""` for the root module, else `module.a.` (with the dot), the prefix of every address inside it. */
  readonly modulePrefix: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly providerKey: string;
  /** The account the provider is pinned to (its only allowed_account_ids entry), if any. */
  readonly account: string | undefined;
  /** Planned values; an attribute unknown until apply is absent. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Configuration expressions (with `constant_value` and `references`). */
  readonly expressions: Readonly<Record<string, unknown>>;
  /** Absolute addresses in `depends_on`. */
  readonly dependsOn: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every `references` entry anywhere inside one expression tree. */
function referencesIn(expression: unknown, out: string[] = []): string[] {
  if (Array.isArray(expression)) for (const e of expression) referencesIn(e, out);
  else if (isRecord(expression)) {
    for (const [k, v] of Object.entries(expression)) {
      if (k === "references" && Array.isArray(v)) out.push(...v.map(String));
      else referencesIn(v, out);
    }
  }
  return out;
}

/** `aws_kms_key.estate_key.arn` -> `aws_kms_key.estate_key`; `data.x.y[0].z` -> `data.x.y[0]`; var/local/module -> undefined. */
function resourceAddressOf(reference: string): string | undefined {
  const m = /^((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+(?:\[[^\]]+\])?)/.exec(reference);
  if (!m || /^(var|local|module|path|terraform|count|each|self)\./.test(reference)) return undefined;
  return m[1];
}

export class PlannedEstate {
  readonly resources: readonly PlannedResource[];
  readonly providers: readonly ProviderSettings[];
  readonly facts: EstateFacts;
  private readonly byAddress: ReadonlyMap<string, PlannedResource>;

  constructor(input: ApplyRuleInput) {
    this.providers = input.providers;
    this.facts = input.facts;
    const configs = new Map<string, { config: ConfigResourceJson; prefix: string }>();
    const walkConfig = (module: ConfigModuleJson, prefix: string) => {
      for (const r of module.resources ?? []) configs.set(prefix + r.address, { config: r, prefix });
      for (const [name, call] of Object.entries(module.module_calls ?? {})) walkConfig(call.module, `${prefix}module.${name}.`);
    };
    walkConfig(input.plan.configuration.root_module, "");

    const planned: PlannedResourceJson[] = [];
    const walkPlanned = (module: PlannedModuleJson) => {
      planned.push(...(module.resources ?? []));
      for (const child of module.child_modules ?? []) walkPlanned(child);
    };
    walkPlanned(input.plan.planned_values.root_module);

    const accountOf = (key: string) => {
      const ids = input.providers.find((p) => p.key === key)?.allowedAccountIds;
      return ids?.length === 1 ? ids[0] : undefined;
    };
    this.resources = planned.map((r) => {
      // A counted resource's configuration is under its address without the index.
      const found = configs.get(r.address) ?? configs.get(r.address.replace(/\[[^\]]+\]$/, ""));
      if (!found) throw new Error(`planned resource ${r.address} has no configuration in the plan JSON`);
      const { config, prefix } = found;
      return {
        address: r.address,
        modulePrefix: prefix,
        mode: r.mode,
        type: r.type,
        name: r.name,
        providerKey: config.provider_config_key,
        account: accountOf(config.provider_config_key),
        values: r.values ?? {},
        expressions: config.expressions ?? {},
        dependsOn: (config.depends_on ?? []).map((d) => prefix + d),
      };
    });
    this.byAddress = new Map(this.resources.map((r) => [r.address, r]));
  }

  get(address: string): PlannedResource | undefined {
    return this.byAddress.get(address);
  }

  ofType(type: string): PlannedResource[] {
    return this.resources.filter((r) => r.type === type && r.mode === "managed");
  }

  provider(key: string): ProviderSettings | undefined {
    return this.providers.find((p) => p.key === key);
  }

  /** Resources referenced by the expression of `attribute` (or by any expression when omitted). */
  referenced(resource: PlannedResource, attribute?: string): PlannedResource[] {
    const expression = attribute === undefined ? resource.expressions : resource.expressions[attribute];
    const out = new Map<string, PlannedResource>();
    for (const reference of referencesIn(expression)) {
      const address = resourceAddressOf(reference);
      const found = address && this.get(resource.modulePrefix + address);
      if (found) out.set(found.address, found);
    }
    return [...out.values()];
  }

  /**
   * Every resource Terraform must finish before `resource` starts: its
   * depends_on and its references, transitively (both are graph edges).
   */
  prerequisites(resource: PlannedResource): Set<string> {
    const seen = new Set<string>();
    const visit = (r: PlannedResource) => {
      for (const next of [...r.dependsOn.map((a) => this.get(a)).filter((x): x is PlannedResource => x !== undefined), ...this.referenced(r)]) {
        if (seen.has(next.address)) continue;
        seen.add(next.address);
        visit(next);
      }
    };
    visit(resource);
    return seen;
  }

  /** The bucket name a bucket-scoped resource configures: its planned `bucket`, or that of the aws_s3_bucket it references. */
  bucketOf(resource: PlannedResource): string | undefined {
    if (typeof resource.values.bucket === "string") return resource.values.bucket;
    const bucket = this.referenced(resource, "bucket").find((r) => r.type === "aws_s3_bucket");
    return typeof bucket?.values.bucket === "string" ? bucket.values.bucket : undefined;
  }

  /** The aws_s3_bucket resource named `bucket`, if the estate creates it. */
  bucketNamed(bucket: string): PlannedResource | undefined {
    return this.ofType("aws_s3_bucket").find((b) => b.values.bucket === bucket);
  }

  /** Resources of `type` that configure the bucket named `bucket`. */
  forBucket(type: string, bucket: string): PlannedResource[] {
    return this.ofType(type).filter((r) => this.bucketOf(r) === bucket);
  }

  /** The aws_kms_key an attribute points at, through an aws_kms_alias if need be. */
  keyOf(resource: PlannedResource, attribute: string): PlannedResource | undefined {
    for (const r of this.referenced(resource, attribute)) {
      if (r.type === "aws_kms_key") return r;
      if (r.type === "aws_kms_alias") {
        const key = this.referenced(r, "target_key_id").find((k) => k.type === "aws_kms_key");
        if (key) return key;
      }
    }
    return undefined;
  }

  /** The archive bucket each trail delivers to. */
  trailBucket(trail: PlannedResource): string | undefined {
    if (typeof trail.values.s3_bucket_name === "string") return trail.values.s3_bucket_name;
    const bucket = this.referenced(trail, "s3_bucket_name").find((r) => r.type === "aws_s3_bucket");
    return typeof bucket?.values.bucket === "string" ? bucket.values.bucket : undefined;
  }
}

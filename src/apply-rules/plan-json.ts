// The parts of Terraform's JSON plan format (`terraform show -json plan.bin`,
// https://developer.hashicorp.com/terraform/internals/json-format) the apply
// rules read. Values unknown until apply are absent from `values`.

export interface PlanJson {
  readonly format_version: string;
  readonly planned_values: { readonly root_module: PlannedModuleJson };
  readonly resource_changes?: readonly { readonly address: string; readonly change: { readonly actions: readonly string[] } }[];
  readonly configuration: {
    readonly provider_config?: Readonly<Record<string, ProviderConfigJson>>;
    readonly root_module: ConfigModuleJson;
  };
}

export interface PlannedModuleJson {
  readonly address?: string;
  readonly resources?: readonly PlannedResourceJson[];
  readonly child_modules?: readonly PlannedModuleJson[];
}

export interface PlannedResourceJson {
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly provider_name: string;
  /** Absent when nothing of the resource is known before apply. */
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface ProviderConfigJson {
  readonly name: string;
  readonly full_name?: string;
  readonly alias?: string;
  readonly module_address?: string;
  readonly expressions?: Readonly<Record<string, unknown>>;
}

export interface ConfigModuleJson {
  readonly resources?: readonly ConfigResourceJson[];
  readonly module_calls?: Readonly<Record<string, { readonly source: string; readonly module: ConfigModuleJson }>>;
}

export interface ConfigResourceJson {
  /** Relative to its module. */
  readonly address: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  /** The root provider configuration the resource uses (Terraform resolves module provider maps). */
  readonly provider_config_key: string;
  readonly expressions?: Readonly<Record<string, unknown>>;
  /** Relative to the resource's module. */
  readonly depends_on?: readonly string[];
}

// The synthesized stack's Terraform addresses, searchable by resource type and
// by the estate component (construct-id prefix) they belong to. The documents
// never spell out an address: they ask this index, so what they cite is always
// what the Terraform contains.
import { ESTATE_COMPONENTS, type EstateComponent } from "./estate-components.js";

/** A set of addresses: every resource of `type` (e.g. "aws_kms_key" or "data.aws_iam_policy_document"), optionally within one component and with a name fragment. */
export interface AddressMatcher {
  readonly type: string;
  readonly component?: EstateComponent;
  /** A fragment the resource name must contain, e.g. "_region_deny_". */
  readonly nameIncludes?: string;
}

interface ParsedAddress {
  readonly address: string;
  readonly type: string;
  readonly name: string;
}

const ADDRESS = /^((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)$/;

function parse(address: string): ParsedAddress {
  const m = ADDRESS.exec(address);
  if (!m) throw new Error(`"${address}" is not a Terraform resource or data address (type.name or data.type.name)`);
  return { address, type: m[1]!, name: m[2]! };
}

export function describeMatcher(m: AddressMatcher): string {
  const where = m.component ? ` in construct "${ESTATE_COMPONENTS[m.component]}"` : "";
  const named = m.nameIncludes ? ` named *${m.nameIncludes}*` : "";
  return `${m.type}${where}${named}`;
}

export class AddressIndex {
  private readonly parsed: readonly ParsedAddress[];
  private readonly all: ReadonlySet<string>;

  constructor(addresses: readonly string[]) {
    this.parsed = [...new Set(addresses)].sort().map(parse);
    this.all = new Set(addresses);
  }

  has(address: string): boolean {
    return this.all.has(address);
  }

  /** Addresses matching, sorted. */
  select(m: AddressMatcher): string[] {
    const prefix = m.component ? ESTATE_COMPONENTS[m.component] : undefined;
    return this.parsed
      .filter((a) => a.type === m.type)
      .filter((a) => prefix === undefined || a.name === prefix || a.name.startsWith(`${prefix}_`))
      .filter((a) => m.nameIncludes === undefined || `_${a.name}_`.includes(m.nameIncludes))
      .map((a) => a.address);
  }

  /** Resources (not data sources) the stack manages. */
  resourceCount(): number {
    return this.parsed.filter((a) => !a.type.startsWith("data.")).length;
  }
}

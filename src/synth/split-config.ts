// Splits the stack's resolved Terraform JSON into one config per file
// (file-layout.ts decides which). Each part keeps the JSON's own shape and
// order, so the HCL printer and the .tf.json writer treat a part exactly as
// they treated the whole; every block lands in exactly one part.
import { asObject, entriesOf, type Json } from "./hcl/json-shape.js";
import { FILE_RULES, fileForBlock, SECTION_FILES, type FileRule } from "./file-layout.js";

export interface ConfigPart {
  /** File name without extension, e.g. "keys". */
  readonly file: string;
  /** A Terraform JSON config holding only this file's blocks ("//" metadata kept). */
  readonly config: Json;
}

/** The construct id under the stack, from cdktf's metadata path `<stack>/<construct>/...`. */
function constructIdOf(body: unknown): string | undefined {
  const path = (body as { "//"?: { metadata?: { path?: unknown } } } | undefined)?.["//"]?.metadata?.path;
  if (typeof path !== "string") return undefined;
  return path.split("/")[1];
}

/**
 * One part per file, sorted by file name. `extraTerraform` is merged into the
 * terraform block (required_version, which cdktf cannot render: hcl-output.md B10).
 */
export function splitConfig(config: Json, extraTerraform: Json = {}, rules: readonly FileRule[] = FILE_RULES): ConfigPart[] {
  const parts = new Map<string, Json>();
  const partFor = (file: string): Json => {
    let part = parts.get(file);
    if (!part) parts.set(file, (part = {}));
    return part;
  };
  const unknown = Object.keys(config).filter((key) => key !== "//" && key !== "data" && key !== "resource" && !(key in SECTION_FILES));
  if (unknown.length > 0) throw new Error(`splitConfig does not know where the top-level ${unknown.join(", ")} section goes; add it to SECTION_FILES`);

  for (const [key, value] of Object.entries(config)) {
    if (key === "//" || key === "data" || key === "resource") continue;
    const file = SECTION_FILES[key]!;
    partFor(file)[key] = key === "terraform" ? { ...extraTerraform, ...asObject(value, "terraform") } : value;
  }
  if (config.terraform === undefined && Object.keys(extraTerraform).length > 0) partFor(SECTION_FILES.terraform!).terraform = extraTerraform;

  for (const kind of ["data", "resource"] as const) {
    for (const [type, byName] of entriesOf(config[kind], kind)) {
      const blockType = kind === "data" ? `data.${type}` : type;
      for (const [name, body] of entriesOf(byName, `${kind}.${type}`)) {
        const part = partFor(fileForBlock(constructIdOf(body), blockType, rules));
        const section = (part[kind] ??= {}) as Json;
        const group = (section[type] ??= {}) as Json;
        group[name] = body;
      }
    }
  }

  // The estate's files are sorted by path later; a stable order here keeps any caller deterministic too.
  return [...parts.entries()].map(([file, part]) => ({ file, config: part })).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

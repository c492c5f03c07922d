// Marks deliberate scanner exceptions the way Checkov reads them: a
// `# checkov:skip=<id>:<reason>` comment inside the resource block. Applied to
// formatted HCL (comments at block indent keep it fmt-canonical). JSON has no
// comments, so for .tf.json output the exceptions live in COMPLIANCE.md only.
import type { Suppression } from "../model/plan.js";
import type { GeneratedFile } from "../output/generated-file.js";

/** The HCL files with each suppression written into its resource's block, wherever that block sits. */
export function addCheckovSkips(files: readonly GeneratedFile[], suppressions: readonly Suppression[]): GeneratedFile[] {
  const byAddress = new Map<string, Suppression[]>();
  for (const s of suppressions) byAddress.set(s.target, [...(byAddress.get(s.target) ?? []), s]);
  const seen = new Set<string>();
  const withSkips = files.map((file) => {
    const lines = file.content.split("\n").flatMap((line) => {
      const match = /^resource "([^"]+)" "([^"]+)" \{$/.exec(line);
      const address = match ? `${match[1]}.${match[2]}` : undefined;
      const skips = address ? byAddress.get(address) : undefined;
      if (!address || !skips) return [line];
      seen.add(address);
      return [line, ...skips.map((s) => `  # checkov:skip=${s.check}:${s.reason.replace(/\s+/g, " ")}`)];
    });
    return { path: file.path, content: lines.join("\n") };
  });
  const missing = [...byAddress.keys()].filter((a) => !seen.has(a));
  if (missing.length > 0) {
    // A suppression aimed at nothing would silently vanish from the scanners' view: a bug.
    throw new Error(`checkov skip targets not found in the Terraform: ${missing.join(", ")}`);
  }
  return withSkips;
}

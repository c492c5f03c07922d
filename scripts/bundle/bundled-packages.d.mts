// Types for bundled-packages.mjs (plain Node, run before anything is compiled).
export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  readonly repository?: string;
  /** Absolute folder of the package. */
  readonly dir: string;
  /** The metafile inputs that came from it. */
  readonly inputs: string[];
}
export function bundledPackages(metafile: { inputs: Record<string, unknown> }, root: string): BundledPackage[];

// Types for bundle-checks.mjs (plain Node, run before anything is compiled).
import type { BundledPackage } from "./bundled-packages.mjs";
export function bundleProblems(packages: readonly Pick<BundledPackage, "name" | "version" | "license" | "inputs">[]): string[];
export function asciiProblems(name: string, text: string): string[];

// Types for third-party-notices.mjs (plain Node, run before anything is compiled).
import type { BundledPackage } from "./bundled-packages.mjs";
export function thirdPartyNotices(packages: readonly BundledPackage[]): string;

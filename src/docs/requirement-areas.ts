// The seven things every audit-logging framework asks about, and where each
// framework's own words for it live in the regulation catalog. Integrity and
// access control have no separate entry there: each framework states them in
// its immutability (tamper-protection) text, and monitoring in its review text,
// so COMPLIANCE.md prints that one requirement once, naming the areas it covers.
import type { Expectation, Framework } from "../catalog/regulations.js";

export type RequirementAreaId = "retention" | "immutability" | "integrity" | "monitoring" | "access-control" | "residency" | "review";

export interface RequirementArea {
  readonly id: RequirementAreaId;
  readonly title: string;
  /** The framework's expectation this area answers. */
  readonly expectation: (f: Framework) => Expectation;
}

export const REQUIREMENT_AREAS: readonly RequirementArea[] = Object.freeze([
  { id: "retention", title: "Retention", expectation: (f) => f.retention },
  { id: "immutability", title: "Immutability", expectation: (f) => f.immutability },
  { id: "integrity", title: "Integrity", expectation: (f) => f.immutability },
  { id: "access-control", title: "Access control", expectation: (f) => f.immutability },
  { id: "monitoring", title: "Monitoring", expectation: (f) => f.review },
  { id: "review", title: "Review", expectation: (f) => f.review },
  { id: "residency", title: "Residency", expectation: (f) => f.residency },
] satisfies RequirementArea[]);

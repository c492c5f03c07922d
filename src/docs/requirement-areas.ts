// The seven things every audit-logging framework asks about, and where each
// framework's own words for it live in the regulation catalog. Integrity and
// access control have no separate entry there: each framework states them in
// its immutability (tamper-protection) text, so that is the citation they serve.
import type { Expectation, Framework } from "../catalog/regulations.js";

export type RequirementAreaId = "retention" | "immutability" | "integrity" | "monitoring" | "access-control" | "residency" | "review";

export interface RequirementArea {
  readonly id: RequirementAreaId;
  readonly title: string;
  /** The framework's expectation this area answers. */
  readonly expectation: (f: Framework) => Expectation;
  /** How the area's ask is phrased when it is drawn from a broader expectation. */
  readonly framing: string | undefined;
}

export const REQUIREMENT_AREAS: readonly RequirementArea[] = Object.freeze([
  { id: "retention", title: "Retention", expectation: (f) => f.retention, framing: undefined },
  { id: "immutability", title: "Immutability", expectation: (f) => f.immutability, framing: undefined },
  { id: "integrity", title: "Integrity", expectation: (f) => f.immutability, framing: "Show that logs are unaltered since delivery, as part of:" },
  { id: "monitoring", title: "Monitoring", expectation: (f) => f.review, framing: "Detect and alert on security events automatically, as part of:" },
  {
    id: "access-control",
    title: "Access control",
    expectation: (f) => f.immutability,
    framing: "Only authorised people and services can read, change or delete logs, as part of:",
  },
  { id: "residency", title: "Residency", expectation: (f) => f.residency, framing: undefined },
  { id: "review", title: "Review", expectation: (f) => f.review, framing: "A person reviews what the monitoring reports, as part of:" },
] satisfies RequirementArea[]);

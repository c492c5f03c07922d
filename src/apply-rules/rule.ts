// The shape of an apply-time rule (cdk-nag's: rules as data, one runner).
// Each rule rests on one AWS document, named in `source` and quoted where the
// rule is defined, and checks what `terraform apply` would do with the plan.
import type { PlannedEstate } from "./planned.js";

export interface Finding {
  readonly rule: string;
  /** The resource (or provider) the finding is about. */
  readonly address: string;
  /** What is wrong and what would fix it, in one sentence. */
  readonly message: string;
}

export interface ApplyRule {
  /** Stable id, kebab-case. */
  readonly id: string;
  readonly title: string;
  /** The AWS (or provider) document the rule rests on. */
  readonly source: string;
  check(planned: PlannedEstate): Finding[];
}

/** A finding constructor bound to one rule id. */
export function findingsFor(rule: string): (address: string, message: string) => Finding {
  return (address, message) => ({ rule, address, message });
}

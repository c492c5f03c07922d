// Service control policies as planned: the content of each SCP the estate creates and the targets
// it is attached to. Shared by the SCP rules.
import { readPolicy, type Statement } from "../iam-json.js";
import type { PlannedEstate, PlannedResource } from "../planned.js";

export interface PlannedScp {
  readonly resource: PlannedResource;
  /** Undefined when the content is not known at plan time. */
  readonly statements: Statement[] | undefined;
  readonly content: unknown;
}

export function plannedScps(planned: PlannedEstate): PlannedScp[] {
  return planned
    .ofType("aws_organizations_policy")
    .filter((p) => (p.values.type ?? "SERVICE_CONTROL_POLICY") === "SERVICE_CONTROL_POLICY")
    .map((resource) => ({ resource, statements: readPolicy(resource.values.content, resource.address).statements, content: resource.values.content }));
}

/** Attachments grouped by target: the planned target id, or the reference when it is only known after apply. */
export function attachmentsByTarget(planned: PlannedEstate): Map<string, PlannedResource[]> {
  const byTarget = new Map<string, PlannedResource[]>();
  for (const a of planned.ofType("aws_organizations_policy_attachment")) {
    const target = typeof a.values.target_id === "string" ? a.values.target_id : `(${planned.referenced(a, "target_id").map((r) => r.address).join(", ") || a.address})`;
    byTarget.set(target, [...(byTarget.get(target) ?? []), a]);
  }
  return byTarget;
}

// Offline evaluation of the synthesized policies with @cloud-copilot/iam-simulate.
// Guards against the ways such a test passes for the wrong reason (reference/toolchain.md):
// a non-'single' result, or a context key the simulator silently ignored, fails the test.
import { getDenialReasons, runSimulation } from "@cloud-copilot/iam-simulate";
import type { Json } from "./storage-harness.js";

/** Convert a synthesized aws_iam_policy_document data source into IAM policy JSON. */
export function toIamPolicy(doc: Json): Json {
  return {
    Version: "2012-10-17",
    Statement: doc.statement.map((st: Json) => {
      const out: Json = { Sid: st.sid, Effect: st.effect, Action: st.actions, Resource: st.resources };
      if (st.principals) {
        if (st.principals.length !== 1) throw new Error(`${st.sid}: expected one principals block`);
        const p = st.principals[0];
        out.Principal = p.type === "*" ? "*" : { [p.type]: p.identifiers };
      }
      if (st.condition) {
        out.Condition = {};
        for (const c of st.condition) (out.Condition[c.test] ??= {})[c.variable] = c.values;
      }
      return out;
    }),
  };
}

export interface SimRequest {
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** Account that owns the resource. */
  readonly resourceAccount: string;
  readonly context: Record<string, string | string[]>;
  /** When set, the principal's identity policy allows every action (an administrator). */
  readonly identityAllowAll?: boolean;
}

export interface SimOutcome {
  readonly result: "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";
  /** Sids of resource-policy statements that explicitly denied the request. */
  readonly denySids: string[];
  /** Sids of resource-policy Allow statements that matched. */
  readonly allowSids: string[];
}

export async function simulate(resourcePolicy: Json, req: SimRequest): Promise<SimOutcome> {
  const res: Json = await runSimulation(
    {
      request: {
        principal: req.principal,
        action: req.action,
        resource: { resource: req.resource, accountId: req.resourceAccount },
        contextVariables: req.context,
      },
      identityPolicies: req.identityAllowAll
        ? [{ name: "admin", policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] } }]
        : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy,
    },
    {},
  );
  if (res.resultType !== "single") throw new Error(`simulation did not run: ${JSON.stringify(res.errors ?? res.resultType)}`);
  const ignored: string[] = res.result.ignoredContextKeys ?? [];
  if (ignored.length > 0) throw new Error(`simulator ignored context keys ${ignored.join(", ")} for ${req.action}`);
  const denySids = getDenialReasons(res.result.analysis)
    .filter((d) => d.denialType === "Explicit" && d.policyType === "resource")
    .map((d) => (d as { statementId?: string }).statementId ?? "?");
  const allowSids = (res.result.analysis.resourceAnalysis?.allowStatements ?? [])
    .filter((s: Json) => s.resourceMatch && s.actionMatch && s.conditionMatch === "Match" && s.principalMatch !== "NoMatch")
    // The analysis holds parsed statement objects (sid() is a method), not the raw JSON.
    .map((s: Json) => (typeof s.statement.sid === "function" ? s.statement.sid() : s.statement.Sid));
  return { result: res.overallResult, denySids, allowSids };
}

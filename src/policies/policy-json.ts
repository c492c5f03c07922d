// The JSON an aws_iam_policy_document renders for a list of statements, minified: the text
// AWS receives and measures against its size quotas (quotas.ts). Mirrors the data source's
// shape: one-element lists become strings, conditions group by operator, `*` principals are "*".
import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";

type Value = string | string[];
const one = (xs: readonly string[]): Value => (xs.length === 1 ? (xs[0] as string) : [...xs]);

function principals(list: DataAwsIamPolicyDocumentStatement["principals"]): Value | Record<string, Value> | undefined {
  const ps = (list ?? []) as { type: string; identifiers: string[] }[];
  if (ps.length === 0) return undefined;
  if (ps.length === 1 && ps[0]!.type === "*") return "*";
  return Object.fromEntries(ps.map((p) => [p.type, one(p.identifiers)]));
}

export function iamPolicyJson(statements: readonly DataAwsIamPolicyDocumentStatement[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((st) => {
      const conditions = (st.condition ?? []) as { test: string; variable: string; values: string[] }[];
      const condition: Record<string, Record<string, Value>> = {};
      for (const c of conditions) (condition[c.test] ??= {})[c.variable] = one(c.values);
      const principal = principals(st.principals);
      return {
        ...(st.sid ? { Sid: st.sid } : {}),
        Effect: st.effect ?? "Allow",
        ...(st.actions ? { Action: one(st.actions as string[]) } : {}),
        ...(st.notActions ? { NotAction: one(st.notActions as string[]) } : {}),
        ...(st.resources ? { Resource: one(st.resources as string[]) } : {}),
        ...(principal ? { Principal: principal } : {}),
        ...(conditions.length > 0 ? { Condition: condition } : {}),
      };
    }),
  });
}

// IAM policy JSON as AWS receives it (the planned `policy` / `content`
// strings), normalised so the rules can ask simple questions: does this
// statement cover that action, that principal, that resource.

export interface Statement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly NotAction: readonly string[];
  readonly Resource: readonly string[];
  readonly NotResource: readonly string[];
  /** `"*"` or principals by type; undefined when the statement names none (identity policies, SCPs). */
  readonly Principal: "*" | Readonly<Record<string, readonly string[]>> | undefined;
  readonly NotPrincipal: "*" | Readonly<Record<string, readonly string[]>> | undefined;
  /** operator -> condition key -> values. */
  readonly Condition: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

function principal(v: unknown): Statement["Principal"] {
  if (v === undefined) return undefined;
  if (v === "*") return "*";
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, ids]) => [k, list(ids)]));
}

/** Parses a policy document; throws with `where` when it is not one. */
export function parsePolicy(text: unknown, where: string): Statement[] {
  if (typeof text !== "string") throw new Error(`${where}: the policy is not known at plan time`);
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(text) as { Statement?: unknown };
  } catch {
    throw new Error(`${where}: the policy is not JSON`);
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement === undefined ? [] : [doc.Statement];
  return (statements as Record<string, unknown>[]).map((s) => ({
    ...(typeof s.Sid === "string" ? { Sid: s.Sid } : {}),
    Effect: s.Effect === "Deny" ? "Deny" : "Allow",
    Action: list(s.Action),
    NotAction: list(s.NotAction),
    Resource: list(s.Resource),
    NotResource: list(s.NotResource),
    Principal: principal(s.Principal),
    NotPrincipal: principal(s.NotPrincipal),
    Condition: Object.fromEntries(
      Object.entries((s.Condition as Record<string, Record<string, unknown>> | undefined) ?? {}).map(([op, byKey]) => [
        op,
        Object.fromEntries(Object.entries(byKey).map(([k, values]) => [k, list(values)])),
      ]),
    ),
  }));
}

/** A policy's statements, or why they cannot be read: a rule reports the problem, never skips the policy. */
export function readPolicy(text: unknown, where: string): { statements: Statement[]; problem?: undefined } | { statements?: undefined; problem: string } {
  try {
    return { statements: parsePolicy(text, where) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/** IAM's wildcard match (`*` any run, `?` one character); actions compare case-insensitively. */
export function wildcardMatch(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`, options.ignoreCase ? "i" : "").test(value);
}

/** True when the statement applies to `action` (Action or NotAction). */
export function coversAction(st: Statement, action: string): boolean {
  if (st.NotAction.length > 0) return !st.NotAction.some((p) => wildcardMatch(p, action, { ignoreCase: true }));
  return st.Action.some((p) => wildcardMatch(p, action, { ignoreCase: true }));
}

/** True when the statement applies to the resource ARN (Resource or NotResource). */
export function coversResource(st: Statement, arn: string): boolean {
  if (st.NotResource.length > 0) return !st.NotResource.some((p) => wildcardMatch(p, arn));
  return st.Resource.some((p) => wildcardMatch(p, arn));
}

/** True when the statement's Principal names this service principal (or everyone). */
export function namesService(st: Statement, service: string): boolean {
  if (st.Principal === "*") return true;
  return (st.Principal?.Service ?? []).includes(service) || (st.Principal?.AWS ?? []).includes("*");
}

/** Every condition on `key` (case-insensitive, as IAM compares keys), with its operator. */
export function conditionsOn(st: Statement, key: string): { operator: string; values: readonly string[] }[] {
  const out: { operator: string; values: readonly string[] }[] = [];
  for (const [operator, byKey] of Object.entries(st.Condition)) {
    for (const [k, values] of Object.entries(byKey)) if (k.toLowerCase() === key.toLowerCase()) out.push({ operator, values });
  }
  return out;
}

/** The condition keys a statement tests, lower-cased. */
export function conditionKeys(st: Statement): string[] {
  return Object.values(st.Condition).flatMap((byKey) => Object.keys(byKey).map((k) => k.toLowerCase()));
}

export function label(st: Statement, index: number): string {
  return st.Sid ? `statement ${st.Sid}` : `statement #${index + 1}`;
}

/** True when an ARN pattern (from aws:PrincipalArn) matches the role `name` in the account it names, or in some account when it names none. */
export function matchesRole(pattern: string, name: string): boolean {
  const account = pattern.split(":")[4];
  const partition = pattern.split(":")[1];
  const arn = `arn:${partition && !partition.includes("*") ? partition : "aws"}:iam::${account && /^\d{12}$/.test(account) ? account : "123456789012"}:role/${name}`;
  return wildcardMatch(pattern, arn, { ignoreCase: false });
}

// One request through @cloud-copilot/iam-simulate, guarded against every way
// such a test passes for the wrong reason (shared/reference/toolchain.md):
// - each policy is validated (resource / SCP / identity rules) and its condition
//   operators and keys checked, so a typo cannot make a Deny silently not fire;
// - the result must be 'single' (a `*` in the request resource is refused);
// - a context key the simulator drops (ignoredContextKeys) fails the request;
// - a condition the simulator could not evaluate (missingOperator) fails it;
// - a condition that decided on a key missing from the request fails it unless
//   the case declares that key absent on purpose (e.g. aws:PrincipalOrgID for a
//   service principal), so every context is explicit;
// - kms:EncryptionContext:* keys, which runSimulation drops (known defect in
//   0.1.173), go through runUnsafeSimulation with validated policies, after the
//   same inputs pass runSimulation's validation; the deciding statement is then
//   proven by removing it and watching the result change.
import {
  findContextKeys,
  getDenialReasons,
  getGrantReasons,
  runSimulation,
  runUnsafeSimulation,
  type EvaluationResult,
  type RequestAnalysis,
  type Simulation,
} from "@cloud-copilot/iam-simulate";
import {
  createValidatedPolicy,
  loadPolicy,
  validateIdentityPolicy,
  validateResourcePolicy,
  validateServiceControlPolicy,
  type ValidationError,
} from "@cloud-copilot/iam-policy";
import type { IamPolicy } from "./estate-policies.js";

export const FULL_AWS_ACCESS: IamPolicy = {
  Version: "2012-10-17",
  Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: ["*"], Resource: ["*"] }],
};

/** An administrator's identity policy: the worst case the guardrails must hold against. */
export const ADMINISTRATOR_ACCESS: IamPolicy = {
  Version: "2012-10-17",
  Statement: [{ Sid: "AdministratorAccess", Effect: "Allow", Action: ["*"], Resource: ["*"] }],
};

export interface ScpLevel {
  /** Root id, OU id or account id. */
  readonly orgIdentifier: string;
  readonly policies: readonly { readonly name: string; readonly policy: IamPolicy }[];
}

export interface PolicyRequest {
  readonly principal: string;
  readonly action: string;
  /** A concrete ARN. */
  readonly resource: string;
  readonly resourceAccount: string;
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly identityPolicy?: IamPolicy;
  readonly resourcePolicy?: IamPolicy;
  /** SCP levels from the root down; empty for service principals and accounts SCPs do not reach. */
  readonly scps: readonly ScpLevel[];
  /** Condition keys deliberately missing from the request (as AWS would send it). */
  readonly absent?: readonly string[];
}

export interface Verdict {
  readonly result: EvaluationResult;
  /**
   * What decided: `<policy type>:<Sid>` for the explicit denies or the grants
   * (identity / resource; the SCPs' FullAWSAccess is left out), or
   * `implicit:<policy type>` for each policy type that had no matching Allow.
   */
  readonly by: readonly string[];
}

/** IAM condition operators (IAM User Guide, "Condition operators"), each also valid with IfExists. */
const BASE_OPERATORS = [
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike",
];
const OPERATOR = new RegExp(`^(?:(?:ForAllValues|ForAnyValue):)?(?:${BASE_OPERATORS.join("|")})(?:IfExists)?$|^Null$`);

const ENCRYPTION_CONTEXT = /^kms:EncryptionContext:/;

function mustBeValid(errors: readonly ValidationError[], what: string): void {
  if (errors.length > 0) throw new Error(`${what} is not a valid policy: ${JSON.stringify(errors)}`);
}

/** Static checks of one policy: syntax for its kind, known operators, known condition keys. */
async function checkPolicy(policy: IamPolicy, kind: "resource" | "scp" | "identity", name: string): Promise<void> {
  const validate = kind === "resource" ? validateResourcePolicy : kind === "scp" ? validateServiceControlPolicy : validateIdentityPolicy;
  mustBeValid(validate(policy), `${kind} policy ${name}`);
  for (const st of policy.Statement) {
    for (const op of Object.keys(st.Condition ?? {})) {
      if (!OPERATOR.test(op)) throw new Error(`${name}/${st.Sid}: unknown condition operator ${op} (it would evaluate to false)`);
    }
  }
  const keys = await findContextKeys([loadPolicy(policy)]);
  if (keys.invalidKeys.length > 0) throw new Error(`${name}: unknown condition keys ${keys.invalidKeys.join(", ")}`);
}

function simulationOf(req: PolicyRequest, context: Record<string, string | string[]>, policies?: { resource?: unknown; identity?: unknown; scps?: unknown[][] }): Simulation {
  const identity = req.identityPolicy;
  return {
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: req.resourceAccount },
      contextVariables: context,
    },
    identityPolicies: identity ? [{ name: "identity", policy: policies?.identity ?? identity }] : [],
    serviceControlPolicies: req.scps.map((level, i) => ({
      orgIdentifier: level.orgIdentifier,
      policies: level.policies.map((p, j) => ({ name: p.name, policy: policies?.scps?.[i]?.[j] ?? p.policy })),
    })),
    resourceControlPolicies: [],
    ...(req.resourcePolicy ? { resourcePolicy: policies?.resource ?? req.resourcePolicy } : {}),
  };
}

/** Every statement whose action, resource and principal matched, i.e. whose conditions decided. */
function decidingStatements(analysis: RequestAnalysis): { sid: string; explain: { conditions?: unknown[] } }[] {
  const groups = [
    analysis.identityAnalysis,
    analysis.resourceAnalysis,
    ...(analysis.scpAnalysis?.ouAnalysis ?? []),
    ...(analysis.rcpAnalysis?.ouAnalysis ?? []),
  ];
  return groups
    .flatMap((g) => (g ? [...g.allowStatements, ...g.denyStatements, ...g.unmatchedStatements] : []))
    .filter((s) => s.actionMatch && s.resourceMatch && s.principalMatch !== "NoMatch")
    .map((s) => ({ sid: String(s.explain.identifier), explain: s.explain as { conditions?: unknown[] } }));
}

function checkConditions(analysis: RequestAnalysis, req: PolicyRequest): void {
  const absent = new Set(req.absent ?? []);
  for (const { sid, explain } of decidingStatements(analysis)) {
    for (const c of (explain.conditions ?? []) as { operator: string; conditionKeyValue: string; missingOperator?: boolean; failedBecauseMissing?: boolean; matchedBecauseMissing?: boolean }[]) {
      if (c.missingOperator) throw new Error(`${sid}: the simulator does not know operator ${c.operator}`);
      const missing = c.failedBecauseMissing || c.matchedBecauseMissing || !(c.conditionKeyValue in req.context);
      if (missing && !absent.has(c.conditionKeyValue)) {
        throw new Error(`${sid}: condition ${c.operator} ${c.conditionKeyValue} decided on a key the request did not carry; supply it or declare it absent`);
      }
    }
  }
  for (const key of absent) if (key in req.context) throw new Error(`${key} is declared absent but is in the context`);
}

function verdictOf(result: EvaluationResult, analysis: RequestAnalysis, req: PolicyRequest): Verdict {
  if (result === "Allowed") {
    const by = getGrantReasons(analysis)
      .filter((g) => g.policyType === "identity" || g.policyType === "resource")
      .map((g) => `${g.policyType}:${g.statementId ?? `#${g.statementIndex}`}`);
    return { result, by: [...new Set(by)].sort() };
  }
  const by = getDenialReasons(analysis)
    .filter((d) => (result === "ExplicitlyDenied" ? d.denialType === "Explicit" : d.denialType === "Implicit"))
    // A service principal has no identity policy; "no identity grant" says nothing about the estate's policies.
    .filter((d) => req.identityPolicy !== undefined || d.policyType !== "identity")
    .map((d) => (d.denialType === "Explicit" ? `${d.policyType}:${d.statementId ?? `#${d.statementIndex}`}` : `implicit:${d.policyType}`));
  return { result, by: [...new Set(by)].sort() };
}

export async function evaluateRequest(req: PolicyRequest): Promise<Verdict> {
  if (req.resource.includes("*")) throw new Error(`request resource ${req.resource} has a wildcard: use a concrete ARN`);
  if (req.resourcePolicy) await checkPolicy(req.resourcePolicy, "resource", "resource policy");
  if (req.identityPolicy) await checkPolicy(req.identityPolicy, "identity", "identity policy");
  for (const level of req.scps) {
    if (!level.policies.some((p) => p.name === "FullAWSAccess")) throw new Error(`SCP level ${level.orgIdentifier} has no FullAWSAccess allow`);
    for (const p of level.policies) await checkPolicy(p.policy, "scp", p.name);
  }
  const context = Object.fromEntries(Object.entries(req.context).map(([k, v]) => [k, typeof v === "string" ? v : [...v]]));
  const contextKeys = Object.keys(context).filter((k) => ENCRYPTION_CONTEXT.test(k));

  const checked = await runSimulation(simulationOf(req, context), {});
  if (checked.resultType !== "single") {
    throw new Error(`simulation result is ${checked.resultType}: ${JSON.stringify((checked as { errors?: unknown }).errors ?? "").slice(0, 500)}`);
  }
  const ignored = [...(checked.result.ignoredContextKeys ?? [])].sort();
  // Only the encryption-context keys may be dropped, and only because of the known defect.
  if (JSON.stringify(ignored) !== JSON.stringify([...contextKeys].sort())) {
    throw new Error(`the simulator ignored context keys ${ignored.join(", ") || "(none)"}; expected only ${contextKeys.join(", ") || "none"}`);
  }
  if (contextKeys.length === 0) {
    checkConditions(checked.result.analysis, req);
    return verdictOf(checked.overallResult, checked.result.analysis, req);
  }
  return evaluateWithEncryptionContext(req, context);
}

/** runUnsafeSimulation on validated policies; returns only a result, so the deciding Sid is found by removal. */
function unsafeResult(req: PolicyRequest, context: Record<string, string | string[]>, resourcePolicy?: IamPolicy): EvaluationResult {
  const validated = (policy: IamPolicy, validate: (p: unknown) => ValidationError[], name: string) => {
    const v = createValidatedPolicy(policy, validate, { name });
    mustBeValid(v.errors, name);
    return v;
  };
  const rp = resourcePolicy ?? req.resourcePolicy;
  return runUnsafeSimulation(
    simulationOf({ ...req, resourcePolicy: rp }, context, {
      resource: rp && validated(rp, validateResourcePolicy, "resource policy"),
      identity: req.identityPolicy && validated(req.identityPolicy, validateIdentityPolicy, "identity policy"),
      scps: req.scps.map((level) => level.policies.map((p) => validated(p.policy, validateServiceControlPolicy, p.name))),
    }),
    {},
  );
}

function evaluateWithEncryptionContext(req: PolicyRequest, context: Record<string, string | string[]>): Verdict {
  if (!req.resourcePolicy) throw new Error("an encryption-context request needs the key policy");
  const result = unsafeResult(req, context);
  // Only service principals reach this path (no identity policy), so the key policy is the only possible grant.
  if (req.identityPolicy) throw new Error("encryption-context requests are modelled for service principals only");
  if (result === "ImplicitlyDenied") return { result, by: ["implicit:resource"] };
  // The statements whose removal changes the result are the ones that decided it.
  const statements = req.resourcePolicy.Statement;
  const by = statements
    .filter((st) => unsafeResult(req, context, { ...req.resourcePolicy!, Statement: statements.filter((s) => s !== st) }) !== result)
    .map((st) => `resource:${st.Sid}`);
  return { result, by: by.sort() };
}

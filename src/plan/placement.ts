// Which account holds each part of the estate, read from the plan's account
// model (src/plan/accounts.ts). src/synth/estate-stack.ts gives each construct
// its provider from here, and the documents draw and describe placement from
// here; test/docs/placement.test.ts checks it against the provider every
// synthesized resource is created with, so a construct that strays fails there.
import type { AccountPlan, AccountRole, ResolvedPlan } from "../model/plan.js";

/** Parts of the estate that live in exactly one account role. */
export type PlacedPart =
  | "trail"
  | "key"
  | "monitoringKey"
  | "archive"
  | "accessLogs"
  | "logGroup"
  | "alarms"
  | "topics"
  | "configBucket"
  | "configAggregator"
  | "guardrails"
  | "forensics";

/**
 * The design in ResolvedPlan's comment (reference/organization.md, "Recommended design"): the
 * trail and everything that alerts on it in management, the evidence in log-archive, the estate
 * key, the aggregator and the investigation tools in security. The keys carry their own account.
 */
export function partRole(plan: ResolvedPlan, part: PlacedPart): AccountRole {
  switch (part) {
    case "key":
      return plan.key.account;
    case "monitoringKey":
      return plan.monitoringKey.account;
    case "archive":
    case "accessLogs":
    case "configBucket":
      return "logArchive";
    case "configAggregator":
    case "forensics":
      return "security";
    default:
      return "management";
  }
}

export function partAccount(plan: ResolvedPlan, part: PlacedPart): AccountPlan {
  return plan.accounts[partRole(plan, part)];
}

/** An account the estate deploys into, with every role it plays (one account plays all three in single-account topology). */
export interface EstateAccount {
  readonly id: string;
  readonly roles: readonly AccountRole[];
  /** True for a member account the estate reaches only for WorkSpaces. */
  readonly workspacesOnly: boolean;
}

const ROLE_ORDER: readonly AccountRole[] = ["management", "logArchive", "security"];

/** Accounts that run WorkSpaces and play none of the three roles, sorted: the estate reaches them only for WorkSpaces. */
export function workspacesOnlyAccounts(accounts: Readonly<Record<AccountRole, AccountPlan>>, sites: readonly { readonly accountId: string }[]): string[] {
  const roleIds = new Set(ROLE_ORDER.map((role) => accounts[role].id));
  return [...new Set(sites.map((s) => s.accountId))].filter((id) => !roleIds.has(id)).sort();
}

/** Every account the estate deploys into: the three roles in order, then WorkSpaces accounts sorted by id. */
export function estateAccounts(plan: ResolvedPlan): readonly EstateAccount[] {
  const byId = new Map<string, AccountRole[]>();
  for (const role of ROLE_ORDER) {
    const id = plan.accounts[role].id;
    byId.set(id, [...(byId.get(id) ?? []), role]);
  }
  const out: EstateAccount[] = [...byId].map(([id, roles]) => ({ id, roles, workspacesOnly: false }));
  return [...out, ...workspacesOnlyAccounts(plan.accounts, plan.workspaces?.sites ?? []).map((id) => ({ id, roles: [], workspacesOnly: true }))];
}

// Who and what the policy matrix talks about, for one preset: accounts,
// principals, concrete resource ARNs, and the request context AWS would send
// for each kind of caller. Which SCPs reach a caller is decided here, from the
// caller's account, the way AWS decides it: SCPs apply to IAM principals in
// member accounts only, never to the management account and never to service
// principals.
import { DEFAULT_BREAK_GLASS_ROLE } from "../../src/policies/key-policies.js";
import type { ResolvedPlan } from "../../src/model/plan.js";
import { AFTER_APPLY, keyArn, monitoringKeyArn, type EstatePolicies, type IamPolicy } from "./estate-policies.js";
import { FULL_AWS_ACCESS, type ScpLevel } from "./evaluate-request.js";

export type Context = Record<string, string>;

export interface World {
  readonly plan: ResolvedPlan;
  readonly policies: EstatePolicies;
  readonly org: boolean;
  readonly region: string;
  /** A region outside every preset's allowed regions. */
  readonly otherRegion: string;
  readonly mgmt: string;
  readonly archive: string;
  readonly security: string;
  /** An account outside the organization (and, for single-account, outside the estate). */
  readonly outsider: string;
  readonly outsiderOrgId: string;
  /** The estate key (security account) and the monitoring key (management account), after apply. */
  readonly keyArn: string;
  readonly keyAccount: string;
  readonly monitoringKeyArn: string;
  readonly breakGlassName: string;
  role(account: string, name: string): string;
  admin(account: string): string;
  breakGlass(account: string): string;
  /** A CloudTrail log object key as CloudTrail writes it for `account` (under the org id for an org trail). */
  trailLogKey(account: string, options?: { underOrg?: boolean }): string;
  object(bucketArn: string, key: string): string;
  topicArn(name: string): string;
  /** True when the organization's SCPs reach IAM principals of `account`. */
  scpsReach(account: string): boolean;
  scpLevelsFor(principal: string): ScpLevel[];
  /** What AWS puts in the context of a call by an IAM role (no org id outside an organization). */
  iamContext(principal: string, options?: { tls?: boolean; region?: string; orgId?: string | null }): Context;
  /** What AWS puts in the context of a call a service makes on behalf of `sourceArn`. */
  serviceContext(sourceArn: string, sourceAccount: string, options?: { tls?: boolean }): Context;
  /** Keys AWS never sends for service principals; conditions on them are evaluated as missing. */
  readonly serviceAbsentKeys: readonly string[];
}

export function accountOfArn(arn: string): string {
  const account = arn.split(":")[4];
  if (!account || !/^\d{12}$/.test(account)) throw new Error(`no account id in ${arn}`);
  return account;
}

export function isServicePrincipal(principal: string): boolean {
  return principal.endsWith(".amazonaws.com");
}

export function buildWorld(plan: ResolvedPlan, policies: EstatePolicies): World {
  const org = plan.topology === "organization";
  const mgmt = plan.accounts.management.id;
  const members = org ? new Set([plan.accounts.logArchive.id, plan.accounts.security.id]) : new Set<string>();
  const region = plan.homeRegion;
  const outsider = "999999999999";
  const breakGlassName = plan.guardrails?.breakGlassRoleName ?? DEFAULT_BREAK_GLASS_ROLE;
  const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
  const orgIdOf = (account: string) => (account === mgmt || members.has(account) ? plan.organizationId : undefined);

  const scpsReach = (account: string) => org && members.has(account);
  const rootLevel = (): ScpLevel => ({
    orgIdentifier: AFTER_APPLY.rootId,
    policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...policies.rootScps.map((s) => ({ name: s.name, policy: s.policy as IamPolicy }))],
  });

  return {
    plan,
    policies,
    org,
    region,
    otherRegion: "us-east-1",
    mgmt,
    archive: plan.accounts.logArchive.id,
    security: plan.accounts.security.id,
    outsider,
    outsiderOrgId: "o-zz9y8x7w6v",
    keyArn: keyArn(plan),
    keyAccount: plan.accounts[plan.key.account].id,
    monitoringKeyArn: monitoringKeyArn(plan),
    breakGlassName,
    role,
    admin: (account) => role(account, "Admin"),
    breakGlass: (account) => role(account, breakGlassName),
    trailLogKey: (account, options = {}) => {
      const file = `${account}_CloudTrail_${region}_20250131T2355Z_Ab12Cd34Ef56Gh78.json.gz`;
      const prefix = options.underOrg ? `AWSLogs/${plan.organizationId}/${account}` : `AWSLogs/${account}`;
      return `${prefix}/CloudTrail/${region}/2025/01/31/${file}`;
    },
    object: (bucketArn, key) => `${bucketArn}/${key}`,
    topicArn: (name) => `arn:aws:sns:${region}:${mgmt}:${name}`,
    scpsReach,
    scpLevelsFor: (principal) => {
      if (isServicePrincipal(principal)) return [];
      const account = accountOfArn(principal);
      return scpsReach(account) ? [rootLevel(), { orgIdentifier: account, policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }] }] : [];
    },
    iamContext: (principal, options = {}) => {
      const account = accountOfArn(principal);
      const orgId = options.orgId === null ? undefined : (options.orgId ?? orgIdOf(account));
      return {
        "aws:PrincipalArn": principal,
        "aws:PrincipalAccount": account,
        "aws:PrincipalIsAWSService": "false",
        "aws:SecureTransport": String(options.tls ?? true),
        "aws:RequestedRegion": options.region ?? region,
        ...(orgId ? { "aws:PrincipalOrgID": orgId } : {}),
      };
    },
    serviceContext: (sourceArn, sourceAccount, options = {}) => ({
      "aws:SourceArn": sourceArn,
      "aws:SourceAccount": sourceAccount,
      "aws:PrincipalIsAWSService": "true",
      "aws:SecureTransport": String(options.tls ?? true),
      "aws:RequestedRegion": region,
    }),
    serviceAbsentKeys: ["aws:PrincipalOrgID", "aws:PrincipalArn"],
  };
}

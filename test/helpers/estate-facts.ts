// What the answers say the estate is, in the terms the apply rules judge a plan by.
import type { EstateFacts } from "../../src/apply-rules/planned.js";
import type { ResolvedPlan } from "../../src/model/plan.js";

export function estateFacts(plan: ResolvedPlan): EstateFacts {
  const id = (role: keyof ResolvedPlan["accounts"]) => plan.accounts[role].id;
  return {
    accounts: { management: id("management"), logArchive: id("logArchive"), security: id("security") },
    controlTower: plan.controlTower,
    managementRoleArn: plan.access.managementRoleArn,
    deployRoleName: plan.access.deployRoleName,
    existingRecorderAccounts: (plan.config?.existingRecorderAccounts ?? []).map((role) => id(role)),
    alarmAccountsWithoutConfig: plan.config?.alarmAccountsWithoutConfig ?? [],
  };
}

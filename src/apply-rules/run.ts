// Runs the catalog over one planned estate. A rule that throws is a finding
// of its own (the estate could not be checked), never a silent pass.
import { APPLY_RULES } from "./index.js";
import { PlannedEstate, type ApplyRuleInput } from "./planned.js";
import type { ApplyRule, Finding } from "./rule.js";

export function runApplyRules(input: ApplyRuleInput, rules: readonly ApplyRule[] = APPLY_RULES): Finding[] {
  const planned = new PlannedEstate(input);
  return rules.flatMap((rule) => {
    try {
      return rule.check(planned);
    } catch (error) {
      return [{ rule: rule.id, address: "(rule)", message: `could not be checked: ${(error as Error).message}` }];
    }
  });
}

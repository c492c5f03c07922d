// Who may publish to the alert topics, as COMPLIANCE.md says it, against the
// topic policies the Terraform writes: a publisher the policies allow must be
// named, and one they do not allow must not be.
import { describe, expect, it } from "vitest";
import { allHcl, fileText, presetEstate } from "../helpers/estate-cache.js";
import { PRESET_IDS, presetPlan } from "../helpers/preset-answers.js";

describe("COMPLIANCE.md names every publisher of the alert topics", () => {
  it.each(PRESET_IDS)("%s", async (id) => {
    const plan = presetPlan(id);
    const estate = await presetEstate(id);
    const hcl = allHcl(estate);
    const row = fileText(estate, "COMPLIANCE.md")
      .split("\n")
      .find((l) => l.includes("Alert topics publishable only by"));
    expect(row, "the topic-policy control row").toBeDefined();
    const reviewPublishes = /sid\s+=\s+"LogReviewPublish"/.test(hcl);
    expect(reviewPublishes).toBe(plan.forensics !== undefined);
    if (plan.forensics) expect(row).toContain(plan.forensics.reviewRoleArn);
    else expect(row).not.toMatch(/review role/);
  });
});

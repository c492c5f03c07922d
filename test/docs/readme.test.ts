// The estate README: what it tells the person applying the Terraform, drawn
// from the plan, for each topology and for the MFA-delete and Control Tower
// branches.
import { describe, expect, it } from "vitest";
import { estimateMonthlyCost } from "../../src/cost/estimate-monthly-cost.js";
import { usd } from "../../src/cost/format-numbers.js";
import { renderEstateDocuments } from "../../src/docs/render-estate-documents.js";
import { presetEstate, VARIANTS, type Estate } from "./support/preset-estates.js";

function readme(estate: Estate): string {
  return renderEstateDocuments(estate.plan, { addresses: estate.addresses }).find((f) => f.path === "README.md")!.content;
}

describe("README.md", () => {
  it("names what was generated, where, and the apply order with the resource count from the Terraform", () => {
    const estate = presetEstate("uk-bank");
    const doc = readme(estate);
    const resources = estate.addresses.filter((a) => !a.startsWith("data.")).length;
    expect(doc).toContain(`| CloudTrail organization trail \`${estate.plan.trail.name}\` | management account 111111111111 |`);
    expect(doc).toContain(`| S3 log archive \`${estate.plan.archive.name}\` | log-archive account 222222222222 |`);
    expect(doc).toContain(`it should add ${resources} resources`);
    const order = ["terraform init", "terraform plan -out=estate.tfplan", "terraform apply estate.tfplan", "Subscription Confirmation", "get-trail-status"].map((s) => doc.indexOf(s));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("gives organization prerequisites: trusted access, SCPs, no delegated admin, Control Tower coexistence", () => {
    const doc = readme(presetEstate("uk-bank"));
    expect(doc).toContain("aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com");
    expect(doc).toContain("--policy-type SERVICE_CONTROL_POLICY");
    expect(doc).toContain("**Delegated administrator: not used.**");
    expect(doc).toContain("**AWS Control Tower is not present**");
    expect(doc).toContain("Object Lock COMPLIANCE mode keeps every log for 2557 days");
  });

  it("gives single-account prerequisites without Organizations steps", () => {
    const doc = readme(presetEstate("uk-smb"));
    expect(doc).toContain("**Credentials** for account 111111111111");
    expect(doc).not.toContain("enable-aws-service-access");
    expect(doc).not.toContain("SERVICE_CONTROL_POLICY");
    expect(doc).toContain("**Object Lock GOVERNANCE mode**");
  });

  it("explains coexistence when Control Tower is present", () => {
    const { preset, extra } = VARIANTS["uk-bank under Control Tower"]!;
    const doc = readme(presetEstate(preset, extra));
    expect(doc).toContain("**AWS Control Tower is present.**");
    expect(doc).toContain("`aws-controltower/CloudTrailLogs`");
  });

  it("carries the MFA-delete root runbook only where MFA delete is chosen", () => {
    expect(readme(presetEstate("uk-smb"))).not.toContain("MFA-delete root runbook");
    const { preset, extra } = VARIANTS["uk-smb with MFA delete"]!;
    const estate = presetEstate(preset, extra);
    const doc = readme(estate);
    expect(doc).toContain("## MFA-delete root runbook");
    expect(doc).toContain(
      `aws s3api put-bucket-versioning --bucket ${estate.plan.archive.name} --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::111111111111:mfa/root-account-mfa-device 123456"`,
    );
    expect(doc).toContain("cannot run in CI");
    expect(doc).toContain("Run the MFA-delete root runbook below.");
  });

  it("shows the cost estimate with its total, assumptions and the price table's date and sources", () => {
    const estate = presetEstate("uk-healthcare");
    const doc = readme(estate);
    const estimate = estimateMonthlyCost(estate.plan);
    expect(doc).toContain(`| **Total** | **${usd(estimate.totalMonthlyUsd)}** | **${usd(estimate.firstMonthUsd)}** |`);
    for (const line of estimate.lines) expect(doc).toContain(`| ${line.component} | ${usd(line.monthlyUsd)} |`);
    expect(doc).toContain("`--set cost.accounts=N`");
    expect(doc).toContain(`list prices as of ${estimate.prices.asOf}`);
    expect(doc).toContain("https://aws.amazon.com/cloudtrail/pricing/");
    expect(doc).toContain("**re-check**");
  });

  it("prints Markdown and HTML as written (no HTML escaping)", () => {
    const doc = readme(presetEstate("uk-smb"));
    expect(doc).toContain("<br/>");
    expect(doc).not.toMatch(/&lt;|&gt;|&quot;|&#x27;|&#x3D;|&amp;/);
  });
});

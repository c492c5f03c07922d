// Each apply rule against a hand-built planned estate: the valid shape passes
// every rule, and breaking exactly what one rule guards makes that rule (and
// only that rule) report it, with a message that says what to fix.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { APPLY_RULES } from "../../src/apply-rules/index.js";
import type { Finding } from "../../src/apply-rules/rule.js";
import { runApplyRules } from "../../src/apply-rules/run.js";
import { ARCHIVE, BUCKET, DEPLOY_ROLE, draft, EXEMPT_ROLES, MGMT, SECURITY, toInput, type Draft } from "./hand-built-plan.js";

function findings(d: Draft, modulePrefix = ""): Finding[] {
  return runApplyRules(toInput(d, modulePrefix));
}

/** Findings after `edit`, asserting they all belong to `rule` (the edit broke only what that rule guards). */
function broken(rule: string, edit: (d: Draft) => void): Finding[] {
  const d = draft();
  edit(d);
  const found = findings(d);
  expect(found.filter((f) => f.rule !== rule), "findings of other rules").toEqual([]);
  expect(found.length, `expected ${rule} to fail`).toBeGreaterThan(0);
  return found;
}

const messages = (found: Finding[]) => found.map((f) => `${f.address}: ${f.message}`);

describe("the apply rule catalog", () => {
  it("lists every rule file once, each with an id, a title and the https document it rests on", () => {
    const files = readdirSync(join(import.meta.dirname, "../../src/apply-rules/rules")).filter((f) => f.endsWith(".ts") && f !== "scps.ts");
    expect(APPLY_RULES).toHaveLength(files.length);
    expect(new Set(APPLY_RULES.map((r) => r.id)).size).toBe(APPLY_RULES.length);
    for (const rule of APPLY_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.title.length, rule.id).toBeGreaterThan(20);
      expect(rule.source, rule.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      const file = files.find((f) => readFileSync(join(import.meta.dirname, "../../src/apply-rules/rules", f), "utf8").includes(`id: "${rule.id}"`));
      expect(file, `the file defining ${rule.id}`).toBeDefined();
    }
  });

  it("the hand-built estate passes every rule, at the root and inside a module", () => {
    expect(messages(findings(draft()))).toEqual([]);
    expect(messages(findings(draft(), "module.audit."))).toEqual([]);
  });

  it("a rule that throws becomes a finding, never a silent pass", () => {
    const throwing = { id: "boom", title: "a rule that cannot read the plan", source: "https://docs.aws.amazon.com/", check: () => { throw new Error("no such attribute"); } };
    expect(runApplyRules(toInput(draft()), [throwing])).toEqual([{ rule: "boom", address: "(rule)", message: "could not be checked: no such attribute" }]);
  });
});

describe("account-access", () => {
  it("fails a management provider that assumes OrganizationAccountAccessRole", () => {
    const found = broken("account-access", (d) => {
      d.providers[0] = { ...d.providers[0]!, assumeRoleArns: [`arn:aws:iam::${MGMT}:role/OrganizationAccountAccessRole`] };
    });
    expect(messages(found)).toEqual([expect.stringMatching(/^provider aws\.management: assumes .*OrganizationAccountAccessRole in the management account, where Organizations never creates/)]);
  });

  it("accepts a management role only when the answers name it", () => {
    const named = `arn:aws:iam::${MGMT}:role/PlatformTerraform`;
    const found = broken("account-access", (d) => {
      d.providers[0] = { ...d.providers[0]!, assumeRoleArns: [named] };
    });
    expect(found[0]!.message).toContain("which the answers do not name");
    const d = draft();
    d.providers[0] = { ...d.providers[0]!, assumeRoleArns: [named] };
    d.facts = { ...d.facts, managementRoleArn: named };
    expect(findings(d)).toEqual([]);
  });

  it("fails a management provider not pinned to the management account", () => {
    const d = draft();
    d.providers[0] = { ...d.providers[0]!, allowedAccountIds: undefined };
    // Unpinned, its resources have no known account, which other rules report too.
    const found = findings(d).filter((f) => f.rule === "account-access");
    expect(messages(found)).toContain("provider aws.management: pins no account: set allowed_account_ids to the one account it deploys into");
    expect(messages(found)).toContain(`provider: no provider is pinned to the management account ${MGMT}`);
  });

  it.each(["OrganizationAccountAccessRole", "AWSControlTowerExecution"])("fails a member provider that assumes %s (bootstrap only)", (role) => {
    const found = broken("account-access", (d) => {
      d.providers[1] = { ...d.providers[1]!, assumeRoleArns: [`arn:aws:iam::${ARCHIVE}:role/${role}`] };
    });
    expect(messages(found)).toEqual([`provider aws.log_archive: assumes ${role} into ${ARCHIVE}: that role is for the one-time bootstrap; day-2 applies assume the dedicated deploy role`]);
  });

  it("fails a member provider on ambient credentials, or on a role in another account", () => {
    expect(messages(broken("account-access", (d) => void (d.providers[2] = { ...d.providers[2]!, assumeRoleArns: [] })))).toEqual([
      `provider aws.security: reaches member account ${SECURITY} with 0 assume_role blocks: assume the dedicated deploy role`,
    ]);
    expect(messages(broken("account-access", (d) => void (d.providers[2] = { ...d.providers[2]!, assumeRoleArns: [`arn:aws:iam::${ARCHIVE}:role/${DEPLOY_ROLE}`] })))).toEqual([
      `provider aws.security: assumes arn:aws:iam::${ARCHIVE}:role/${DEPLOY_ROLE}, a role in another account than the pinned ${SECURITY}`,
    ]);
  });
});

describe("cloudtrail-key-grants", () => {
  const dropSid = (sid: string) => (d: Draft) => d.editPolicy("aws_kms_key.estate", "policy", (doc) => void (doc.Statement = doc.Statement.filter((s) => s.Sid !== sid)));

  it("fails a key policy without kms:Decrypt for CloudTrail while the archive uses a Bucket Key", () => {
    const found = broken("cloudtrail-key-grants", dropSid("CloudTrailBucketKeyDecrypt"));
    expect(messages(found)).toEqual([`aws_kms_key.estate: does not allow cloudtrail.amazonaws.com kms:Decrypt while bucket ${BUCKET} uses an S3 Bucket Key: CreateTrail/UpdateTrail fail`]);
    // Without a Bucket Key, Decrypt is not needed.
    const d = draft();
    dropSid("CloudTrailBucketKeyDecrypt")(d);
    d.at("aws_s3_bucket_server_side_encryption_configuration.archive").values.rule = [{ bucket_key_enabled: false }];
    expect(findings(d)).toEqual([]);
  });

  it("fails GenerateDataKey* without the CloudTrail encryption-context condition", () => {
    const found = broken("cloudtrail-key-grants", (d) =>
      d.editPolicy("aws_kms_key.estate", "policy", (doc) => {
        delete doc.Statement.find((s) => s.Sid === "CloudTrailEncrypt")!.Condition;
      }),
    );
    expect(found[0]!.message).toMatch(/kms:GenerateDataKey\* under a kms:EncryptionContext:aws:cloudtrail:arn condition/);
  });

  it("fails a key policy without DescribeKey for CloudTrail", () => {
    expect(messages(broken("cloudtrail-key-grants", dropSid("CloudTrailDescribe")))).toEqual(["aws_kms_key.estate: does not allow cloudtrail.amazonaws.com kms:DescribeKey"]);
  });

  it("reads a separate aws_kms_key_policy when the key has one", () => {
    const d = draft();
    const key = d.at("aws_kms_key.estate");
    d.resources.set("aws_kms_key_policy.estate", { type: "aws_kms_key_policy", name: "estate", provider: "aws.security", values: { policy: key.values.policy }, refs: { key_id: ["aws_kms_key.estate"] }, dependsOn: [] });
    key.values.policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    d.at("aws_cloudtrail.trail").dependsOn.push("aws_kms_key_policy.estate");
    expect(findings(d)).toEqual([]);
    dropSid("CloudTrailDescribe")({ ...d, editPolicy: (_a, attr, edit) => d.editPolicy("aws_kms_key_policy.estate", attr, edit) });
    expect(messages(findings(d))).toEqual(["aws_kms_key_policy.estate: does not allow cloudtrail.amazonaws.com kms:DescribeKey"]);
  });
});

describe("first-apply-ordering", () => {
  it.each([
    ["aws_s3_bucket_policy.archive", "bucket policy"],
    ["aws_s3_bucket_object_lock_configuration.archive", "Object Lock configuration"],
    ["aws_s3_bucket_server_side_encryption_configuration.archive", "default encryption"],
    ["aws_s3_bucket_versioning.archive", "versioning"],
    ["aws_iam_role_policy.trail_logs", "CloudWatch Logs role policy"],
  ])("fails a trail that does not wait for %s", (address, what) => {
    const found = broken("first-apply-ordering", (d) => {
      const trail = d.at("aws_cloudtrail.trail");
      trail.dependsOn = trail.dependsOn.filter((a) => a !== address);
    });
    expect(messages(found)).toEqual([`aws_cloudtrail.trail: does not wait for the ${what} ${address}: add it to the trail's depends_on`]);
  });

  it("fails a trail that does not wait for a separate key policy (the key itself it references)", () => {
    const found = broken("first-apply-ordering", (d) => {
      const key = d.at("aws_kms_key.estate");
      d.resources.set("aws_kms_key_policy.estate", { type: "aws_kms_key_policy", name: "estate", provider: "aws.security", values: { policy: key.values.policy }, refs: { key_id: ["aws_kms_key.estate"] }, dependsOn: [] });
    });
    expect(messages(found)).toEqual(["aws_cloudtrail.trail: does not wait for the key policy aws_kms_key_policy.estate: add it to the trail's depends_on"]);
  });

  it("counts a dependency reached through another one (Terraform orders the whole chain)", () => {
    const d = draft();
    const trail = d.at("aws_cloudtrail.trail");
    trail.dependsOn = trail.dependsOn.filter((a) => a !== "aws_s3_bucket_versioning.archive");
    d.at("aws_s3_bucket_policy.archive").dependsOn.push("aws_s3_bucket_versioning.archive");
    expect(findings(d)).toEqual([]);
  });

  it("fails an Object Lock bucket with no lock configuration to wait for", () => {
    const found = broken("first-apply-ordering", (d) => {
      d.resources.delete("aws_s3_bucket_object_lock_configuration.archive");
      const trail = d.at("aws_cloudtrail.trail");
      trail.dependsOn = trail.dependsOn.filter((a) => !a.includes("object_lock"));
    });
    expect(messages(found)).toEqual(["aws_cloudtrail.trail: the estate has no Object Lock configuration for the trail to wait for"]);
  });
});

describe("config-placement", () => {
  it("fails an S3 rule deployed in management while the buckets are in log-archive", () => {
    const found = broken("config-placement", (d) => void (d.at("aws_config_config_rule.s3_versioning").provider = "aws.management"));
    expect(messages(found)).toEqual([
      `S3_BUCKET_VERSIONING_ENABLED: S3_BUCKET_VERSIONING_ENABLED does not run in account ${ARCHIVE}, which owns the estate's buckets: deploy it through that account's provider`,
      `aws_config_config_rule.s3_versioning: checks S3 buckets in account ${MGMT}, which owns none of the estate's buckets (${ARCHIVE})`,
    ]);
  });

  it("accepts an organization rule that covers log-archive, and fails one that excludes it", () => {
    const d = draft();
    d.resources.delete("aws_config_config_rule.s3_versioning");
    d.resources.set("aws_config_organization_managed_rule.s3_versioning", {
      type: "aws_config_organization_managed_rule",
      name: "s3_versioning",
      provider: "aws.management",
      values: { name: "s3-bucket-versioning-enabled", rule_identifier: "S3_BUCKET_VERSIONING_ENABLED", excluded_accounts: [] },
      refs: {},
      dependsOn: [],
    });
    expect(findings(d)).toEqual([]);
    d.at("aws_config_organization_managed_rule.s3_versioning").values.excluded_accounts = [ARCHIVE];
    expect(messages(findings(d))).toEqual([expect.stringContaining(`S3_BUCKET_VERSIONING_ENABLED does not run in account ${ARCHIVE}`)]);
  });

  it("fails cloudwatch-alarm-action-check on its defaults (insufficient-data actions required)", () => {
    const found = broken("config-placement", (d) => void delete d.at("aws_config_config_rule.alarm_action").values.input_parameters);
    expect(messages(found)).toEqual([
      "aws_config_config_rule.alarm_action: has no input parameters: its defaults require insufficient-data actions, which no estate alarm has, so every alarm is NON_COMPLIANT",
    ]);
  });

  it("fails insufficientDataActionRequired=true and an action1 that is not an estate topic", () => {
    const found = broken("config-placement", (d) => {
      d.at("aws_config_config_rule.alarm_action").values.input_parameters = JSON.stringify({ alarmActionRequired: "true", insufficientDataActionRequired: "true", action1: `arn:aws:sns:eu-west-2:${ARCHIVE}:other` });
    });
    expect(messages(found)).toEqual([
      expect.stringContaining('insufficientDataActionRequired is "true" (default true)'),
      expect.stringContaining(`action1 is "arn:aws:sns:eu-west-2:${ARCHIVE}:other", not the ARN of one of the estate's alarm topics`),
    ]);
  });

  it("fails the alarm-action rule outside the alarms' account", () => {
    const found = broken("config-placement", (d) => void (d.at("aws_config_config_rule.alarm_action").provider = "aws.log_archive"));
    expect(messages(found)).toContain(`aws_config_config_rule.alarm_action: does not run in account ${MGMT}, where the alarms are`);
  });

  it("asks for the lock rule only where a locked bucket is, and the other S3 rules wherever a bucket is", () => {
    const withResults = (d: Draft) => {
      d.resources.set("aws_s3_bucket.results", { type: "aws_s3_bucket", name: "results", provider: "aws.security", values: { bucket: "audit-results", object_lock_enabled: false }, refs: {}, dependsOn: [] });
      d.resources.set("aws_config_config_rule.lock", { type: "aws_config_config_rule", name: "lock", provider: "aws.log_archive", values: { name: "s3-bucket-default-lock-enabled", source: [{ owner: "AWS", source_identifier: "S3_BUCKET_DEFAULT_LOCK_ENABLED" }] }, refs: {}, dependsOn: [] });
    };
    const found = broken("config-placement", withResults);
    expect(messages(found)).toEqual([`S3_BUCKET_VERSIONING_ENABLED: S3_BUCKET_VERSIONING_ENABLED does not run in account ${SECURITY}, which owns the estate's buckets: deploy it through that account's provider`]);
    const d = draft();
    withResults(d);
    d.resources.set("aws_config_configuration_recorder.security", { type: "aws_config_configuration_recorder", name: "security", provider: "aws.security", values: { name: "audit" }, refs: {}, dependsOn: [] });
    d.resources.set("aws_config_config_rule.security_versioning", { ...d.at("aws_config_config_rule.s3_versioning"), name: "security_versioning", provider: "aws.security" });
    expect(findings(d)).toEqual([]);
  });

  it("fails alarms in an account Config never sees, unless the documents declare that gap", () => {
    const moved = (d: Draft) => void (d.at("aws_cloudwatch_metric_alarm.root_usage").provider = "aws.security");
    const found = broken("config-placement", moved);
    expect(messages(found)).toEqual([`aws_config_config_rule.alarm_action: does not run in account ${SECURITY}, where the alarms are`]);
    const d = draft();
    moved(d);
    d.facts = { ...d.facts, alarmAccountsWithoutConfig: [SECURITY] };
    expect(findings(d)).toEqual([]);
  });

  it("accepts parameters built from the topic's ARN (known only after apply) through the reference", () => {
    const d = draft();
    const rule = d.at("aws_config_config_rule.alarm_action");
    delete rule.values.input_parameters;
    rule.refs.input_parameters = ["aws_sns_topic.alerts"];
    expect(findings(d)).toEqual([]);
  });

  it("fails rules in an account with no recorder, unless one is declared existing", () => {
    const found = broken("config-placement", (d) => void d.resources.delete("aws_config_configuration_recorder.log_archive"));
    expect(messages(found)).toEqual([`account ${ARCHIVE}: has Config rules but no recorder, created or declared existing: the rules would never evaluate`]);
    const d = draft();
    d.resources.delete("aws_config_configuration_recorder.log_archive");
    d.facts = { ...d.facts, existingRecorderAccounts: [ARCHIVE] };
    expect(findings(d)).toEqual([]);
  });
});

describe("scp-targets", () => {
  it("fails a statement aimed at a management-account resource", () => {
    const trail = `arn:aws:cloudtrail:eu-west-2:${MGMT}:trail/audit`;
    const found = broken("scp-targets", (d) =>
      d.editPolicy("aws_organizations_policy.protect", "content", (doc) => {
        doc.Statement.push({ Sid: "ProtectTrail", Effect: "Deny", Action: ["cloudtrail:StopLogging"], Resource: [trail], Condition: { ArnNotLike: { "aws:PrincipalARN": EXEMPT_ROLES } } });
      }),
    );
    expect(messages(found)).toEqual([`aws_organizations_policy.protect: statement ProtectTrail targets ${trail} in the management account, which no SCP binds: protect it another way and say so`]);
  });

  it.each([`arn:aws:iam::${ARCHIVE}:role/OrganizationAccountAccessRole`, "arn:aws:iam::*:role/OrganizationAccountAccessRole", "arn:aws:iam::*:role/Organization*"])("fails an exemption matching OrganizationAccountAccessRole: %s", (exempt) => {
    const found = broken("scp-targets", (d) =>
      d.editPolicy("aws_organizations_policy.protect", "content", (doc) => {
        (doc.Statement[0]!.Condition as { ArnNotLike: { "aws:PrincipalARN": string[] } }).ArnNotLike["aws:PrincipalARN"].push(exempt);
      }),
    );
    expect(messages(found)).toEqual([expect.stringMatching(new RegExp(`statement ProtectArchive exempts .*OrganizationAccountAccessRole|statement ProtectArchive exempts ${exempt.replace(/[*]/g, "\\*")}`))]);
    expect(found[0]!.message).toContain("exempt the dedicated deploy role instead");
  });
});

describe("archive-putobject-deny", () => {
  const editDeny = (edit: (st: Record<string, unknown>) => void) => (d: Draft) =>
    d.editPolicy("aws_s3_bucket_policy.archive", "policy", (doc) => edit(doc.Statement.find((s) => s.Sid === "DenyNonCloudTrailWrites")!));

  it("fails an archive policy with no such Deny", () => {
    const found = broken("archive-putobject-deny", (d) => d.editPolicy("aws_s3_bucket_policy.archive", "policy", (doc) => void (doc.Statement = doc.Statement.filter((s) => s.Effect !== "Deny"))));
    expect(messages(found)).toEqual([expect.stringMatching(/^aws_s3_bucket_policy\.archive: no Deny of s3:PutObject on AWSLogs\/.* for every principal but cloudtrail\.amazonaws\.com/)]);
  });

  it.each([
    ["exempts every service (aws:PrincipalIsAWSService)", (st: Record<string, unknown>) => void (st.Condition = { Bool: { "aws:PrincipalIsAWSService": "false" } })],
    ["exempts a second service", (st: Record<string, unknown>) => void (st.Condition = { StringNotEqualsIfExists: { "aws:PrincipalServiceName": ["cloudtrail.amazonaws.com", "config.amazonaws.com"] } })],
    ["applies only to one account's principals", (st: Record<string, unknown>) => void (st.Principal = { AWS: [`arn:aws:iam::${ARCHIVE}:root`] })],
    ["adds a narrowing condition", (st: Record<string, unknown>) => void ((st.Condition as Record<string, unknown>).Bool = { "aws:SecureTransport": "false" })],
    ["covers another prefix only", (st: Record<string, unknown>) => void (st.Resource = `arn:aws:s3:::${BUCKET}/Config/*`)],
  ])("fails a Deny that %s", (_what, edit) => {
    const found = broken("archive-putobject-deny", editDeny(edit));
    expect(found[0]!.message).toContain("for every principal but cloudtrail.amazonaws.com");
  });
});

describe("policy-sizes", () => {
  const pad = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:iam::${SECURITY}:role/reader-${String(i).padStart(4, "0")}`);

  it("fails a bucket policy over 20 KB", () => {
    const found = broken("policy-sizes", (d) =>
      d.editPolicy("aws_s3_bucket_policy.archive", "policy", (doc) => {
        doc.Statement.push({ Sid: "Readers", Effect: "Allow", Principal: { AWS: pad(450) }, Action: "s3:GetObject", Resource: `arn:aws:s3:::${BUCKET}/*` });
      }),
    );
    expect(messages(found)).toEqual([expect.stringMatching(/^aws_s3_bucket_policy\.archive: its bucket policy is [\d,]+ bytes, over AWS's limit of 20,480: apply would fail$/)]);
  });

  it("fails a key policy over 32 KB", () => {
    const found = broken("policy-sizes", (d) =>
      d.editPolicy("aws_kms_key.estate", "policy", (doc) => {
        doc.Statement.push({ Sid: "Readers", Effect: "Allow", Principal: { AWS: pad(800) }, Action: "kms:Decrypt", Resource: "*" });
      }),
    );
    expect(found[0]!.message).toMatch(/key policy is [\d,]+ bytes, over AWS's limit of 32,768/);
  });

  it("fails an SCP over 5,120 characters, counting whitespace", () => {
    const d = draft();
    const r = d.at("aws_organizations_policy.protect");
    const compact = String(r.values.content);
    const pretty = JSON.stringify(JSON.parse(compact), null, 10);
    expect(compact.length).toBeLessThan(5120);
    // The same document, indented until it passes the limit: AWS counts every character sent.
    r.values.content = pretty.replace(/\n/g, "\n" + " ".repeat(Math.ceil((5121 - pretty.length) / (pretty.split("\n").length - 1)) + 1));
    expect(JSON.parse(String(r.values.content))).toEqual(JSON.parse(compact));
    const found = findings(d);
    expect(found[0]!.message).toMatch(/content is [\d,]+ characters, over the SCP limit of 5,120/);
  });

  it("fails a fifth SCP of ours on one target (FullAWSAccess takes a place)", () => {
    const found = broken("policy-sizes", (d) => {
      for (const i of [2, 3, 4, 5]) {
        d.resources.set(`aws_organizations_policy.p${i}`, { ...d.at("aws_organizations_policy.protect"), name: `p${i}` });
        d.resources.set(`aws_organizations_policy_attachment.p${i}`, { ...d.at("aws_organizations_policy_attachment.protect"), name: `p${i}`, refs: { policy_id: [`aws_organizations_policy.p${i}`] } });
      }
    });
    expect(messages(found)).toEqual(["r-ab12: 5 SCPs of this estate plus FullAWSAccess would be attached to r-ab12, over the limit of 5 per root, OU or account"]);
  });
});

describe("selector-counts", () => {
  const buckets = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::data-${i}/`);

  it("fails 501 advanced-selector values across selectors, passes 500", () => {
    const withValues = (n: number) => (d: Draft) => {
      d.at("aws_cloudtrail.trail").values.advanced_event_selector = [
        { name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] },
        { name: "S3", field_selector: [{ field: "eventCategory", equals: ["Data"] }, { field: "resources.type", equals: ["AWS::S3::Object"] }, { field: "resources.ARN", starts_with: buckets(n - 3) }] },
      ];
    };
    const found = broken("selector-counts", withValues(501));
    expect(messages(found)).toEqual([
      "aws_cloudtrail.trail: its advanced event selectors hold 501 values, over CloudTrail's limit of 500 per trail: name fewer buckets, or log all S3 data events",
    ]);
    const d = draft();
    withValues(500)(d);
    expect(findings(d)).toEqual([]);
  });

  it("fails six selectors", () => {
    const found = broken("selector-counts", (d) => {
      d.at("aws_cloudtrail.trail").values.advanced_event_selector = Array.from({ length: 6 }, (_, i) => ({ name: `s${i}`, field_selector: [{ field: "eventCategory", equals: ["Data"] }] }));
    });
    expect(messages(found)).toEqual(["aws_cloudtrail.trail: has 6 advanced event selectors, over the limit of 5"]);
  });
});

describe("control-tower", () => {
  const underControlTower = (d: Draft) => void (d.facts = { ...d.facts, controlTower: true });

  it("passes when every Deny exempts Control Tower's roles", () => {
    const d = draft();
    underControlTower(d);
    expect(findings(d)).toEqual([]);
  });

  it("fails a Deny that does not exempt aws-controltower-* roles", () => {
    const found = broken("control-tower", (d) => {
      underControlTower(d);
      d.editPolicy("aws_organizations_policy.protect", "content", (doc) => {
        (doc.Statement[1]!.Condition as { ArnNotLike: Record<string, string[]> }).ArnNotLike["aws:PrincipalARN"] = EXEMPT_ROLES.filter((r) => !r.includes("aws-controltower"));
      });
    });
    expect(messages(found)).toEqual([expect.stringMatching(/^aws_organizations_policy\.protect: statement ProtectEstateKey does not exempt aws-controltower-ConfigRecorderRole, aws-controltower-ForwardSnsNotificationRole/)]);
  });

  it("fails a region-deny SCP of ours", () => {
    const found = broken("control-tower", (d) => {
      underControlTower(d);
      d.editPolicy("aws_organizations_policy.protect", "content", (doc) => {
        doc.Statement.push({ Sid: "DenyOtherRegions", Effect: "Deny", NotAction: ["iam:*"], Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-2"] }, ArnNotLike: { "aws:PrincipalARN": EXEMPT_ROLES } } });
      });
    });
    expect(messages(found)).toEqual([expect.stringContaining("statement DenyOtherRegions denies by aws:RequestedRegion: under Control Tower use its Region deny control")]);
  });

  it("is silent outside Control Tower", () => {
    const d = draft();
    d.editPolicy("aws_organizations_policy.protect", "content", (doc) => void delete doc.Statement[1]!.Condition);
    expect(findings(d).filter((f) => f.rule === "control-tower")).toEqual([]);
  });
});

describe("delivery-health", () => {
  it("fails when no alarm watches the trail's log group", () => {
    const found = broken("delivery-health", (d) => void d.resources.delete("aws_cloudwatch_metric_alarm.delivery"));
    expect(messages(found)).toEqual(["aws_cloudtrail.trail: no alarm watches IncomingLogEvents on audit-trail-logs: a trail that stops delivering goes unnoticed"]);
  });

  it("fails an alarm that treats missing data as missing", () => {
    const found = broken("delivery-health", (d) => void (d.at("aws_cloudwatch_metric_alarm.delivery").values.treat_missing_data = "missing"));
    expect(messages(found)).toEqual([expect.stringMatching(/^aws_cloudwatch_metric_alarm\.delivery: treats missing data as "missing": .* set treat_missing_data = "breaching"$/)]);
  });

  it("fails an alarm with no action", () => {
    const found = broken("delivery-health", (d) => void (d.at("aws_cloudwatch_metric_alarm.delivery").refs = {}));
    expect(messages(found)).toEqual(["aws_cloudwatch_metric_alarm.delivery: has no alarm action: it would change state without telling anyone"]);
  });

  it("does not apply to a trail without CloudWatch Logs delivery", () => {
    const d = draft();
    d.resources.delete("aws_cloudwatch_metric_alarm.delivery");
    const trail = d.at("aws_cloudtrail.trail");
    delete trail.refs.cloud_watch_logs_group_arn;
    delete trail.refs.cloud_watch_logs_role_arn;
    trail.dependsOn = trail.dependsOn.filter((a) => !a.includes("iam_role"));
    expect(findings(d)).toEqual([]);
  });
});

describe("archive-read-grants", () => {
  it("fails an Allow that lets an IAM principal write into the archive", () => {
    const found = broken("archive-read-grants", (d) =>
      d.editPolicy("aws_s3_bucket_policy.archive", "policy", (doc) => void ((doc.Statement.find((s) => s.Sid === "InvestigatorRead")!.Action as string[]).push("s3:PutObject"))),
    );
    expect(messages(found)).toEqual(["aws_s3_bucket_policy.archive: statement InvestigatorRead allows IAM principals s3:PutObject on the archive: readers get GetObject and ListBucket only"]);
  });

  it("fails a NotAction grant, which allows everything it does not list", () => {
    const found = broken("archive-read-grants", (d) =>
      d.editPolicy("aws_s3_bucket_policy.archive", "policy", (doc) => {
        const st = doc.Statement.find((s) => s.Sid === "InvestigatorRead")!;
        delete st.Action;
        st.NotAction = ["s3:DeleteObject"];
      }),
    );
    expect(messages(found)).toEqual([expect.stringContaining("statement InvestigatorRead allows IAM principals every action but s3:DeleteObject")]);
  });
});

describe("athena-workgroup", () => {
  const config = (d: Draft) => (d.at("aws_athena_workgroup.investigations").values.configuration as Record<string, any>[])[0]!;

  it("fails a workgroup that lets clients override its settings", () => {
    const found = broken("athena-workgroup", (d) => void (config(d).enforce_workgroup_configuration = false));
    expect(messages(found)).toEqual([expect.stringMatching(/does not enforce its configuration/)]);
  });

  it("fails a workgroup on another engine, or with no scanned-bytes cutoff", () => {
    expect(messages(broken("athena-workgroup", (d) => void (config(d).engine_version = [{ selected_engine_version: "AUTO" }])))).toEqual([expect.stringContaining('runs "AUTO", not "Athena engine version 3"')]);
    expect(messages(broken("athena-workgroup", (d) => void delete config(d).bytes_scanned_cutoff_per_query))).toEqual([expect.stringContaining("bytes_scanned_cutoff_per_query is null")]);
    expect(messages(broken("athena-workgroup", (d) => void (config(d).bytes_scanned_cutoff_per_query = 1_000_000)))).toEqual([expect.stringContaining("at least 10000000 bytes")]);
  });

  it("fails results that are not encrypted under a customer-managed key", () => {
    const plain = broken("athena-workgroup", (d) => void (config(d).result_configuration[0].encryption_configuration = [{ encryption_option: "SSE_S3" }]));
    expect(messages(plain)).toEqual([expect.stringContaining('encrypts results with "SSE_S3"')]);
    const noKey = broken("athena-workgroup", (d) => void (d.at("aws_athena_workgroup.investigations").refs = {}));
    expect(messages(noKey)).toEqual([expect.stringContaining("names no customer-managed key of the estate")]);
  });
});

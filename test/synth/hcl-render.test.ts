/**
 * The HCL renderer against every bug class in hcl-output.md (B1–B12), the CIS
 * metric-filter patterns, IAM policy documents and the provider setups the
 * estate uses. Each case is rendered, formatted, and must pass the three
 * gates: `terraform fmt -check` clean, HCL == JSON (semanticDiff), and
 * `terraform validate` with no errors and no warnings (one combined stack,
 * because each init + validate costs about 5 s).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { App, Fn, LocalBackend, TerraformHclModule, TerraformIterator, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
import { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
import { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy/index.js";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHcl, renderTfJson } from "../../src/synth/hcl/render-hcl.js";
import { quoteLiteral, quoteTemplate } from "../../src/synth/hcl/template.js";
import { findTerraform, formatHcl } from "../../src/synth/terraform-fmt.js";
import { hclToJson, semanticDiff, terraformFmtCheck, terraformValidate } from "../helpers/terraform.js";

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder removed after the file's tests. */
function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

/** What every case may use from the base stack. */
interface Base {
  readonly accountId: string; // a token: ${var.account_id}
  readonly logArchive: AwsProvider;
}

interface Case {
  readonly name: string;
  readonly build: (scope: Construct, base: Base) => void;
  /** Text the rendered HCL must contain (after formatting), for the bug the case is about. */
  readonly contains?: string[];
}

/** The CIS / Security Hub metric-filter patterns (controls.md), plus ones with quotes and backslashes. */
const METRIC_FILTER_PATTERNS = [
  '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
  "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
  '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
  "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
  "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
  "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
  "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
  "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
  "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
  '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  '{ ($.userIdentity.userName = "breakGlassUser0*") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != "AwsServiceEvent") }',
  '{ $.errorMessage = "*\\"denied\\"*" }',
  '{ $.requestParameters.path = "C:\\\\temp\\\\new" }',
];

const CASES: Case[] = [
  {
    name: "b1-quotes-with-interpolation",
    build: (s, { accountId }) => {
      new KmsKey(s, "token", { description: `Key for "${accountId}"` });
      new KmsKey(s, "escaped", { description: 'Use "$${aws:username}" in policies' });
      new IamRole(s, "role", { name: "b1-role", assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "cloudtrail.amazonaws.com" } }] }) });
      new IamRolePolicy(s, "policy", {
        role: "b1-role",
        policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::b-${accountId}/*` }] }),
      });
    },
    contains: ['description = "Key for \\"${var.account_id}\\""', 'description = "Use \\"$${aws:username}\\" in policies"'],
  },
  {
    name: "b2-backslashes",
    build: (s, { accountId }) => {
      new KmsKey(s, "path", { description: "Logs under C:\\temp\\new" });
      new KmsKey(s, "regex", { description: "match \\d+ digits" });
      new KmsKey(s, "token", { description: `acct ${accountId} C:\\temp` });
      const topic = new SnsTopic(s, "topic", { name: "b2-topic" });
      new SnsTopicSubscription(s, "sub", {
        topicArn: topic.arn,
        protocol: "email",
        endpoint: "ops@example.com",
        filterPolicy: JSON.stringify({ note: ['say "hi"'], path: ["C:\\x"] }),
      });
      new DataAwsIamPolicyDocument(s, "doc", {
        statement: [{ actions: ["s3:GetObject"], resources: ["*"], condition: [{ test: "StringLike", variable: "s3:prefix", values: ["home\\dir", 'say "x"'] }] }],
      });
    },
    contains: ['description = "Logs under C:\\\\temp\\\\new"', 'description = "match \\\\d+ digits"'],
  },
  {
    name: "b3-multiline",
    build: (s) => {
      new KmsKey(s, "two", { description: "line one\nline two" });
      new KmsKey(s, "trailing", { description: "line one\nline two\n" });
      new KmsKey(s, "crlf", { description: "a\r\nb" });
      new KmsKey(s, "eof", { description: "before\nEOF\nafter" });
      new TerraformVariable(s, "multiline", { type: "string", description: "first line\nsecond line", default: "x" });
    },
    contains: ['description = "line one\\nline two"', 'description = "a\\r\\nb"', 'description = "before\\nEOF\\nafter"'],
  },
  {
    name: "b4-untyped-values",
    build: (s, { accountId }) => {
      new TerraformOutput(s, "root_pattern", { value: '{$.userIdentity.type="Root"}' });
      new TerraformOutput(s, "bracketed", { value: '[a, b="c"]' });
      new TerraformOutput(s, "quoted_start", { value: '"quoted" start' });
      new TerraformOutput(s, "two_lines", { value: "a\nb" });
      new TerraformOutput(s, "quoted_token", { value: `acct "${accountId}"` });
      new TerraformOutput(s, "digits", { value: "123456789012" });
      new TerraformLocal(s, "console_login_pattern", '{ $.eventName = "ConsoleLogin" }');
      new TerraformVariable(s, "json_default", { type: "string", default: JSON.stringify({ a: 1 }) });
    },
    contains: ['value = "123456789012"', 'default = "{\\"a\\":1}"', 'value = "{$.userIdentity.type=\\"Root\\"}"'],
  },
  {
    name: "b5-falsy-locals",
    build: (s) => {
      const zero = new TerraformLocal(s, "zero", 0);
      const no = new TerraformLocal(s, "no", false);
      const empty = new TerraformLocal(s, "empty", "");
      new TerraformOutput(s, "falsy_locals", { value: [zero.expression, no.expression, empty.expression] });
    },
  },
  {
    name: "b6-falsy-variable-attributes",
    build: (s) => {
      new TerraformVariable(s, "enable_mfa_delete", { type: "bool", default: false, nullable: false, sensitive: false });
      new TerraformVariable(s, "retries", { type: "number", default: 0 });
      new TerraformVariable(s, "suffix", { type: "string", default: "" });
    },
    contains: ["default = false", "nullable = false", "sensitive = false", "default = 0", 'default = ""'],
  },
  {
    name: "b7-meta-argument-references",
    build: (s, { logArchive }) => {
      const bucket = new S3Bucket(s, "bucket", { bucket: "b7-bucket", provider: logArchive, lifecycle: { ignoreChanges: ["tags"] } });
      const caller = new DataAwsCallerIdentity(s, "caller", { provider: logArchive });
      new KmsKey(s, "key", { description: `for ${caller.accountId}`, provider: logArchive, dependsOn: [bucket], lifecycle: { replaceTriggeredBy: [bucket.fqn] } });
      const topic = new SnsTopic(s, "topic", { name: "b7-topic" });
      new TerraformOutput(s, "topic_after", { value: topic.arn, dependsOn: [topic] }); // C5: cdktf quotes this even in JSON
    },
    contains: ["provider = aws.log_archive", "ignore_changes = [tags]", "depends_on = [aws_s3_bucket."],
  },
  {
    name: "b8-ignore-all-changes",
    build: (s) => {
      new S3Bucket(s, "bucket", { bucket: "b8-bucket", lifecycle: { ignoreChanges: "all" } });
    },
    contains: ["ignore_changes = all"],
  },
  {
    name: "b9-conditions",
    build: (s) => {
      new S3Bucket(s, "bucket", {
        bucket: "b9-bucket",
        lifecycle: {
          precondition: [{ condition: "${length(var.account_id) == 12}", errorMessage: 'account id must have "12" digits' }],
          postcondition: [{ condition: "${self.bucket != \"\"}", errorMessage: "bucket name is set" }],
        },
      });
    },
    contains: ["    precondition {", "    postcondition {"],
  },
  {
    name: "b10-required-version",
    build: (s) => {
      TerraformStack.of(s).addOverride("terraform.required_version", ">= 1.6.0");
    },
    contains: ['required_version = ">= 1.6.0"'],
  },
  {
    name: "b11-override-into-nested-block",
    build: (s) => {
      const bucket = new S3Bucket(s, "bucket", { bucket: "b11-bucket" });
      const versioning = new S3BucketVersioningA(s, "versioning", { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } });
      versioning.addOverride("versioning_configuration.mfa_delete", "Disabled");
    },
    contains: ['mfa_delete = "Disabled"'],
  },
  {
    name: "b12-map-keys",
    build: (s) => {
      new S3Bucket(s, "bucket", {
        bucket: "b12-bucket",
        tags: { for: "first", 'q"k': "quote", "with space": "1", "a.b": "2", "1st": "3", "aws:custom/with.colon": "4", "with-dash": "5", null: "6", true: "7", "cost-centre": "1234" },
      });
    },
    contains: ['"for" = "first"', '"q\\"k" = "quote"', 'cost-centre = "1234"'],
  },
  {
    name: "metric-filter-patterns",
    build: (s) => {
      const group = new CloudwatchLogGroup(s, "trail", { name: "cloudtrail-events", retentionInDays: 365 });
      METRIC_FILTER_PATTERNS.forEach((pattern, i) => {
        new CloudwatchLogMetricFilter(s, `filter_${i}`, {
          name: `filter-${i}`,
          logGroupName: group.name,
          pattern,
          metricTransformation: { name: `metric-${i}`, namespace: "CISBenchmark", value: "1" },
        });
      });
    },
  },
  {
    name: "iam-policy-documents",
    build: (s, { accountId }) => {
      const doc = new DataAwsIamPolicyDocument(s, "doc", {
        statement: [
          {
            sid: "OwnHome",
            actions: ["s3:GetObject", "s3:PutObject"],
            resources: [`arn:aws:s3:::home-${accountId}/$\${aws:username}/*`],
            principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${accountId}:root`] }],
            condition: [{ test: "StringEquals", variable: "aws:PrincipalTag/team", values: ['say "audit"'] }],
          },
          {
            sid: "TrailWrite",
            effect: "Allow",
            actions: ["s3:PutObject"],
            resources: ["*"],
            principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
          },
          { sid: "DenyAll", effect: "Deny", actions: ["*"], resources: ["*"], principals: [{ type: "*", identifiers: ["*"] }], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] },
        ],
      });
      new IamPolicy(s, "from_document", { name: "from-document", policy: doc.json });
      // Inside Fn.jsonencode cdktf escapes `${` itself (C2), so the IAM variable is written with one `$`.
      new IamPolicy(s, "jsonencode", {
        name: "jsonencode",
        policy: Fn.jsonencode({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:ListBucket"], Resource: [`arn:aws:s3:::b-${accountId}`], Condition: { StringLike: { "s3:prefix": ["${aws:username}/*"] } } }] }),
      });
    },
    contains: ["$${aws:username}/*"],
  },
  {
    name: "lifecycle-and-iteration",
    build: (s) => {
      new KmsKey(s, "key", { description: "evidence key", deletionWindowInDays: 30, lifecycle: { preventDestroy: true, createBeforeDestroy: true } });
      const names = TerraformIterator.fromList(["alpha", "beta"]);
      new S3Bucket(s, "each", { forEach: names, bucket: `each-${names.value}` });
      new SnsTopic(s, "counted", { count: 2, name: "counted-${count.index}" });
    },
    contains: ["prevent_destroy = true", "create_before_destroy = true", "for_each = toset(", "count = 2"],
  },
  {
    name: "dynamic-blocks",
    build: (s) => {
      const bucket = new S3Bucket(s, "bucket", { bucket: "dynamic-bucket" });
      const prefixes = TerraformIterator.fromList(["logs/", "digests/"]);
      new S3BucketLifecycleConfiguration(s, "rules", {
        bucket: bucket.id,
        rule: prefixes.dynamic({ id: prefixes.value, status: "Enabled", filter: [{ prefix: prefixes.value }], expiration: [{ days: 365 }] }),
      });
    },
    contains: ['dynamic "rule" {', "      expiration {"],
  },
  {
    name: "templates-and-text",
    build: (s, { accountId }) => {
      const group = new CloudwatchLogGroup(s, "group", { name: "text-cases" });
      new KmsKey(s, "suffix", { description: `${group.arn}:*` });
      new KmsKey(s, "literal_sequences", { description: "100% sure, %%{not a directive}, $${not.a.ref} and <<EOF inline" });
      new KmsKey(s, "unicode", { description: "tab\there Ünïcode – ✓ 日本" });
      // A validation must name its own variable, so this one is not renamed by the case's scope.
      new TerraformVariable(TerraformStack.of(s), "name_prefix", {
        type: "string",
        default: "tw",
        validation: [{ condition: '${can(regex("^[a-z]{2,32}$", var.name_prefix))}', errorMessage: 'Use 2-32 lowercase letters, e.g. "tw".' }],
      });
      new TerraformOutput(s, "dollar_default_account", { value: `acct-${accountId}`, description: "Has ${no} interpolation" });
    },
  },
  {
    name: "import-block",
    build: (s) => {
      const bucket = new S3Bucket(s, "imported", { bucket: "existing-bucket" });
      bucket.importFrom("existing-bucket");
    },
    contains: ["import {"],
  },
];

/** The base every case builds on: backend, two aliased providers with assume_role, default tags, the account variable. */
function baseStack(app: App, id: string): { stack: TerraformStack; base: Base } {
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: "terraform.tfstate" });
  new AwsProvider(stack, "aws", { region: "eu-west-2", defaultTags: [{ tags: { ManagedBy: "trailwright", "cost-centre": "1234" } }] });
  const logArchive = new AwsProvider(stack, "log_archive", {
    alias: "log_archive",
    region: "eu-west-2",
    assumeRole: [{ roleArn: "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", sessionName: "trailwright" }],
  });
  new AwsProvider(stack, "audit", { alias: "audit", region: "eu-west-2", assumeRole: [{ roleArn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" }] });
  // The bindings pin aws 6.25; the offline plugin folder has 5.100 (see the report's recipe).
  stack.addOverride("terraform.required_providers.aws.version", ">= 5.100.0, < 7.0.0");
  const account = new TerraformVariable(stack, "account_id", {
    type: "string",
    description: "The management account id",
    validation: [{ condition: "${length(var.account_id) == 12}", errorMessage: "The account id has 12 digits." }],
  });
  return { stack, base: { accountId: account.stringValue, logArchive } };
}

interface Rendered {
  readonly hcl: string;
  readonly raw: string;
  readonly json: string;
}

function render(build: (stack: TerraformStack, base: Base) => void): { stack: TerraformStack; json: string; raw: string } {
  const { stack, base } = baseStack(Testing.app(), "stack");
  build(stack, base);
  const json = Testing.synth(stack);
  return { stack, json, raw: renderHcl(stack) };
}

describe("renderHcl", () => {
  const rendered = new Map<string, Rendered>();
  let combined: Rendered;

  beforeAll(async () => {
    // Formatting runs terraform once per case; run those processes side by side.
    await Promise.all(
      CASES.map(async (c) => {
        const { json, raw } = render((stack, base) => c.build(stack, base));
        rendered.set(c.name, { raw, json, hcl: (await formatHcl(raw)).text });
      }),
    );
    const all = render((stack, base) => CASES.forEach((c) => c.build(new Construct(stack, c.name), base)));
    combined = { ...all, hcl: (await formatHcl(all.raw)).text };
  });

  it("has a terraform binary for the gates", () => {
    expect(findTerraform()).toBeDefined();
  });

  describe.each(CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
    it("means the same as the JSON synthesis", async () => {
      const { hcl, json } = rendered.get(name)!;
      expect(semanticDiff(await hclToJson(hcl), JSON.parse(json))).toEqual([]);
    });

    it("is laid out as terraform fmt lays it out, except inside expressions cdktf wrote", () => {
      const { raw, hcl } = rendered.get(name)!;
      const rawLines = raw.split("\n");
      const changed = hcl.split("\n").filter((line, i) => line !== rawLines[i]);
      expect(rawLines.length).toBe(hcl.split("\n").length);
      for (const line of changed) expect(line).toMatch(/jsonencode\(/);
    });

    it("has no heredoc and no quoted reference", () => {
      const { hcl } = rendered.get(name)!;
      expect(hcl).not.toMatch(/<<-?EOF\n|provider\s*=\s*"|depends_on\s*=\s*\[\s*"|ignore_changes\s*=\s*\[?\s*"/);
    });

    const expected = c.contains;
    if (expected) {
      it("writes the construct its bug class is about", () => {
        // `=` alignment is fmt's business, so expectations are written with single spaces.
        const unaligned = rendered.get(name)!.hcl.replace(/ {2,}=/g, " =");
        for (const text of expected) expect(unaligned).toContain(text);
      });
    }
  });

  it("is fmt-canonical after formatHcl (gate 1)", async () => {
    const dir = scratchDir("tw-fmt-");
    for (const [name, { hcl }] of rendered) writeFileSync(join(dir, `${name}.tf`), hcl);
    writeFileSync(join(dir, "combined.tf"), combined.hcl);
    const check = await terraformFmtCheck(dir);
    expect(check.output).toBe("");
    expect(check.clean).toBe(true);
  });

  it("validates with no errors and no warnings against the AWS provider (gate 3)", async () => {
    const dir = scratchDir("tw-validate-");
    writeFileSync(join(dir, "main.tf"), combined.hcl);
    const result = await terraformValidate(dir);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("means the same as the JSON for the combined stack (gate 2)", async () => {
    expect(semanticDiff(await hclToJson(combined.hcl), JSON.parse(combined.json))).toEqual([]);
  });

  it("refuses what it cannot print instead of dropping it", () => {
    const { stack } = baseStack(Testing.app(), "stack");
    new TerraformHclModule(stack, "vpc", { source: "terraform-aws-modules/vpc/aws", version: "5.0.0" });
    expect(() => renderHcl(stack)).toThrow(/does not support top-level module/);
  });

  it("is deterministic", () => {
    const build = (stack: TerraformStack, base: Base) => CASES.forEach((c) => c.build(new Construct(stack, c.name), base));
    const first = render(build);
    expect(renderHcl(first.stack)).toBe(first.raw);
    expect(render(build).raw).toBe(first.raw);
  });
});

describe("the gates catch cdktf's own renderer", () => {
  const cdktfHcl = (name: string) => {
    const c = CASES.find((x) => x.name === name)!;
    const { stack, base } = baseStack(Testing.app(), "stack");
    c.build(stack, base);
    return { hcl: Testing.synthHcl(stack), json: JSON.parse(Testing.synth(stack)) };
  };

  it("fmt rejects unescaped quotes next to an interpolation (B1)", async () => {
    await expect(formatHcl(cdktfHcl("b1-quotes-with-interpolation").hcl)).rejects.toThrow(/terraform fmt rejected/);
  });

  // Valid HCL with a different value: only the semantic gate sees these.
  const silent: [string, RegExp, (s: Construct) => void][] = [
    ["B2 backslash", /aws_kms_key\.k\.description/, (s) => new KmsKey(s, "k", { description: "Logs under C:\\temp\\new" })],
    ["B4 digits", /output\.o\.value/, (s) => new TerraformOutput(s, "o", { value: "123456789012" })],
    ["B6 falsy default", /variable\.v\.default/, (s) => new TerraformVariable(s, "v", { type: "bool", default: false })],
    ["B11 nested override", /versioning_configuration\.mfa_delete/, (s) => {
      const v = new S3BucketVersioningA(s, "v", { bucket: "b", versioningConfiguration: { status: "Enabled" } });
      v.addOverride("versioning_configuration.mfa_delete", "Disabled");
    }],
  ];
  it.each(silent)("semanticDiff reports %s", async (_name, path, build) => {
    const stack = new TerraformStack(Testing.app(), "stack");
    new AwsProvider(stack, "aws", { region: "eu-west-2" });
    build(stack);
    const json = JSON.parse(Testing.synth(stack));
    const formatted = (await formatHcl(Testing.synthHcl(stack))).text;
    expect(semanticDiff(await hclToJson(formatted), json).join("\n")).toMatch(path);
    expect(semanticDiff(await hclToJson((await formatHcl(renderHcl(stack))).text), json)).toEqual([]);
  });
});

describe("string escaping round-trips through HCL's own parser (hcl2json)", () => {
  // Seeded samples, checked in one parse: the HCL parser is the oracle for what a quoted string means.
  const sample = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { numRuns: 300, seed: 20240611 });
  const anyText = fc.string({ unit: fc.constantFrom("a", " ", '"', "\\", "$", "%", "{", "}", "~", "\n", "\r", "\t", "\u0001", "é", "日"), maxLength: 24 });
  // Well-formed templates: parts never leave a bare `$`/`%` that the next part's `{` would open.
  const templatePart = fc.constantFrom("a", " ", '"', "\\", "{", "}", "\n", "\r", "\t", "é", "$x", "%x", "$${", "%%{", "${var.a}", '${format("%s\\"", var.b)}', '${{ "k" = "v" }["k"]}');
  const template = fc.array(templatePart, { maxLength: 8 }).map((parts) => parts.join(""));

  it("keeps literal strings (variable defaults) exactly", async () => {
    const texts = sample(anyText);
    const hcl = texts.map((t, i) => `variable "v${i}" {\n  default = ${quoteLiteral(t)}\n}\n`).join("");
    const parsed = (await hclToJson(hcl)) as { variable: Record<string, [{ default: string }]> };
    texts.forEach((t, i) => expect(parsed.variable[`v${i}`]![0].default.replace(/([$%])\1\{/g, "$1{")).toBe(t));
  });

  it("keeps templates (interpolations and escapes) exactly", async () => {
    const texts = sample(template);
    const hcl = `locals {\n${texts.map((t, i) => `  t${i} = ${quoteTemplate(t)}\n`).join("")}}\n`;
    const parsed = (await hclToJson(hcl)) as { locals: [Record<string, unknown>] };
    texts.forEach((t, i) => expect(semanticDiff({ t: parsed.locals[0][`t${i}`] }, { t })).toEqual([]));
  });
});

describe("renderTfJson", () => {
  it("is byte-identical to the cdk.tf.json app.synth() writes, and to Testing.synth without metadata", () => {
    const outdir = scratchDir("tw-synth-");
    const app = new App({ outdir });
    const { stack, base } = baseStack(app, "estate");
    CASES.forEach((c) => c.build(new Construct(stack, c.name), base));
    app.synth();
    const written = readFileSync(join(outdir, "stacks", "estate", "cdk.tf.json"), "utf8");
    expect(renderTfJson(stack)).toBe(written);
    expect(renderTfJson(stack, { stripMetadata: true })).toBe(Testing.synth(stack));
  });
});

describe("formatHcl", () => {
  it("returns fmt's canonical text", async () => {
    const result = await formatHcl('a   = 1\nbb = "x"\n');
    expect(result).toEqual({ text: 'a  = 1\nbb = "x"\n', formatted: true });
  });

  it("throws terraform's diagnostic for invalid HCL", async () => {
    await expect(formatHcl('a = "unterminated\n')).rejects.toThrow(/Unterminated template string|Invalid multi-line string/);
  });

  const withEnv = async (env: Record<string, string | undefined>, fn: () => Promise<void>) => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const apply = (values: Record<string, string | undefined>) => {
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    };
    apply(env);
    try {
      await fn();
    } finally {
      apply(saved);
    }
  };

  it.each([
    ["TRAILWRIGHT_TERRAFORM names no binary", { TRAILWRIGHT_TERRAFORM: join(tmpdir(), "no-such-terraform") }, /skipped: TRAILWRIGHT_TERRAFORM=.* is not an executable file; .*`terraform fmt`/],
    ["PATH has no terraform", { TRAILWRIGHT_TERRAFORM: undefined, PATH: tmpdir() }, /skipped: no terraform binary on PATH; .*`terraform fmt`/],
  ])("returns the text unformatted with a one-line note when %s", async (_name, env, note) => {
    await withEnv(env, async () => {
      expect(findTerraform()).toBeUndefined();
      const result = await formatHcl("a   = 1\n");
      expect(result).toEqual({ text: "a   = 1\n", formatted: false, note: expect.stringMatching(note) });
      expect(result.note).not.toContain("\n");
    });
  });

  it("returns the text unformatted when the given binary cannot run", async () => {
    const result = await formatHcl("a   = 1\n", { terraformBin: join(tmpdir(), "no-such-terraform") });
    expect(result).toEqual({ text: "a   = 1\n", formatted: false, note: expect.stringMatching(/could not run/) });
  });

  it("finds terraform on PATH, or where TRAILWRIGHT_TERRAFORM says", () => {
    const onPath = findTerraform({ PATH: process.env.PATH });
    expect(onPath).toBeDefined();
    expect(findTerraform({ PATH: [tmpdir(), dirname(onPath!)].join(delimiter) })).toBe(onPath);
    expect(findTerraform({ PATH: tmpdir() })).toBeUndefined();
    expect(findTerraform({ PATH: "", TRAILWRIGHT_TERRAFORM: onPath })).toBe(onPath);
  });
});

// Controls for the policy matrix: each guard in evaluate-request.ts and
// estate-policies.ts must fire on the mistake it exists to catch, or the
// matrix could pass for the wrong reason without anyone noticing.
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import { presetPlan } from "../helpers/preset-answers.js";
import type { TfJson } from "../helpers/estate-cache.js";
import { documentFromReference, substitute, type IamPolicy } from "./estate-policies.js";
import { ADMINISTRATOR_ACCESS, evaluateRequest, FULL_AWS_ACCESS, type PolicyRequest } from "./evaluate-request.js";

const ACCOUNT = "111111111111";
const BUCKET = "arn:aws:s3:::evidence-bucket";
const OBJECT = `${BUCKET}/AWSLogs/${ACCOUNT}/x.json.gz`;
const KEY = `arn:aws:kms:eu-west-2:${ACCOUNT}:key/0f3c2d1e-7a6b-4c5d-9e8f-0123456789ab`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/Admin`;

const tlsOnly: IamPolicy = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: [BUCKET, `${BUCKET}/*`], Condition: { Bool: { "aws:SecureTransport": ["false"] } } },
  ],
};

const adminRead = (context: Record<string, string>, policy: IamPolicy = tlsOnly): PolicyRequest => ({
  principal: ADMIN,
  action: "s3:GetObject",
  resource: OBJECT,
  resourceAccount: ACCOUNT,
  context,
  identityPolicy: ADMINISTRATOR_ACCESS,
  resourcePolicy: policy,
  scps: [],
});

const LOGS_GROUP = `arn:aws:logs:eu-west-2:${ACCOUNT}:log-group:audit-cloudtrail`;
const keyPolicy: IamPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "AllowCloudWatchLogsLogGroup",
      Effect: "Allow",
      Principal: { Service: ["logs.eu-west-2.amazonaws.com"] },
      Action: ["kms:GenerateDataKey*"],
      Resource: ["*"],
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": [LOGS_GROUP] } },
    },
  ],
};
const logsRequest = (group: string): PolicyRequest => ({
  principal: "logs.eu-west-2.amazonaws.com",
  action: "kms:GenerateDataKey",
  resource: KEY,
  resourceAccount: ACCOUNT,
  context: { "kms:EncryptionContext:aws:logs:arn": group, "aws:SecureTransport": "true" },
  resourcePolicy: keyPolicy,
  scps: [],
});

describe("evaluateRequest guards", () => {
  it("decides a plain case and names the statement", async () => {
    const context = { "aws:PrincipalArn": ADMIN, "aws:SecureTransport": "false" };
    expect(await evaluateRequest(adminRead(context))).toEqual({ result: "ExplicitlyDenied", by: ["resource:DenyInsecureTransport"] });
    expect(await evaluateRequest(adminRead({ ...context, "aws:SecureTransport": "true" }))).toEqual({ result: "Allowed", by: ["identity:AdministratorAccess"] });
  });

  it("refuses a request that leaves out a key a deciding condition reads (the TLS deny would silently not fire)", async () => {
    await expect(evaluateRequest(adminRead({ "aws:PrincipalArn": ADMIN }))).rejects.toThrow(/aws:SecureTransport decided on a key the request did not carry/);
    // Declared absent on purpose, it evaluates.
    expect((await evaluateRequest({ ...adminRead({ "aws:PrincipalArn": ADMIN }), absent: ["aws:SecureTransport"] })).result).toBe("Allowed");
  });

  it("refuses a context key the simulator drops", async () => {
    await expect(evaluateRequest(adminRead({ "aws:SecureTransport": "true", "kms:ViaService": "s3.eu-west-2.amazonaws.com" }))).rejects.toThrow(/ignored context keys kms:ViaService/);
  });

  it("refuses an unknown condition operator (it would evaluate to false)", async () => {
    const typo: IamPolicy = { ...tlsOnly, Statement: [{ ...tlsOnly.Statement[0]!, Condition: { Boool: { "aws:SecureTransport": ["false"] } } }] };
    await expect(evaluateRequest(adminRead({ "aws:SecureTransport": "false" }, typo))).rejects.toThrow(/unknown condition operator Boool/);
  });

  it("refuses an unknown condition key", async () => {
    const typo: IamPolicy = { ...tlsOnly, Statement: [{ ...tlsOnly.Statement[0]!, Condition: { Bool: { "aws:SecureTransprot": ["false"] } } }] };
    await expect(evaluateRequest(adminRead({ "aws:SecureTransport": "false" }, typo))).rejects.toThrow(/unknown condition keys aws:SecureTransprot/);
  });

  it("refuses a wildcard in the request resource", async () => {
    await expect(evaluateRequest({ ...adminRead({ "aws:SecureTransport": "true" }), resource: `${BUCKET}/*` })).rejects.toThrow(/wildcard/);
  });

  it("refuses an SCP level without FullAWSAccess, and an SCP with a Principal", async () => {
    const scpDeny: IamPolicy = { Version: "2012-10-17", Statement: [{ Sid: "D", Effect: "Deny", Action: ["s3:DeleteBucket"], Resource: ["*"] }] };
    const context = { "aws:SecureTransport": "true" };
    await expect(evaluateRequest({ ...adminRead(context), scps: [{ orgIdentifier: "r-ab12", policies: [{ name: "deny", policy: scpDeny }] }] })).rejects.toThrow(/no FullAWSAccess/);
    const withPrincipal: IamPolicy = { ...scpDeny, Statement: [{ ...scpDeny.Statement[0]!, Principal: "*" }] };
    const levels = [{ orgIdentifier: "r-ab12", policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, { name: "bad", policy: withPrincipal }] }];
    await expect(evaluateRequest({ ...adminRead(context), scps: levels })).rejects.toThrow(/not a valid policy/);
  });

  it("kms:EncryptionContext: runSimulation alone drops the key (the known defect), the workaround evaluates it", async () => {
    // If this control starts failing, the library fixed the defect and the workaround can go.
    const plain = await runSimulation(
      {
        request: { principal: "logs.eu-west-2.amazonaws.com", action: "kms:GenerateDataKey", resource: { resource: KEY, accountId: ACCOUNT }, contextVariables: logsRequest(LOGS_GROUP).context as Record<string, string> },
        identityPolicies: [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: keyPolicy,
      },
      {},
    );
    expect(plain.resultType === "single" && plain.overallResult).toBe("ImplicitlyDenied");
    expect(plain.resultType === "single" && plain.result.ignoredContextKeys).toEqual(["kms:EncryptionContext:aws:logs:arn"]);

    expect(await evaluateRequest(logsRequest(LOGS_GROUP))).toEqual({ result: "Allowed", by: ["resource:AllowCloudWatchLogsLogGroup"] });
    expect(await evaluateRequest(logsRequest(`arn:aws:logs:eu-west-2:${ACCOUNT}:log-group:other`))).toEqual({ result: "ImplicitlyDenied", by: ["implicit:resource"] });
  });
});

describe("the policy converter is strict", () => {
  const plan = presetPlan("uk-smb");
  const tf = (statement: unknown[]): TfJson => ({ resource: {}, data: { aws_iam_policy_document: { doc: { statement } } } });
  const ref = "${data.aws_iam_policy_document.doc.json}";

  it("fails on a Terraform reference it does not map", () => {
    expect(() => substitute("${aws_iam_role.reader.arn}", tf([]), plan)).toThrow(/unmapped Terraform reference \$\{aws_iam_role\.reader\.arn\}/);
    const doc = tf([{ sid: "S", effect: "Allow", actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.nope.arn}/*"], principals: [{ type: "AWS", identifiers: ["*"] }] }]);
    expect(() => documentFromReference(ref, doc, plan)).toThrow(/does not define/);
  });

  it("fails on a statement without a Sid, or with a field it would drop", () => {
    expect(() => documentFromReference(ref, tf([{ effect: "Allow", actions: ["s3:GetObject"], resources: ["*"] }]), plan)).toThrow(/without a Sid/);
    expect(() => documentFromReference(ref, tf([{ sid: "S", effect: "Allow", actions: ["s3:GetObject"], resources: ["*"], principal: [] }]), plan)).toThrow(/field principal/);
  });

  it("converts principals, conditions and references into IAM JSON", () => {
    const doc = tf([
      {
        sid: "S",
        effect: "Deny",
        actions: ["s3:*"],
        resources: ["arn:aws:s3:::x"],
        principals: [{ type: "*", identifiers: ["*"] }],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
      { sid: "T", actions: ["kms:Decrypt"], resources: ["*"], principals: [{ type: "Service", identifiers: ["logs.eu-west-2.amazonaws.com"] }] },
    ]);
    expect(documentFromReference(ref, doc, plan)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "S", Effect: "Deny", Action: ["s3:*"], Resource: ["arn:aws:s3:::x"], Principal: "*", Condition: { Bool: { "aws:SecureTransport": ["false"] } } },
        { Sid: "T", Effect: "Allow", Action: ["kms:Decrypt"], Resource: ["*"], Principal: { Service: ["logs.eu-west-2.amazonaws.com"] } },
      ],
    });
  });
});

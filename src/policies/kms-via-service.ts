// The kms:ViaService condition: a key used only through an AWS service in one
// Region, never by calling KMS directly. Key policies and role policies scope
// their grants with it; one spelling keeps every grant the same shape.
// https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
import type { DataAwsIamPolicyDocumentStatementCondition } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document/index.js";

export function kmsViaService(service: "s3" | "sns", region: string): DataAwsIamPolicyDocumentStatementCondition {
  return { test: "StringEquals", variable: "kms:ViaService", values: [`${service}.${region}.amazonaws.com`] };
}

// AWS commercial regions and which ones keep data inside each jurisdiction.
// The UK has one AWS region (London, eu-west-2), so UK residency means exactly that.

export const AWS_REGIONS: readonly string[] = Object.freeze([
  "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
  "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ca-central-1", "ca-west-1",
  "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
  "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
]);

export const JURISDICTIONS = ["uk", "eu", "us"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, string>> = {
  uk: "United Kingdom",
  eu: "European Union",
  us: "United States",
};

/** Regions whose data stays in the jurisdiction, with the default home region first. */
export const RESIDENCY_REGIONS: Readonly<Record<Jurisdiction, readonly string[]>> = Object.freeze({
  uk: ["eu-west-2"],
  eu: ["eu-west-1", "eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-3"],
  us: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
});

/**
 * Actions left out of the region-deny SCP because the services are global or
 * their control plane lives in us-east-1. From the AWS Organizations example
 * "Deny access to AWS based on the requested AWS Region"
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html).
 */
export const GLOBAL_SERVICE_ACTIONS: readonly string[] = Object.freeze([
  "a4b:*", "acm:*", "aws-marketplace-management:*", "aws-marketplace:*", "aws-portal:*", "budgets:*", "ce:*",
  "chime:*", "cloudfront:*", "config:*", "cur:*", "directconnect:*", "ec2:DescribeRegions", "ec2:DescribeTransitGateways",
  "ec2:DescribeVpnGateways", "fms:*", "globalaccelerator:*", "health:*", "iam:*", "importexport:*", "kms:*",
  "mobileanalytics:*", "networkmanager:*", "organizations:*", "pricing:*", "route53:*", "route53domains:*",
  "route53-recovery-cluster:*", "route53-recovery-control-config:*", "route53-recovery-readiness:*",
  "s3:GetAccountPublic*", "s3:ListAllMyBuckets", "s3:ListMultiRegionAccessPoints", "s3:PutAccountPublic*",
  "shield:*", "sts:*", "support:*", "trustedadvisor:*", "waf-regional:*", "waf:*", "wafv2:*", "wellarchitected:*",
]);

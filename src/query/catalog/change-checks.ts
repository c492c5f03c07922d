// Changes to who may do what, and to the logging and network that watch them.
// Event names are the Security Hub CloudWatch.4/5/7-14 metric filters' sets
// (src/catalog/cis-metric-filters.ts), plus the IAM identity events CIS does
// not alarm on but an investigator needs (users, roles, login profiles).
// https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
import { cisControl, pci, sqlList, type QueryCheck } from "./check.js";
import { eventCheck } from "./sql-parts.js";

const IAM_EVENTS = [
  // CIS 4.4 policy changes
  "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
  "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion",
  "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
  // identities and how they sign in
  "CreateUser", "DeleteUser", "CreateRole", "DeleteRole", "UpdateAssumeRolePolicy", "AddUserToGroup", "RemoveUserFromGroup",
  "CreateLoginProfile", "UpdateLoginProfile", "DeleteLoginProfile", "DeactivateMFADevice", "DeleteVirtualMFADevice",
] as const;

const IAM_CHANGE = `eventsource = 'iam.amazonaws.com'
  AND eventname IN (${sqlList(IAM_EVENTS)})`;

const ACCESS_KEY_CREATED = "eventsource = 'iam.amazonaws.com' AND eventname = 'CreateAccessKey' AND errorcode IS NULL";

const TRAIL_EVENTS = ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging", "PutEventSelectors", "PutInsightSelectors"] as const;
const CONFIG_EVENTS = ["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder", "DeleteConfigurationRecorder"] as const;
const KMS_EVENTS = ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation"] as const;

const TRAIL_TAMPERING = `((eventsource = 'cloudtrail.amazonaws.com' AND eventname IN (${sqlList(TRAIL_EVENTS)}))
  OR (eventsource = 'config.amazonaws.com' AND eventname IN (${sqlList(CONFIG_EVENTS)}))
  OR (eventsource = 'kms.amazonaws.com' AND eventname IN (${sqlList(KMS_EVENTS)})))`;

const NETWORK_EVENTS = [
  // CIS 4.10 security groups
  "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress",
  "CreateSecurityGroup", "DeleteSecurityGroup",
  // CIS 4.11 network ACLs
  "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
  // CIS 4.12 gateways
  "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway",
  // CIS 4.13 route tables
  "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable",
  // CIS 4.14 VPCs
  "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection",
] as const;

const NETWORK_CHANGE = `eventsource = 'ec2.amazonaws.com'
  AND eventname IN (${sqlList(NETWORK_EVENTS)})`;

const BUCKET_EVENTS = [
  // CIS 4.8
  "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
  "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication",
  // public access and ownership, which decide whether the policy is the whole story
  "PutBucketPublicAccessBlock", "DeleteBucketPublicAccessBlock", "PutBucketOwnershipControls",
] as const;

const BUCKET_POLICY_CHANGE = `eventsource = 's3.amazonaws.com'
  AND eventname IN (${sqlList(BUCKET_EVENTS)})`;

export const iamChanges: QueryCheck = {
  id: "iam-changes",
  title: "IAM policy, role, user and sign-in changes",
  looksFor: "Calls that change IAM policies, users, roles, groups, login profiles or MFA devices (attempts that failed included, with their error).",
  why: "New privileges are how an intruder stays; PCI DSS logs every change to identification and authentication credentials.",
  severity: "high",
  controls: [cisControl("iam-policy-changes"), pci("10.2.1.5")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => IAM_CHANGE,
  ctes: [],
  sql: () => eventCheck(IAM_CHANGE, ["errorcode"]),
};

export const accessKeyCreated: QueryCheck = {
  id: "access-key-created",
  title: "Access keys created",
  looksFor: "Successful CreateAccessKey calls, with the user the key belongs to and its key id.",
  why: "A long-lived key is the most common way credentials leave an organisation; each new one should match a request.",
  severity: "high",
  controls: [pci("10.2.1.5"), pci("8.3.9")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => ACCESS_KEY_CREATED,
  ctes: [],
  // With no userName in the request the key is for the caller itself.
  sql: () =>
    eventCheck(ACCESS_KEY_CREATED, [
      "coalesce(json_extract_scalar(requestparameters, '$.userName'), useridentity.username) AS key_user",
      "json_extract_scalar(responseelements, '$.accessKey.accessKeyId') AS access_key_id",
    ]),
};

export const trailTampering: QueryCheck = {
  id: "trail-tampering",
  title: "CloudTrail, Config and KMS tampering",
  looksFor: "Changes to trails, to the Config recorder and delivery channel, and disabling, deletion or re-policying of KMS keys.",
  why: "Stopping the evidence is the step before the crime; PCI DSS logs every stop or pause of audit logging.",
  severity: "critical",
  controls: [cisControl("cloudtrail-changes"), cisControl("config-changes"), cisControl("cmk-disable-or-deletion"), pci("10.2.1.6")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => TRAIL_TAMPERING,
  ctes: [],
  sql: () => eventCheck(TRAIL_TAMPERING, ["eventsource", "errorcode"]),
};

export const networkChanges: QueryCheck = {
  id: "network-changes",
  title: "Security group, NACL, gateway, route and VPC changes",
  looksFor: "Changes to the network's edges, flagging any that mention 0.0.0.0/0 (open to the internet).",
  why: "An opened port or a new route is how data leaves; CIS alarms on each of these sets.",
  severity: "medium",
  controls: [cisControl("security-group-changes"), cisControl("nacl-changes"), cisControl("network-gateway-changes"), cisControl("route-table-changes"), cisControl("vpc-changes"), pci("10.2.1.7")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => NETWORK_CHANGE,
  ctes: [],
  sql: () =>
    eventCheck(NETWORK_CHANGE, ["CASE WHEN requestparameters LIKE '%0.0.0.0/0%' THEN 'yes' ELSE 'no' END AS open_to_internet", "errorcode"]),
};

export const bucketPolicyChanges: QueryCheck = {
  id: "bucket-policy-changes",
  title: "S3 bucket policy, ACL and public-access changes",
  looksFor: "Changes to bucket policies, ACLs, CORS, lifecycle, replication, public access blocks and ownership.",
  why: "A bucket policy change can publish or copy a whole data set in one call; CIS alarms on it.",
  severity: "high",
  controls: [cisControl("s3-bucket-policy-changes"), pci("10.2.1.7")],
  shape: "events",
  requires: undefined,
  baseline: false,
  countWhere: () => BUCKET_POLICY_CHANGE,
  ctes: [],
  sql: () => eventCheck(BUCKET_POLICY_CHANGE, ["json_extract_scalar(requestparameters, '$.bucketName') AS bucket", "errorcode"]),
};

// CIS AWS Foundations monitoring controls as metric filters. Patterns are the
// exact Security Hub forms (shared/reference/controls.md section 2a): Security
// Hub passes CloudWatch.1-14 only on an exact match, so never reformat them.
import type { AlertTier } from "../model/plan.js";

export interface MetricFilterControl {
  readonly id: string;
  readonly title: string;
  readonly metricName: string;
  readonly pattern: string;
  readonly tier: AlertTier;
  /** CIS v1.4/v3.0/v5.0 numbering (v6/v7 renumber 4.x to 5.x). */
  readonly cis: string | undefined;
  readonly securityHub: string | undefined;
  readonly prowler: string | undefined;
  /** Only meaningful in an organization's management account. */
  readonly organizationOnly: boolean;
}

export const CIS_METRIC_FILTERS: readonly MetricFilterControl[] = Object.freeze([
  {
    id: "unauthorized-api-calls",
    title: "Unauthorized API calls",
    metricName: "UnauthorizedAPICalls",
    pattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
    tier: "warning",
    cis: "4.1",
    securityHub: "CloudWatch.2",
    prowler: "cloudwatch_log_metric_filter_unauthorized_api_calls",
    organizationOnly: false,
  },
  {
    id: "console-signin-without-mfa",
    title: "Console sign-in without MFA",
    metricName: "ConsoleSigninWithoutMFA",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    tier: "critical",
    cis: "4.2",
    securityHub: "CloudWatch.3",
    prowler: "cloudwatch_log_metric_filter_sign_in_without_mfa",
    organizationOnly: false,
  },
  {
    id: "root-usage",
    title: "Root user usage",
    metricName: "RootAccountUsage",
    pattern: '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
    tier: "critical",
    cis: "4.3",
    securityHub: "CloudWatch.1",
    prowler: "cloudwatch_log_metric_filter_root_usage",
    organizationOnly: false,
  },
  {
    id: "iam-policy-changes",
    title: "IAM policy changes",
    metricName: "IAMPolicyChanges",
    pattern:
      "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
    tier: "warning",
    cis: "4.4",
    securityHub: "CloudWatch.4",
    prowler: "cloudwatch_log_metric_filter_policy_changes",
    organizationOnly: false,
  },
  {
    id: "cloudtrail-changes",
    title: "CloudTrail configuration changes",
    metricName: "CloudTrailChanges",
    pattern:
      "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
    tier: "critical",
    cis: "4.5",
    securityHub: "CloudWatch.5",
    prowler: "cloudwatch_log_metric_filter_and_alarm_for_cloudtrail_configuration_changes_enabled",
    organizationOnly: false,
  },
  {
    id: "console-auth-failures",
    title: "Console authentication failures",
    metricName: "ConsoleSigninFailures",
    pattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
    tier: "warning",
    cis: "4.6",
    securityHub: "CloudWatch.6",
    prowler: "cloudwatch_log_metric_filter_authentication_failures",
    organizationOnly: false,
  },
  {
    id: "cmk-disable-or-deletion",
    title: "KMS key disabled or scheduled for deletion",
    metricName: "DisableOrDeleteCMK",
    pattern: "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
    tier: "critical",
    cis: "4.7",
    securityHub: "CloudWatch.7",
    prowler: "cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk",
    organizationOnly: false,
  },
  {
    id: "s3-bucket-policy-changes",
    title: "S3 bucket policy changes",
    metricName: "S3BucketPolicyChanges",
    pattern:
      "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
    tier: "warning",
    cis: "4.8",
    securityHub: "CloudWatch.8",
    prowler: "cloudwatch_log_metric_filter_for_s3_bucket_policy_changes",
    organizationOnly: false,
  },
  {
    id: "config-changes",
    title: "AWS Config configuration changes",
    metricName: "AWSConfigChanges",
    pattern:
      "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
    tier: "critical",
    cis: "4.9",
    securityHub: "CloudWatch.9",
    prowler: "cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled",
    organizationOnly: false,
  },
  {
    id: "security-group-changes",
    title: "Security group changes",
    metricName: "SecurityGroupChanges",
    pattern:
      "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
    tier: "info",
    cis: "4.10",
    securityHub: "CloudWatch.10",
    prowler: "cloudwatch_log_metric_filter_security_group_changes",
    organizationOnly: false,
  },
  {
    id: "nacl-changes",
    title: "Network ACL changes",
    metricName: "NACLChanges",
    pattern:
      "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
    tier: "info",
    cis: "4.11",
    securityHub: "CloudWatch.11",
    prowler: "cloudwatch_changes_to_network_acls_alarm_configured",
    organizationOnly: false,
  },
  {
    id: "network-gateway-changes",
    title: "Network gateway changes",
    metricName: "NetworkGatewayChanges",
    pattern:
      "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
    tier: "info",
    cis: "4.12",
    securityHub: "CloudWatch.12",
    prowler: "cloudwatch_changes_to_network_gateways_alarm_configured",
    organizationOnly: false,
  },
  {
    id: "route-table-changes",
    title: "Route table changes",
    metricName: "RouteTableChanges",
    pattern:
      "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
    tier: "info",
    cis: "4.13",
    securityHub: "CloudWatch.13",
    prowler: "cloudwatch_changes_to_network_route_tables_alarm_configured",
    organizationOnly: false,
  },
  {
    id: "vpc-changes",
    title: "VPC changes",
    metricName: "VPCChanges",
    pattern:
      "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
    tier: "info",
    cis: "4.14",
    securityHub: "CloudWatch.14",
    prowler: "cloudwatch_changes_to_vpcs_alarm_configured",
    organizationOnly: false,
  },
  {
    id: "organizations-changes",
    title: "AWS Organizations changes",
    metricName: "OrganizationsChanges",
    pattern:
      '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    tier: "critical",
    cis: "4.15",
    securityHub: undefined,
    prowler: "cloudwatch_log_metric_filter_aws_organizations_changes",
    organizationOnly: true,
  },
]);

/** Non-CIS extra: any use of the break-glass role deserves a page (LZA sample security-config). */
export function breakGlassUsageFilter(roleName: string): MetricFilterControl {
  return {
    id: "break-glass-usage",
    title: `Break-glass role ${roleName} used`,
    metricName: "BreakGlassRoleUsage",
    pattern: `{ ($.userIdentity.type = "AssumedRole") && ($.userIdentity.sessionContext.sessionIssuer.userName = "${roleName}") && ($.eventType != "AwsServiceEvent") }`,
    tier: "critical",
    cis: undefined,
    securityHub: undefined,
    prowler: undefined,
    organizationOnly: false,
  };
}

// Every WorkSpaces filter pattern fits CloudWatch's limit and matches the
// sample events it must match and none it must not, through the evaluator
// tested against AWS's documented examples.
import { describe, expect, it } from "vitest";
import {
  ACCESS_POLICY_CALLS,
  DESTRUCTIVE_CALLS,
  FILTER_PATTERN_MAX_CHARS,
  IMAGE_BUNDLE_CALLS,
  LOGIN_FILTER,
  NETWORK_ACCESS_CALLS,
  outsideNetworksFilter,
  prefixWildcard,
  PROVISIONING_CALLS,
  WORKSPACES_TRAIL_FILTERS,
} from "../../src/catalog/workspaces-monitoring.js";
import { matchesFilterPattern, parseFilterPattern } from "../helpers/filter-pattern.js";

/** A CloudTrail record the way the trail writes it to CloudWatch Logs. */
function apiCall(eventSource: string, eventName: string, extra: Record<string, unknown> = {}) {
  return {
    eventVersion: "1.09",
    userIdentity: { type: "AssumedRole", arn: "arn:aws:sts::444444444444:assumed-role/Admin/jo" },
    eventTime: "2026-12-04T10:00:00Z",
    eventSource,
    eventName,
    awsRegion: "eu-west-2",
    sourceIPAddress: "203.0.113.7",
    eventType: "AwsApiCall",
    recipientAccountId: "444444444444",
    ...extra,
  };
}

/** The WorkSpaces Access event as EventBridge delivers it (adminguide cloudwatch-events). */
function accessEvent(clientIpAddress: string, detail: Record<string, unknown> = {}) {
  return {
    version: "0",
    id: "64ec0bd9-55f3-4d33-ae5d-8ff4e2ec7f0b",
    "detail-type": "WorkSpaces Access",
    source: "aws.workspaces",
    account: "444444444444",
    time: "2026-12-04T21:14:05Z",
    region: "eu-west-2",
    resources: [],
    detail: {
      clientIpAddress,
      actionType: "successfulLogin",
      workspacesClientProductName: "WorkSpaces Desktop client",
      loginTime: "2026-12-04T21:14:05.000Z",
      clientPlatform: "Windows",
      directoryId: "corp.example.com/d-1234567890",
      clientVersion: "5.20.0",
      workspaceId: "ws-abcd12345",
      ...detail,
    },
  };
}

const filter = (id: string) => WORKSPACES_TRAIL_FILTERS.find((f) => f.id === id)!;

const CASES: Record<string, { must: readonly string[]; mustNot: readonly string[] }> = {
  "ws-access-policy-change": { must: ACCESS_POLICY_CALLS, mustNot: [...NETWORK_ACCESS_CALLS, ...DESTRUCTIVE_CALLS, "DescribeWorkspaceDirectories", "ModifyWorkspaceProperties"] },
  "ws-network-access-change": { must: NETWORK_ACCESS_CALLS, mustNot: [...ACCESS_POLICY_CALLS, "DescribeIpGroups"] },
  "ws-destructive": { must: DESTRUCTIVE_CALLS, mustNot: ["RebootWorkspaces", "StopWorkspaces", "CreateWorkspaces", "DescribeWorkspaces"] },
  "ws-image-bundle-change": { must: IMAGE_BUNDLE_CALLS, mustNot: ["DescribeWorkspaceBundles", "DescribeWorkspaceImages", "CreateWorkspaces"] },
  "ws-provisioning": { must: PROVISIONING_CALLS, mustNot: ["TerminateWorkspaces", "DescribeWorkspaces", "CreateWorkspaceImage"] },
};

describe("WorkSpaces filters on the trail's log group", () => {
  it.each(WORKSPACES_TRAIL_FILTERS.map((f) => [f.id, f] as const))("%s parses and fits the 1,024-character limit", (_id, f) => {
    expect(f.pattern.length).toBeLessThanOrEqual(FILTER_PATTERN_MAX_CHARS);
    expect(() => parseFilterPattern(f.pattern)).not.toThrow();
  });

  it.each(Object.entries(CASES))("%s matches its calls and no others", (id, { must, mustNot }) => {
    const { pattern } = filter(id);
    for (const name of must) expect(matchesFilterPattern(pattern, apiCall("workspaces.amazonaws.com", name)), name).toBe(true);
    for (const name of mustNot) expect(matchesFilterPattern(pattern, apiCall("workspaces.amazonaws.com", name)), name).toBe(false);
    // The same action name from another service is not a WorkSpaces change.
    expect(matchesFilterPattern(pattern, apiCall("ec2.amazonaws.com", must[0]!))).toBe(false);
  });

  it("every catalog entry has sample events (no filter goes untested)", () => {
    const tested = new Set([...Object.keys(CASES), "ws-signin-failures"]);
    expect(WORKSPACES_TRAIL_FILTERS.map((f) => f.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it("ws-signin-failures: failed credential checks, in either place the outcome is recorded", () => {
    const { pattern, threshold } = filter("ws-signin-failures");
    expect(threshold).toBe(5);
    const failed = apiCall("signin.amazonaws.com", "CredentialVerification", { serviceEventDetails: { CredentialVerification: "Failure" } });
    const failedInResponse = apiCall("signin.amazonaws.com", "CredentialVerification", { responseElements: { CredentialVerification: "Failure" } });
    const ok = apiCall("signin.amazonaws.com", "CredentialVerification", { serviceEventDetails: { CredentialVerification: "Success" } });
    const challenge = apiCall("signin.amazonaws.com", "CredentialChallenge", { serviceEventDetails: { CredentialChallenge: "Failure" } });
    const consoleLogin = apiCall("signin.amazonaws.com", "ConsoleLogin", { responseElements: { ConsoleLogin: "Failure" } });
    expect(matchesFilterPattern(pattern, failed)).toBe(true);
    expect(matchesFilterPattern(pattern, failedInResponse)).toBe(true);
    expect(matchesFilterPattern(pattern, ok)).toBe(false);
    expect(matchesFilterPattern(pattern, challenge)).toBe(false);
    expect(matchesFilterPattern(pattern, consoleLogin)).toBe(false);
  });
});

describe("filters on the WorkSpaces Access log group", () => {
  it("the login count matches every successful login and nothing else", () => {
    expect(matchesFilterPattern(LOGIN_FILTER.pattern, accessEvent("198.51.100.20"))).toBe(true);
    expect(matchesFilterPattern(LOGIN_FILTER.pattern, { ...accessEvent("198.51.100.20"), "detail-type": "WorkSpaces Pool Access" })).toBe(false);
    expect(matchesFilterPattern(LOGIN_FILTER.pattern, accessEvent("198.51.100.20", { actionType: "logoff" }))).toBe(false);
  });

  it("prefixes become trailing wildcards on octet boundaries", () => {
    expect(prefixWildcard("203.0.113.0/24")).toBe("203.0.113.*");
    expect(prefixWildcard("10.0.0.0/8")).toBe("10.*");
    expect(prefixWildcard("172.16.0.0/16")).toBe("172.16.*");
    expect(prefixWildcard("198.51.100.7/32")).toBe("198.51.100.7");
  });

  it("outside the allowed networks: inside never alarms, outside always does", () => {
    const { pattern } = outsideNetworksFilter(["203.0.113.0/24", "10.0.0.0/8", "198.51.100.7/32"]);
    expect(pattern.length).toBeLessThanOrEqual(FILTER_PATTERN_MAX_CHARS);
    for (const inside of ["203.0.113.1", "203.0.113.254", "10.200.3.4", "198.51.100.7"]) {
      expect(matchesFilterPattern(pattern, accessEvent(inside)), inside).toBe(false);
    }
    // 203.0.11.x shares leading characters with 203.0.113.x; 198.51.100.70 with the /32.
    for (const outside of ["192.0.2.10", "203.0.11.5", "203.0.114.1", "100.10.0.1", "198.51.100.70", "11.0.0.1"]) {
      expect(matchesFilterPattern(pattern, accessEvent(outside)), outside).toBe(true);
    }
    // Not a login event: never counted.
    expect(matchesFilterPattern(pattern, { ...accessEvent("192.0.2.10"), "detail-type": "Other" })).toBe(false);
  });

  it("nineteen /24 prefixes fit in one pattern", () => {
    const nets = Array.from({ length: 19 }, (_, i) => `203.0.${100 + i}.0/24`);
    expect(outsideNetworksFilter(nets).pattern.length).toBeLessThanOrEqual(FILTER_PATTERN_MAX_CHARS);
  });
});

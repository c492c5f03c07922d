// A realistic archive with planted events: background activity no check
// reports, plus, for each check, events it must find and decoys it must not.
// Every expectation in the query tests is written against the plants here.
// The window the tests query is Tuesday 2026-12-01 (UTC); the baseline for
// new-source-ips is the 30 days before it.
import { apiCall, identities, resetIds, seededRandom, backgroundRecord, writeCloudTrailArchive, type LogFile, type Record } from "../../scripts/synth/cloudtrail-logs.mjs";

export const MANAGEMENT = "111111111111";
export const SECURITY = "222222222222";
export const WORKLOAD = "333333333333";

const alice = identities.assumedRole(WORKLOAD, "Admin", "alice");
const bob = identities.assumedRole(WORKLOAD, "Developer", "bob");
const carol = identities.assumedRole(WORKLOAD, "ReadOnly", "carol");
const mallory = identities.assumedRole(WORKLOAD, "Developer", "mallory");
const oscar = identities.assumedRole(WORKLOAD, "Analyst", "oscar");
const app = identities.assumedRole(WORKLOAD, "app-runtime", "i-0abc1234");
const dave = identities.iamUser(WORKLOAD, "dave");
const erin = identities.iamUser(WORKLOAD, "erin");

interface Plant {
  readonly record: Record;
  /** When the file holding it was delivered; default five minutes after the event. */
  readonly deliveredAt?: string;
  /** Leave it out of the automatic baseline, so new-source-ips sees its address as new. */
  readonly newSource?: boolean;
}

const at = (time: string) => `2026-12-01T${time}Z`;
const call = (c: Parameters<typeof apiCall>[0]): Record => apiCall(c);

function consoleLogin(time: string, identity: Record, ip: string, outcome: "Success" | "Failure", mfa: "Yes" | "No", eventId: string): Record {
  return call({
    time,
    account: WORKLOAD,
    region: "us-east-1",
    identity,
    source: "signin.amazonaws.com",
    name: "ConsoleLogin",
    readOnly: false,
    ip,
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
    response: { ConsoleLogin: outcome },
    additional: { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: mfa },
    eventType: "AwsConsoleSignIn",
    ...(outcome === "Failure" ? { errorMessage: "Failed authentication" } : {}),
    eventId,
  });
}

/** The planted events, each with the eventID the tests look for. */
function plants(): Plant[] {
  const p: Plant[] = [];
  const add = (record: Record, extra: Omit<Plant, "record"> = {}) => p.push({ record, ...extra });
  const w = WORKLOAD;

  // root-usage: two uses (one delivered after midnight in the next day's folder), three decoys.
  add(call({ time: at("10:05:00"), account: w, identity: identities.root(w), source: "s3.amazonaws.com", name: "ListBuckets", ip: "203.0.113.50", eventId: "root-1" }));
  add(call({ time: at("23:58:00"), account: MANAGEMENT, identity: identities.root(MANAGEMENT), source: "iam.amazonaws.com", name: "GetAccountSummary", ip: "203.0.113.50", eventId: "root-late" }), { deliveredAt: "2026-12-02T00:04:00Z" });
  add(call({ time: "2026-11-30T23:58:00Z", account: w, identity: identities.root(w), source: "iam.amazonaws.com", name: "GetAccountSummary", ip: "203.0.113.50", eventId: "root-day-before" }), { deliveredAt: "2026-12-01T00:03:00Z" });
  add(call({ time: "2026-12-02T00:05:00Z", account: w, identity: identities.root(w), source: "iam.amazonaws.com", name: "GetAccountSummary", ip: "203.0.113.50", eventId: "root-day-after" }));
  add(call({ time: at("10:06:00"), account: w, identity: { ...identities.root(w), invokedBy: "support.amazonaws.com" }, source: "iam.amazonaws.com", name: "GetAccountSummary", ip: "support.amazonaws.com", eventId: "root-by-service" }));
  add(call({ time: at("10:07:00"), account: w, identity: identities.root(w), source: "health.amazonaws.com", name: "HealthEvent", ip: "health.amazonaws.com", eventType: "AwsServiceEvent", eventId: "root-service-event" }));

  // console sign-ins (us-east-1, as sign-in events for the global endpoint are)
  add(consoleLogin(at("11:00:00"), dave, "203.0.113.60", "Success", "No", "login-no-mfa"));
  add(consoleLogin(at("11:01:00"), erin, "203.0.113.61", "Success", "Yes", "login-mfa"));
  add(consoleLogin(at("11:02:00"), identities.assumedRole(w, "AWSReservedSSO_Admin_0123456789abcdef", "frank@example.com"), "203.0.113.62", "Success", "No", "login-sso"));
  for (const [i, minute] of ["20", "21", "22"].entries()) add(consoleLogin(at(`11:${minute}:00`), dave, "203.0.113.66", "Failure", "No", `login-failed-${i + 1}`));
  add(consoleLogin(at("11:30:00"), { type: "IAMUser", accountId: w, accessKeyId: "", userName: "HIDDEN_DUE_TO_SECURITY_REASONS" }, "203.0.113.67", "Failure", "No", "login-failed-unknown"));

  // access denied: a burst of 12 in one hour, 9 in another (below the threshold), 3 scattered.
  for (let i = 0; i < 12; i++) {
    add(call({ time: at(`13:${String(i * 4).padStart(2, "0")}:00`), account: w, identity: mallory, source: "secretsmanager.amazonaws.com", name: "ListSecrets", ip: "198.51.100.20", errorCode: "AccessDenied", errorMessage: "User is not authorized to perform: secretsmanager:ListSecrets", eventId: `denied-burst-${i + 1}` }));
  }
  for (let i = 0; i < 9; i++) {
    add(call({ time: at(`15:${String(i * 5).padStart(2, "0")}:00`), account: w, identity: carol, source: "s3.amazonaws.com", name: "ListBuckets", ip: "198.51.100.12", errorCode: "AccessDenied", errorMessage: "Access Denied", eventId: `denied-below-${i + 1}` }));
  }
  for (const hour of ["10", "11", "12"]) {
    add(call({ time: at(`${hour}:15:00`), account: w, identity: bob, source: "ec2.amazonaws.com", name: "DescribeVolumes", ip: "198.51.100.11", errorCode: "Client.UnauthorizedOperation", errorMessage: "You are not authorized to perform this operation.", eventId: `denied-scattered-${hour}` }));
  }

  // IAM changes and keys
  add(call({ time: at("10:30:00"), account: w, identity: alice, source: "iam.amazonaws.com", name: "AttachRolePolicy", readOnly: false, request: { roleName: "app-runtime", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }, eventId: "iam-attach" }));
  add(call({ time: at("10:31:00"), account: w, identity: alice, source: "iam.amazonaws.com", name: "CreateUser", readOnly: false, request: { userName: "deploy-bot" }, response: { user: { userName: "deploy-bot", arn: `arn:aws:iam::${w}:user/deploy-bot` } }, eventId: "iam-create-user" }));
  add(call({ time: at("10:32:00"), account: w, identity: alice, source: "iam.amazonaws.com", name: "CreateAccessKey", readOnly: false, request: { userName: "deploy-bot" }, response: { accessKey: { accessKeyId: "AKIAPLANTED000000001", status: "Active", userName: "deploy-bot" } }, eventId: "key-created" }));
  add(call({ time: at("10:33:00"), account: w, identity: alice, source: "iam.amazonaws.com", name: "CreateAccessKey", readOnly: false, request: { userName: "deploy-bot" }, errorCode: "LimitExceededException", errorMessage: "Cannot exceed quota for AccessKeysPerUser: 2", eventId: "key-refused" }));

  // logging tampering
  add(call({ time: at("10:40:00"), account: MANAGEMENT, identity: identities.assumedRole(MANAGEMENT, "Admin", "alice"), source: "cloudtrail.amazonaws.com", name: "StopLogging", readOnly: false, request: { name: "audit-trail" }, eventId: "tamper-trail" }));
  add(call({ time: at("10:41:00"), account: w, identity: alice, source: "config.amazonaws.com", name: "StopConfigurationRecorder", readOnly: false, request: { configurationRecorderName: "default" }, eventId: "tamper-config" }));
  add(call({ time: at("10:42:00"), account: SECURITY, identity: identities.assumedRole(SECURITY, "Admin", "alice"), source: "kms.amazonaws.com", name: "ScheduleKeyDeletion", readOnly: false, request: { keyId: "alias/estate", pendingWindowInDays: 7 }, eventId: "tamper-kms" }));

  // network
  add(call({ time: at("11:10:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "AuthorizeSecurityGroupIngress", readOnly: false, ip: "198.51.100.11", request: { groupId: "sg-0123", ipPermissions: { items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: "0.0.0.0/0" }] } }] } }, eventId: "net-open" }));
  add(call({ time: at("11:11:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateRoute", readOnly: false, ip: "198.51.100.11", request: { routeTableId: "rtb-0123", destinationCidrBlock: "10.1.0.0/16", transitGatewayId: "tgw-0123" }, eventId: "net-route" }));
  add(call({ time: at("11:12:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "DescribeSecurityGroups", ip: "198.51.100.11", eventId: "net-read" }));

  // buckets
  add(call({ time: at("11:20:00"), account: w, identity: alice, source: "s3.amazonaws.com", name: "PutBucketPolicy", readOnly: false, request: { bucketName: "acme-payments", bucketPolicy: { Version: "2012-10-17" }, Host: "acme-payments.s3.eu-west-2.amazonaws.com" }, eventId: "bucket-policy" }));
  add(call({ time: at("11:21:00"), account: w, identity: alice, source: "s3.amazonaws.com", name: "DeleteBucketPublicAccessBlock", readOnly: false, request: { bucketName: "acme-public", Host: "acme-public.s3.eu-west-2.amazonaws.com" }, eventId: "bucket-pab" }));
  add(call({ time: at("11:22:00"), account: w, identity: alice, source: "s3.amazonaws.com", name: "GetBucketPolicy", request: { bucketName: "acme-payments" }, eventId: "bucket-read" }));

  // S3 data events: 120 reads by oscar, one 2 GiB read by bob, 5 reads by carol (below both limits).
  const read = (time: string, identity: Record, ip: string, bucket: string, bytes: number, eventId: string) =>
    call({ time, account: w, identity, source: "s3.amazonaws.com", name: "GetObject", ip, category: "Data", request: { bucketName: bucket, key: `exports/${eventId}.csv`, Host: `${bucket}.s3.eu-west-2.amazonaws.com` }, additional: { bytesTransferredIn: 0, bytesTransferredOut: bytes, "x-amz-id-2": "example" }, resources: [{ type: "AWS::S3::Object", ARN: `arn:aws:s3:::${bucket}/exports/${eventId}.csv` }, { accountId: w, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket}` }], eventId });
  for (let i = 0; i < 120; i++) add(read(at(`14:${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`), oscar, "198.51.100.30", "acme-payments", 1000, `s3-oscar-${i + 1}`));
  add(read(at("14:10:00"), bob, "198.51.100.11", "acme-backups", 2_147_483_648, "s3-bob-big"));
  for (let i = 0; i < 5; i++) add(read(at(`14:2${i}:00`), carol, "198.51.100.12", "acme-payments", 5000, `s3-carol-${i + 1}`));

  // new-source-ips: alice from an address she has never used.
  add(call({ time: at("12:00:00"), account: w, identity: alice, source: "ec2.amazonaws.com", name: "DescribeInstances", ip: "192.0.2.99", eventId: "new-ip-1" }), { newSource: true });
  add(call({ time: at("12:05:00"), account: w, identity: alice, source: "ec2.amazonaws.com", name: "DescribeInstances", ip: "192.0.2.99", eventId: "new-ip-2" }), { newSource: true });

  // off hours (London: GMT in December): a write at 06:30, a console sign-in at 21:15; decoys in hours, reads and service events at night.
  add(call({ time: at("06:30:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateTags", readOnly: false, ip: "198.51.100.11", request: { resourcesSet: { items: [{ resourceId: "i-0123" }] } }, eventId: "night-write" }));
  add(consoleLogin(at("21:15:00"), erin, "203.0.113.61", "Success", "Yes", "night-login"));
  add(call({ time: at("18:30:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateTags", readOnly: false, ip: "198.51.100.11", eventId: "evening-write-in-hours" }));
  add(call({ time: at("03:00:00"), account: w, identity: bob, source: "ec2.amazonaws.com", name: "DescribeInstances", ip: "198.51.100.11", eventId: "night-read" }));
  add(call({ time: at("02:00:00"), account: w, identity: identities.service("backup.amazonaws.com"), source: "backup.amazonaws.com", name: "BackupJobCompleted", readOnly: false, ip: "backup.amazonaws.com", eventType: "AwsServiceEvent", eventId: "night-service" }));
  // Summer (BST, UTC+1): 06:30Z is 07:30 in London (in hours), 18:30Z is 19:30 (after hours); Saturday 4 July is a weekend.
  add(call({ time: "2026-07-01T06:30:00Z", account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateTags", readOnly: false, ip: "198.51.100.11", eventId: "summer-morning-in-hours" }));
  add(call({ time: "2026-07-01T18:30:00Z", account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateTags", readOnly: false, ip: "198.51.100.11", eventId: "summer-evening" }));
  add(call({ time: "2026-07-04T12:00:00Z", account: w, identity: bob, source: "ec2.amazonaws.com", name: "CreateTags", readOnly: false, ip: "198.51.100.11", eventId: "summer-saturday" }));

  // role chains: alice's Admin session twice into the management account's OrgAudit role, the app role once into a reader;
  // decoys: a user (not a chain) and a service assuming roles.
  const assume = (time: string, identity: Record, ip: string, roleArn: string, eventId: string) =>
    call({ time, account: w, identity, source: "sts.amazonaws.com", name: "AssumeRole", ip, request: { roleArn, roleSessionName: "hop" }, response: { credentials: { accessKeyId: "ASIAEXAMPLE" } }, eventId });
  add(assume(at("12:30:00"), alice, "198.51.100.10", `arn:aws:iam::${MANAGEMENT}:role/OrgAudit`, "chain-admin-1"));
  add(assume(at("12:31:00"), alice, "198.51.100.10", `arn:aws:iam::${MANAGEMENT}:role/OrgAudit`, "chain-admin-2"));
  add(assume(at("12:32:00"), app, "10.0.1.25", `arn:aws:iam::${w}:role/data-reader`, "chain-app"));
  add(assume(at("12:33:00"), dave, "203.0.113.60", `arn:aws:iam::${w}:role/data-reader`, "assume-by-user"));
  add(assume(at("12:34:00"), identities.service("lambda.amazonaws.com"), "lambda.amazonaws.com", `arn:aws:iam::${w}:role/fn`, "assume-by-service"));
  return p;
}

const minutesLater = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Files for the plants, background days around the window, and a baseline
 * event (same principal, same address, a read on 30 November) for every plant
 * but the new-source ones, so only those are new.
 */
export function plantedFiles(): LogFile[] {
  resetIds();
  const random = seededRandom(20261201);
  const byFile = new Map<string, { account: string; region: string; deliveredAt: string; records: Record[] }>();
  const put = (record: Record, deliveredAt: string) => {
    const account = record.recipientAccountId as string;
    const region = record.awsRegion as string;
    const key = `${account}|${region}|${deliveredAt}`;
    const file = byFile.get(key) ?? { account, region, deliveredAt, records: [] };
    file.records.push(record);
    byFile.set(key, file);
  };
  // CloudTrail delivers about every five minutes; here, at five past the next hour.
  const delivery = (time: string) => minutesLater(`${time.slice(0, 13)}:00:00Z`, 65);
  for (const plant of plants()) {
    const time = plant.record.eventTime as string;
    put(plant.record, plant.deliveredAt ?? delivery(time));
    if (!plant.newSource) {
      const baseline = apiCall({
        time: "2026-11-30T12:00:00Z",
        account: plant.record.recipientAccountId as string,
        region: plant.record.awsRegion as string,
        identity: plant.record.userIdentity as Record,
        source: "sts.amazonaws.com",
        name: "GetCallerIdentity",
        ip: plant.record.sourceIPAddress as string,
      });
      put(baseline, "2026-11-30T12:05:00Z");
    }
  }
  for (const day of ["2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"]) {
    for (const account of [MANAGEMENT, SECURITY, WORKLOAD]) {
      for (const region of ["eu-west-2", "eu-west-1"]) {
        const records = Array.from({ length: 40 }, () => backgroundRecord(random, { account, region, day }));
        records.sort((a, b) => String(a.eventTime).localeCompare(String(b.eventTime)));
        for (const r of records) put(r, `${day}T17:05:00Z`);
      }
    }
  }
  return [...byFile.values()].sort((a, b) => `${a.deliveredAt}${a.account}${a.region}`.localeCompare(`${b.deliveredAt}${b.account}${b.region}`));
}

export function writePlantedArchive(root: string, layout: "org" | "account"): string[] {
  return writeCloudTrailArchive(root, { layout, files: plantedFiles() });
}

// Synthetic CloudTrail archives for tests and `npm run bench`: gzip files of
// {"Records":[...]} laid out as `aws s3 sync` brings them down from a trail
// bucket (organization trail: AWSLogs/o-ORG/ACCOUNT/..., account trail:
// AWSLogs/ACCOUNT/...), with a digest file beside each day as log-file
// validation writes them. Field names, case and nesting follow
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
// and the file and digest naming follow
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/get-and-view-cloudtrail-log-files.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

/** A small seeded generator (mulberry32), so every archive is the same on every run. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let counter = 0;
/** A UUID-shaped id, unique within the process and stable across runs for the same call order. */
export function nextId(prefix = "") {
  counter += 1;
  const hex = counter.toString(16).padStart(12, "0");
  return `${prefix}${"00000000-0000-4000-8000-".slice(prefix.length)}${hex}`;
}

export function resetIds() {
  counter = 0;
}

export const identities = {
  root: (account) => ({ type: "Root", principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account, accessKeyId: "ASIAROOTEXAMPLE" }),
  iamUser: (account, name) => ({
    type: "IAMUser",
    principalId: `AIDA${name.toUpperCase().padEnd(17, "X").slice(0, 17)}`,
    arn: `arn:aws:iam::${account}:user/${name}`,
    accountId: account,
    accessKeyId: "AKIAEXAMPLEKEY",
    userName: name,
  }),
  assumedRole: (account, role, session, mfa = false) => ({
    type: "AssumedRole",
    principalId: `AROA${role.toUpperCase().padEnd(17, "X").slice(0, 17)}:${session}`,
    arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
    accountId: account,
    accessKeyId: "ASIAEXAMPLESESSION",
    sessionContext: {
      sessionIssuer: { type: "Role", principalId: `AROA${role.toUpperCase().padEnd(17, "X").slice(0, 17)}`, arn: `arn:aws:iam::${account}:role/${role}`, accountId: account, userName: role },
      attributes: { creationDate: "2026-11-01T08:00:00Z", mfaAuthenticated: String(mfa) },
    },
  }),
  service: (service) => ({ type: "AWSService", invokedBy: service }),
};

/**
 * One CloudTrail record. `time` is an ISO instant; everything else has the
 * defaults of a successful management API call.
 */
export function apiCall({
  time,
  account,
  region = "eu-west-2",
  identity,
  source,
  name,
  readOnly = true,
  ip = "198.51.100.10",
  userAgent = "aws-cli/2.22.4 md/Botocore#1.35.73 ua/2.0 os/linux#6.8",
  request = null,
  response = null,
  additional,
  errorCode,
  errorMessage,
  eventType = "AwsApiCall",
  category = "Management",
  resources,
  eventId,
}) {
  const record = {
    eventVersion: "1.11",
    userIdentity: identity,
    eventTime: time,
    eventSource: source,
    eventName: name,
    awsRegion: region,
    sourceIPAddress: ip,
    userAgent,
  };
  if (errorCode !== undefined) record.errorCode = errorCode;
  if (errorMessage !== undefined) record.errorMessage = errorMessage;
  record.requestParameters = request;
  record.responseElements = response;
  if (additional !== undefined) record.additionalEventData = additional;
  record.requestID = nextId("1");
  record.eventID = eventId ?? nextId("e");
  record.readOnly = readOnly;
  if (resources !== undefined) record.resources = resources;
  record.eventType = eventType;
  record.managementEvent = category === "Management";
  record.recipientAccountId = account;
  record.eventCategory = category;
  record.tlsDetails = { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256", clientProvidedHostHeader: `${source.split(".")[0]}.${region}.amazonaws.com` };
  return record;
}

/** The object key of a log file, relative to the sync folder. */
export function logFileKey({ layout, orgId, account, region, deliveredAt, suffix }) {
  const [date, time] = deliveredAt.split("T");
  const [y, m, d] = date.split("-");
  const stamp = `${y}${m}${d}T${time.slice(0, 2)}${time.slice(3, 5)}Z`;
  const base = layout === "org" ? `AWSLogs/${orgId}/${account}` : `AWSLogs/${account}`;
  return `${base}/CloudTrail/${region}/${y}/${m}/${d}/${account}_CloudTrail_${region}_${stamp}_${suffix}.json.gz`;
}

function digestKey({ layout, orgId, account, region, day }) {
  const [y, m, d] = day.split("-");
  const base = layout === "org" ? `AWSLogs/${orgId}/${account}` : `AWSLogs/${account}`;
  return `${base}/CloudTrail-Digest/${region}/${y}/${m}/${d}/${account}_CloudTrail-Digest_${region}_audit-trail_eu-west-2_${y}${m}${d}T235959Z.json.gz`;
}

/**
 * Writes each file under `root` and a digest for every account/region/day
 * that has files. Returns the keys written, logs first.
 * @param {string} root
 * @param {{ layout: "org" | "account", orgId?: string, files: { account: string, region: string, deliveredAt: string, records: object[] }[] }} archive
 */
export function writeCloudTrailArchive(root, { layout, orgId = "o-a1b2c3d4e5", files }) {
  const written = [];
  const days = new Map();
  files.forEach((file, i) => {
    const key = logFileKey({ layout, orgId, account: file.account, region: file.region, deliveredAt: file.deliveredAt, suffix: `Ab${String(i).padStart(14, "0")}` });
    const path = join(root, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, gzipSync(JSON.stringify({ Records: file.records })));
    written.push(key);
    const dayKey = `${file.account}|${file.region}|${file.deliveredAt.slice(0, 10)}`;
    days.set(dayKey, [...(days.get(dayKey) ?? []), key]);
  });
  for (const [dayKey, keys] of days) {
    const [account, region, day] = dayKey.split("|");
    const key = digestKey({ layout, orgId, account, region, day });
    const digest = {
      awsAccountId: account,
      digestStartTime: `${day}T00:00:00Z`,
      digestEndTime: `${day}T23:59:59Z`,
      digestS3Bucket: "acme-audit-archive",
      digestS3Object: key,
      digestPublicKeyFingerprint: "0123456789abcdef0123456789abcdef",
      digestSignatureAlgorithm: "SHA256withRSA",
      newestEventTime: `${day}T23:50:00Z`,
      oldestEventTime: `${day}T00:01:00Z`,
      previousDigestS3Bucket: null,
      previousDigestS3Object: null,
      previousDigestHashValue: null,
      previousDigestHashAlgorithm: null,
      previousDigestSignature: null,
      logFiles: keys.map((k) => ({ s3Bucket: "acme-audit-archive", s3Object: k, hashValue: "00", hashAlgorithm: "SHA-256", newestEventTime: `${day}T23:50:00Z`, oldestEventTime: `${day}T00:01:00Z` })),
    };
    const path = join(root, key);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, gzipSync(JSON.stringify(digest)));
    written.push(key);
  }
  return written;
}

const READS = [
  ["ec2.amazonaws.com", "DescribeInstances", { maxResults: 100 }],
  ["s3.amazonaws.com", "ListBuckets", null],
  ["iam.amazonaws.com", "GetRole", { roleName: "app-runtime" }],
  ["sts.amazonaws.com", "GetCallerIdentity", null],
  ["kms.amazonaws.com", "DescribeKey", { keyId: "alias/estate" }],
  ["cloudtrail.amazonaws.com", "LookupEvents", { maxResults: 50 }],
  ["logs.amazonaws.com", "DescribeLogGroups", { limit: 50 }],
];

/**
 * Background activity that no check reports: read-only calls by a fixed cast
 * of roles from their usual addresses, inside business hours (10:00-16:59 UTC,
 * which is inside 07:00-19:00 in London all year) on weekdays.
 */
export function backgroundRecord(random, { account, region, day }) {
  const cast = [
    ["Admin", "alice", "198.51.100.10"],
    ["Developer", "bob", "198.51.100.11"],
    ["ReadOnly", "carol", "198.51.100.12"],
    ["app-runtime", "i-0abc1234", "10.0.1.25"],
  ];
  const [role, session, ip] = cast[Math.floor(random() * cast.length)];
  const [source, name, request] = READS[Math.floor(random() * READS.length)];
  const hour = 10 + Math.floor(random() * 7);
  const minute = Math.floor(random() * 60);
  const second = Math.floor(random() * 60);
  const time = `${day}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:${String(second).padStart(2, "0")}Z`;
  return apiCall({ time, account, region, identity: identities.assumedRole(account, role, session), source, name, ip, request });
}

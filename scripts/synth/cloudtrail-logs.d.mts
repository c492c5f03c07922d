// Types for cloudtrail-logs.mjs (plain Node, shared by the tests and the bench).
export type Record = { [key: string]: unknown };
export interface LogFile {
  readonly account: string;
  readonly region: string;
  /** ISO instant the file was delivered; its date picks the folder. */
  readonly deliveredAt: string;
  readonly records: readonly Record[];
}
export function seededRandom(seed: number): () => number;
export function nextId(prefix?: string): string;
export function resetIds(): void;
export const identities: {
  root(account: string): Record;
  iamUser(account: string, name: string): Record;
  assumedRole(account: string, role: string, session: string, mfa?: boolean): Record;
  service(service: string): Record;
};
export function apiCall(call: {
  time: string;
  account: string;
  region?: string;
  identity: Record;
  source: string;
  name: string;
  readOnly?: boolean;
  ip?: string;
  userAgent?: string;
  request?: Record | null;
  response?: Record | null;
  additional?: Record;
  errorCode?: string;
  errorMessage?: string;
  eventType?: string;
  category?: "Management" | "Data";
  resources?: Record[];
  eventId?: string;
}): Record;
export function logFileKey(file: { layout: "org" | "account"; orgId?: string; account: string; region: string; deliveredAt: string; suffix: string }): string;
export function writeCloudTrailArchive(root: string, archive: { layout: "org" | "account"; orgId?: string; files: readonly LogFile[] }): string[];
export function backgroundRecord(random: () => number, at: { account: string; region: string; day: string }): Record;

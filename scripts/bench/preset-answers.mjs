// The answers only an organisation can give, per preset: the same ones
// test/helpers/preset-answers.ts uses (the bench is plain Node and cannot
// import TypeScript). If they drift, `generate` exits 2 and the bench says so.
const SINGLE = ["accounts.management=111111111111", "alerts.emails=secops@example.com"];
const ORG = [...SINGLE, "accounts.logArchive=222222222222", "accounts.security=333333333333", "organizationId=o-abc123defg"];

export const PRESET_SETS = {
  "uk-smb": SINGLE,
  "uk-bank": ORG,
  "uk-healthcare": [...ORG, "dataEvents.s3Buckets=phi-records-prod,imaging-prod"],
};

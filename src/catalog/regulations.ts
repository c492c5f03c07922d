// The regulation catalog: what each framework asks of audit logs, with the
// citation an auditor can check. Every number a preset uses traces to a row
// here or is marked an engineering choice in src/catalog/engineering-choices.ts.
// Sources are those gathered in the project's reference table
// (shared/reference/regulations.md); the URLs are the public texts.

export type FrameworkId =
  | "uk-gdpr"
  | "eu-gdpr"
  | "ncsc-caf"
  | "nhs-dspt"
  | "fca-sysc-9"
  | "pci-dss-10"
  | "hipaa"
  | "sox"
  | "dora"
  | "cis-aws";

export interface Citation {
  readonly text: string;
  readonly url: string;
}

export interface Expectation {
  /** What the framework expects, in one plain sentence. */
  readonly summary: string;
  readonly citation: Citation;
}

export interface Framework {
  readonly id: FrameworkId;
  readonly name: string;
  readonly jurisdictions: readonly string[];
  /** Minimum days archived logs must be kept (0 = no fixed period). */
  readonly minArchiveDays: number;
  /** Minimum days logs must stay searchable in CloudWatch Logs (0 = none). */
  readonly minHotDays: number;
  /** Minimum days logs must stay immediately available in S3 Standard (0 = none). */
  readonly minImmediateDays: number;
  /** True when logs must be protected from alteration and deletion (WORM). */
  readonly requiresImmutability: boolean;
  /** True when the framework forbids keeping personal data longer than needed, so logs must expire. */
  readonly requiresExpiry: boolean;
  readonly retention: Expectation;
  readonly immutability: Expectation;
  readonly residency: Expectation;
  readonly review: Expectation;
  /** Things the Terraform cannot do alone; COMPLIANCE.md lists them as organisational duties. */
  readonly organisationalDuties: readonly string[];
}

const UK_GDPR_URL = "https://www.legislation.gov.uk/eur/2016/679/contents";
const CAF_URL = "https://www.ncsc.gov.uk/collection/cyber-assessment-framework/caf-objective-c-detecting-cyber-security-events/principle-c1-security-monitoring";
const SYSC9_URL = "https://www.handbook.fca.org.uk/handbook/SYSC/9/1.html";
const PCI_URL = "https://docs-prv.pcisecuritystandards.org/PCI%20DSS/Standard/PCI-DSS-v4_0.pdf";

/** UK GDPR and EU GDPR ask the same of audit logs, article for article. */
function gdpr(v: {
  id: FrameworkId;
  name: string;
  jurisdiction: string;
  article: string;
  url: string;
  transfers: string;
  duty: string;
  subject: string;
}): Framework {
  const cite = (text: string): Citation => ({ text: `${v.article} ${text}`, url: v.url });
  return {
    id: v.id,
    name: v.name,
    jurisdictions: [v.jurisdiction],
    minArchiveDays: 0,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: false,
    requiresExpiry: true,
    retention: {
      summary: `No fixed period: keep ${v.subject} no longer than necessary, under a documented retention schedule.`,
      citation: cite("Art 5(1)(e) storage limitation"),
    },
    immutability: {
      summary: "Not mandated, but integrity and confidentiality of processing systems is required.",
      citation: cite("Art 32(1)(b)"),
    },
    residency: { summary: v.transfers, citation: cite("Chapter V") },
    review: {
      summary: "Regularly test, assess and evaluate the effectiveness of security measures.",
      citation: cite("Art 32(1)(d)"),
    },
    organisationalDuties: [v.duty],
  };
}

export const FRAMEWORKS: Readonly<Record<FrameworkId, Framework>> = Object.freeze({
  "uk-gdpr": gdpr({
    id: "uk-gdpr",
    name: "UK GDPR / Data Protection Act 2018",
    jurisdiction: "uk",
    article: "UK GDPR",
    url: UK_GDPR_URL,
    transfers: "No UK-only mandate; transfers outside the UK need adequacy or an IDTA.",
    duty: "Document the audit-log retention period in the retention schedule (Art 5(1)(e), Art 30).",
    subject: "personal data (audit logs contain it)",
  }),
  "eu-gdpr": gdpr({
    id: "eu-gdpr",
    name: "EU GDPR",
    jurisdiction: "eu",
    article: "GDPR",
    url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
    transfers: "Transfers outside the EEA need adequacy or appropriate safeguards.",
    duty: "Document the audit-log retention period in the records of processing (Art 30).",
    subject: "personal data",
  }),
  "ncsc-caf": {
    id: "ncsc-caf",
    name: "NCSC Cyber Assessment Framework v3.1",
    jurisdictions: ["uk"],
    minArchiveDays: 0,
    minHotDays: 365,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "Logs are retained for a defined period and then deleted; AWS's NCSC CAF conformance pack checks log groups keep at least 365 days.",
      citation: {
        text: "NCSC CAF v3.1 C1.b; AWS Config pack Operational-Best-Practices-for-NCSC-CAF (CW_LOGGROUP_RETENTION_PERIOD_CHECK MinRetentionTime 365)",
        url: CAF_URL,
      },
    },
    immutability: {
      summary: "No employee should ever need to modify or delete logging data within the agreed retention period.",
      citation: { text: "NCSC CAF v3.1 C1.b", url: CAF_URL },
    },
    residency: { summary: "No residency requirement.", citation: { text: "NCSC CAF v3.1", url: CAF_URL } },
    review: {
      summary: "Continuous security monitoring with alerting on the events that matter.",
      citation: { text: "NCSC CAF v3.1 C1.a, C1.c", url: CAF_URL },
    },
    organisationalDuties: ["Agree and document the log retention period (C1.b)."],
  },
  "nhs-dspt": {
    id: "nhs-dspt",
    name: "NHS Data Security and Protection Toolkit (CAF-aligned)",
    jurisdictions: ["uk"],
    minArchiveDays: 0,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "No fixed log period; from 2024-25 NHS organisations assess against the CAF-aligned DSPT, which points to CAF C1.b.",
      citation: { text: "NHS England, 2024-25 CAF-aligned DSPT guidance", url: "https://www.dsptoolkit.nhs.uk/" },
    },
    immutability: {
      summary: "Logs protected from modification within the retention period (via CAF C1.b).",
      citation: { text: "NHS CAF-aligned DSPT, outcome C1.b", url: "https://www.dsptoolkit.nhs.uk/" },
    },
    residency: {
      summary: "NHS cloud guidance permits UK, EEA or adequate countries with safeguards; the presets keep data in the UK.",
      citation: { text: "NHS England, cloud security guidance", url: "https://digital.nhs.uk/" },
    },
    review: {
      summary: "Annual DSPT submission; independent audit for larger bodies.",
      citation: { text: "NHS DSPT assessment guides", url: "https://www.dsptoolkit.nhs.uk/" },
    },
    organisationalDuties: ["Submit the annual DSPT assessment and keep the log retention decision in it."],
  },
  "fca-sysc-9": {
    id: "fca-sysc-9",
    name: "FCA SYSC 9 record keeping (MiFID business)",
    jurisdictions: ["uk"],
    minArchiveDays: 1827,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "Records of MiFID business are kept for at least 5 years (1,827 days covers any five calendar years).",
      citation: { text: "FCA Handbook SYSC 9.1.2; MiFID Org Regulation art 72", url: SYSC9_URL },
    },
    immutability: {
      summary: "Records must not be possible to manipulate or alter, and corrections must be ascertainable.",
      citation: { text: "FCA Handbook SYSC 9.1 (MiFID Org Regulation art 72(1))", url: SYSC9_URL },
    },
    residency: {
      summary: "No statutory residency; outsourcing rules require access, audit rights and knowing where data is.",
      citation: { text: "PRA SS2/21 outsourcing and third-party risk management", url: "https://www.bankofengland.co.uk/prudential-regulation/publication/2021/march/outsourcing-and-third-party-risk-management-ss" },
    },
    review: { summary: "SYSC 9 sets no review routine: the firm's own policy decides how records are monitored and reviewed.", citation: { text: "FCA Handbook SYSC 9.1", url: SYSC9_URL } },
    organisationalDuties: ["Keep the firm's record-keeping policy naming these logs and their 5-year minimum (SYSC 9.1)."],
  },
  "pci-dss-10": {
    id: "pci-dss-10",
    name: "PCI DSS v4.0 Requirement 10",
    jurisdictions: ["uk", "eu", "us"],
    minArchiveDays: 365,
    minHotDays: 0,
    minImmediateDays: 90,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "Audit log history is kept for at least 12 months, with the most recent 3 months immediately available for analysis.",
      citation: { text: "PCI DSS v4.0 Requirement 10.5.1", url: PCI_URL },
    },
    immutability: {
      summary: "Audit logs are protected from modification; changes are detected.",
      citation: { text: "PCI DSS v4.0 Requirements 10.3.2-10.3.4", url: PCI_URL },
    },
    residency: { summary: "No residency requirement.", citation: { text: "PCI DSS v4.0", url: PCI_URL } },
    review: {
      summary: "Security events and critical system logs are reviewed at least daily, by automated mechanisms.",
      citation: { text: "PCI DSS v4.0 Requirements 10.4.1, 10.4.1.1", url: PCI_URL },
    },
    organisationalDuties: ["Review security events daily (10.4.1): the alarms notify, a person or SIEM must review."],
  },
  hipaa: {
    id: "hipaa",
    name: "HIPAA Security Rule",
    jurisdictions: ["us"],
    minArchiveDays: 2192,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "Documentation of required actions and activities is kept for 6 years; widely applied to audit logs.",
      citation: { text: "45 CFR 164.316(b)(2)(i); audit controls 164.312(b)", url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C" },
    },
    immutability: {
      summary: "Integrity controls protect ePHI-related records from improper alteration or destruction.",
      citation: { text: "45 CFR 164.312(c)(1)", url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C" },
    },
    residency: { summary: "No federal residency requirement.", citation: { text: "45 CFR Part 164", url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164" } },
    review: {
      summary: "Regularly review records of information system activity.",
      citation: { text: "45 CFR 164.308(a)(1)(ii)(D)", url: "https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-C" },
    },
    organisationalDuties: ["Regularly review information system activity records (164.308(a)(1)(ii)(D))."],
  },
  sox: {
    id: "sox",
    name: "Sarbanes-Oxley (SEC 17 CFR 210.2-06)",
    jurisdictions: ["us"],
    minArchiveDays: 2557,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "Audit records and workpapers are kept for 7 years; issuers commonly apply this to ITGC evidence.",
      citation: { text: "17 CFR 210.2-06; SOX section 802", url: "https://www.sec.gov/rules/final/33-8180.htm" },
    },
    immutability: {
      summary: "Destroying or altering records is a crime, so write-once storage is advisable.",
      citation: { text: "18 U.S.C. 1519", url: "https://www.law.cornell.edu/uscode/text/18/1519" },
    },
    residency: { summary: "No residency requirement.", citation: { text: "17 CFR 210.2-06", url: "https://www.sec.gov/rules/final/33-8180.htm" } },
    review: { summary: "Quarterly and annual ITGC testing.", citation: { text: "SOX section 404", url: "https://www.sec.gov/rules/final/33-8238.htm" } },
    organisationalDuties: ["Test IT general controls over logging each year (SOX 404)."],
  },
  dora: {
    id: "dora",
    name: "EU DORA (Regulation 2022/2554, RTS 2024/1774)",
    jurisdictions: ["eu"],
    minArchiveDays: 0,
    minHotDays: 0,
    minImmediateDays: 0,
    requiresImmutability: true,
    requiresExpiry: false,
    retention: {
      summary: "The entity defines log retention from its risk assessment.",
      citation: { text: "Commission Delegated Regulation (EU) 2024/1774 Art 12", url: "https://eur-lex.europa.eu/eli/reg_del/2024/1774/oj" },
    },
    immutability: {
      summary: "Logging systems and log information are protected against tampering, deletion and unauthorised access.",
      citation: { text: "Commission Delegated Regulation (EU) 2024/1774 Art 12(2)", url: "https://eur-lex.europa.eu/eli/reg_del/2024/1774/oj" },
    },
    residency: { summary: "Not mandated; keep a register of ICT third parties.", citation: { text: "Regulation (EU) 2022/2554 Art 28", url: "https://eur-lex.europa.eu/eli/reg/2022/2554/oj" } },
    review: { summary: "Continuous anomaly detection.", citation: { text: "Commission Delegated Regulation (EU) 2024/1774 Art 24", url: "https://eur-lex.europa.eu/eli/reg_del/2024/1774/oj" } },
    organisationalDuties: ["Document the log retention period chosen from the risk assessment (RTS Art 12)."],
  },
  "cis-aws": {
    id: "cis-aws",
    name: "CIS AWS Foundations Benchmark / AWS Security Hub",
    jurisdictions: ["uk", "eu", "us"],
    minArchiveDays: 0,
    minHotDays: 365,
    minImmediateDays: 0,
    requiresImmutability: false,
    requiresExpiry: false,
    retention: {
      summary: "CloudWatch log groups keep logs for at least one year.",
      citation: { text: "AWS Security Hub CloudWatch.16; Checkov CKV_AWS_338", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html" },
    },
    immutability: {
      summary: "Log file validation on; the log bucket is not public and has access logging.",
      citation: { text: "CIS AWS Foundations v3.0 3.2, 3.4; Security Hub CloudTrail.4, CloudTrail.7", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html" },
    },
    residency: { summary: "No residency requirement.", citation: { text: "CIS AWS Foundations v3.0", url: "https://www.cisecurity.org/benchmark/amazon_web_services" } },
    review: {
      summary: "Metric filters and alarms for the CIS monitoring section, with the exact patterns Security Hub checks.",
      citation: { text: "CIS AWS Foundations v3.0 4.1-4.15; Security Hub CloudWatch.1-14", url: "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html" },
    },
    organisationalDuties: ["Someone receives and acts on the alarm emails."],
  },
});

export const FRAMEWORK_IDS = Object.keys(FRAMEWORKS) as FrameworkId[];

/** Frameworks pre-selected for a jurisdiction and industry; the user can edit the list. */
export function defaultFrameworks(jurisdiction: string, industry: string): FrameworkId[] {
  const base: FrameworkId[] =
    jurisdiction === "uk" ? ["uk-gdpr", "ncsc-caf"] : jurisdiction === "eu" ? ["eu-gdpr"] : [];
  const byIndustry: Record<string, FrameworkId[]> = {
    banking: jurisdiction === "uk" ? ["fca-sysc-9", "pci-dss-10"] : jurisdiction === "eu" ? ["dora", "pci-dss-10"] : ["sox", "pci-dss-10"],
    healthcare: jurisdiction === "uk" ? ["nhs-dspt"] : jurisdiction === "us" ? ["hipaa"] : [],
    payments: ["pci-dss-10"],
    general: [],
  };
  return [...base, ...(byIndustry[industry] ?? []), "cis-aws"];
}

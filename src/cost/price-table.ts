// The shape of a regional price table and the registry of the tables we keep.
// Prices are public list prices in USD, kept as data with the date they were
// taken and the page to re-check them on; they are never fetched at run time
// (nothing here may call AWS), so every estimate says which table it used.
import { EU_WEST_2_PRICES } from "./prices-eu-west-2.js";

export interface Price {
  readonly usd: number;
  /** What one `usd` buys, e.g. "per GB-month", "per 100,000 events". */
  readonly unit: string;
  /** The AWS pricing page to re-check the figure on. */
  readonly source: string;
  /**
   * How the figure was checked on `asOf`: "confirmed" when a public copy of the
   * page or of the AWS Price List API showed it, "recalled" when it is the list
   * price as last known and could not be re-read (re-check it first).
   */
  readonly checked: "confirmed" | "recalled";
  /** Where it was confirmed, or why it is uncertain. */
  readonly note: string;
}

export interface PriceTable {
  readonly region: string;
  readonly currency: "USD";
  /** ISO date the table was assembled. */
  readonly asOf: string;
  readonly cloudTrail: {
    readonly paidManagementEvents: Price;
    readonly dataEvents: Price;
    readonly insightsEventsAnalysed: Price;
  };
  readonly s3: {
    readonly storage: Readonly<Record<"STANDARD" | "STANDARD_IA" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE", Price>>;
    readonly putRequests: Price;
    readonly transitionRequests: Readonly<Record<"STANDARD_IA" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE", Price>>;
  };
  readonly cloudWatch: {
    readonly logsIngestion: Price;
    readonly logsStorage: Price;
    readonly standardAlarm: Price;
    readonly dashboard: Price;
  };
  readonly kms: {
    readonly keyMonth: Price;
    readonly requests: Price;
  };
  readonly athena: {
    readonly dataScanned: Price;
  };
  readonly sns: {
    readonly emailDeliveries: Price;
    readonly emailFreePerMonth: number;
    readonly publishes: Price;
    readonly publishFreePerMonth: number;
  };
}

const TABLES: Readonly<Record<string, PriceTable>> = Object.freeze({ [EU_WEST_2_PRICES.region]: EU_WEST_2_PRICES });

/** The fallback used for regions without a table: the one the UK presets need. */
export const DEFAULT_PRICE_TABLE = EU_WEST_2_PRICES;

export function priceTableFor(region: string): PriceTable | undefined {
  return TABLES[region];
}

/** Every price in a table with its dotted path, for documents and tests. */
export function listPrices(table: PriceTable): { readonly path: string; readonly price: Price }[] {
  const out: { path: string; price: Price }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === "object" && "usd" in value && "source" in value) {
      out.push({ path, price: value as Price });
      return;
    }
    if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk({ cloudTrail: table.cloudTrail, s3: table.s3, cloudWatch: table.cloudWatch, kms: table.kms, sns: table.sns }, "");
  return out;
}

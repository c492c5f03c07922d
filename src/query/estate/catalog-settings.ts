// The catalog's answers (business hours, time zone) as the estate chose them,
// so the named queries and the reviews mean what the organisation said.
import type { ForensicsPlan } from "../../model/plan.js";
import { DEFAULT_CATALOG_SETTINGS, type CatalogSettings } from "../catalog/check.js";

export function catalogSettings(f: ForensicsPlan): CatalogSettings {
  return { ...DEFAULT_CATALOG_SETTINGS, timeZone: f.timeZone, businessStartHour: f.businessStartHour, businessEndHour: f.businessEndHour };
}

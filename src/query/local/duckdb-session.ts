// One in-memory DuckDB with the catalog's world in it: the Trino macro shim and
// a `cloudtrail_logs` view over a checked list of files, shaped like the Athena
// table (same lowercase columns from src/query/cloudtrail-schema.ts, the same
// account / region / "timestamp" partition columns, here taken from each file's
// key), so the catalog's SQL runs unchanged.
import { duckdbRecordsType, duckdbSelectList, CLOUDTRAIL_RECORD, duckdbType } from "../cloudtrail-schema.js";
import { DUCKDB_SHIM } from "../dialect.js";
import type { DuckDbModule } from "./load-duckdb.js";
import { sep } from "node:path";
import { LOG_KEY, type LogFile } from "./log-files.js";

type Connection = Awaited<ReturnType<Awaited<ReturnType<DuckDbModule["DuckDBInstance"]["create"]>>["connect"]>>;

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * One CloudTrail file is one JSON document, so DuckDB must hold a whole file in
 * memory to parse it; its default limit (16 MiB) fails on large files (data
 * events make them large). 1 GiB is a ceiling, not an allocation.
 */
const MAXIMUM_OBJECT_SIZE = 1024 * 1024 * 1024;

// maximum_sample_files = 1: the columns are given, so there is nothing to detect, yet read_json
// samples up to 32 files when the view is bound (measured on 100 files of 200,000 events: the
// view took about 700 ms to create, against about 75 ms with one sample file).

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The view over `files`; over no files, the same columns with no rows. The
 * partition columns come from each row's file name through the same pattern
 * that listed the files (LOG_KEY): one regular expression per row measured
 * cheaper than joining a table of file names, which carried every record
 * through a hash join.
 */
export function viewSql(files: readonly LogFile[]): string {
  const columns = [...duckdbSelectList("r"), "k.account AS account", "k.region AS region", `k.y || '/' || k.m || '/' || k.d AS "timestamp"`].join(",\n  ");
  if (files.length === 0) {
    return `CREATE OR REPLACE VIEW cloudtrail_logs AS
SELECT ${columns}
FROM (SELECT CAST(NULL AS ${duckdbType({ struct: CLOUDTRAIL_RECORD })}) AS r, CAST(NULL AS STRUCT(account VARCHAR, region VARCHAR, y VARCHAR, m VARCHAR, d VARCHAR)) AS k)
WHERE false`;
  }
  // Forward slashes on every platform, so the pattern matches (Windows accepts them in paths).
  const list = files.map((f) => literal(f.path.split(sep).join("/"))).join(", ");
  return `CREATE OR REPLACE VIEW cloudtrail_logs AS
SELECT ${columns}
FROM (
  SELECT regexp_extract(filename, ${literal(LOG_KEY.source)}, ['account', 'region', 'y', 'm', 'd']) AS k, unnest(Records) AS r
  FROM read_json([${list}],
    columns = {Records: ${literal(duckdbRecordsType())}},
    format = 'unstructured', compression = 'gzip', filename = true,
    hive_partitioning = false, maximum_sample_files = 1, maximum_object_size = ${MAXIMUM_OBJECT_SIZE})
)`;
}

/** DuckDB values as plain JSON-able data: integers as numbers (as text past 2^53), instants as ISO text. */
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

export class DuckDbSession {
  private constructor(private readonly connection: Connection, private readonly close_: () => void) {}

  static async open(duckdb: DuckDbModule): Promise<DuckDbSession> {
    const instance = await duckdb.DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const macro of DUCKDB_SHIM) await connection.run(macro);
    return new DuckDbSession(connection, () => {
      connection.closeSync();
      instance.closeSync();
    });
  }

  async useFiles(files: readonly LogFile[]): Promise<void> {
    await this.connection.run(viewSql(files));
  }

  async query(sql: string, parameters: readonly string[] = []): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql, parameters.length > 0 ? [...parameters] : undefined);
    return { columns: reader.columnNames(), rows: reader.getRowObjectsJS().map((row) => plain(row) as Record<string, unknown>) };
  }

  /** How far the running query is, 0-100, or undefined when DuckDB cannot tell yet. */
  progress(): number | undefined {
    const { percentage } = this.connection.progress;
    return percentage >= 0 ? percentage : undefined;
  }

  close(): void {
    this.close_();
  }
}

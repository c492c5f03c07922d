// The bench's yardstick for `trailwright query`: DuckDB alone, in a fresh
// process, reading the same files with the same explicit schema and counting
// the records. No file listing, no checks, no view, no shim, no output. Like trailwright it
// samples one file (the columns are given), so the yardstick is DuckDB at its fastest.
//   node scripts/bench/duckdb-scan.mjs RECORDS_TYPE FILE...
import { DuckDBInstance } from "@duckdb/node-api";

const [recordsType, ...files] = process.argv.slice(2);
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  `SELECT count(*) AS records FROM (SELECT unnest(Records) FROM read_json([${files.map(quote).join(", ")}], columns = {Records: ${quote(recordsType)}}, format = 'unstructured', compression = 'gzip', maximum_sample_files = 1, maximum_object_size = 1073741824))`,
);
process.stdout.write(`${reader.getRowsJson()[0][0]}\n`);

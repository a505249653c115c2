import { existsSync, statSync } from "node:fs";
import { extname } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { WorkbenchError } from "../core/errors.ts";

/** An in-memory DuckDB connection; the caller closes it with `closeSync()`. */
export async function openDuckDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  return instance.connect();
}

/** Quote a string as a SQL literal. */
export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** Quote an identifier. */
export function sqlIdent(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

export type TableFormat = "csv" | "parquet";

/** The table format of a path, by its extension (CSV when unknown extensions are text-like). */
export function formatOf(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  if (ext === ".csv" || ext === ".tsv" || ext === ".txt") return "csv";
  throw new WorkbenchError(
    "FILE_UNREADABLE",
    `${path}: unknown file type '${ext || "(none)"}'; use .csv or .parquet`,
    { file: path },
  );
}

/** Checks that an input file exists and is not empty; names the file in the error. */
export function checkReadable(path: string): void {
  if (!existsSync(path))
    throw new WorkbenchError("FILE_UNREADABLE", `${path}: file not found`, { file: path });
  const st = statSync(path);
  if (st.isDirectory())
    throw new WorkbenchError("FILE_UNREADABLE", `${path}: is a folder, not a file`, { file: path });
  if (st.size === 0) throw new WorkbenchError("FILE_UNREADABLE", `${path}: file is empty`, { file: path });
}

/**
 * A DuckDB table expression reading a file with every column as text (CSV) or as stored (Parquet).
 * CSV is read all-varchar so that validation, not the reader, decides what a bad value is.
 */
export function readerSql(path: string): string {
  return formatOf(path) === "parquet"
    ? `read_parquet(${sqlString(path)})`
    : `read_csv(${sqlString(path)}, header = true, all_varchar = true, auto_detect = true)`;
}

/** SQL that writes a query to a file, CSV or Parquet by the file's extension. */
export function copyToSql(query: string, path: string): string {
  const options =
    formatOf(path) === "parquet" ? "FORMAT parquet, COMPRESSION zstd" : "FORMAT csv, HEADER true";
  return `COPY (${query}) TO ${sqlString(path)} (${options})`;
}

import type { DuckDBConnection } from "@duckdb/node-api";
import { WorkbenchError } from "../core/errors.ts";
import { checkReadable, formatOf, openDuckDb, readerSql, sqlIdent, sqlString } from "./duckdb.ts";

/**
 * Demand history in the workbench's long format (`series_id, ts, y` plus optional columns), loaded
 * through DuckDB and validated, held column-wise: one Float64Array of values for all series, cut by
 * `offsets`. Series keep the order in which they first appear in the file; values are in time order.
 */
export type Frequency = "hour" | "day" | "week" | "month" | "quarter" | "year" | "period";

export interface GapReport {
  /** Series with at least one missing period between their first and last observation. */
  seriesWithGaps: number;
  /** Missing periods over all series. */
  missingPeriods: number;
  /** The first gap found, for messages. */
  first?: { series: string; afterPeriod: number; missing: number };
  /** True when the gaps were filled (y = 0, other numeric columns carried forward). */
  filled: boolean;
}

export interface DemandHistory {
  file: string;
  seriesIds: string[];
  /** offsets[i]..offsets[i+1] are the positions of series i in `values` and `periods`; length nSeries + 1. */
  offsets: Int32Array;
  values: Float64Array;
  /** Period index of each value on the frequency's grid (hours, days, weeks since 1970; months = 12·year + month − 1 …; or the integer ts). */
  periods: Float64Array;
  frequency: Frequency;
  /** Whether `ts` was an integer period or a date/datetime. */
  timeKind: "integer" | "date";
  /** Extra numeric columns (price, promo, events …), aligned with `values`; NaN where empty. */
  numeric: Record<string, Float64Array>;
  /** Extra text columns (store_id, sku_id …), one value per series (its first row's). */
  labels: Record<string, string[]>;
  gaps: GapReport;
}

export interface LoadOptions {
  /** Fill missing periods (y = 0; numeric columns carried forward). Default: report them only. */
  fillGaps?: boolean;
}

const REQUIRED = ["series_id", "ts", "y"] as const;
/** Length of one period in `tnum` units (seconds for dates) on fixed-length grids. */
const FIXED_UNITS: Partial<Record<Frequency, number>> = { hour: 3600, day: 86400, week: 604800, period: 1 };
/** Columns always read as text labels even when their values look numeric. */
const LABEL_COLUMNS = new Set([
  "store_id",
  "sku_id",
  "item_id",
  "dept_id",
  "cat_id",
  "state_id",
  "location_id",
]);

/** Season length that fits a frequency: the number of periods in its main cycle. */
export function seasonLengthOf(frequency: Frequency): number {
  switch (frequency) {
    case "hour":
      return 24;
    case "day":
      return 7;
    case "week":
      return 52;
    case "month":
      return 12;
    case "quarter":
      return 4;
    default:
      return 1;
  }
}

/** Load and validate a demand-history file (CSV or Parquet). Errors name the file, row and column. */
export async function loadHistory(file: string, options: LoadOptions = {}): Promise<DemandHistory> {
  checkReadable(file);
  const conn = await openDuckDb();
  try {
    return await loadWith(conn, file, options);
  } finally {
    conn.closeSync();
  }
}

async function loadWith(conn: DuckDBConnection, file: string, options: LoadOptions): Promise<DemandHistory> {
  const isCsv = formatOf(file) === "csv";
  /** Human position of a 1-based data row: CSV line numbers count the header. */
  const where = (row: number) => (isCsv ? `${file}:${row + 1}` : `${file} row ${row}`);
  try {
    // Parquet numbers its rows for free; CSV needs a (single-threaded) window.
    await conn.run(
      isCsv
        ? `CREATE TEMP TABLE raw AS SELECT row_number() OVER () AS _row, * FROM ${readerSql(file)}`
        : `CREATE TEMP TABLE raw AS SELECT file_row_number + 1 AS _row, * EXCLUDE (file_row_number)
           FROM read_parquet(${sqlString(file)}, file_row_number = true)`,
    );
  } catch (e) {
    throw new WorkbenchError(
      "FILE_UNREADABLE",
      `${file}: cannot be read as ${isCsv ? "CSV" : "Parquet"}: ${firstLine(e)}`,
      {
        file,
      },
    );
  }
  const columns = (await rows(conn, "SELECT column_name FROM (DESCRIBE raw)")).map((r) => String(r[0]));
  for (const c of REQUIRED) {
    if (!columns.includes(c)) {
      throw new WorkbenchError(
        "MISSING_COLUMN",
        `${file}: missing column '${c}' (found: ${columns.filter((x) => x !== "_row").join(", ")})`,
        { file, column: c },
      );
    }
  }
  const total = Number((await rows(conn, "SELECT count(*) FROM raw"))[0]![0]);
  if (total === 0)
    throw new WorkbenchError("FILE_UNREADABLE", `${file}: has a header but no data rows`, { file });

  // series_id must be present on every row.
  const badId = await rows(
    conn,
    "SELECT _row FROM raw WHERE series_id IS NULL OR trim(CAST(series_id AS VARCHAR)) = '' ORDER BY _row LIMIT 1",
  );
  if (badId.length > 0) {
    const row = Number(badId[0]![0]);
    throw new WorkbenchError("INVALID_VALUE", `${where(row)}: column series_id is empty`, {
      file,
      row,
      column: "series_id",
    });
  }

  // ts: all integers or all dates/datetimes. Typed columns (Parquet) say which; text is classified.
  const types = new Map(
    (await rows(conn, "SELECT column_name, column_type FROM (DESCRIBE raw)")).map((r) => [
      String(r[0]),
      String(r[1]),
    ]),
  );
  const tsType = types.get("ts") ?? "VARCHAR";
  let timeKind: "integer" | "date";
  let tsNum: string;
  if (/^(DATE|TIMESTAMP)/.test(tsType)) {
    timeKind = "date";
    tsNum = "epoch(CAST(ts AS TIMESTAMP))";
  } else if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(tsType)) {
    timeKind = "integer";
    tsNum = "CAST(ts AS BIGINT)";
  } else {
    const kindSql = `CASE WHEN regexp_full_match(trim(CAST(ts AS VARCHAR)), '-?[0-9]+') THEN 'i'
           WHEN TRY_CAST(trim(CAST(ts AS VARCHAR)) AS TIMESTAMP) IS NOT NULL THEN 'd' ELSE 'x' END`;
    const kinds = await rows(
      conn,
      `SELECT k, count(*), min(_row), arg_min(trim(CAST(ts AS VARCHAR)), _row) FROM (SELECT _row, ts, ${kindSql} AS k FROM raw)
       GROUP BY k ORDER BY (k = 'x') DESC, 2 DESC`,
    );
    if (kinds[0]![0] === "x") {
      const row = Number(kinds[0]![2]);
      throw new WorkbenchError(
        "INVALID_VALUE",
        `${where(row)}: column ts: '${kinds[0]![3] ?? ""}' is neither an integer period nor an ISO date/datetime`,
        { file, row, column: "ts" },
      );
    }
    if (kinds.length > 1) {
      const minority = kinds[1]!;
      const row = Number(minority[2]);
      throw new WorkbenchError(
        "INVALID_TIME_INDEX",
        `${where(row)}: column ts mixes integer periods and dates (first ${minority[0] === "i" ? "integer" : "date"} here); use one kind`,
        { file, row, column: "ts" },
      );
    }
    timeKind = kinds[0]![0] === "i" ? "integer" : "date";
    tsNum =
      timeKind === "integer"
        ? "CAST(trim(CAST(ts AS VARCHAR)) AS BIGINT)"
        : "epoch(CAST(trim(CAST(ts AS VARCHAR)) AS TIMESTAMP))";
  }

  const extras = columns.filter((c) => c !== "_row" && !(REQUIRED as readonly string[]).includes(c));
  const extraSelect = extras.map((c) => `, ${sqlIdent(c)}`).join("");
  await conn.run(`CREATE TEMP TABLE t AS SELECT _row, CAST(series_id AS VARCHAR) AS sid, ${tsNum} AS tnum,
      TRY_CAST(y AS DOUBLE) AS yv${extraSelect} FROM raw`);

  const badY = await rows(
    conn,
    `SELECT _row, CAST(y AS VARCHAR) FROM raw WHERE _row = (SELECT min(_row) FROM t WHERE yv IS NULL OR NOT isfinite(yv))`,
  );
  if (badY.length > 0) {
    const row = Number(badY[0]![0]);
    const raw = badY[0]![1];
    const problem =
      raw === null || String(raw).trim() === "" ? "is empty" : `'${raw}' is not a finite number`;
    throw new WorkbenchError("INVALID_VALUE", `${where(row)}: column y ${problem}`, {
      file,
      row,
      column: "y",
    });
  }

  // One window pass gives, per row, the step from the previous row of its series in file order: a step of
  // zero is a duplicate, a negative one goes back in time, the commonest step is the frequency.
  await conn.run(`CREATE TEMP TABLE w AS SELECT _row, sid, tnum - lag(tnum) OVER s AS d, lag(_row) OVER s AS prev_row
      FROM t WINDOW s AS (PARTITION BY sid ORDER BY _row)`);
  const bad = await rows(conn, "SELECT _row, sid, d, prev_row FROM w WHERE d <= 0 ORDER BY _row LIMIT 1");
  if (bad.length > 0) {
    const [r, sid, d, prevRow] = bad[0]!;
    const row = Number(r);
    if (Number(d) === 0) {
      throw new WorkbenchError(
        "DUPLICATE_ROW",
        `${where(row)}: duplicate (series_id, ts) for series '${sid}': same ts as ${isCsv ? "line" : "row"} ${isCsv ? Number(prevRow) + 1 : Number(prevRow)}`,
        { file, row, series: String(sid) },
      );
    }
    throw new WorkbenchError(
      "INVALID_TIME_INDEX",
      `${where(row)}: column ts goes back in time within series '${sid}'; sort each series by ts`,
      { file, row, column: "ts", series: String(sid) },
    );
  }

  const frequency = timeKind === "integer" ? "period" : await inferFrequency(conn, file);
  const unit = FIXED_UNITS[frequency];
  // Fixed-length grids are checked on the steps; calendar grids (months, quarters, years) need the calendar.
  const offGrid =
    unit !== undefined
      ? await rows(
          conn,
          `SELECT _row, sid FROM w WHERE d IS NOT NULL AND d % ${unit} <> 0 ORDER BY _row LIMIT 1`,
        )
      : await rows(
          conn,
          `SELECT _row, sid FROM (SELECT _row, sid, ${periodSql(frequency)} - lag(${periodSql(frequency)}) OVER (PARTITION BY sid ORDER BY _row) AS d FROM t)
           WHERE d IS NOT NULL AND d <> floor(d) ORDER BY _row LIMIT 1`,
        );
  if (offGrid.length > 0) {
    const row = Number(offGrid[0]![0]);
    throw new WorkbenchError(
      "INVALID_TIME_INDEX",
      `${where(row)}: column ts is off the ${frequency} grid of series '${offGrid[0]![1]}'`,
      { file, row, column: "ts", series: String(offGrid[0]![1]) },
    );
  }

  // Extra columns: numeric when every non-empty value parses as a number, else a per-series label.
  const numericNames: string[] = [];
  const labelNames: string[] = [];
  for (const c of extras) {
    if (LABEL_COLUMNS.has(c)) {
      labelNames.push(c);
      continue;
    }
    const nonNumeric = await rows(
      conn,
      `SELECT count(*) FROM t WHERE ${sqlIdent(c)} IS NOT NULL AND trim(CAST(${sqlIdent(c)} AS VARCHAR)) <> ''
       AND TRY_CAST(${sqlIdent(c)} AS DOUBLE) IS NULL`,
    );
    if (Number(nonNumeric[0]![0]) === 0) numericNames.push(c);
    else labelNames.push(c);
  }

  // Series order: first appearance in the file.
  await conn.run(
    "CREATE TEMP TABLE s AS SELECT sid, min(_row) AS first_row, count(*) AS n FROM t GROUP BY sid",
  );
  const seriesRows = await rows(conn, "SELECT sid, n FROM s ORDER BY first_row");
  const nSeries = seriesRows.length;
  const seriesIds = new Array<string>(nSeries);
  const offsets = new Int32Array(nSeries + 1);
  for (let i = 0; i < nSeries; i++) {
    seriesIds[i] = String(seriesRows[i]![0]);
    offsets[i + 1] = offsets[i]! + Number(seriesRows[i]![1]);
  }
  const values = new Float64Array(total);
  const periods = new Float64Array(total);
  const numeric: Record<string, Float64Array> = {};
  for (const c of numericNames) numeric[c] = new Float64Array(total);
  const numericSelect = numericNames.map((c) => `, TRY_CAST(${sqlIdent(c)} AS DOUBLE)`).join("");
  const result = await conn.stream(
    `SELECT t.yv, CAST(${periodSql(frequency)} AS DOUBLE)${numericSelect} FROM t JOIN s USING (sid) ORDER BY s.first_row, t._row`,
  );
  let at = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    const yv = chunk.getColumnVector(0);
    const pv = chunk.getColumnVector(1);
    for (let i = 0; i < n; i++) {
      values[at + i] = yv.getItem(i) as number;
      periods[at + i] = pv.getItem(i) as number;
    }
    for (let k = 0; k < numericNames.length; k++) {
      const vec = chunk.getColumnVector(2 + k);
      const out = numeric[numericNames[k]!]!;
      for (let i = 0; i < n; i++) {
        const v = vec.getItem(i) as number | null;
        out[at + i] = v ?? Number.NaN;
      }
    }
    at += n;
  }

  const labels: Record<string, string[]> = {};
  if (labelNames.length > 0) {
    const sel = labelNames.map((c) => `, CAST(first(${sqlIdent(c)} ORDER BY _row) AS VARCHAR)`).join("");
    const lab = await rows(
      conn,
      `SELECT sid${sel} FROM t JOIN s USING (sid) GROUP BY sid, s.first_row ORDER BY s.first_row`,
    );
    labelNames.forEach((c, k) => {
      labels[c] = lab.map((r) => (r[k + 1] === null ? "" : String(r[k + 1])));
    });
  }

  const history: DemandHistory = {
    file,
    seriesIds,
    offsets,
    values,
    periods,
    frequency,
    timeKind,
    numeric,
    labels,
    gaps: findGaps(seriesIds, offsets, periods),
  };
  return options.fillGaps && history.gaps.missingPeriods > 0 ? fillGaps(history) : history;
}

async function inferFrequency(conn: DuckDBConnection, file: string): Promise<Frequency> {
  const mode = await rows(
    conn,
    `SELECT d, count(*) AS c FROM (SELECT tnum - lag(tnum) OVER (PARTITION BY sid ORDER BY tnum) AS d FROM t)
     WHERE d IS NOT NULL GROUP BY d ORDER BY c DESC, d LIMIT 1`,
  );
  if (mode.length === 0) return "day";
  const seconds = Number(mode[0]![0]);
  const days = seconds / 86400;
  if (seconds === 3600) return "hour";
  if (days === 1) return "day";
  if (days === 7) return "week";
  if (days >= 28 && days <= 31) return "month";
  if (days >= 89 && days <= 92) return "quarter";
  if (days >= 365 && days <= 366) return "year";
  throw new WorkbenchError(
    "INVALID_TIME_INDEX",
    `${file}: column ts: the usual spacing is ${seconds} s, which is not hourly, daily, weekly, monthly, quarterly or yearly`,
    { file, column: "ts" },
  );
}

/** SQL for the period index of `tnum` (epoch seconds for dates) on the frequency's grid. */
function periodSql(frequency: Frequency): string {
  const tsExpr = "to_timestamp(tnum)";
  switch (frequency) {
    case "hour":
      return "tnum / 3600";
    case "day":
      return "tnum / 86400";
    case "week":
      return "tnum / 604800";
    case "month":
      return `year(${tsExpr}) * 12 + month(${tsExpr}) - 1`;
    case "quarter":
      return `year(${tsExpr}) * 4 + (month(${tsExpr}) - 1) // 3`;
    case "year":
      return `year(${tsExpr})`;
    default:
      return "tnum";
  }
}

function findGaps(seriesIds: string[], offsets: Int32Array, periods: Float64Array): GapReport {
  const report: GapReport = { seriesWithGaps: 0, missingPeriods: 0, filled: false };
  for (let s = 0; s < seriesIds.length; s++) {
    let has = false;
    for (let i = offsets[s]! + 1; i < offsets[s + 1]!; i++) {
      const missing = periods[i]! - periods[i - 1]! - 1;
      if (missing > 0) {
        report.missingPeriods += missing;
        if (!report.first) report.first = { series: seriesIds[s]!, afterPeriod: periods[i - 1]!, missing };
        has = true;
      }
    }
    if (has) report.seriesWithGaps++;
  }
  return report;
}

/**
 * Loads a history for a run that needs every period: gaps are filled (y = 0) when `fillGaps`, otherwise they
 * are an error naming the first gap and the flag that fills them.
 */
export async function loadCompleteHistory(file: string, fillGaps: boolean): Promise<DemandHistory> {
  const history = await loadHistory(file, { fillGaps });
  if (history.gaps.missingPeriods > 0 && !history.gaps.filled) {
    const g = history.gaps.first!;
    throw new WorkbenchError(
      "GAPS_IN_SERIES",
      `${file}: ${history.gaps.seriesWithGaps} series have missing periods (${history.gaps.missingPeriods} in all; first: series '${g.series}', ${g.missing} missing); pass --fill-gaps to fill them with zeros`,
      { file, series: g.series },
    );
  }
  return history;
}

/** A copy with every missing period inserted: y = 0, numeric columns carried forward from the last row. */
export function fillGaps(history: DemandHistory): DemandHistory {
  const { offsets, periods, values, numeric } = history;
  const nSeries = history.seriesIds.length;
  const newOffsets = new Int32Array(nSeries + 1);
  for (let s = 0; s < nSeries; s++) {
    const a = offsets[s]!;
    const b = offsets[s + 1]!;
    const span = b > a ? periods[b - 1]! - periods[a]! + 1 : 0;
    newOffsets[s + 1] = newOffsets[s]! + span;
  }
  const total = newOffsets[nSeries]!;
  const newValues = new Float64Array(total);
  const newPeriods = new Float64Array(total);
  const names = Object.keys(numeric);
  const newNumeric: Record<string, Float64Array> = {};
  for (const c of names) newNumeric[c] = new Float64Array(total);
  for (let s = 0; s < nSeries; s++) {
    let src = offsets[s]!;
    const end = offsets[s + 1]!;
    if (src === end) continue;
    const p0 = periods[src]!;
    for (let j = newOffsets[s]!; j < newOffsets[s + 1]!; j++) {
      const p = p0 + (j - newOffsets[s]!);
      newPeriods[j] = p;
      const present = src < end && periods[src] === p;
      newValues[j] = present ? values[src]! : 0;
      for (const c of names) newNumeric[c]![j] = numeric[c]![present ? src : src - 1]!;
      if (present) src++;
    }
  }
  return {
    ...history,
    offsets: newOffsets,
    values: newValues,
    periods: newPeriods,
    numeric: newNumeric,
    gaps: { ...history.gaps, filled: true },
  };
}

/** The values of series i (a view, not a copy). */
export function seriesValues(history: DemandHistory, i: number): Float64Array {
  return history.values.subarray(history.offsets[i]!, history.offsets[i + 1]!);
}

async function rows(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowsJS() as unknown[][];
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
}

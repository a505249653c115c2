import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { WorkbenchError } from "../core/errors.ts";
import { copyToSql, formatOf, openDuckDb, sqlString } from "./duckdb.ts";

/**
 * Converters from the real data sets (as distributed, see each SOURCE.md) to the workbench's long format
 * `series_id, ts, y [, extra columns]`. All the reshaping is done by DuckDB in SQL.
 *
 * - m3: `m3_series.csv` (train and test ';'-joined per series). `ts` is a date for yearly, quarterly and
 *   monthly subsets, an integer period for "other" and for the whole set (mixed frequencies).
 * - m4: `Hourly-train.csv` / `Hourly-test.csv` (wide, right-padded); `ts` an integer hour index from 1.
 * - m5: `sales_train.csv` + `calendar.csv` + `sell_prices.csv`; daily `ts`, with `store_id`, `sku_id`, `price`
 *   (empty when the item is not on sale), `event` (1 on a named event day) and `snap` (1 on a SNAP day of the
 *   store's state).
 * - carparts: `carparts.csv` (wide by month); empty cells are left out.
 *
 * A holdout file receives the periods held out for scoring: M3's and M4's official test parts, or the last
 * `holdoutLength` periods of every series for M5 (28) and carparts (12).
 */
export type SourceSet = "m3" | "m4" | "m5" | "carparts";

export interface ConvertOptions {
  /** Where to write the training part (CSV or Parquet by extension). */
  output: string;
  /** Where to write the held-out part; omitted: the whole history goes to `output` (M3/M4: train only). */
  holdout?: string;
  /** M3 only: yearly | quarterly | monthly | other. */
  subset?: string;
  /** M5 and carparts: periods held out at the end of each series (defaults 28 and 12). */
  holdoutLength?: number;
  /** M5 only: drop each series' leading zeros before its first sale. */
  fromFirstSale?: boolean;
}

export interface ConvertSummary {
  series: number;
  rows: number;
  holdoutRows: number;
}

const FILES: Record<SourceSet, string> = {
  m3: "m3_series.csv",
  m4: "Hourly-train.csv",
  m5: "sales_train.csv",
  carparts: "carparts.csv",
};

/** The folder of a data set: the path itself when it is a folder, else the folder of the given file. */
function sourceFolder(source: string, set: SourceSet): string {
  if (!existsSync(source))
    throw new WorkbenchError("FILE_UNREADABLE", `${source}: not found`, { file: source });
  const folder = statSync(source).isDirectory() ? source : dirname(source);
  const main = join(folder, FILES[set]);
  if (!existsSync(main)) {
    throw new WorkbenchError(
      "FILE_UNREADABLE",
      `${folder}: no ${FILES[set]} in this folder (expected for --from ${set})`,
      {
        file: main,
      },
    );
  }
  return folder;
}

export async function convertDataset(
  set: SourceSet,
  source: string,
  options: ConvertOptions,
): Promise<ConvertSummary> {
  formatOf(options.output);
  if (options.holdout) formatOf(options.holdout);
  const folder = sourceFolder(source, set);
  const conn = await openDuckDb();
  try {
    switch (set) {
      case "m3":
        await stageM3(conn, folder, options.subset);
        break;
      case "m4":
        await stageM4(conn, folder);
        break;
      case "m5":
        await stageM5(conn, folder, options);
        break;
      case "carparts":
        await stageCarparts(conn, folder, options);
        break;
    }
    // Staged tables: `train` and `test`, each with series_id, ts, y, … and an ordering key `_o`.
    const cols = await conn.runAndReadAll(
      "SELECT column_name FROM (DESCRIBE train) WHERE column_name <> '_o'",
    );
    const names = cols
      .getRowsJS()
      .map((r) => `"${String(r[0])}"`)
      .join(", ");
    if (options.holdout) {
      await conn.run(copyToSql(`SELECT ${names} FROM train ORDER BY _o`, options.output));
      await conn.run(copyToSql(`SELECT ${names} FROM test ORDER BY _o`, options.holdout));
    } else {
      const whole =
        set === "m5" || set === "carparts"
          ? "SELECT * FROM train UNION ALL SELECT * FROM test"
          : "SELECT * FROM train";
      await conn.run(copyToSql(`SELECT ${names} FROM (${whole}) ORDER BY _o`, options.output));
    }
    const counts = await conn.runAndReadAll(
      "SELECT (SELECT count(DISTINCT series_id) FROM (SELECT series_id FROM train UNION ALL SELECT series_id FROM test)), (SELECT count(*) FROM train), (SELECT count(*) FROM test)",
    );
    const [series, trainRows, testRows] = counts.getRowsJS()[0]!.map(Number) as [number, number, number];
    const merged = !options.holdout && (set === "m5" || set === "carparts");
    return {
      series,
      rows: merged ? trainRows + testRows : trainRows,
      holdoutRows: options.holdout ? testRows : 0,
    };
  } finally {
    conn.closeSync();
  }
}

async function stageM3(conn: DuckDBConnection, folder: string, subset: string | undefined): Promise<void> {
  const periods = ["yearly", "quarterly", "monthly", "other"];
  if (subset !== undefined && !periods.includes(subset.toLowerCase())) {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `--subset: '${subset}' is not one of ${periods.join(", ")}`,
      {
        field: "subset",
      },
    );
  }
  const period = subset?.toUpperCase();
  const where = period ? `WHERE period = ${sqlString(period)}` : "";
  await conn.run(`CREATE TEMP TABLE m3 AS
    SELECT series_id, period, CAST(start_year AS INTEGER) AS sy, CAST(start_sub AS INTEGER) AS ss,
           CAST(n AS INTEGER) AS n, string_split(train, ';') AS tr, string_split(test, ';') AS te,
           row_number() OVER () AS k
    FROM read_csv(${sqlString(join(folder, "m3_series.csv"))}, header = true, all_varchar = true) ${where}`);
  // Dates for a single calendar frequency; integer periods for "other" and for the mixed whole set.
  const tsExpr =
    period === "MONTHLY"
      ? "strftime(make_date(sy, ss, 1) + to_months(CAST(i - 1 AS INTEGER)), '%Y-%m-%d')"
      : period === "QUARTERLY"
        ? "strftime(make_date(sy, 3 * (ss - 1) + 1, 1) + to_months(CAST(3 * (i - 1) AS INTEGER)), '%Y-%m-%d')"
        : period === "YEARLY"
          ? "strftime(make_date(sy + CAST(i AS INTEGER) - 1, 1, 1), '%Y-%m-%d')"
          : "CAST(i AS VARCHAR)";
  for (const [table, list, base] of [
    ["train", "tr", "0"],
    ["test", "te", "n"],
  ] as const) {
    await conn.run(`CREATE TEMP TABLE ${table} AS
      SELECT series_id, ${tsExpr} AS ts, CAST(v AS DOUBLE) AS y, k * 100000 + i AS _o
      FROM (SELECT series_id, sy, ss, k, unnest(${list}) AS v, unnest(range(${base} + 1, ${base} + len(${list}) + 1)) AS i FROM m3)`);
  }
}

async function stageM4(conn: DuckDBConnection, folder: string): Promise<void> {
  const wide = (file: string) =>
    `(SELECT row_number() OVER () AS k, * FROM read_csv(${sqlString(join(folder, file))}, header = true, all_varchar = true))`;
  await conn.run(`CREATE TEMP TABLE train AS
    SELECT V1 AS series_id, CAST(CAST(substr(col, 2) AS INTEGER) - 1 AS VARCHAR) AS ts, CAST(v AS DOUBLE) AS y,
           k * 100000 + CAST(substr(col, 2) AS INTEGER) AS _o
    FROM (UNPIVOT ${wide("Hourly-train.csv")} ON COLUMNS(* EXCLUDE (V1, k)) INTO NAME col VALUE v)`);
  const testFile = join(folder, "Hourly-test.csv");
  if (existsSync(testFile)) {
    await conn.run(`CREATE TEMP TABLE test AS
      WITH n AS (SELECT series_id, count(*) AS n FROM train GROUP BY series_id)
      SELECT u.V1 AS series_id, CAST(n.n + CAST(substr(col, 2) AS INTEGER) - 1 AS VARCHAR) AS ts, CAST(v AS DOUBLE) AS y,
             k * 100000 + n.n + CAST(substr(col, 2) AS INTEGER) AS _o
      FROM (UNPIVOT ${wide("Hourly-test.csv")} ON COLUMNS(* EXCLUDE (V1, k)) INTO NAME col VALUE v) u
      JOIN n ON n.series_id = u.V1`);
  } else {
    await conn.run("CREATE TEMP TABLE test AS SELECT * FROM train LIMIT 0");
  }
}

async function stageM5(conn: DuckDBConnection, folder: string, options: ConvertOptions): Promise<void> {
  const h = options.holdoutLength ?? 28;
  const csv = (f: string) => `read_csv(${sqlString(join(folder, f))}, header = true, all_varchar = true)`;
  await conn.run(`CREATE TEMP TABLE long AS
    WITH sales AS (SELECT row_number() OVER () AS k, * FROM ${csv("sales_train.csv")}),
    u AS (UNPIVOT sales ON COLUMNS('^d_') INTO NAME d VALUE v),
    cal AS (SELECT d, date, wm_yr_wk, event_name_1, snap_CA, snap_TX, snap_WI FROM ${csv("calendar.csv")}),
    pr AS (SELECT store_id, item_id, wm_yr_wk, CAST(sell_price AS DOUBLE) AS price FROM ${csv("sell_prices.csv")})
    SELECT u.id AS series_id, cal.date AS ts, CAST(u.v AS DOUBLE) AS y, u.store_id, u.item_id AS sku_id,
           pr.price,
           CASE WHEN coalesce(cal.event_name_1, '') <> '' THEN 1 ELSE 0 END AS event,
           CAST(CASE u.state_id WHEN 'CA' THEN cal.snap_CA WHEN 'TX' THEN cal.snap_TX ELSE cal.snap_WI END AS INTEGER) AS snap,
           u.k * 100000 + CAST(substr(u.d, 3) AS INTEGER) AS _o
    FROM u JOIN cal USING (d)
    LEFT JOIN pr ON pr.store_id = u.store_id AND pr.item_id = u.item_id AND pr.wm_yr_wk = cal.wm_yr_wk`);
  if (options.fromFirstSale) {
    await conn.run(
      `DELETE FROM long WHERE _o < (SELECT min(l2._o) FROM long l2 WHERE l2.series_id = long.series_id AND l2.y > 0)`,
    );
  }
  await splitLast(conn, h);
}

async function stageCarparts(conn: DuckDBConnection, folder: string, options: ConvertOptions): Promise<void> {
  const h = options.holdoutLength ?? 12;
  await conn.run(`CREATE TEMP TABLE long AS
    WITH w AS (SELECT row_number() OVER () AS k, * FROM read_csv(${sqlString(join(folder, "carparts.csv"))}, header = true, all_varchar = true))
    SELECT series_id, col || '-01' AS ts, CAST(v AS DOUBLE) AS y,
           k * 100000 + CAST(substr(col, 1, 4) AS INTEGER) * 12 + CAST(substr(col, 6, 2) AS INTEGER) AS _o
    FROM (UNPIVOT w ON COLUMNS(* EXCLUDE (series_id, k)) INTO NAME col VALUE v)`);
  await splitLast(conn, h);
}

/** Splits `long` into `train` and `test` (the last h rows of each series). */
async function splitLast(conn: DuckDBConnection, h: number): Promise<void> {
  if (!Number.isInteger(h) || h < 0) {
    throw new WorkbenchError("INVALID_ARGUMENT", `--holdout-length: must be an integer ≥ 0, got ${h}`, {
      field: "holdout-length",
    });
  }
  await conn.run(
    "CREATE TEMP TABLE ranked AS SELECT *, row_number() OVER (PARTITION BY series_id ORDER BY _o DESC) AS _back FROM long",
  );
  await conn.run(`CREATE TEMP TABLE train AS SELECT * EXCLUDE (_back) FROM ranked WHERE _back > ${h}`);
  await conn.run(`CREATE TEMP TABLE test AS SELECT * EXCLUDE (_back) FROM ranked WHERE _back <= ${h}`);
}

import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WorkbenchError } from "../core/errors.ts";
import { checkReadable, copyToSql, formatOf, openDuckDb, readerSql } from "./duckdb.ts";

/**
 * Forecast files: `series_id, step, mean, lo_<L>, hi_<L> … , model`, one row per series and step,
 * CSV or Parquet by the file's extension.
 */
export interface ForecastColumns {
  seriesIds: string[];
  horizon: number;
  levels: number[];
  /** Row-major (series, step, [mean, lo_L1, hi_L1, …]). */
  out: Float64Array;
  modelNames: string[];
}

export function forecastHeader(levels: number[]): string[] {
  return ["series_id", "step", "mean", ...levels.flatMap((l) => [`lo_${l}`, `hi_${l}`]), "model"];
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function writeCsv(table: ForecastColumns, path: string): Promise<void> {
  const stream = createWriteStream(path);
  const width = 1 + 2 * table.levels.length;
  const write = (s: string) =>
    stream.write(s) ? Promise.resolve() : new Promise<void>((r) => stream.once("drain", r));
  await write(`${forecastHeader(table.levels).join(",")}\n`);
  let buffer = "";
  for (let i = 0; i < table.seriesIds.length; i++) {
    const id = csvField(table.seriesIds[i]!);
    const model = csvField(table.modelNames[i] ?? "");
    for (let h = 0; h < table.horizon; h++) {
      const row = (i * table.horizon + h) * width;
      let line = `${id},${h + 1}`;
      for (let c = 0; c < width; c++) {
        const v = table.out[row + c]!;
        line += Number.isNaN(v) ? "," : `,${v}`;
      }
      buffer += `${line},${model}\n`;
    }
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/** Write a forecast table to CSV (directly) or Parquet (through DuckDB). */
export async function writeForecastTable(table: ForecastColumns, path: string): Promise<void> {
  if (formatOf(path) === "csv") {
    await writeCsv(table, path);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "workbench-"));
  try {
    const csv = join(dir, "forecast.csv");
    await writeCsv(table, csv);
    const conn = await openDuckDb();
    try {
      const cast = forecastHeader(table.levels)
        .map((c) =>
          c === "series_id" || c === "model"
            ? `"${c}"`
            : c === "step"
              ? "CAST(step AS INTEGER) AS step"
              : `CAST("${c}" AS DOUBLE) AS "${c}"`,
        )
        .join(", ");
      await conn.run(copyToSql(`SELECT ${cast} FROM ${readerSql(csv)}`, path));
    } finally {
      conn.closeSync();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Read a forecast file back (for scoring). Levels are found from its lo_/hi_ columns. */
export async function readForecastTable(path: string): Promise<ForecastColumns> {
  checkReadable(path);
  const conn = await openDuckDb();
  try {
    let reader: Awaited<ReturnType<typeof conn.runAndReadAll>>;
    try {
      reader = await conn.runAndReadAll(`SELECT * FROM ${readerSql(path)}`);
    } catch (e) {
      throw new WorkbenchError("FILE_UNREADABLE", `${path}: ${(e as Error).message.split("\n")[0]}`, {
        file: path,
      });
    }
    const names = reader.columnNames();
    for (const c of ["series_id", "step", "mean"]) {
      if (!names.includes(c)) {
        throw new WorkbenchError("MISSING_COLUMN", `${path}: missing column '${c}'`, {
          file: path,
          column: c,
        });
      }
    }
    const levels = names.filter((c) => c.startsWith("lo_")).map((c) => Number(c.slice(3)));
    const cols = reader.getColumnsObjectJS() as Record<string, unknown[]>;
    const ids = cols.series_id!.map(String);
    const steps = cols.step!.map(Number);
    const seriesIds: string[] = [];
    const modelNames: string[] = [];
    let horizon = 0;
    for (let r = 0; r < ids.length; r++) {
      if (r === 0 || ids[r] !== ids[r - 1]) {
        seriesIds.push(ids[r]!);
        modelNames.push(cols.model ? String(cols.model[r] ?? "") : "");
      }
      horizon = Math.max(horizon, steps[r]!);
    }
    const width = 1 + 2 * levels.length;
    const out = new Float64Array(seriesIds.length * horizon * width).fill(Number.NaN);
    let s = -1;
    for (let r = 0; r < ids.length; r++) {
      if (r === 0 || ids[r] !== ids[r - 1]) s++;
      const row = (s * horizon + steps[r]! - 1) * width;
      const num = (c: string) => {
        const v = cols[c]![r];
        return v === null || v === "" ? Number.NaN : Number(v);
      };
      out[row] = num("mean");
      levels.forEach((l, k) => {
        out[row + 1 + 2 * k] = num(`lo_${l}`);
        out[row + 2 + 2 * k] = num(`hi_${l}`);
      });
    }
    return { seriesIds, horizon, levels, out, modelNames };
  } finally {
    conn.closeSync();
  }
}

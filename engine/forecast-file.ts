import { WorkbenchError } from "../core/errors.ts";
import { writeForecastTable } from "../datasets/forecast-io.ts";
import { type DemandHistory, loadCompleteHistory, seasonLengthOf } from "../datasets/history.ts";
import { checkForecastRequest, type ForecastTable, forecastSeries } from "./forecast.ts";
import type { IntervalMethod } from "./forecast-batch.ts";
import { WorkerPool } from "./pool.ts";

/**
 * The `forecast` job: load a history file, forecast every series with one model in the worker pool,
 * write the forecast file. Shared by the CLI and the API.
 */
export interface ForecastFileOptions {
  input: string;
  output: string;
  horizon: number;
  model: string;
  /** Season length; inferred from the time stamps when absent. */
  season?: number;
  levels: number[];
  threads?: number;
  fillGaps?: boolean;
  nonNegative?: boolean;
  /** Interval method and conformal calibration origins (see ForecastRequest). */
  intervals?: IntervalMethod;
  calibrationWindows?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ForecastFileResult {
  history: DemandHistory;
  table: ForecastTable;
  season: number;
  seconds: { load: number; forecast: number; write: number };
}

export async function forecastFile(options: ForecastFileOptions): Promise<ForecastFileResult> {
  checkForecastRequest({ ...options, season: options.season ?? 1 });
  const t0 = performance.now();
  const history = await loadCompleteHistory(options.input, options.fillGaps ?? false);
  const season = options.season ?? seasonLengthOf(history.frequency);
  const t1 = performance.now();
  const pool = new WorkerPool(options.threads === undefined ? {} : { threads: options.threads });
  let table: ForecastTable;
  try {
    table = await forecastSeries(
      pool,
      history,
      {
        model: options.model,
        horizon: options.horizon,
        season,
        levels: options.levels,
        nonNegative: options.nonNegative ?? false,
        ...(options.intervals === undefined ? {} : { intervals: options.intervals }),
        ...(options.calibrationWindows === undefined
          ? {}
          : { calibrationWindows: options.calibrationWindows }),
      },
      options.onProgress,
    );
  } finally {
    await pool.close();
  }
  const failed = table.errors.findIndex((e) => e !== null);
  if (failed >= 0) {
    const count = table.errors.filter((e) => e !== null).length;
    throw new WorkbenchError(
      "INVALID_MODEL_INPUT",
      `series '${table.seriesIds[failed]}': ${table.errors[failed]} (${count} series failed)`,
      { series: table.seriesIds[failed]! },
    );
  }
  const t2 = performance.now();
  await writeForecastTable(table, options.output);
  const t3 = performance.now();
  return {
    history,
    table,
    season,
    seconds: { load: (t1 - t0) / 1000, forecast: (t2 - t1) / 1000, write: (t3 - t2) / 1000 },
  };
}

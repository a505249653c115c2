import { writeFileSync } from "node:fs";
import { loadCompleteHistory, seasonLengthOf } from "../datasets/history.ts";
import { type BacktestReport, backtestSeries, checkBacktestRequest } from "./backtest.ts";
import { WorkerPool } from "./pool.ts";

/** The `backtest` job: load a history file, backtest models by rolling origin, write the JSON report. */
export interface BacktestFileOptions {
  input: string;
  output: string;
  models: string[];
  horizon: number;
  windows: number;
  step?: number;
  season?: number;
  levels: number[];
  threads?: number;
  fillGaps?: boolean;
  nonNegative?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function backtestFile(options: BacktestFileOptions): Promise<BacktestReport> {
  checkBacktestRequest({ ...options, season: options.season ?? 1 });
  const history = await loadCompleteHistory(options.input, options.fillGaps ?? false);
  const pool = new WorkerPool(options.threads === undefined ? {} : { threads: options.threads });
  try {
    const report = await backtestSeries(
      pool,
      history,
      {
        models: options.models,
        horizon: options.horizon,
        windows: options.windows,
        ...(options.step !== undefined && { step: options.step }),
        season: options.season ?? seasonLengthOf(history.frequency),
        levels: options.levels,
        nonNegative: options.nonNegative ?? false,
      },
      options.onProgress,
    );
    writeFileSync(options.output, `${JSON.stringify(report, (_, v) => (Number.isNaN(v) ? null : v), 1)}\n`);
    return report;
  } finally {
    await pool.close();
  }
}

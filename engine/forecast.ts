import { WorkbenchError } from "../core/errors.ts";
import { defaultCalibrationWindows } from "../models/demand/conformal.ts";
import { demandModels } from "../models/demand/registry.ts";
import type { ForecastBatch, ForecastBatchResult, IntervalMethod } from "./forecast-batch.ts";
import type { WorkerPool } from "./pool.ts";

/** Series values for many series: one Float64Array cut by offsets (length nSeries + 1). */
export interface SeriesSet {
  seriesIds: string[];
  values: Float64Array;
  offsets: Int32Array;
}

export interface ForecastRequest {
  model: string;
  horizon: number;
  season: number;
  levels: number[];
  nonNegative?: boolean;
  /**
   * "model" (default): each model's own intervals (conformal by default for the methods without a
   * stochastic model, see models/demand/registry.ts); "conformal": split-conformal intervals from rolling-
   * origin refits for any model (models/demand/conformal.ts).
   */
  intervals?: IntervalMethod;
  /** Calibration origins K for conformal intervals; only with intervals "conformal" (default 20). */
  calibrationWindows?: number;
  /** Series per batch; default: enough batches for 4 per thread, at most 500 series each. */
  batchSize?: number;
}

/** Forecasts of many series, column-wise; see {@link ForecastBatchResult} for the layout of `out`. */
export interface ForecastTable {
  seriesIds: string[];
  horizon: number;
  levels: number[];
  out: Float64Array;
  modelNames: string[];
  errors: (string | null)[];
}

/**
 * Series [start, end) of a set as a batch of its own: the values copied once into a fresh buffer (to be
 * transferred to a worker) and offsets that start at 0.
 */
export function sliceSeries(
  series: SeriesSet,
  start: number,
  end: number,
): { values: Float64Array; offsets: Int32Array } {
  const a = series.offsets[start]!;
  const values = series.values.slice(a, series.offsets[end]!);
  const offsets = new Int32Array(end - start + 1);
  for (let i = start; i <= end; i++) offsets[i - start] = series.offsets[i]! - a;
  return { values, offsets };
}

/** Series per batch: about four batches per thread, at most `cap` series each. */
export function batchSizeFor(nSeries: number, threads: number, cap: number): number {
  return Math.max(1, Math.min(cap, Math.ceil(nSeries / Math.max(1, 4 * threads))));
}

export function checkForecastRequest(request: ForecastRequest): void {
  if (!demandModels[request.model]) {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `--model: unknown model '${request.model}' (known: ${Object.keys(demandModels).join(", ")})`,
      { field: "model" },
    );
  }
  if (!Number.isInteger(request.horizon) || request.horizon < 1) {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `--horizon: must be an integer ≥ 1, got ${request.horizon}`,
      {
        field: "horizon",
      },
    );
  }
  if (!Number.isInteger(request.season) || request.season < 1) {
    throw new WorkbenchError("INVALID_ARGUMENT", `--season: must be an integer ≥ 1, got ${request.season}`, {
      field: "season",
    });
  }
  for (const l of request.levels) {
    if (!(l > 0 && l < 100)) {
      throw new WorkbenchError("INVALID_ARGUMENT", `--levels: each level must be in (0, 100), got ${l}`, {
        field: "levels",
      });
    }
  }
  const intervals = request.intervals ?? "model";
  if (intervals !== "model" && intervals !== "conformal") {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `--intervals: must be 'model' or 'conformal', got '${String(intervals)}'`,
      { field: "intervals" },
    );
  }
  const k = request.calibrationWindows;
  if (k !== undefined) {
    if (intervals !== "conformal") {
      throw new WorkbenchError(
        "INVALID_ARGUMENT",
        "--calibration-windows: only used with --intervals conformal",
        { field: "calibrationWindows" },
      );
    }
    if (!Number.isInteger(k) || k < 1) {
      throw new WorkbenchError(
        "INVALID_ARGUMENT",
        `--calibration-windows: must be an integer ≥ 1, got ${k}`,
        { field: "calibrationWindows" },
      );
    }
  }
}

/**
 * Forecast every series of a set with one model in the worker pool. Series are cut into batches whose
 * values are copied once into a fresh buffer and transferred to a worker; results come back transferred.
 * The output does not depend on the number of threads or the batch size.
 */
export async function forecastSeries(
  pool: WorkerPool,
  series: SeriesSet,
  request: ForecastRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<ForecastTable> {
  checkForecastRequest(request);
  const nSeries = series.seriesIds.length;
  const { horizon, levels } = request;
  const width = 1 + 2 * levels.length;
  const batchSize = request.batchSize ?? batchSizeFor(nSeries, pool.threads, 500);
  const out = new Float64Array(nSeries * horizon * width);
  const modelNames: string[] = new Array(nSeries);
  const errors: (string | null)[] = new Array(nSeries);
  let done = 0;
  const jobs: Promise<void>[] = [];
  for (let start = 0; start < nSeries; start += batchSize) {
    const end = Math.min(nSeries, start + batchSize);
    const { values, offsets } = sliceSeries(series, start, end);
    const batch: ForecastBatch = {
      model: request.model,
      horizon,
      season: request.season,
      levels,
      nonNegative: request.nonNegative ?? false,
      intervals: request.intervals ?? "model",
      calibrationWindows: request.calibrationWindows ?? defaultCalibrationWindows,
      values,
      offsets,
    };
    jobs.push(
      pool.run<ForecastBatchResult>("forecast", batch, [values.buffer, offsets.buffer]).then((r) => {
        out.set(r.out, start * horizon * width);
        for (let i = start; i < end; i++) {
          modelNames[i] = r.modelNames[i - start]!;
          errors[i] = r.errors[i - start] ?? null;
        }
        done += end - start;
        onProgress?.(done, nSeries);
      }),
    );
  }
  await Promise.all(jobs);
  return { seriesIds: series.seriesIds, horizon, levels, out, modelNames, errors };
}

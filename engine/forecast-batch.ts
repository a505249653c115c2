import { WorkbenchError } from "../core/errors.ts";
import { conformalModel } from "../models/demand/conformal.ts";
import { applyNonNegative, isCountSeries } from "../models/demand/non-negative.ts";
import { demandModels } from "../models/demand/registry.ts";

/** Where interval bounds come from: each model's own, or split-conformal from rolling-origin refits. */
export type IntervalMethod = "model" | "conformal";

/**
 * One batch of series to forecast with one model: the unit of work sent to a worker thread.
 * Values of all series travel in one Float64Array cut by `offsets` (transferred, not copied).
 */
export interface ForecastBatch {
  model: string;
  horizon: number;
  season: number;
  levels: number[];
  /** Floor the mean and the bounds at zero; whole-unit bounds for count series (models/demand/non-negative.ts). */
  nonNegative: boolean;
  intervals: IntervalMethod;
  /** Calibration origins K when `intervals` is "conformal". */
  calibrationWindows: number;
  values: Float64Array;
  offsets: Int32Array;
}

/**
 * Result of a batch: for series i, step h (0-based) and column c (0 = mean, then lower/upper per level),
 * `out[(i * horizon + h) * width + c]`, width = 1 + 2·levels. Failed series have NaN rows and an error text.
 */
export interface ForecastBatchResult {
  out: Float64Array;
  modelNames: string[];
  errors: (string | null)[];
}

export function forecastBatch(batch: ForecastBatch): ForecastBatchResult {
  const registered = demandModels[batch.model];
  if (!registered)
    throw new WorkbenchError("NOT_FOUND", `model: unknown model '${batch.model}'`, { field: "model" });
  const model =
    batch.intervals === "conformal"
      ? conformalModel(registered, { windows: batch.calibrationWindows })
      : registered;
  const nSeries = batch.offsets.length - 1;
  const { horizon, levels } = batch;
  const width = 1 + 2 * levels.length;
  const out = new Float64Array(nSeries * horizon * width);
  const modelNames: string[] = new Array(nSeries);
  const errors: (string | null)[] = new Array(nSeries).fill(null);
  const options = { horizon, season: batch.season, levels };
  for (let i = 0; i < nSeries; i++) {
    const y = batch.values.subarray(batch.offsets[i]!, batch.offsets[i + 1]!);
    const base = i * horizon * width;
    try {
      const f = model.forecast(y, options);
      modelNames[i] = f.model;
      for (let h = 0; h < horizon; h++) {
        const row = base + h * width;
        out[row] = f.mean[h]!;
        for (let l = 0; l < levels.length; l++) {
          out[row + 1 + 2 * l] = f.lower[l]![h]!;
          out[row + 2 + 2 * l] = f.upper[l]![h]!;
        }
      }
    } catch (e) {
      modelNames[i] = batch.model;
      errors[i] = e instanceof Error ? e.message : String(e);
      out.fill(Number.NaN, base, base + horizon * width);
    }
  }
  if (batch.nonNegative) {
    for (let i = 0; i < nSeries; i++) {
      const y = batch.values.subarray(batch.offsets[i]!, batch.offsets[i + 1]!);
      applyNonNegative(out.subarray(i * horizon * width, (i + 1) * horizon * width), width, isCountSeries(y));
    }
  }
  return { out, modelNames, errors };
}

import { WorkbenchError } from "../core/errors.ts";
import { applyNonNegative, isCountSeries } from "../models/demand/non-negative.ts";
import { demandModels } from "../models/demand/registry.ts";

/**
 * Rolling-origin evaluation of one batch of series (the unit of work of a worker thread).
 *
 * For window w = 0..windows−1 the forecast origin is o_w = n − h − (windows − 1 − w)·step: each model is
 * fitted on y[0, o_w) and forecasts h steps, compared with y[o_w, o_w + h). Models are refitted at every
 * origin (Tashman 2000, "Out-of-sample tests of forecasting accuracy", IJF 16(4):437–450, "rolling origin,
 * recalibration"). Windows whose training part would be shorter than `minTrain` are skipped (NaN rows).
 */
export interface BacktestBatch {
  models: string[];
  horizon: number;
  windows: number;
  step: number;
  season: number;
  levels: number[];
  nonNegative: boolean;
  minTrain: number;
  values: Float64Array;
  offsets: Int32Array;
}

/**
 * Per (series, model, window, step), in that order: the forecast mean, then lower/upper per level.
 * `width` = 1 + 2·levels; NaN where a window was skipped or the model failed (`errors` says why).
 */
export interface BacktestBatchResult {
  forecasts: Float64Array;
  errors: (string | null)[];
}

export function backtestBatch(batch: BacktestBatch): BacktestBatchResult {
  const { horizon, windows, step, levels } = batch;
  const models = batch.models.map((name) => {
    const m = demandModels[name];
    if (!m) throw new WorkbenchError("NOT_FOUND", `models: unknown model '${name}'`, { field: "models" });
    return m;
  });
  const nSeries = batch.offsets.length - 1;
  const width = 1 + 2 * levels.length;
  const block = horizon * width;
  const forecasts = new Float64Array(nSeries * models.length * windows * block).fill(Number.NaN);
  const errors: (string | null)[] = new Array(nSeries * models.length).fill(null);
  const options = { horizon, season: batch.season, levels };
  for (let i = 0; i < nSeries; i++) {
    const y = batch.values.subarray(batch.offsets[i]!, batch.offsets[i + 1]!);
    const n = y.length;
    for (let m = 0; m < models.length; m++) {
      for (let w = 0; w < windows; w++) {
        const origin = n - horizon - (windows - 1 - w) * step;
        if (origin < batch.minTrain) continue;
        const base = ((i * models.length + m) * windows + w) * block;
        try {
          const f = models[m]!.forecast(y.subarray(0, origin), options);
          for (let h = 0; h < horizon; h++) {
            const row = base + h * width;
            forecasts[row] = f.mean[h]!;
            for (let l = 0; l < levels.length; l++) {
              forecasts[row + 1 + 2 * l] = f.lower[l]![h]!;
              forecasts[row + 2 + 2 * l] = f.upper[l]![h]!;
            }
          }
        } catch (e) {
          errors[i * models.length + m] ??= `window ${w + 1}: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
    }
  }
  if (batch.nonNegative) {
    const perSeries = models.length * windows * block;
    for (let i = 0; i < nSeries; i++) {
      const y = batch.values.subarray(batch.offsets[i]!, batch.offsets[i + 1]!);
      applyNonNegative(forecasts.subarray(i * perSeries, (i + 1) * perSeries), width, isCountSeries(y));
    }
  }
  return { forecasts, errors };
}

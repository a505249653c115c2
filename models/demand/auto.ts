import { WorkbenchError } from "../../core/errors.ts";
import type { EnsembleModel } from "./ensemble.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Per-series model selection by out-of-sample error: each candidate is fitted on the series less its last
 * `windows` blocks of h' = min(horizon, ⌊n/4⌋) periods (rolling origin, refitted at every origin), its
 * forecasts are scored by mean absolute error over those blocks, and the candidate with the lowest error is
 * refitted on the whole series to forecast. MAE is the right criterion within one series (one scale); it
 * targets the median, which suits demand with skewed errors.
 *
 * Source: Tashman (2000), "Out-of-sample tests of forecasting accuracy", IJF 16(4):437–450; selection by
 * validation error as in Fildes & Petropoulos (2015), "Simple versus complex selection rules for forecasting
 * many time series", J. Business Research 68(8):1692–1701.
 *
 * Series too short to hold out a block (n < 8) use the first candidate, and the first candidate is kept unless
 * another beats its validation error by `defaultMargin` (a share; 0 = plain minimum).
 *
 * A candidate that is an ensemble of other candidates (ETS + ARIMA + Theta beside ETS, ARIMA and Theta) is
 * not refitted member by member: within one call every model is fitted at most once per origin and the
 * ensemble combines the members' stored forecasts (the models are deterministic, so the result is the
 * same as refitting; on long daily series this halves the ARIMA fits).
 */
export function makeAutoSelect(
  name: string,
  candidates: readonly DemandModel[],
  windows = 2,
  /** The first candidate (the default) keeps its place unless another's validation MAE is lower by this share. */
  defaultMargin = 0,
): DemandModel {
  if (candidates.length === 0) throw new WorkbenchError("INVALID_ARGUMENT", `auto '${name}': no candidates`);
  return {
    name,
    forecast(y: Float64Array, options: ForecastOptions): Forecast {
      checkSeries(y, options);
      const n = y.length;
      const h = Math.min(options.horizon, Math.floor(n / 4));
      const errors = new Float64Array(candidates.length);
      // Forecasts (or errors) of this call, per model and origin.
      const fitted = new Map<DemandModel, Map<number, Forecast | { failed: unknown }>>();
      const fitOnce = (model: DemandModel, origin: number, opts: ForecastOptions): Forecast => {
        let byOrigin = fitted.get(model);
        if (!byOrigin) {
          byOrigin = new Map();
          fitted.set(model, byOrigin);
        }
        let r = byOrigin.get(origin);
        if (r === undefined) {
          const ensemble = (model as Partial<EnsembleModel>).combineMembers;
          try {
            r =
              ensemble !== undefined
                ? ensemble((m) => fitOnce(m, origin, opts), opts)
                : model.forecast(origin === n ? y : y.subarray(0, origin), opts);
          } catch (e) {
            r = { failed: e };
          }
          byOrigin.set(origin, r);
        }
        if ("failed" in r) throw r.failed;
        return r;
      };
      if (h >= 1 && n >= 8 && candidates.length > 1) {
        const validation = { horizon: h, season: options.season, levels: [] as number[] };
        for (let c = 0; c < candidates.length; c++) {
          let sum = 0;
          let count = 0;
          for (let w = windows; w >= 1; w--) {
            const origin = n - w * h;
            if (origin < Math.max(4, n / 2)) continue;
            try {
              const f = fitOnce(candidates[c]!, origin, validation);
              for (let t = 0; t < h; t++) sum += Math.abs(y[origin + t]! - f.mean[t]!);
              count += h;
            } catch {
              sum = Number.POSITIVE_INFINITY;
            }
          }
          errors[c] = count > 0 ? sum / count : Number.POSITIVE_INFINITY;
        }
      }
      // The default's error is discounted by the margin: with few validation windows the apparent winner is
      // often noise, and a combination is the safer choice (the "forecast combination puzzle").
      errors[0] = errors[0]! * (1 - defaultMargin);
      // Best first; a candidate that fails on the whole series gives way to the next. The whole-series fits
      // share the store too (origin n), so an ensemble that fails member by member costs nothing twice.
      const order = candidates.map((_, c) => c).sort((a, b) => errors[a]! - errors[b]! || a - b);
      let firstError: unknown = null;
      for (const c of order) {
        try {
          const f = fitOnce(candidates[c]!, n, options);
          return { ...f, model: `${name}:${f.model}` };
        } catch (e) {
          firstError ??= e;
        }
      }
      throw firstError;
    },
  };
}

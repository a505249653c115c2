import { stlDecompose } from "./stl.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

export interface MstlDecomposition {
  /** Seasonal periods kept, ascending (those with at least two full cycles, p < n/2). */
  periods: number[];
  trend: Float64Array;
  /** One seasonal component per kept period, in the order of `periods`. */
  seasonals: Float64Array[];
  remainder: Float64Array;
}

export interface MstlOptions {
  /** Back-fitting passes over the seasonal components; default 2 (1 when there is one period, as R). */
  iterate?: number;
  /** STL seasonal spans per period; default 7 + 4i for the i-th period (11, 15, …), as R's `mstl`. */
  sWindows?: number[];
}

/**
 * MSTL: decomposition with several seasonal periods, y_t = T_t + Σ_i S_t^{(i)} + R_t.
 *
 * Periods are sorted ascending and those without two full cycles (p ≥ n/2) are dropped. Each seasonal
 * component is estimated by STL on the series with the other components removed, shortest period first,
 * and the pass is repeated `iterate` times (back-fitting); the trend is that of the last STL fit.
 * STL settings are R's defaults with s.window = 7 + 4i (11 for the first period, 15 for the second, …).
 * With no usable period there is no seasonal component and the trend is the series itself (R uses
 * Friedman's super-smoother there; forecasting, which uses trend + remainder, is the same either way).
 *
 * Source: Bandara, Hyndman & Bergmeir (2021), "MSTL: A seasonal-trend decomposition algorithm for time
 * series with multiple seasonal patterns", arXiv:2107.13462 (Int. J. Operational Research, 2022);
 * R forecast 8.20 `mstl()`.
 */
export function mstlDecompose(
  y: Float64Array,
  periods: readonly number[],
  options: MstlOptions = {},
): MstlDecomposition {
  const n = y.length;
  const kept = [...new Set(periods)].filter((p) => p > 1 && p < n / 2 && 2 * p < n).sort((a, b) => a - b);
  const seasonals = kept.map(() => new Float64Array(n));
  const deseasonalised = Float64Array.from(y);
  let trend: Float64Array = Float64Array.from(y);
  if (kept.length > 0) {
    const iterate = kept.length === 1 ? 1 : Math.max(1, options.iterate ?? 2);
    for (let pass = 0; pass < iterate; pass++) {
      for (let i = 0; i < kept.length; i++) {
        const seasonal = seasonals[i]!;
        for (let t = 0; t < n; t++) deseasonalised[t] = deseasonalised[t]! + seasonal[t]!;
        const fit = stlDecompose(deseasonalised, kept[i]!, {
          sWindow: options.sWindows?.[i] ?? 7 + 4 * (i + 1),
        });
        seasonal.set(fit.seasonal);
        for (let t = 0; t < n; t++) deseasonalised[t] = deseasonalised[t]! - seasonal[t]!;
        trend = fit.trend;
      }
    }
  }
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = deseasonalised[t]! - trend[t]!;
  return { periods: kept, trend, seasonals, remainder };
}

/** Default seasonal periods: [24, 168] for hourly data longer than two weeks, else the season alone. */
export function defaultMstlPeriods(options: ForecastOptions, n: number): number[] {
  if (options.season === 24 && n > 2 * 168) return [24, 168];
  return options.season > 1 ? [options.season] : [];
}

/**
 * MSTL forecasting, as R forecast's `stlf` / `forecast.mstl`: decompose with MSTL, forecast the
 * seasonally adjusted series (trend + remainder) with the `adjusted` model, and add the seasonal naive
 * forecast of every seasonal component (its last cycle, repeated). The adjusted model's intervals are
 * shifted by the same seasonal amounts (the seasonal components are treated as known).
 *
 * `periods` defaults to {@link defaultMstlPeriods}. Without a usable period the adjusted model forecasts
 * the series itself.
 *
 * Source: Bandara, Hyndman & Bergmeir (2021), MSTL (see {@link mstlDecompose}); Hyndman & Athanasopoulos,
 * FPP (3rd ed.), §3.6 and §13.1 (forecasting with decomposition).
 */
export function makeMstlModel(adjusted: DemandModel, periods?: number[]): DemandModel {
  return {
    name: "mstl",
    forecast(y: Float64Array, options: ForecastOptions): Forecast {
      checkSeries(y, options);
      const n = y.length;
      const decomposition = mstlDecompose(y, periods ?? defaultMstlPeriods(options, n));
      if (decomposition.periods.length === 0) {
        const f = adjusted.forecast(y, { ...options, season: 1 });
        return { ...f, model: `MSTL(none)+${f.model}` };
      }
      const seasonallyAdjusted = new Float64Array(n);
      for (let t = 0; t < n; t++)
        seasonallyAdjusted[t] = decomposition.trend[t]! + decomposition.remainder[t]!;
      const inner = adjusted.forecast(seasonallyAdjusted, { ...options, season: 1 });
      const seasonalPart = new Float64Array(options.horizon);
      decomposition.periods.forEach((p, i) => {
        const s = decomposition.seasonals[i]!;
        for (let h = 0; h < options.horizon; h++) {
          seasonalPart[h] = seasonalPart[h]! + s[n - p + (h % p)]!;
        }
      });
      const shift = (a: Float64Array) => {
        const out = new Float64Array(a.length);
        for (let h = 0; h < a.length; h++) out[h] = a[h]! + seasonalPart[h]!;
        return out;
      };
      return {
        mean: shift(inner.mean),
        lower: inner.lower.map(shift),
        upper: inner.upper.map(shift),
        model: `MSTL(${decomposition.periods.join(",")})+${inner.model}`,
        ...(inner.params ? { params: inner.params } : {}),
      };
    },
  };
}

import { normalIntervals } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Seasonal naive: each forecast repeats the value one season earlier,
 *   ŷ_{n+h} = y_{n+h−m(k+1)},  k = ⌊(h−1)/m⌋.
 * Intervals assume the seasonal random walk: σ_h = σ √(k+1), where σ² is the mean of the squared
 * in-sample residuals e_t = y_t − y_{t−m} (no mean removed, as R forecast's `snaive` does).
 * With m = 1 this is the naive method (σ_h = σ √h).
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.2 and §5.5,
 * Table 5.2 (benchmark methods' forecast standard deviations).
 *
 * A series shorter than one season falls back to the naive method (R does the same through lag = 1
 * being the only lag available); a series of one value gets a flat forecast with zero-width intervals.
 */
export function seasonalNaive(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const n = y.length;
  const m = options.season <= n - 1 ? options.season : 1;
  const horizon = options.horizon;
  let sumSq = 0;
  let count = 0;
  for (let t = m; t < n; t++) {
    const e = y[t]! - y[t - m]!;
    sumSq += e * e;
    count++;
  }
  const sigma = count > 0 ? Math.sqrt(sumSq / count) : 0;
  const mean = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m);
    mean[h - 1] = y[n - m + ((h - 1) % m)]!;
    sd[h - 1] = sigma * Math.sqrt(k + 1);
  }
  const { lower, upper } = normalIntervals(mean, sd, options.levels);
  return { mean, lower, upper, model: m === 1 ? "Naive" : `SNaive[${m}]`, params: { sigma } };
}

export const snaiveModel: DemandModel = { name: "snaive", forecast: seasonalNaive };

import { normalIntervals } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Random walk with drift: the line from the first to the last observation, extended,
 *   ŷ_{n+h} = y_n + h·b,  b = (y_n − y_1)/(n − 1).
 * Intervals as R's `rwf(drift = TRUE)`: b is the mean of the first differences d_t = y_t − y_{t−1}, σ² their
 * residual variance Σ(d_t − b)²/(n − 2), and the drift's own uncertainty is added,
 *   σ_h = σ √(h + h²/(n − 1)).
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.2 and Table 5.2.
 *
 * Short series: one value gives a flat forecast with zero-width intervals; two values give the line
 * through both with zero-width intervals (no residual degree of freedom to estimate σ).
 */
export function randomWalkDrift(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const n = y.length;
  const last = y[n - 1]!;
  const slope = n > 1 ? (last - y[0]!) / (n - 1) : 0;
  let sumSq = 0;
  for (let t = 1; t < n; t++) sumSq += (y[t]! - y[t - 1]! - slope) ** 2;
  const sigma = n > 2 ? Math.sqrt(sumSq / (n - 2)) : 0;
  const mean = new Float64Array(options.horizon);
  const sd = new Float64Array(options.horizon);
  for (let h = 1; h <= options.horizon; h++) {
    mean[h - 1] = last + h * slope;
    sd[h - 1] = n > 1 ? sigma * Math.sqrt(h + (h * h) / (n - 1)) : 0;
  }
  const { lower, upper } = normalIntervals(mean, sd, options.levels);
  return { mean, lower, upper, model: "Drift", params: { drift: slope, sigma } };
}

export const driftModel: DemandModel = { name: "drift", forecast: randomWalkDrift };

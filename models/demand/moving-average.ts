import { normalIntervals } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Simple moving average: the mean of the last k observations, flat over the horizon,
 *   ŷ_{n+h} = (1/k) Σ_{j=0}^{k−1} y_{n−j}.
 * The window k defaults to the season length (which averages the seasonality out) or 3 for
 * non-seasonal data, and is cut to n when the series is shorter.
 *
 * The method has no statistical model, so the intervals are empirical-normal: σ is the root mean square
 * of the in-sample one-step errors e_t = y_t − (1/k) Σ_{j=1}^{k} y_{t−j} (t > k), held constant over the
 * horizon (the forecast is flat and the window mean does not accumulate errors); zero width when the
 * series has no more than k values.
 *
 * The registry's `ma` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains (4th ed., 2017),
 * §4.5.1 (simple moving average); Hyndman & Athanasopoulos, FPP (3rd ed.), §5.5 (intervals from
 * residuals).
 */
export function movingAverage(y: Float64Array, options: ForecastOptions, window?: number): Forecast {
  checkSeries(y, options);
  const n = y.length;
  const requested = window ?? (options.season > 1 ? options.season : 3);
  const k = Math.min(requested, n);
  let windowSum = 0;
  for (let t = 0; t < k; t++) windowSum += y[t]!;
  let sumSq = 0;
  for (let t = k; t < n; t++) {
    const e = y[t]! - windowSum / k;
    sumSq += e * e;
    windowSum += y[t]! - y[t - k]!;
  }
  // Recompute the final window directly: the running sum can drift on huge values.
  let last = 0;
  for (let t = n - k; t < n; t++) last += y[t]!;
  const level = last / k;
  const sigma = n > k ? Math.sqrt(sumSq / (n - k)) : 0;
  const mean = new Float64Array(options.horizon).fill(level);
  const sd = new Float64Array(options.horizon).fill(sigma);
  const { lower, upper } = normalIntervals(mean, sd, options.levels);
  return { mean, lower, upper, model: `MA(${k})`, params: { window: k, sigma } };
}

export const movingAverageModel: DemandModel = {
  name: "ma",
  forecast: (y, options) => movingAverage(y, options),
};

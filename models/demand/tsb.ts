import { checkSmoothing, empiricalIntervals, isNonNegative, sesErrorGrowth } from "./croston.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Teunter–Syntetos–Babai method: smooth the demand probability every period and the demand size at
 * demands,
 *
 *   p̂ ← p̂ + β (1{y_t ≠ 0} − p̂)         every period,
 *   ẑ ← ẑ + α (y_t − ẑ)                  when y_t ≠ 0,
 *   ŷ = p̂ · ẑ for every step ahead.
 *
 * Unlike Croston, the forecast decays during long runs of zeros, so obsolete items fade out. Start: at the
 * first demand, ẑ = that demand and p̂ = 1 / (its position, from 1), the first inter-demand interval
 * inverted, as Croston's q̂ starts. Defaults α = β = 0.1.
 * Intervals: empirical quantiles of the in-sample one-step errors, widened by √(1 + (h − 1)·max(α, β)²)
 * (see `empiricalIntervals`).
 *
 * The registry's `tsb` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Teunter, Syntetos & Babai (2011), "Intermittent demand: linking forecasting to inventory
 * obsolescence", EJOR 214(3):606–615, eqs. (5)–(7).
 */
export function teunterSyntetosBabai(
  y: Float64Array,
  options: ForecastOptions,
  alpha = 0.1,
  beta = 0.1,
): Forecast {
  checkSeries(y, options);
  checkSmoothing("alpha", alpha);
  checkSmoothing("beta", beta);
  const n = y.length;
  let size = 0;
  let probability = 0;
  let started = false;
  const errors = new Float64Array(n);
  let count = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    if (started) {
      errors[count++] = v - probability * size;
      if (v !== 0) {
        probability += beta * (1 - probability);
        size += alpha * (v - size);
      } else {
        probability -= beta * probability;
      }
    } else if (v !== 0) {
      size = v;
      probability = 1 / (t + 1);
      started = true;
    }
  }
  const mean = new Float64Array(options.horizon).fill(probability * size);
  return {
    mean,
    ...empiricalIntervals(
      mean,
      errors.subarray(0, count),
      options.levels,
      isNonNegative(y),
      sesErrorGrowth(options.horizon, Math.max(alpha, beta)),
    ),
    model: "TSB",
    params: { alpha, beta, probability, size },
  };
}

export const tsbModel: DemandModel = {
  name: "tsb",
  forecast: (y, options) => teunterSyntetosBabai(y, options),
};

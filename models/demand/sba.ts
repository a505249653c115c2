import { checkSmoothing, crostonCore, empiricalIntervals, isNonNegative, sesErrorGrowth } from "./croston.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Syntetos–Boylan approximation: Croston's ratio times 1 − α/2, which removes most of Croston's
 * positive bias (E[ẑ/q̂] ≠ E[z]/E[q]),
 *
 *   ŷ = (1 − α/2) · ẑ / q̂,
 *
 * with ẑ, q̂ the SES (α = 0.1) estimates of demand size and inter-demand interval, updated at demands.
 * Intervals: empirical quantiles of the in-sample one-step errors, widened by √(1 + (h − 1)α²) (see `empiricalIntervals`).
 *
 * The registry's `sba` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Syntetos & Boylan (2005), "The accuracy of intermittent demand estimates", IJF 21(2):303–314.
 */
export function syntetosBoylan(y: Float64Array, options: ForecastOptions, alpha = 0.1): Forecast {
  checkSeries(y, options);
  checkSmoothing("alpha", alpha);
  const fit = crostonCore(y, alpha, 1 - alpha / 2);
  const mean = new Float64Array(options.horizon).fill(fit.forecast);
  return {
    mean,
    ...empiricalIntervals(
      mean,
      fit.errors,
      options.levels,
      isNonNegative(y),
      sesErrorGrowth(options.horizon, alpha),
    ),
    model: "SBA",
    params: { alpha, size: fit.size, interval: fit.interval },
  };
}

export const sbaModel: DemandModel = { name: "sba", forecast: (y, options) => syntetosBoylan(y, options) };

import { invalidInput } from "../../core/errors.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Quantile of sorted values with linear interpolation between order statistics (R's type 7).
 */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/**
 * Prediction intervals for intermittent-demand methods, which have no stochastic model of their own:
 * empirical quantiles of the in-sample one-step errors e_t = y_t − ŷ_{t|t−1}, widened by a growth factor
 * g_h per step,
 *
 *   lower_h = ŷ_h + min(0, q_{(1−L)/2}(e)) · g_h,   upper_h = ŷ_h + max(0, q_{(1+L)/2}(e)) · g_h,
 *
 * (quantiles by linear interpolation, R type 7). The min/max keep the point forecast inside the interval
 * when most errors share a sign (very sparse demand), and a lower bound below zero is cut at zero when
 * the history has no negative value (demand cannot be negative). With no errors to learn from (a series
 * whose first demand is its last value), the interval has zero width.
 *
 * The models here are smoothers of a (locally) stationary demand rate, so errors do not accumulate like a
 * random walk's: g_h is the SES growth √(1 + (h − 1) α²) (see {@link sesErrorGrowth}), not √h, which
 * over-covers badly at long horizons (M5 tiny, h = 28: 99.8% for a 95% interval).
 *
 * Source: Hyndman & Athanasopoulos, FPP (3rd ed.), §5.5 (intervals from residuals) and §8.7 (SES
 * forecast variance σ²[1 + (h − 1)α²]); Syntetos & Boylan (2016), Intermittent Demand Forecasting, on
 * empirical approaches. Treating one-step error quantiles as scalable this way is an approximation.
 */
export function empiricalIntervals(
  mean: Float64Array,
  errors: Float64Array,
  levels: ForecastOptions["levels"],
  nonNegative: boolean,
  growth: Float64Array,
): { lower: Float64Array[]; upper: Float64Array[] } {
  const sorted = Float64Array.from(errors).sort();
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of levels) {
    const lo = new Float64Array(mean.length);
    const hi = new Float64Array(mean.length);
    const qLow = sorted.length > 0 ? Math.min(0, sortedQuantile(sorted, 0.5 - level / 200)) : 0;
    const qHigh = sorted.length > 0 ? Math.max(0, sortedQuantile(sorted, 0.5 + level / 200)) : 0;
    for (let h = 0; h < mean.length; h++) {
      const l = mean[h]! + qLow * growth[h]!;
      lo[h] = nonNegative ? Math.max(0, Math.min(l, mean[h]!)) : l;
      hi[h] = mean[h]! + qHigh * growth[h]!;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}

/**
 * Growth of the forecast error of simple exponential smoothing with constant α over the horizon,
 * g_h = √(1 + (⌈h / k⌉ − 1) α²), h = 1 … horizon, where k periods make one smoothing step (k = 1
 * normally; the bucket size for temporally aggregated forecasts).
 * Source: Hyndman & Athanasopoulos, FPP (3rd ed.), §8.7: Var = σ²[1 + (h − 1)α²] for ETS(A,N,N).
 */
export function sesErrorGrowth(horizon: number, alpha: number, periodsPerStep = 1): Float64Array {
  const growth = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) {
    growth[h - 1] = Math.sqrt(1 + (Math.ceil(h / periodsPerStep) - 1) * alpha * alpha);
  }
  return growth;
}

/** True when no value of the history is negative. */
export function isNonNegative(y: Float64Array): boolean {
  for (let t = 0; t < y.length; t++) if (y[t]! < 0) return false;
  return true;
}

export function checkSmoothing(name: string, value: number): void {
  if (!(value > 0 && value <= 1))
    throw invalidInput(name, `smoothing constant must be in (0, 1], got ${value}`);
}

/**
 * Croston's method and its bias-corrected variants. Non-zero demand sizes z and inter-demand intervals q
 * (periods since the previous demand; the first counts from the start of the series) are smoothed
 * separately by SES with the same α, each started at its first value, and updated only in periods with
 * demand:
 *
 *   ẑ ← ẑ + α (y_t − ẑ),  q̂ ← q̂ + α (q_t − q̂)   when y_t ≠ 0,
 *   ŷ = c · ẑ / q̂ for every step ahead,
 *
 * with c = 1 (Croston 1972) or c = 1 − α/2 (Syntetos & Boylan 2005). α = 0.1 as R forecast's `croston`.
 * Returns the flat forecast and the in-sample one-step errors from the period after the first demand.
 * An all-zero history forecasts zero.
 */
export function crostonCore(
  y: Float64Array,
  alpha: number,
  correction: number,
): { forecast: number; size: number; interval: number; errors: Float64Array } {
  const n = y.length;
  let size = 0;
  let interval = 0;
  let since = 0;
  let started = false;
  const errors = new Float64Array(n);
  let count = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]!;
    since++;
    if (started) {
      errors[count++] = v - (correction * size) / interval;
    }
    if (v !== 0) {
      if (started) {
        size += alpha * (v - size);
        interval += alpha * (since - interval);
      } else {
        size = v;
        interval = since;
        started = true;
      }
      since = 0;
    }
  }
  return {
    forecast: started ? (correction * size) / interval : 0,
    size,
    interval,
    errors: errors.subarray(0, count),
  };
}

function flatWithIntervals(
  value: number,
  errors: Float64Array,
  y: Float64Array,
  options: ForecastOptions,
  alpha: number,
): Pick<Forecast, "mean" | "lower" | "upper"> {
  const mean = new Float64Array(options.horizon).fill(value);
  const growth = sesErrorGrowth(options.horizon, alpha);
  return { mean, ...empiricalIntervals(mean, errors, options.levels, isNonNegative(y), growth) };
}

/**
 * Croston's method for intermittent demand (see {@link crostonCore}); intervals by
 * {@link empiricalIntervals}.
 *
 * The registry's `croston` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Croston (1972), "Forecasting and stock control for intermittent demands", Operational Research
 * Quarterly 23(3):289–303; R forecast 8.20 `croston()` (α = 0.1, both SES started at their first value).
 */
export function croston(y: Float64Array, options: ForecastOptions, alpha = 0.1): Forecast {
  checkSeries(y, options);
  checkSmoothing("alpha", alpha);
  const fit = crostonCore(y, alpha, 1);
  return {
    ...flatWithIntervals(fit.forecast, fit.errors, y, options, alpha),
    model: "Croston",
    params: { alpha, size: fit.size, interval: fit.interval },
  };
}

export const crostonModel: DemandModel = { name: "croston", forecast: (y, options) => croston(y, options) };

import { checkPaired } from "./check.ts";

/**
 * Mean forecast error (bias), with the sign of over-forecasting:
 *
 *   bias = (1 / h) · Σ_t (ŷ_t − y_t)
 *
 * Positive means the forecasts were too high on average (stock builds up), negative too low.
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.8 (mean error,
 * here with the forecast-minus-actual sign customary in inventory planning).
 *
 * @example bias([10, 20], [12, 21]) // 1.5
 */
export function bias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += forecast[t]! - actual[t]!;
  return sum / actual.length;
}

/**
 * Bias relative to volume, in percent: 100 · Σ_t (ŷ_t − y_t) / Σ_t |y_t|; NaN when every actual is zero.
 * Comparable across series of different scale (and meaningful for intermittent demand).
 *
 * @example percentBias([10, 20], [12, 21]) // 10
 */
export function percentBias(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkPaired(actual, forecast);
  let error = 0;
  let volume = 0;
  for (let t = 0; t < actual.length; t++) {
    error += forecast[t]! - actual[t]!;
    volume += Math.abs(actual[t]!);
  }
  return volume > 0 ? (100 * error) / volume : Number.NaN;
}

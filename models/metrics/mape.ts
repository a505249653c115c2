import { checkPaired } from "./check.ts";

export interface MapeResult {
  /** MAPE in percent over the steps with a non-zero actual; NaN when every actual is zero. */
  value: number;
  /** Steps scored (non-zero actual). */
  used: number;
  /** Steps skipped because the actual was zero (the percentage error is undefined there). */
  skippedZeroActuals: number;
}

/**
 * Mean absolute percentage error, in percent, over the steps whose actual is not zero:
 *
 *   MAPE = (100 / |T|) · Σ_{t ∈ T} |y_t − ŷ_t| / |y_t|,   T = { t : y_t ≠ 0 }
 *
 * The percentage error is undefined when y_t = 0 (intermittent demand), so such steps are skipped and
 * counted in `skippedZeroActuals` for the caller to report; use WAPE or MASE for intermittent series.
 *
 * Source: Hyndman & Koehler (2006), "Another look at measures of forecast accuracy", IJF 22(4):679–688, §3.2.
 *
 * @example mape([100, 0, 50], [90, 3, 55]) // { value: 10, used: 2, skippedZeroActuals: 1 }
 */
export function mape(actual: ArrayLike<number>, forecast: ArrayLike<number>): MapeResult {
  checkPaired(actual, forecast);
  let sum = 0;
  let used = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    if (y === 0) continue;
    sum += Math.abs(y - forecast[t]!) / Math.abs(y);
    used++;
  }
  return {
    value: used > 0 ? (100 * sum) / used : Number.NaN,
    used,
    skippedZeroActuals: actual.length - used,
  };
}

import { invalidInput } from "../../core/errors.ts";
import { checkFinite, checkPaired } from "./check.ts";

/**
 * In-sample mean absolute error of the seasonal naive method, the scale of MASE:
 *   Q = (1 / (n − m)) · Σ_{t=m+1}^{n} |y_t − y_{t−m}|.
 * Falls back to m = 1 when the history has no more than m values (as the M4 guide does for short series).
 */
export function seasonalNaiveScale(insample: ArrayLike<number>, season = 1): number {
  if (!Number.isInteger(season) || season < 1) {
    throw invalidInput("season", `must be an integer ≥ 1, got ${season}`);
  }
  if (insample.length < 2) {
    throw invalidInput("insample", `has ${insample.length} values; the naive scale needs at least 2`);
  }
  checkFinite(insample, "insample");
  const m = insample.length > season ? season : 1;
  let sum = 0;
  for (let t = m; t < insample.length; t++) sum += Math.abs(insample[t]! - insample[t - m]!);
  return sum / (insample.length - m);
}

/**
 * Mean absolute scaled error: the out-of-sample MAE divided by the in-sample MAE of the seasonal naive
 * method with season length m:
 *
 *   MASE = [(1 / h) Σ_{t=n+1}^{n+h} |y_t − ŷ_t|] / [(1 / (n − m)) Σ_{t=m+1}^{n} |y_t − y_{t−m}|]
 *
 * Below 1 beats the in-sample seasonal naive. Infinite (or NaN for a perfect forecast) when the history
 * is constant at lag m, since the scale is then zero.
 *
 * Source: Hyndman & Koehler (2006), "Another look at measures of forecast accuracy", IJF 22(4):679–688,
 * eq. (§3.4); seasonal scale as in the M4 competition (Makridakis et al. 2020, IJF 36(1), eq. (2)).
 *
 * @example mase([5, 7], [6, 6], [1, 2, 3, 4], 1) // 1
 */
export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  insample: ArrayLike<number>,
  season = 1,
): number {
  checkPaired(actual, forecast);
  const scale = seasonalNaiveScale(insample, season);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) sum += Math.abs(actual[t]! - forecast[t]!);
  return sum / actual.length / scale;
}

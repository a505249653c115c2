import { invalidInput } from "../../core/errors.ts";
import { checkFinite, checkPaired } from "./check.ts";

/**
 * Empirical coverage of prediction intervals: the share of steps whose actual lies in [lower, upper],
 *
 *   coverage = (1 / h) · Σ_t 1{ l_t ≤ y_t ≤ u_t }
 *
 * A well-calibrated 80% interval covers about 0.8 of the actuals over many series.
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.9 (interval
 * coverage); Makridakis et al. (2020), "The M4 Competition", IJF 36(1), §2 (ACD = |coverage − level|).
 *
 * @example coverage([1, 5, 9], [0, 0, 0], [2, 4, 10]) // 2 / 3
 */
export function coverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  checkPaired(actual, lower, "lower");
  checkPaired(actual, upper, "upper");
  let inside = 0;
  for (let t = 0; t < actual.length; t++) {
    if (lower[t]! > upper[t]!) {
      throw invalidInput("lower", `at position ${t} is above upper (${lower[t]} > ${upper[t]})`);
    }
    const y = actual[t]!;
    if (y >= lower[t]! && y <= upper[t]!) inside++;
  }
  return inside / actual.length;
}

/**
 * Mean interval (Winkler) score of a central (1 − a) interval, a = 1 − level/100: width plus 2/a times the
 * distance by which the actual falls outside. Rewards narrow intervals that still cover.
 *
 *   S = (1 / h) · Σ_t [ (u_t − l_t) + (2/a)(l_t − y_t)·1{y_t < l_t} + (2/a)(y_t − u_t)·1{y_t > u_t} ]
 *
 * Source: Gneiting & Raftery (2007), "Strictly proper scoring rules, prediction, and estimation",
 * JASA 102(477):359–378, eq. (43); the MSIS of the M4 competition is this score scaled by the MASE scale.
 *
 * @example intervalScore([5], [0], [4], 80) // 4 + 10·1 = 14
 */
export function intervalScore(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  level: number,
): number {
  if (!(level > 0 && level < 100)) throw invalidInput("level", `must be in (0, 100), got ${level}`);
  checkPaired(actual, lower, "lower");
  checkPaired(actual, upper, "upper");
  checkFinite(upper, "upper");
  const penalty = 2 / (1 - level / 100);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    const l = lower[t]!;
    const u = upper[t]!;
    sum += u - l;
    if (y < l) sum += penalty * (l - y);
    else if (y > u) sum += penalty * (y - u);
  }
  return sum / actual.length;
}

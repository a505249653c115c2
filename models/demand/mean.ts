import { normalQuantileForLevel } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Historical mean: every forecast is the mean of the whole history, ŷ_{n+h} = ȳ.
 * Intervals treat the series as i.i.d. normal around an unknown mean: ȳ ± t_{n−1} · s √(1 + 1/n), with s
 * the sample standard deviation (divisor n − 1) and Student-t quantiles with n − 1 degrees of freedom,
 * as R forecast's `meanf`.
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.2 and Table 5.2;
 * the t prediction interval for a new observation, e.g. Montgomery & Runger, Applied Statistics and
 * Probability for Engineers, §8.4.
 *
 * A series of one value has no spread to estimate: the intervals then have zero width.
 */
export function historicalMean(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const n = y.length;
  // Mean of (y − y_0) keeps huge, nearly constant series exact.
  const origin = y[0]!;
  let sum = 0;
  for (let t = 0; t < n; t++) sum += y[t]! - origin;
  const level = origin + sum / n;
  let sumSq = 0;
  for (let t = 0; t < n; t++) sumSq += (y[t]! - level) ** 2;
  const s = n > 1 ? Math.sqrt(sumSq / (n - 1)) : 0;
  const mean = new Float64Array(options.horizon).fill(level);
  const sd = s * Math.sqrt(1 + 1 / n);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const coverage of options.levels) {
    const half = n > 1 ? studentTQuantileForLevel(coverage, n - 1) * sd : 0;
    lower.push(new Float64Array(options.horizon).fill(level - half));
    upper.push(new Float64Array(options.horizon).fill(level + half));
  }
  return { mean, lower, upper, model: "Mean", params: { level, sigma: s } };
}

/**
 * P(|T| ≤ t) for Student's t with an integer number of degrees of freedom ν, by the finite series of
 * Abramowitz & Stegun (1964), 26.7.3–26.7.4, with θ = atan(t / √ν).
 */
function studentTCentralProbability(t: number, nu: number): number {
  const theta = Math.atan(t / Math.sqrt(nu));
  const c2 = Math.cos(theta) ** 2;
  const sin = Math.sin(theta);
  if (nu % 2 === 0) {
    // sin θ [1 + (1/2) cos²θ + (1·3)/(2·4) cos⁴θ + … + (1·3···(ν−3))/(2·4···(ν−2)) cos^{ν−2}θ]
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= nu - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    return sin * sum;
  }
  if (nu === 1) return (2 / Math.PI) * theta;
  // (2/π)(θ + sin θ cos θ [1 + (2/3) cos²θ + … + (2·4···(ν−3))/(1·3···(ν−2)) cos^{ν−3}θ])
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= nu - 3; k += 2) {
    term *= (k / (k + 1)) * c2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * Math.cos(theta) * sum);
}

/**
 * Student-t quantile t_ν such that P(|T| ≤ t_ν) = level/100. Bisection on the exact central probability
 * for ν ≤ 1000; above that the Cornish–Fisher expansion around the normal quantile z,
 *   t ≈ z + (z³ + z)/(4ν) + (5z⁵ + 16z³ + 3z)/(96ν²),
 * is exact to ~1e-10 (Abramowitz & Stegun 26.7.5).
 */
export function studentTQuantileForLevel(level: number, nu: number): number {
  const z = normalQuantileForLevel(level);
  if (nu > 1000) {
    return z + (z ** 3 + z) / (4 * nu) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * nu * nu);
  }
  const target = level / 100;
  let lo = z;
  let hi = z;
  while (studentTCentralProbability(hi, nu) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (studentTCentralProbability(mid, nu) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

export const meanModel: DemandModel = { name: "mean", forecast: historicalMean };

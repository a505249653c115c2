import { nashNelderMead } from "../optim/nash-nelder-mead.ts";
import { normalIntervals } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/** One-sided 95% normal quantile, Φ⁻¹(0.95): the 90% two-sided seasonality test of thetaf. */
const Z95 = 1.6448536269514722;

/**
 * True when the series varies by less than R's `all.equal` tolerance (mean relative difference 1.5e-8),
 * as R's `is.constant` decides.
 */
export function isConstantSeries(y: Float64Array): boolean {
  const first = y[0]!;
  let diff = 0;
  let scale = 0;
  for (let t = 0; t < y.length; t++) {
    diff += Math.abs(y[t]! - first);
    scale += Math.abs(first);
  }
  return scale > 0 ? diff / scale < 1.5e-8 : diff < 1.5e-8 * y.length;
}

/**
 * Seasonality test of the Theta method (Assimakopoulos & Nikolopoulos 2000; as R forecast's `thetaf`):
 * seasonal when the lag-m autocorrelation r_m is significant at 90%,
 *   |r_m| / sqrt((1 + 2 Σ_{k=1}^{m−1} r_k²) / n) > Φ⁻¹(0.95).
 * Only tried when m > 1, n > 2m and the series is not constant.
 */
export function seasonalityTest(y: Float64Array, m: number): boolean {
  if (m <= 1 || y.length <= 2 * m || isConstantSeries(y)) return false;
  return seasonalAutocorrelationStatistic(y, m) > Z95;
}

/**
 * |r_m| / sqrt((1 + 2 Σ_{k=1}^{m−1} r_k²) / n): the lag-m autocorrelation over its standard error under
 * Bartlett's formula, the statistic of the Theta methods' seasonality tests.
 */
export function seasonalAutocorrelationStatistic(y: Float64Array, m: number): number {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  let c0 = 0;
  for (let t = 0; t < n; t++) c0 += (y[t]! - mean) ** 2;
  let sumSq = 0;
  let rm = 0;
  for (let k = 1; k <= m; k++) {
    let ck = 0;
    for (let t = 0; t + k < n; t++) ck += (y[t]! - mean) * (y[t + k]! - mean);
    const r = ck / c0;
    if (k < m) sumSq += r * r;
    else rm = r;
  }
  return Math.abs(rm) / Math.sqrt((1 + 2 * sumSq) / n);
}

/**
 * Classical multiplicative decomposition (R's `decompose(type = "multiplicative")`): the trend is the
 * centred moving average of order m (2×m when m is even), the seasonal index of position i (counted from
 * the first observation) is the mean of y/trend over the points at positions ≡ i mod m, normalised to
 * mean 1. Returns the m indices; index[(t) mod m] applies to y_t (t from 0). An index is NaN or ±Infinity
 * when moving averages are zero (intermittent data); callers must check.
 *
 * Source: Hyndman & Athanasopoulos, FPP (3rd ed.), §3.4; Kendall & Stuart (1983).
 */
export function multiplicativeSeasonalIndices(y: Float64Array, m: number): Float64Array {
  const n = y.length;
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (even) {
      trend = 0.5 * (y[t - half]! + y[t + half]!);
      for (let k = -half + 1; k < half; k++) trend += y[t + k]!;
    } else {
      for (let k = -half; k <= half; k++) trend += y[t + k]!;
    }
    trend /= m;
    const ratio = y[t]! / trend;
    // 0/0 (a zero trend window over zero demand) is skipped, as R's mean(…, na.rm = TRUE) skips NaN.
    if (Number.isNaN(ratio)) continue;
    sums[t % m] = sums[t % m]! + ratio;
    counts[t % m] = counts[t % m]! + 1;
  }
  const index = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) {
    index[i] = sums[i]! / counts[i]!;
    total += index[i]!;
  }
  for (let i = 0; i < m; i++) index[i] = index[i]! / (total / m);
  return index;
}

export interface SesFit {
  alpha: number;
  /** Initial level ℓ_0. */
  initialLevel: number;
  /** Final level ℓ_n: the flat SES forecast. */
  level: number;
  /** Sum of squared one-step errors. */
  sse: number;
}

/** One pass of SES from ℓ_0; returns the sum of squared one-step errors and leaves ℓ_n in out[0]. */
function sesPass(y: Float64Array, alpha: number, level0: number, out?: Float64Array): number {
  let level = level0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t]! - level;
    sse += e * e;
    level += alpha * e;
  }
  if (out) out[0] = level;
  return sse;
}

/**
 * Simple exponential smoothing ℓ_t = ℓ_{t−1} + α (y_t − ℓ_{t−1}) fitted as R forecast's
 * `ets(y, "ANN", opt.crit = "mse")`: α ∈ [1e-4, 0.9999] and ℓ_0 minimise the in-sample one-step MSE by
 * Nash's Nelder–Mead from α = 0.2, ℓ_0 = mean of the first min(10, n) values (tolerance √ε, 2000
 * evaluations), so the parameters land where R's do. Series of 6 values or fewer (where ets gives up and
 * calls HoltWinters) use ℓ_0 = y_1 and optimise α alone.
 *
 * Source: Hyndman, Koehler, Ord & Snyder (2008), Forecasting with Exponential Smoothing, §2.2 and §5.2.
 */
export function fitSesMse(y: Float64Array): SesFit {
  const n = y.length;
  const out = new Float64Array(1);
  const lowerAlpha = 1e-4;
  const upperAlpha = 0.9999;
  if (n <= 6) {
    const level0 = y[0]!;
    const objective = (x: Float64Array) =>
      x[0]! < 0 || x[0]! > 1 ? Number.POSITIVE_INFINITY : sesPass(y, x[0]!, level0);
    const { x } = nashNelderMead(objective, [0.2], 1e-10, 2000);
    const alpha = x[0]!;
    const sse = sesPass(y, alpha, level0, out);
    return { alpha, initialLevel: level0, level: out[0]!, sse };
  }
  let start = 0;
  const maxn = Math.min(10, n);
  for (let t = 0; t < maxn; t++) start += y[t]!;
  start /= maxn;
  const objective = (x: Float64Array) => {
    const alpha = x[0]!;
    if (alpha < lowerAlpha || alpha > upperAlpha) return Number.POSITIVE_INFINITY;
    return sesPass(y, alpha, x[1]!) / n;
  };
  const { x } = nashNelderMead(
    objective,
    [lowerAlpha + 0.2 * (upperAlpha - lowerAlpha), start],
    undefined,
    2000,
  );
  const alpha = x[0]!;
  const sse = sesPass(y, alpha, x[1]!, out);
  return { alpha, initialLevel: x[1]!, level: out[0]!, sse };
}

/**
 * Standard Theta method of Assimakopoulos & Nikolopoulos (2000), in the SES-with-drift form of
 * Hyndman & Billah (2003) and R forecast's `thetaf`:
 *
 * 1. If the 90% autocorrelation test at lag m says seasonal, divide by the classical multiplicative
 *    seasonal indices (unless one is below 1e-4 or not finite, as with zero-demand windows).
 * 2. Fit SES (ℓ_0 and α by MSE) to the adjusted series x and take b, the OLS slope of x on t.
 * 3. ŷ_{n+h} = ℓ_n + (b/2) · [ (h − 1) + (1 − (1 − α)^n) / α ], re-seasonalised with the indices.
 * 4. Intervals: σ_h = σ √(1 + (h − 1) α²), σ² = SSE / (n − 2) of the SES fit on the adjusted series,
 *    not re-seasonalised (as thetaf).
 *
 * Sources: Assimakopoulos & Nikolopoulos (2000), "The theta model: a decomposition approach to
 * forecasting", IJF 16(4):521–530; Hyndman & Billah (2003), "Unmasking the Theta method", IJF 19(2):287–290.
 *
 * A series of one value gives a flat forecast with zero-width intervals.
 */
export function thetaForecast(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const n = y.length;
  const horizon = options.horizon;
  const m = options.season;
  if (n === 1) {
    const mean = new Float64Array(horizon).fill(y[0]!);
    return { mean, ...normalIntervals(mean, new Float64Array(horizon), options.levels), model: "Theta" };
  }
  let indices: Float64Array | undefined;
  let x = y;
  if (seasonalityTest(y, m)) {
    const candidate = multiplicativeSeasonalIndices(y, m);
    let usable = true;
    // R's thetaf falls back when an index is near zero, and fails when one is not finite (zero trend
    // windows in intermittent data); both fall back to the non-seasonal method here.
    for (let i = 0; i < m; i++)
      if (!(Math.abs(candidate[i]!) >= 1e-4) || !Number.isFinite(candidate[i]!)) usable = false;
    if (usable) {
      indices = candidate;
      x = new Float64Array(n);
      for (let t = 0; t < n; t++) x[t] = y[t]! / candidate[t % m]!;
    }
  }
  const ses = fitSesMse(x);
  const drift = olsSlope(x) / 2;
  const alpha = Math.max(1e-10, ses.alpha);
  const sigma = n > 2 ? Math.sqrt(ses.sse / (n - 2)) : 0;
  const mean = new Float64Array(horizon);
  const sd = new Float64Array(horizon);
  const catchUp = (1 - (1 - alpha) ** n) / alpha;
  for (let h = 1; h <= horizon; h++) {
    const adjusted = ses.level + drift * (h - 1 + catchUp);
    mean[h - 1] = indices ? adjusted * indices[(n + h - 1) % m]! : adjusted;
    sd[h - 1] = sigma * Math.sqrt(1 + (h - 1) * alpha * alpha);
  }
  const { lower, upper } = normalIntervals(mean, sd, options.levels);
  return {
    mean,
    lower,
    upper,
    model: indices ? "Theta (seasonally adjusted)" : "Theta",
    params: { alpha, drift, sigma, initialLevel: ses.initialLevel },
  };
}

/** OLS slope of y on t = 0..n−1; centred sums keep huge series exact. */
export function olsSlope(y: Float64Array): number {
  const n = y.length;
  const tMean = (n - 1) / 2;
  let yMean = 0;
  for (let t = 0; t < n; t++) yMean += y[t]!;
  yMean /= n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (y[t]! - yMean);
    sxx += (t - tMean) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

export const thetaModel: DemandModel = { name: "theta", forecast: thetaForecast };

import { nashNelderMead } from "../optim/nash-nelder-mead.ts";
import { normalIntervals } from "./intervals.ts";
import {
  isConstantSeries,
  multiplicativeSeasonalIndices,
  seasonalAutocorrelationStatistic,
} from "./theta.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Seasonality test of Fiorucci et al. (2016) / forecTheta: for season length m ≥ 3, seasonal when
 *   |r_m| > 1.64 · sqrt((1 + 2 Σ_{k=1}^{m−1} r_k²) / n),
 * r_k the lag-k autocorrelation (the 90% test of Assimakopoulos & Nikolopoulos 2000 with the rounded
 * quantile 1.64). Needs two full seasons for the decomposition; a constant series is not seasonal.
 */
export function thetaModelsSeasonalityTest(y: Float64Array, m: number): boolean {
  if (m < 3 || y.length < 2 * m || isConstantSeries(y)) return false;
  return seasonalAutocorrelationStatistic(y, m) > 1.64;
}

export interface TwoThetaLinesFit {
  initialLevel: number;
  alpha: number;
  theta: number;
  /** Point forecasts on the seasonally adjusted scale, length horizon. */
  adjustedMean: Float64Array;
  /** Standard deviation of the in-sample residuals used in the intervals. */
  sigma: number;
}

/**
 * Runs the two-theta-lines state-space recursion of Fiorucci et al. (2016) over y (and, with `mean`,
 * on over the horizon feeding forecasts back as observations); returns the sum of squared scaled errors
 * from step `firstScored` (0-based). A_t, B_t are the intercept and slope of the trend line: fixed at the
 * OLS values (OTM) or updated recursively from the running mean (DOTM).
 */
function twoThetaLines(
  y: Float64Array,
  initialLevel: number,
  alpha: number,
  theta: number,
  dynamic: boolean,
  scale: number,
  firstScored: number,
  olsIntercept: number,
  olsSlope: number,
  mean?: Float64Array,
  residuals?: Float64Array,
): number {
  const n = y.length;
  const weight = 1 - 1 / theta;
  const decay = 1 - alpha;
  let level = alpha * y[0]! + decay * initialLevel;
  let runningMean = y[0]!;
  let a = dynamic ? y[0]! : olsIntercept;
  let b = dynamic ? 0 : olsSlope;
  const mu0 = dynamic ? y[0]! : initialLevel + weight * (olsIntercept + olsSlope);
  let sse = 0;
  if (residuals) residuals[0] = y[0]! - mu0;
  if (firstScored === 0) sse += ((y[0]! - mu0) / scale) ** 2;
  const limit = mean ? n + mean.length : n;
  // (1 − α)^i for i = 1, 2, …, kept as a running product.
  let power = 1;
  for (let i = 1; i < limit; i++) {
    power *= decay;
    const mu = level + weight * (a * power + (b * (1 - power * decay)) / alpha);
    let observed: number;
    if (i < n) {
      observed = y[i]!;
      const e = observed - mu;
      if (residuals) residuals[i] = e;
      if (i >= firstScored) sse += (e / scale) ** 2;
    } else {
      observed = mu;
      mean![i - n] = mu;
    }
    level = alpha * observed + decay * level;
    const previousMean = runningMean;
    runningMean = (i * runningMean + observed) / (i + 1);
    if (dynamic) {
      b = ((i - 1) * b + (6 * (observed - previousMean)) / (i + 1)) / (i + 2);
      a = runningMean - (b * (i + 2)) / 2;
    }
  }
  return sse;
}

/**
 * Fits and forecasts the Optimised (static) or Dynamic Optimised Theta Model on an already seasonally
 * adjusted series, as forecTheta's `otm`/`dotm` do: ℓ_0, α ∈ [0.1, 0.99] and θ ≥ 1 minimise the sum of
 * squared one-step errors scaled by mean|y| (DOTM from the third step on, since A, B need two points),
 * by R's Nelder–Mead (Nash variant, 500 evaluations) from (y_1/2, 0.5, 2), where y_1 is the first
 * unadjusted value. Out-of-bound parameters score 1e300. The bound on |ℓ_0| is 1e10 as in forecTheta,
 * widened to 1000·max|y| for series whose values exceed 10^7.
 */
export function fitTwoThetaLines(
  adjusted: Float64Array,
  firstRaw: number,
  horizon: number,
  dynamic: boolean,
): TwoThetaLinesFit {
  const n = adjusted.length;
  let sum = 0;
  let weightedSum = 0;
  let absSum = 0;
  let absMax = 0;
  for (let t = 0; t < n; t++) {
    sum += adjusted[t]!;
    weightedSum += (t + 1) * adjusted[t]!;
    absSum += Math.abs(adjusted[t]!);
    absMax = Math.max(absMax, Math.abs(adjusted[t]!));
  }
  const yMean = sum / n;
  const slope = (6 * ((2 * weightedSum) / n - (1 + n) * yMean)) / (n * n - 1);
  const intercept = yMean - ((n + 1) * slope) / 2;
  const scale = absSum / n;
  const levelBound = Math.max(1e10, 1000 * absMax);
  const firstScored = dynamic ? 2 : 0;
  const objective = (p: Float64Array) => {
    const l0 = p[0]!;
    const alpha = p[1]!;
    const theta = p[2]!;
    if (l0 < -levelBound || l0 > levelBound || alpha < 0.1 || alpha > 0.99 || theta < 1 || theta > 1e10) {
      return 1e300;
    }
    return twoThetaLines(adjusted, l0, alpha, theta, dynamic, scale, firstScored, intercept, slope);
  };
  const { x } = nashNelderMead(objective, [firstRaw / 2, 0.5, 2], undefined, 500);
  const adjustedMean = new Float64Array(horizon);
  const residuals = new Float64Array(n);
  twoThetaLines(adjusted, x[0]!, x[1]!, x[2]!, dynamic, 1, 0, intercept, slope, adjustedMean, residuals);
  // Sample standard deviation of the residuals from the third step on (forecTheta's sd.error).
  let m = 0;
  for (let t = 2; t < n; t++) m += residuals[t]!;
  m /= n - 2;
  let ss = 0;
  for (let t = 2; t < n; t++) ss += (residuals[t]! - m) ** 2;
  const sigma = n > 3 ? Math.sqrt(ss / (n - 3)) : 0;
  return { initialLevel: x[0]!, alpha: x[1]!, theta: x[2]!, adjustedMean, sigma };
}

/**
 * Shared driver of OTM and DOTM: seasonal test and classical multiplicative adjustment (only for
 * positive data), fit, re-seasonalisation with the last season of indices, and intervals
 * σ_h = σ √(1 + (h − 1) α²) re-seasonalised like the mean. That σ_h is exact for OTM, whose level
 * follows SES with fixed drift terms (Fiorucci et al. 2016, §3.1), and an approximation for DOTM that
 * ignores the noise fed into A_t and B_t (forecTheta simulates 200 sample paths instead).
 */
export function thetaModelForecast(y: Float64Array, options: ForecastOptions, dynamic: boolean): Forecast {
  checkSeries(y, options, 3);
  const n = y.length;
  const m = options.season;
  let allPositive = true;
  for (let t = 0; t < n; t++) if (!(y[t]! > 0)) allPositive = false;
  let indices: Float64Array | undefined;
  let adjusted = y;
  if (allPositive && thetaModelsSeasonalityTest(y, m)) {
    indices = multiplicativeSeasonalIndices(y, m);
    adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) adjusted[t] = y[t]! / indices[t % m]!;
  }
  const fit = fitTwoThetaLines(adjusted, y[0]!, options.horizon, dynamic);
  const mean = new Float64Array(options.horizon);
  const sd = new Float64Array(options.horizon);
  for (let h = 0; h < options.horizon; h++) {
    const s = indices ? indices[(n + h) % m]! : 1;
    mean[h] = fit.adjustedMean[h]! * s;
    sd[h] = fit.sigma * Math.sqrt(1 + h * fit.alpha * fit.alpha) * s;
  }
  const name = dynamic ? "DOTM" : "OTM";
  return {
    mean,
    ...normalIntervals(mean, sd, options.levels),
    model: indices ? `${name} (seasonally adjusted)` : name,
    params: { initialLevel: fit.initialLevel, alpha: fit.alpha, theta: fit.theta, sigma: fit.sigma },
  };
}

/**
 * Optimised Theta Model (OTM): the Theta method with the weight of the theta line optimised. The
 * forecast combines the linear trend line (OLS intercept A_n and slope B_n) and SES on the θ-line:
 *
 *   μ_{t+1} = ℓ_t + (1 − 1/θ) [ A_n (1 − α)^t + B_n (1 − (1 − α)^{t+1}) / α ],
 *   ℓ_{t+1} = α y_{t+1} + (1 − α) ℓ_t,
 *
 * with ℓ_0, α and θ ≥ 1 estimated by least squares (θ = 2 is the standard Theta method). Seasonal data
 * (90% test on the lag-m autocorrelation) are adjusted by classical multiplicative decomposition first.
 *
 * Source: Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016), "Models for optimising the theta
 * method and their relationship to state space models", IJF 32(4):1151–1161, §3 (the forecTheta R package
 * by the same authors fixes the details followed here).
 */
export function optimisedTheta(y: Float64Array, options: ForecastOptions): Forecast {
  return thetaModelForecast(y, options, false);
}

export const otmModel: DemandModel = { name: "otm", forecast: optimisedTheta };

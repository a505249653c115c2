import { empiricalIntervals, isNonNegative, sesErrorGrowth } from "./croston.ts";
import { fitSesMse } from "./theta.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Mean inter-demand interval (ADI): the position of the last demand over the number of demands, i.e. the
 * mean of the intervals q_i counted from the start of the series. NaN when there is no demand.
 */
export function averageDemandInterval(y: Float64Array): number {
  let demands = 0;
  let last = -1;
  for (let t = 0; t < y.length; t++) {
    if (y[t]! !== 0) {
      demands++;
      last = t;
    }
  }
  return demands > 0 ? (last + 1) / demands : Number.NaN;
}

/**
 * Forecast at temporal aggregation level k: the history is cut into non-overlapping buckets of k periods
 * that end at the last observation (the oldest n mod k values are dropped), the bucket totals are
 * forecast by SES (α and ℓ_0 by MSE, as `fitSesMse`), and the bucket forecast is split equally over its
 * k periods. `inSample[t]` is the one-step forecast of period t disaggregated the same way (NaN for the
 * dropped oldest values). k is cut to n. Also returns the bucket SES's α and the level k used.
 */
export function aggregateSesForecast(
  y: Float64Array,
  level: number,
): { perPeriod: number; inSample: Float64Array; alpha: number; level: number } {
  const n = y.length;
  const k = Math.max(1, Math.min(level, n));
  const buckets = Math.floor(n / k);
  const offset = n - buckets * k;
  const totals = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += y[offset + b * k + j]!;
    totals[b] = s;
  }
  const fit = fitSesMse(totals);
  const inSample = new Float64Array(n).fill(Number.NaN);
  let smoothed = fit.initialLevel;
  for (let b = 0; b < buckets; b++) {
    for (let j = 0; j < k; j++) inSample[offset + b * k + j] = smoothed / k;
    smoothed += fit.alpha * (totals[b]! - smoothed);
  }
  return { perPeriod: fit.level / k, inSample, alpha: fit.alpha, level: k };
}

/**
 * ADIDA (Aggregate–Disaggregate Intermittent Demand Approach): aggregate the series into buckets of
 * k = round(ADI) periods — the mean inter-demand interval, so that most buckets hold a demand and the
 * aggregate is no longer intermittent — forecast the bucket totals with SES and spread the forecast
 * equally back over the k periods,
 *
 *   ŷ_{n+h} = ℓ̂_B / k,  ℓ̂ the SES level of the bucket totals.
 *
 * An all-zero history forecasts zero. Intervals: empirical quantiles of the in-sample one-step errors of
 * the disaggregated forecasts, widened by √(1 + (⌈h/k⌉ − 1)α²), α of the bucket SES (see
 * `empiricalIntervals`).
 *
 * The registry's `adida` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Nikolopoulos, Syntetos, Boylan, Petropoulos & Assimakopoulos (2011), "An aggregate–disaggregate
 * intermittent demand approach (ADIDA) to forecasting", JORS 62(3):544–554.
 */
export function adida(y: Float64Array, options: ForecastOptions, level?: number): Forecast {
  checkSeries(y, options);
  const adi = averageDemandInterval(y);
  const k = level ?? (Number.isNaN(adi) ? 1 : Math.max(1, Math.round(adi)));
  const mean = new Float64Array(options.horizon);
  if (Number.isNaN(adi)) {
    const none = new Float64Array(options.horizon).fill(1);
    return {
      mean,
      ...empiricalIntervals(mean, new Float64Array(0), options.levels, true, none),
      model: "ADIDA",
    };
  }
  const fit = aggregateSesForecast(y, k);
  mean.fill(fit.perPeriod);
  const errors: number[] = [];
  for (let t = 0; t < y.length; t++) {
    if (!Number.isNaN(fit.inSample[t]!)) errors.push(y[t]! - fit.inSample[t]!);
  }
  return {
    mean,
    ...empiricalIntervals(
      mean,
      Float64Array.from(errors),
      options.levels,
      isNonNegative(y),
      sesErrorGrowth(options.horizon, fit.alpha, fit.level),
    ),
    model: `ADIDA(${Math.min(k, y.length)})`,
    params: { aggregation: Math.min(k, y.length) },
  };
}

export const adidaModel: DemandModel = { name: "adida", forecast: (y, options) => adida(y, options) };

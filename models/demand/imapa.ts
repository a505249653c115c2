import { adida, aggregateSesForecast, averageDemandInterval } from "./adida.ts";
import { empiricalIntervals, isNonNegative, sesErrorGrowth } from "./croston.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * IMAPA (Intermittent Multiple Aggregation Prediction Algorithm): forecast the series at every temporal
 * aggregation level k = 1 … K, K = round(ADI) (the mean inter-demand interval), each by SES on the bucket
 * totals disaggregated equally over k periods (as ADIDA), and average the K per-period forecasts,
 *
 *   ŷ_{n+h} = (1/K) Σ_{k=1}^{K} ℓ̂^{(k)} / k.
 *
 * Combining levels removes the need to pick one aggregation level. SES throughout (the paper picks
 * SES/Croston/SBA per level by a classification; SES on the aggregates is the common simplification, as in
 * Nixtla statsforecast). An all-zero history forecasts zero; K = 1 reduces to SES on the raw series.
 * Intervals: empirical quantiles of the in-sample one-step errors of the combined forecast (periods that
 * every level covers), widened by the mean over levels of each level's SES growth √(1 + (⌈h/k⌉ − 1)α_k²)
 * (see `empiricalIntervals`).
 *
 * The registry's `imapa` wraps this model in split-conformal intervals (conformal.ts); the intervals
 * here remain its fallback for series too short to calibrate.
 *
 * Source: Petropoulos & Kourentzes (2015), "Forecast combinations for intermittent demand", JORS
 * 66(6):914–924.
 */
export function imapa(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const adi = averageDemandInterval(y);
  if (Number.isNaN(adi)) return { ...adida(y, options), model: "IMAPA" };
  const n = y.length;
  const maxLevel = Math.max(1, Math.min(Math.round(adi), n));
  const combined = new Float64Array(n);
  let perPeriod = 0;
  const growth = new Float64Array(options.horizon);
  for (let k = 1; k <= maxLevel; k++) {
    const fit = aggregateSesForecast(y, k);
    perPeriod += fit.perPeriod / maxLevel;
    const g = sesErrorGrowth(options.horizon, fit.alpha, fit.level);
    for (let h = 0; h < options.horizon; h++) growth[h] = growth[h]! + g[h]! / maxLevel;
    for (let t = 0; t < n; t++) combined[t] = combined[t]! + fit.inSample[t]! / maxLevel;
  }
  const errors: number[] = [];
  for (let t = 0; t < n; t++) if (!Number.isNaN(combined[t]!)) errors.push(y[t]! - combined[t]!);
  const mean = new Float64Array(options.horizon).fill(perPeriod);
  return {
    mean,
    ...empiricalIntervals(mean, Float64Array.from(errors), options.levels, isNonNegative(y), growth),
    model: `IMAPA(1..${maxLevel})`,
    params: { levels: maxLevel },
  };
}

export const imapaModel: DemandModel = { name: "imapa", forecast: imapa };

import { normalIntervals } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Historical mean: every forecast is the mean of the whole history, ŷ_{n+h} = ȳ.
 * Intervals treat the series as i.i.d. around an unknown mean: σ_h = s √(1 + 1/n), with s the sample
 * standard deviation (divisor n − 1), and normal quantiles (R's `meanf` uses Student-t quantiles with
 * n − 1 degrees of freedom, which are wider for very short series).
 *
 * Source: Hyndman & Athanasopoulos, Forecasting: Principles and Practice (3rd ed.), §5.2 and Table 5.2.
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
  const sd = new Float64Array(options.horizon).fill(s * Math.sqrt(1 + 1 / n));
  const { lower, upper } = normalIntervals(mean, sd, options.levels);
  return { mean, lower, upper, model: "Mean", params: { level, sigma: s } };
}

export const meanModel: DemandModel = { name: "mean", forecast: historicalMean };

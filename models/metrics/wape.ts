import { checkPaired } from "./check.ts";

/**
 * Weighted absolute percentage error (also "MAD/mean ratio"), in percent:
 *
 *   WAPE = 100 · Σ_t |y_t − ŷ_t| / Σ_t |y_t|
 *
 * Defined for intermittent demand as long as some actual is non-zero; NaN when every actual is zero
 * (0 if the forecasts are zero too would hide a degenerate case, so NaN is returned there as well).
 * To pool many series, pass them concatenated: the pooled WAPE weights each series by its volume.
 *
 * Source: Kolassa & Schütz (2007), "Advantages of the MAD/Mean ratio over the MAPE", Foresight 6:40–43.
 *
 * @example wape([10, 0, 30], [12, 1, 27]) // 15
 */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkPaired(actual, forecast);
  let absError = 0;
  let absActual = 0;
  for (let t = 0; t < actual.length; t++) {
    absError += Math.abs(actual[t]! - forecast[t]!);
    absActual += Math.abs(actual[t]!);
  }
  return absActual > 0 ? (100 * absError) / absActual : Number.NaN;
}

import { checkPaired } from "./check.ts";

/**
 * Symmetric mean absolute percentage error, in percent, as scored in the M3 and M4 competitions:
 *
 *   sMAPE = (100 / h) · Σ_t 2 |y_t − ŷ_t| / (|y_t| + |ŷ_t|)
 *
 * Ranges from 0 to 200. A step where both the actual and the forecast are zero is a perfect forecast and
 * contributes 0 (the formula is 0/0 there).
 *
 * Source: Makridakis & Hibon (2000), "The M3-Competition: results, conclusions and implications",
 * IJF 16(4):451–476, §2 (the M3 data are positive, so |y|+|ŷ| = y+ŷ there); Makridakis, Spiliotis &
 * Assimakopoulos (2020), "The M4 Competition", IJF 36(1):54–74, eq. (1).
 *
 * @example smape([100, 200], [110, 180]) // ≈ 10.03
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  checkPaired(actual, forecast);
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const y = actual[t]!;
    const f = forecast[t]!;
    const denominator = Math.abs(y) + Math.abs(f);
    if (denominator > 0) sum += (2 * Math.abs(y - f)) / denominator;
  }
  return (100 * sum) / actual.length;
}

import { invalidInput } from "../../core/errors.ts";
import { checkPaired } from "./check.ts";

/**
 * Pinball (quantile) loss of a forecast of the τ-quantile, averaged over the steps:
 *
 *   L_τ = (1 / h) · Σ_t max( τ (y_t − q_t), (τ − 1)(y_t − q_t) )
 *
 * Minimised in expectation by the true τ-quantile, so it scores each bound of a prediction interval
 * (τ = 0.1 and 0.9 for an 80% interval). Lower is better; 2·L_0.5 is the MAE.
 *
 * Source: Koenker & Bassett (1978), "Regression quantiles", Econometrica 46(1):33–50; used as the scaled
 * pinball loss of the M5 uncertainty competition (Makridakis et al. 2022, IJF 38(4):1365–1385).
 *
 * @example pinball([10, 10], [8, 13], 0.9) // (0.9·2 + 0.1·3) / 2 = 1.05
 */
export function pinball(actual: ArrayLike<number>, quantile: ArrayLike<number>, tau: number): number {
  if (!(tau > 0 && tau < 1)) throw invalidInput("tau", `must be in (0, 1), got ${tau}`);
  checkPaired(actual, quantile, "quantile");
  let sum = 0;
  for (let t = 0; t < actual.length; t++) {
    const d = actual[t]! - quantile[t]!;
    sum += d >= 0 ? tau * d : (tau - 1) * d;
  }
  return sum / actual.length;
}

import { invalidInput } from "../../core/errors.ts";
import { checkFinite, checkPaired } from "./check.ts";

/**
 * Root mean squared scaled error as defined for the M5 accuracy competition:
 *
 *   RMSSE = sqrt( [(1 / h) Σ_{t=n+1}^{n+h} (y_t − ŷ_t)²] / [(1 / (n − 1)) Σ_{t=2}^{n} (y_t − y_{t−1})²] )
 *
 * The denominator is the in-sample one-step naive MSE, computed (as M5 does) only from the first non-zero
 * demand on: leading zeros before a product's launch are dropped from `insample` unless
 * `trimLeadingZeros` is false. Infinite when the (trimmed) history is constant.
 *
 * Source: Makridakis, Spiliotis & Assimakopoulos (2022), "M5 accuracy competition: Results, findings, and
 * conclusions", IJF 38(4):1346–1364, eq. (1); M5 Competitors' Guide (2020), §4.
 *
 * @example rmsse([3, 5], [4, 4], [0, 0, 1, 3, 1]) // sqrt(1 / 4) = 0.5
 */
export function rmsse(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  insample: ArrayLike<number>,
  trimLeadingZeros = true,
): number {
  checkPaired(actual, forecast);
  checkFinite(insample, "insample");
  let start = 0;
  if (trimLeadingZeros) while (start < insample.length && insample[start] === 0) start++;
  if (insample.length - start < 2) {
    throw invalidInput(
      "insample",
      `has ${insample.length - start} values from the first non-zero demand on; RMSSE's scale needs at least 2`,
    );
  }
  let scale = 0;
  for (let t = start + 1; t < insample.length; t++) {
    const d = insample[t]! - insample[t - 1]!;
    scale += d * d;
  }
  scale /= insample.length - start - 1;
  let mse = 0;
  for (let t = 0; t < actual.length; t++) {
    const e = actual[t]! - forecast[t]!;
    mse += e * e;
  }
  mse /= actual.length;
  return Math.sqrt(mse / scale);
}

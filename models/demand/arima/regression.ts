import { invalidInput } from "../../../core/errors.ts";
import { choleskySolve } from "./likelihood.ts";

/**
 * Ordinary least squares of y on an intercept and the regressors, returning the residuals: the series on
 * which `auto.arima` chooses the differencing for a regression with ARIMA errors (Hyndman & Athanasopoulos,
 * FPP3 §10.2; R's `residuals(lm(y ~ xreg))`). The ARIMA fit itself estimates β jointly with the error model
 * by generalised least squares inside the likelihood (see likelihood.ts).
 *
 * Throws when the design (intercept plus regressors) is rank deficient, naming the regressor.
 */
export function olsResiduals(
  y: Float64Array,
  xreg: readonly Float64Array[],
  names: readonly string[] = [],
): Float64Array {
  const n = y.length;
  const k = xreg.length + 1;
  const col = (j: number, t: number): number => (j === 0 ? 1 : xreg[j - 1]![t]!);
  const A = new Float64Array(k * k + k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s += col(i, t) * col(j, t);
      A[i * k + j] = s;
      A[j * k + i] = s;
    }
    let s = 0;
    for (let t = 0; t < n; t++) s += col(i, t) * y[t]!;
    A[k * k + i] = s;
  }
  checkRank(xreg, names);
  if (!choleskySolve(A, k)) {
    throw invalidInput("exogenous", "the regressors are collinear with each other or with the intercept");
  }
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let v = y[t]!;
    for (let j = 0; j < k; j++) v -= A[k * k + j]! * col(j, t);
    out[t] = v;
  }
  return out;
}

/**
 * Rejects regressors that are (numerically) a linear combination of the intercept and the ones before them,
 * by Gram–Schmidt: R's `auto.arima` stops with "xreg is rank deficient" in that case.
 */
export function checkRank(xreg: readonly Float64Array[], names: readonly string[] = []): void {
  const n = xreg[0]?.length ?? 0;
  const basis: Float64Array[] = [new Float64Array(n).fill(1 / Math.sqrt(Math.max(n, 1)))];
  xreg.forEach((x, i) => {
    const v = Float64Array.from(x);
    let norm0 = 0;
    for (let t = 0; t < n; t++) norm0 += v[t]! * v[t]!;
    for (const b of basis) {
      let dot = 0;
      for (let t = 0; t < n; t++) dot += v[t]! * b[t]!;
      for (let t = 0; t < n; t++) v[t] = v[t]! - dot * b[t]!;
    }
    let norm = 0;
    for (let t = 0; t < n; t++) norm += v[t]! * v[t]!;
    if (!(norm > 1e-20 * Math.max(norm0, 1e-300))) {
      throw invalidInput(
        `exogenous.${names[i] ?? `xreg${i + 1}`}`,
        "is constant or a linear combination of the other regressors (rank-deficient design)",
      );
    }
    const s = Math.sqrt(norm);
    for (let t = 0; t < n; t++) v[t] = v[t]! / s;
    basis.push(v);
  });
}

import { type Arena, takeArray } from "./arena.ts";
import { choleskySolve } from "./likelihood.ts";

/**
 * Levenberg–Marquardt minimisation of a sum of squares Σ r_i(x)², with a forward-difference Jacobian.
 *
 * Step: (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr (Marquardt 1963, J. SIAM 11(2):431–441; Nocedal & Wright 2006, §10.3),
 * λ divided by 10 after a successful step and multiplied by 10 after a failed one. Both ARIMA objectives
 * (conditional sum of squares and the concentrated exact likelihood) are sums of squares, so this needs far
 * fewer function evaluations than a quasi-Newton method on the scalar objective (R uses BFGS).
 *
 * `residuals(x, out)` writes the m residuals and returns false when x is outside the model's domain (that
 * step is then rejected). Buffers are allocated once per call, not per evaluation.
 */
export interface LevenbergMarquardtOptions {
  /** Stop when an accepted step lowers the sum of squares by less than this fraction; default 1e-9. */
  relativeTolerance?: number;
  /** Cap on Jacobian evaluations; default 100. */
  maxIterations?: number;
  /** Initial damping λ; default 1e-3. A larger value makes the first steps shorter, gradient-like. */
  initialDamping?: number;
  /** Largest change of any coordinate in one step (a box trust region); default unbounded. */
  maxStep?: number;
  /** Where to take the work buffers from (see arena.ts); fresh arrays when absent. */
  arena?: Arena;
}

export interface LevenbergMarquardtResult {
  /** The sum of squares at x (Infinity when the start is outside the domain). */
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function levenbergMarquardt(
  residuals: (x: Float64Array, out: Float64Array) => boolean,
  x: Float64Array,
  m: number,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const k = x.length;
  const tol = options.relativeTolerance ?? 1e-9;
  const maxIter = options.maxIterations ?? 100;
  const r0 = takeArray(options.arena, m);
  const r1 = takeArray(options.arena, m);
  let evaluations = 1;
  if (!residuals(x, r0))
    return { value: Number.POSITIVE_INFINITY, iterations: 0, evaluations, converged: false };
  let f0 = sumSquares(r0);
  if (!Number.isFinite(f0))
    return { value: Number.POSITIVE_INFINITY, iterations: 0, evaluations, converged: false };
  if (k === 0) return { value: f0, iterations: 0, evaluations, converged: true };
  const J = takeArray(options.arena, m * k);
  const A = takeArray(options.arena, k * k);
  const g = takeArray(options.arena, k);
  const sys = takeArray(options.arena, k * k + k);
  const trial = takeArray(options.arena, k);
  let lambda = options.initialDamping ?? 1e-3;
  const maxStep = options.maxStep ?? Number.POSITIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter && !converged) {
    iterations++;
    // Forward-difference Jacobian; step backwards where the forward point leaves the domain.
    for (let j = 0; j < k; j++) {
      const xj = x[j]!;
      let h = 1e-7 * Math.max(Math.abs(xj), 0.1);
      x[j] = xj + h;
      evaluations++;
      let ok = residuals(x, r1);
      if (!ok) {
        h = -h;
        x[j] = xj + h;
        evaluations++;
        ok = residuals(x, r1);
      }
      x[j] = xj;
      const col = j * m;
      if (ok) {
        for (let i = 0; i < m; i++) J[col + i] = (r1[i]! - r0[i]!) / h;
      } else {
        J.fill(0, col, col + m);
      }
    }
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += J[a * m + i]! * r0[i]!;
      g[a] = s;
      for (let b = 0; b <= a; b++) {
        let t = 0;
        for (let i = 0; i < m; i++) t += J[a * m + i]! * J[b * m + i]!;
        A[a * k + b] = t;
        A[b * k + a] = t;
      }
    }
    let maxDiag = 0;
    for (let a = 0; a < k; a++) maxDiag = Math.max(maxDiag, A[a * k + a]!);
    if (!(maxDiag > 0)) {
      converged = true;
      break;
    }
    let accepted = false;
    while (!accepted) {
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) sys[a * k + b] = A[a * k + b]!;
        sys[a * k + a] = A[a * k + a]! * (1 + lambda) + 1e-12 * maxDiag;
        sys[k * k + a] = -g[a]!;
      }
      if (!choleskySolve(sys, k, 0)) {
        lambda *= 10;
        if (lambda > 1e12) break;
        continue;
      }
      let stepSize = 0;
      let largest = 0;
      for (let a = 0; a < k; a++) largest = Math.max(largest, Math.abs(sys[k * k + a]!));
      const shrink = largest > maxStep ? maxStep / largest : 1;
      for (let a = 0; a < k; a++) {
        const d = sys[k * k + a]! * shrink;
        trial[a] = x[a]! + d;
        stepSize = Math.max(stepSize, Math.abs(d) / (1 + Math.abs(x[a]!)));
      }
      evaluations++;
      const ok = residuals(trial, r1);
      const f1 = ok ? sumSquares(r1) : Number.POSITIVE_INFINITY;
      if (f1 < f0) {
        accepted = true;
        const drop = (f0 - f1) / f0;
        x.set(trial);
        r0.set(r1);
        f0 = f1;
        lambda = Math.max(lambda / 10, 1e-12);
        if (drop < tol || stepSize < 1e-10) converged = true;
      } else {
        lambda *= 10;
        if (stepSize < 1e-12 || lambda > 1e12) {
          converged = true;
          break;
        }
      }
    }
    if (!accepted && !converged) converged = true;
  }
  return { value: f0, iterations, evaluations, converged };
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}

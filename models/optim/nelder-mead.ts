/**
 * Nelder–Mead simplex minimisation of f: ℝⁿ → ℝ, without derivatives.
 *
 * Standard coefficients (reflection 1, expansion 2, contraction ½, shrink ½) as in
 * Nelder & Mead (1965), "A simplex method for function minimization", Computer Journal 7(4):308–313,
 * with the ordering and tie rules of Lagarias, Reeds, Wright & Wright (1998), SIAM J. Optim. 9(1):112–147.
 * Stops when the spread of f over the simplex falls below `tolerance·(|f_best| + tolerance)`
 * (relative, as R's optim does) or after `maxIterations`.
 *
 * Constraints are the caller's business: return Infinity (or a penalty) outside the feasible region.
 * The simplex is kept in one Float64Array of (n+1)·n numbers; no per-step allocation.
 */
export interface NelderMeadOptions {
  /** Initial step per coordinate (absolute); default 10% of |x0_i|, or 0.1 where x0_i is 0. */
  step?: Float64Array | number[];
  /** Relative tolerance on f over the simplex; default 1e-8. */
  tolerance?: number;
  /** Iteration cap; default 200·n. */
  maxIterations?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  iterations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const tol = options.tolerance ?? 1e-8;
  const maxIter = options.maxIterations ?? 200 * Math.max(n, 1);
  const simplex = new Float64Array((n + 1) * n);
  const values = new Float64Array(n + 1);
  const order = new Int32Array(n + 1);
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);
  const point = new Float64Array(n);

  for (let j = 0; j < n; j++) simplex[j] = x0[j]!;
  for (let i = 1; i <= n; i++) {
    for (let j = 0; j < n; j++) simplex[i * n + j] = x0[j]!;
    const s = options.step?.[i - 1] ?? (x0[i - 1] !== 0 ? 0.1 * Math.abs(x0[i - 1]!) : 0.1);
    simplex[i * n + i - 1] = simplex[i * n + i - 1]! + s;
  }
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j < n; j++) point[j] = simplex[i * n + j]!;
    values[i] = evaluate(f, point);
    order[i] = i;
  }

  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    sortOrder(order, values);
    const best = order[0]!;
    const worst = order[n]!;
    const secondWorst = order[n - 1] ?? best;
    const fBest = values[best]!;
    const fWorst = values[worst]!;
    if (Math.abs(fWorst - fBest) <= tol * (Math.abs(fBest) + tol)) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + simplex[i * n + j]! / n;
    }
    for (let j = 0; j < n; j++) trial[j] = 2 * centroid[j]! - simplex[worst * n + j]!;
    const fr = evaluate(f, trial);
    if (fr < fBest) {
      for (let j = 0; j < n; j++) trial2[j] = 3 * centroid[j]! - 2 * simplex[worst * n + j]!;
      const fe = evaluate(f, trial2);
      if (fe < fr) replace(simplex, values, worst, trial2, fe, n);
      else replace(simplex, values, worst, trial, fr, n);
      continue;
    }
    if (fr < values[secondWorst]!) {
      replace(simplex, values, worst, trial, fr, n);
      continue;
    }
    if (fr < fWorst) {
      // outside contraction
      for (let j = 0; j < n; j++) trial2[j] = centroid[j]! + 0.5 * (trial[j]! - centroid[j]!);
      const fc = evaluate(f, trial2);
      if (fc <= fr) {
        replace(simplex, values, worst, trial2, fc, n);
        continue;
      }
    } else {
      // inside contraction
      for (let j = 0; j < n; j++) trial2[j] = centroid[j]! + 0.5 * (simplex[worst * n + j]! - centroid[j]!);
      const fc = evaluate(f, trial2);
      if (fc < fWorst) {
        replace(simplex, values, worst, trial2, fc, n);
        continue;
      }
    }
    // shrink towards the best vertex
    for (let k = 1; k <= n; k++) {
      const i = order[k]!;
      for (let j = 0; j < n; j++) {
        simplex[i * n + j] = simplex[best * n + j]! + 0.5 * (simplex[i * n + j]! - simplex[best * n + j]!);
        point[j] = simplex[i * n + j]!;
      }
      values[i] = evaluate(f, point);
    }
  }
  sortOrder(order, values);
  const best = order[0]!;
  return { x: simplex.slice(best * n, best * n + n), value: values[best]!, iterations, converged };
}

function evaluate(f: (x: Float64Array) => number, x: Float64Array): number {
  const v = f(x);
  return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
}

function replace(
  simplex: Float64Array,
  values: Float64Array,
  i: number,
  x: Float64Array,
  fx: number,
  n: number,
): void {
  for (let j = 0; j < n; j++) simplex[i * n + j] = x[j]!;
  values[i] = fx;
}

/** Insertion sort of vertex indices by value (n is small). */
function sortOrder(order: Int32Array, values: Float64Array): void {
  for (let a = 1; a < order.length; a++) {
    const idx = order[a]!;
    const v = values[idx]!;
    let b = a - 1;
    while (b >= 0 && values[order[b]!]! > v) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = idx;
  }
}

/**
 * Nelder–Mead minimisation in the variant of J. C. Nash, Compact Numerical Methods for Computers
 * (2nd ed., 1990), Algorithm 19 — the variant behind R's `optim(method = "Nelder-Mead")` and the
 * optimiser that R forecast's `ets()` calls (reflection 1, contraction ½, expansion 2).
 *
 * It differs from {@link ../optim/nelder-mead.ts} on purpose: the start simplex moves every coordinate by
 * the same step, 10% of the largest |x0_i| (so parameters of very different scale share one step), the
 * stopping rule is f_high ≤ f_low + tol·(|f(x0)| + tol) with the tolerance fixed at the start, a failed
 * contraction shrinks towards the best vertex, and the budget counts function evaluations. Models that
 * must reproduce R's fitted parameters (thetaf's SES, OTM/DOTM) need these exact steps, since R stops
 * wherever this search stops, not at the true optimum.
 *
 * The default tolerance √ε is R's `reltol`.
 *
 * Non-finite function values are replaced by 1e35, which keeps the search inside a feasible region when
 * the objective returns Infinity outside it.
 */
export interface NashNelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  /** 0 converged, 1 evaluation budget exhausted, 10 simplex failed to shrink. */
  fail: number;
}

const BIG = 1.0e35;

export function nashNelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  tolerance = Math.sqrt(Number.EPSILON),
  maxEvaluations = 500,
): NashNelderMeadResult {
  const n = x0.length;
  const n1 = n + 1;
  // Vertices in columns 0..n, the centroid in column n + 1; row n holds the function values.
  const stride = n + 2;
  const p = new Float64Array((n + 1) * stride);
  const at = (i: number, j: number) => i * stride + j;
  const point = Float64Array.from(x0);
  let fx = f(point);
  if (!Number.isFinite(fx)) fx = BIG;
  let evaluations = 1;
  const convtol = tolerance * (Math.abs(fx) + tolerance);
  p[at(n, 0)] = fx;
  for (let i = 0; i < n; i++) p[at(i, 0)] = point[i]!;
  let low = 0;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(point[i]!));
  if (step === 0) step = 0.1;
  for (let j = 1; j < n1; j++) {
    for (let i = 0; i < n; i++) p[at(i, j)] = point[i]!;
    let trystep = step;
    // A step lost to rounding (huge coordinate) is retried ten times larger.
    while (p[at(j - 1, j)] === point[j - 1]) {
      p[at(j - 1, j)] = point[j - 1]! + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail = 0;
  const c = n + 1;
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j === low) continue;
        for (let i = 0; i < n; i++) point[i] = p[at(i, j)]!;
        let v = f(point);
        if (!Number.isFinite(v)) v = BIG;
        evaluations++;
        p[at(n, j)] = v;
      }
      calcvert = false;
    }
    let vl = p[at(n, low)]!;
    let vh = vl;
    let high = low;
    for (let j = 0; j < n1; j++) {
      if (j === low) continue;
      const v = p[at(n, j)]!;
      if (v < vl) {
        low = j;
        vl = v;
      }
      if (v > vh) {
        high = j;
        vh = v;
      }
    }
    if (vh <= vl + convtol) break;
    for (let i = 0; i < n; i++) {
      let sum = -p[at(i, high)]!;
      for (let j = 0; j < n1; j++) sum += p[at(i, j)]!;
      p[at(i, c)] = sum / n;
    }
    for (let i = 0; i < n; i++) point[i] = 2 * p[at(i, c)]! - p[at(i, high)]!;
    let v = f(point);
    if (!Number.isFinite(v)) v = BIG;
    evaluations++;
    const vr = v;
    if (vr < vl) {
      // Expansion: try twice as far; keep the better of the reflected and expanded points.
      p[at(n, c)] = vr;
      for (let i = 0; i < n; i++) {
        const e = 2 * point[i]! - p[at(i, c)]!;
        p[at(i, c)] = point[i]!;
        point[i] = e;
      }
      let ve = f(point);
      if (!Number.isFinite(ve)) ve = BIG;
      evaluations++;
      if (ve < vr) {
        for (let i = 0; i < n; i++) p[at(i, high)] = point[i]!;
        p[at(n, high)] = ve;
      } else {
        for (let i = 0; i < n; i++) p[at(i, high)] = p[at(i, c)]!;
        p[at(n, high)] = vr;
      }
    } else {
      if (vr < vh) {
        for (let i = 0; i < n; i++) p[at(i, high)] = point[i]!;
        p[at(n, high)] = vr;
      }
      for (let i = 0; i < n; i++) point[i] = 0.5 * p[at(i, high)]! + 0.5 * p[at(i, c)]!;
      let vc = f(point);
      if (!Number.isFinite(vc)) vc = BIG;
      evaluations++;
      if (vc < p[at(n, high)]!) {
        for (let i = 0; i < n; i++) p[at(i, high)] = point[i]!;
        p[at(n, high)] = vc;
      } else if (vr >= vh) {
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j === low) continue;
          for (let i = 0; i < n; i++) {
            p[at(i, j)] = 0.5 * (p[at(i, j)]! - p[at(i, low)]!) + p[at(i, low)]!;
            size += Math.abs(p[at(i, j)]! - p[at(i, low)]!);
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (evaluations <= maxEvaluations);
  if (evaluations > maxEvaluations) fail = 1;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = p[at(i, low)]!;
  return { x, value: p[at(n, low)]!, evaluations, fail };
}

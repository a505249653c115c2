/**
 * Nelder–Mead minimisation in the variant of J. C. Nash, Compact Numerical Methods for Computers
 * (2nd ed., 1990), Algorithm 19 — the variant behind R's `optim(method = "Nelder-Mead")` and the
 * optimiser that R forecast's `ets()` calls through its C entry point (reflection 1, contraction ½,
 * expansion 2).
 *
 * It differs from a textbook Nelder–Mead on purpose: the start simplex moves one coordinate per vertex by
 * the same step, 10% of the largest |x0_i| (0.1 if all are 0); the stopping rule is
 * f_high ≤ f_low + tol·(|f(x0)| + tol) with the tolerance fixed at the start; a failed contraction shrinks
 * towards the best vertex, and the search stops when the simplex no longer shrinks; the budget counts
 * function evaluations. Models that must reproduce R's fitted parameters (ets, thetaf's SES, OTM/DOTM)
 * need these exact steps, since R stops wherever this search stops, not at the true optimum.
 *
 * Non-finite function values count as 1e35, so an objective signals "outside the region" by returning
 * Infinity. The default tolerance √ε is R's `reltol`.
 */
export interface NashNelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  /** 0 converged, 1 evaluation budget exhausted, 10 simplex failed to shrink, 20 f(x0) not finite. */
  fail: number;
}

const BIG = 1.0e35;

export function nashNelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  relativeTolerance = Math.sqrt(Number.EPSILON),
  maxEvaluations = 500,
): NashNelderMeadResult {
  const n = x0.length;
  const n1 = n + 1;
  // simplex[j*n + i]: coordinate i of vertex j; vertex n1 is the centroid.
  const simplex = new Float64Array((n + 2) * n);
  const values = new Float64Array(n + 2);
  const trial = new Float64Array(n);
  for (let i = 0; i < n; i++) trial[i] = x0[i]!;
  let fx = f(trial);
  if (!Number.isFinite(fx)) return { x: Float64Array.from(x0), value: fx, evaluations: 1, fail: 20 };
  let evaluations = 1;
  const convtol = relativeTolerance * (Math.abs(fx) + relativeTolerance);
  values[0] = fx;
  for (let i = 0; i < n; i++) simplex[i] = x0[i]!;
  let low = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(x0[i]!) > step) step = 0.1 * Math.abs(x0[i]!);
  if (step === 0) step = 0.1;
  let size = 0;
  for (let j = 1; j < n1; j++) {
    for (let i = 0; i < n; i++) simplex[j * n + i] = x0[i]!;
    let tryStep = step;
    while (simplex[j * n + j - 1] === x0[j - 1]) {
      simplex[j * n + j - 1] = x0[j - 1]! + tryStep;
      tryStep *= 10;
    }
    size += tryStep;
  }
  let oldSize = size;
  let recompute = true;
  let fail = 0;
  const c = n1; // centroid row
  do {
    if (recompute) {
      for (let j = 0; j < n1; j++) {
        if (j !== low) {
          for (let i = 0; i < n; i++) trial[i] = simplex[j * n + i]!;
          fx = f(trial);
          if (!Number.isFinite(fx)) fx = BIG;
          evaluations++;
          values[j] = fx;
        }
      }
      recompute = false;
    }
    let vLow = values[low]!;
    let vHigh = vLow;
    let high = low;
    for (let j = 0; j < n1; j++) {
      if (j !== low) {
        const v = values[j]!;
        if (v < vLow) {
          low = j;
          vLow = v;
        }
        if (v > vHigh) {
          high = j;
          vHigh = v;
        }
      }
    }
    if (vHigh <= vLow + convtol) break;

    // centroid of all vertices but the highest; per coordinate the additions run in R's order
    // (−x_high, then vertices 0…n), summed in registers rather than through memory, four coordinates
    // at a time so that their (independent) chains of additions overlap
    const h = high * n;
    const cRow = c * n;
    const end = n1 * n;
    let i0 = 0;
    for (; i0 + 3 < n; i0 += 4) {
      let sum0 = -simplex[h + i0]!;
      let sum1 = -simplex[h + i0 + 1]!;
      let sum2 = -simplex[h + i0 + 2]!;
      let sum3 = -simplex[h + i0 + 3]!;
      for (let j = i0; j < end; j += n) {
        sum0 += simplex[j]!;
        sum1 += simplex[j + 1]!;
        sum2 += simplex[j + 2]!;
        sum3 += simplex[j + 3]!;
      }
      simplex[cRow + i0] = sum0 / n;
      simplex[cRow + i0 + 1] = sum1 / n;
      simplex[cRow + i0 + 2] = sum2 / n;
      simplex[cRow + i0 + 3] = sum3 / n;
    }
    for (; i0 < n; i0++) {
      let sum = -simplex[h + i0]!;
      for (let j = i0; j < end; j += n) sum += simplex[j]!;
      simplex[cRow + i0] = sum / n;
    }
    for (let i = 0; i < n; i++) trial[i] = 2 * simplex[cRow + i]! - simplex[h + i]!;
    fx = f(trial);
    if (!Number.isFinite(fx)) fx = BIG;
    evaluations++;
    const vReflect = fx;
    if (vReflect < vLow) {
      // expansion; the centroid row temporarily keeps the reflected point
      values[c] = fx;
      for (let i = 0; i < n; i++) {
        const expanded = 2 * trial[i]! - simplex[c * n + i]!;
        simplex[c * n + i] = trial[i]!;
        trial[i] = expanded;
      }
      fx = f(trial);
      if (!Number.isFinite(fx)) fx = BIG;
      evaluations++;
      if (fx < vReflect) {
        for (let i = 0; i < n; i++) simplex[high * n + i] = trial[i]!;
        values[high] = fx;
      } else {
        for (let i = 0; i < n; i++) simplex[high * n + i] = simplex[c * n + i]!;
        values[high] = vReflect;
      }
    } else {
      if (vReflect < vHigh) {
        for (let i = 0; i < n; i++) simplex[high * n + i] = trial[i]!;
        values[high] = vReflect;
      }
      for (let i = 0; i < n; i++) trial[i] = 0.5 * simplex[high * n + i]! + 0.5 * simplex[c * n + i]!;
      fx = f(trial);
      if (!Number.isFinite(fx)) fx = BIG;
      evaluations++;
      if (fx < values[high]!) {
        for (let i = 0; i < n; i++) simplex[high * n + i] = trial[i]!;
        values[high] = fx;
      } else if (vReflect >= vHigh) {
        recompute = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j !== low) {
            for (let i = 0; i < n; i++) {
              const v = 0.5 * (simplex[j * n + i]! - simplex[low * n + i]!) + simplex[low * n + i]!;
              simplex[j * n + i] = v;
              size += Math.abs(v - simplex[low * n + i]!);
            }
          }
        }
        if (size < oldSize) {
          oldSize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (evaluations <= maxEvaluations);
  if (evaluations > maxEvaluations) fail = 1;
  return { x: simplex.slice(low * n, low * n + n), value: values[low]!, evaluations, fail };
}

import { invalidInput } from "../../core/errors.ts";

/**
 * STL: Seasonal-Trend decomposition by Loess, y_t = S_t + T_t + R_t.
 *
 * Inner loop (repeated `inner` times), as in Cleveland et al. (1990), §2:
 *  1. detrend: y − T;
 *  2. smooth each cycle-subseries (all Januaries, …) by loess of span n_s and degree d_s, extended one
 *     period before and after;
 *  3. low-pass filter the result: moving averages of length m, m and 3, then loess of span n_l;
 *  4. S = (2) − (3), which removes the low frequencies that belong to the trend;
 *  5. T = loess of span n_t of the deseasonalised y − S.
 * The outer loop (robust STL) reweights by Tukey's biweight of |R| / (6·median|R|).
 * Loess is evaluated every `jump` points and linearly interpolated in between; tricube weights are taken
 * over the `span` nearest points, with the bandwidth widened by (span − n)/2 when span exceeds n.
 *
 * Defaults are R's `stl()`: t.window = nextodd(⌈1.5 m / (1 − 1.5 / s.window)⌉), l.window = nextodd(m),
 * s.degree 0, t.degree = l.degree = 1, jumps ⌈window / 10⌉, inner 2 (1 if robust), outer 0 (15 if
 * robust); with s.window = "periodic" the seasonal component is replaced by its cycle means.
 * These choices reproduce R's numbers (checked in the tests against R 4.2.2).
 *
 * Known difference: the robustness weights use the exact median of |R|. R's Fortran takes the two middle
 * order statistics from a partial sort (psort) called with the two positions in decreasing order, which
 * on some even-length series returns other values (M3 N1402, periodic + robust: 1098.76 where the
 * median gives 1304.03 at the 7th outer iteration), so robust fits can drift from R's after several
 * outer iterations. Non-robust STL (the one MSTL uses) matches R to about 1e-12.
 *
 * Source: Cleveland, Cleveland, McRae & Terpenning (1990), "STL: A seasonal-trend decomposition procedure
 * based on loess", Journal of Official Statistics 6(1):3–73.
 */
export interface StlOptions {
  /** Seasonal smoothing span (odd, ≥ 3), or "periodic". Required, as in R. */
  sWindow: number | "periodic";
  sDegree?: 0 | 1;
  tWindow?: number;
  tDegree?: 0 | 1;
  lWindow?: number;
  lDegree?: 0 | 1;
  sJump?: number;
  tJump?: number;
  lJump?: number;
  robust?: boolean;
  inner?: number;
  outer?: number;
}

export interface StlDecomposition {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
  /** Robustness weights (all 1 without outer iterations). */
  weights: Float64Array;
}

/** R's nextodd: round, then add 1 if even. */
function nextOdd(x: number): number {
  // R rounds half to even; spans here are integers or ceilings, so Math.round is equivalent.
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
}

/**
 * Loess fit at abscissa xs (1-based positions) from the points nleft..nright of y (1-based, y[j − 1]).
 * Writes weights into w (same indexing). Returns NaN when every weight is zero.
 */
function loessAt(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  useWeights: boolean,
  rw: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (span > n) h += Math.trunc((span - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    if (r <= h9) {
      let wj = 1;
      if (r > h1) {
        // Products, not Math.pow: the reference code's integer powers, to the last bit.
        const q = r / h;
        const u = 1 - q * q * q;
        wj = u * u * u;
      }
      if (useWeights) wj *= rw[j - 1]!;
      w[j - 1] = wj;
      a += wj;
    } else {
      w[j - 1] = 0;
    }
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! / a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j - 1]! * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) {
      const d = j - mean;
      c += w[j - 1]! * d * d;
    }
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! * (b * (j - mean) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1]! * y[j - 1]!;
  return ys;
}

/** Loess smooth of y[0..n) into ys[offset..offset+n), evaluated every `jump` points and interpolated. */
function loessSmooth(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  jump: number,
  useWeights: boolean,
  rw: Float64Array,
  ys: Float64Array,
  offset: number,
  w: Float64Array,
): void {
  if (n < 2) {
    ys[offset] = y[0]!;
    return;
  }
  const step = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  const evaluateAt = (i: number) => {
    const v = loessAt(y, n, span, degree, i, nleft, nright, w, useWeights, rw);
    ys[offset + i - 1] = Number.isNaN(v) ? y[i - 1]! : v;
  };
  if (span >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += step) evaluateAt(i);
  } else if (step === 1) {
    const half = Math.trunc((span + 1) / 2);
    nleft = 1;
    nright = span;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) {
        nleft++;
        nright++;
      }
      evaluateAt(i);
    }
  } else {
    const half = Math.trunc((span + 1) / 2);
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        nleft = 1;
        nright = span;
      } else if (i >= n - half + 1) {
        nleft = n - span + 1;
        nright = n;
      } else {
        nleft = i - half + 1;
        nright = span + i - half;
      }
      evaluateAt(i);
    }
  }
  if (step !== 1) {
    for (let i = 1; i <= n - step; i += step) {
      const delta = (ys[offset + i + step - 1]! - ys[offset + i - 1]!) / step;
      for (let j = i + 1; j <= i + step - 1; j++) ys[offset + j - 1] = ys[offset + i - 1]! + delta * (j - i);
    }
    const k = Math.trunc((n - 1) / step) * step + 1;
    if (k !== n) {
      // The last point reuses the neighbourhood of the last evaluated one, as the reference code does.
      evaluateAt(n);
      if (k !== n - 1) {
        const delta = (ys[offset + n - 1]! - ys[offset + k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[offset + j - 1] = ys[offset + k - 1]! + delta * (j - k);
      }
    }
  }
}

/** Moving average of length len over x[0..n), written to out[0..n − len]. */
function movingAverageInto(x: Float64Array, n: number, len: number, out: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i]!;
  out[0] = v / len;
  for (let j = 1; j < n - len + 1; j++) {
    v += x[len + j - 1]! - x[j - 1]!;
    out[j] = v / len;
  }
}

/**
 * Decomposes y with season length `period` (≥ 2; y must hold more than two periods).
 * See the file comment for the method and its source.
 */
export function stlDecompose(y: Float64Array, period: number, options: StlOptions): StlDecomposition {
  const n = y.length;
  if (!Number.isInteger(period) || period < 2) {
    throw invalidInput("period", `STL needs an integer season length ≥ 2, got ${period}`);
  }
  if (n <= 2 * period) {
    throw invalidInput("y", `STL needs more than two seasons (${2 * period} values), got ${n}`);
  }
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(y[t]!))
      throw invalidInput("y", `value at position ${t} is ${y[t]}, not a finite number`);
  }
  const periodic = options.sWindow === "periodic";
  const sWindow = periodic ? 10 * n + 1 : (options.sWindow as number);
  const sDegree = periodic ? 0 : (options.sDegree ?? 0);
  const tDegree = options.tDegree ?? 1;
  const lDegree = options.lDegree ?? tDegree;
  const tWindow = options.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = options.lWindow ?? nextOdd(period);
  const sJump = options.sJump ?? Math.ceil(sWindow / 10);
  const tJump = options.tJump ?? Math.ceil(tWindow / 10);
  const lJump = options.lJump ?? Math.ceil(lWindow / 10);
  const robust = options.robust ?? false;
  const inner = options.inner ?? (robust ? 1 : 2);
  const outer = options.outer ?? (robust ? 15 : 0);
  // Spans at least 3 and odd.
  const odd = (s: number) => {
    const v = Math.max(3, s);
    return v % 2 === 0 ? v + 1 : v;
  };
  const ns = odd(sWindow);
  const nt = odd(tWindow);
  const nl = odd(lWindow);
  const np = period;

  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const rw = new Float64Array(n);
  const big = n + 2 * np;
  const detrended = new Float64Array(big);
  const cycle = new Float64Array(big);
  const lowPass = new Float64Array(big);
  const scratch = new Float64Array(big);
  const weightsScratch = new Float64Array(big);
  const subseries = new Float64Array(Math.ceil(n / np) + 2);
  const subSmooth = new Float64Array(Math.ceil(n / np) + 2);
  const subWeights = new Float64Array(Math.ceil(n / np) + 2);
  const subLoessW = new Float64Array(Math.ceil(n / np) + 2);
  let useWeights = false;

  const innerStep = () => {
    for (let it = 0; it < inner; it++) {
      for (let i = 0; i < n; i++) detrended[i] = y[i]! - trend[i]!;
      // Cycle-subseries smoothing, extended one period at each end.
      for (let j = 1; j <= np; j++) {
        const k = Math.trunc((n - j) / np) + 1;
        for (let i = 1; i <= k; i++) subseries[i - 1] = detrended[(i - 1) * np + j - 1]!;
        if (useWeights) for (let i = 1; i <= k; i++) subWeights[i - 1] = rw[(i - 1) * np + j - 1]!;
        loessSmooth(subseries, k, ns, sDegree, sJump, useWeights, subWeights, subSmooth, 1, subLoessW);
        const first = loessAt(
          subseries,
          k,
          ns,
          sDegree,
          0,
          1,
          Math.min(ns, k),
          subLoessW,
          useWeights,
          subWeights,
        );
        subSmooth[0] = Number.isNaN(first) ? subSmooth[1]! : first;
        const last = loessAt(
          subseries,
          k,
          ns,
          sDegree,
          k + 1,
          Math.max(1, k - ns + 1),
          k,
          subLoessW,
          useWeights,
          subWeights,
        );
        subSmooth[k + 1] = Number.isNaN(last) ? subSmooth[k]! : last;
        for (let m = 1; m <= k + 2; m++) cycle[(m - 1) * np + j - 1] = subSmooth[m - 1]!;
      }
      // Low-pass filter of the cycle-subseries: MA(np), MA(np), MA(3), then loess.
      movingAverageInto(cycle, big, np, lowPass);
      movingAverageInto(lowPass, big - np + 1, np, detrended);
      movingAverageInto(detrended, big - 2 * np + 2, 3, lowPass);
      loessSmooth(lowPass, n, nl, lDegree, lJump, false, rw, scratch, 0, weightsScratch);
      for (let i = 0; i < n; i++) seasonal[i] = cycle[np + i]! - scratch[i]!;
      for (let i = 0; i < n; i++) detrended[i] = y[i]! - seasonal[i]!;
      loessSmooth(detrended, n, nt, tDegree, tJump, useWeights, rw, trend, 0, weightsScratch);
    }
  };

  for (let k = 0; ; k++) {
    innerStep();
    if (k + 1 > outer) break;
    robustnessWeights(y, seasonal, trend, rw);
    useWeights = true;
  }
  if (outer <= 0) rw.fill(1);
  if (periodic) {
    const sums = new Float64Array(np);
    const counts = new Float64Array(np);
    for (let t = 0; t < n; t++) {
      sums[t % np] = sums[t % np]! + seasonal[t]!;
      counts[t % np] = counts[t % np]! + 1;
    }
    for (let t = 0; t < n; t++) seasonal[t] = sums[t % np]! / counts[t % np]!;
  }
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = y[t]! - seasonal[t]! - trend[t]!;
  return { seasonal, trend, remainder, weights: rw };
}

/** Tukey biweight of |residual| / (6 · median |residual|). */
function robustnessWeights(
  y: Float64Array,
  seasonal: Float64Array,
  trend: Float64Array,
  rw: Float64Array,
): void {
  const n = y.length;
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(y[i]! - seasonal[i]! - trend[i]!);
  const sorted = Float64Array.from(abs).sort();
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  const cmad = 3 * (sorted[mid1 - 1]! + sorted[mid2 - 1]!);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const r = abs[i]!;
    const q = r / cmad;
    const u = 1 - q * q;
    rw[i] = r <= c1 ? 1 : r <= c9 ? u * u : 0;
  }
}

/**
 * STL: seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990, "STL: a
 * seasonal-trend decomposition procedure based on loess", J. Official Statistics 6(1):3–73), the inner loop
 * without robustness iterations, with the defaults of R's `stl()` as `forecast::mstl` calls it for one season:
 *   s.window = 11, s.degree = 0, t.window = nextodd(⌈1.5 m / (1 − 1.5/s.window)⌉), t.degree = 1,
 *   l.window = nextodd(m), l.degree = 1, jumps ⌈window/10⌉, two inner passes.
 *
 * Each inner pass: detrend; smooth each cycle-subseries by loess (extended one period at both ends);
 * low-pass the result with moving averages of lengths m, m, 3 and a loess; seasonal = smoothed cycle-subseries
 * − low-pass; trend = loess of the deseasonalised series. Loess fits are computed every `jump` points and
 * linearly interpolated in between, as in the paper's §3.
 */
export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

export interface StlOptions {
  seasonalWindow?: number;
  seasonalDegree?: 0 | 1;
  trendWindow?: number;
  trendDegree?: 0 | 1;
  lowPassWindow?: number;
  lowPassDegree?: 0 | 1;
  inner?: number;
}

const nextOdd = (x: number): number => {
  const v = Math.round(x);
  return v % 2 === 0 ? v + 1 : v;
};

export function stl(y: Float64Array, period: number, options: StlOptions = {}): StlResult {
  const n = y.length;
  const np = Math.max(2, period);
  const sWindow = options.seasonalWindow ?? 11;
  const sDegree = options.seasonalDegree ?? 0;
  const tDegree = options.trendDegree ?? 1;
  const lDegree = options.lowPassDegree ?? tDegree;
  const tWindow = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = options.lowPassWindow ?? nextOdd(period);
  const inner = options.inner ?? 2;
  const odd = (w: number): number => {
    const v = Math.max(3, w);
    return v % 2 === 0 ? v + 1 : v;
  };
  const ns = odd(sWindow);
  const nt = odd(tWindow);
  const nl = odd(lWindow);
  const sJump = Math.ceil(ns / 10);
  const tJump = Math.ceil(nt / 10);
  const lJump = Math.ceil(nl / 10);

  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const detrended = new Float64Array(n);
  const cycle = new Float64Array(n + 2 * np);
  const lowPass = new Float64Array(n + 2 * np);
  const lowPass2 = new Float64Array(n + 2 * np);
  const lowSmooth = new Float64Array(n);
  const deseason = new Float64Array(n);
  const sub = new Float64Array(Math.ceil(n / np) + 2);
  const subSmooth = new Float64Array(Math.ceil(n / np) + 2);
  const weights = new Float64Array(Math.max(n + 2 * np, 8));

  for (let pass = 0; pass < inner; pass++) {
    for (let i = 0; i < n; i++) detrended[i] = y[i]! - trend[i]!;
    // Cycle-subseries smoothing, extended by one value at each end.
    for (let j = 0; j < np; j++) {
      const k = Math.floor((n - j - 1) / np) + 1;
      for (let i = 0; i < k; i++) sub[i] = detrended[i * np + j]!;
      loessSmooth(sub, k, ns, sDegree, sJump, subSmooth, 1, weights);
      const nright = Math.min(ns, k);
      const left = loessAt(sub, k, ns, sDegree, 0, 1, nright, weights);
      subSmooth[0] = Number.isNaN(left) ? subSmooth[1]! : left;
      const nleft = Math.max(1, k - ns + 1);
      const right = loessAt(sub, k, ns, sDegree, k + 1, nleft, k, weights);
      subSmooth[k + 1] = Number.isNaN(right) ? subSmooth[k]! : right;
      for (let i = 0; i < k + 2; i++) cycle[i * np + j] = subSmooth[i]!;
    }
    // Low-pass: moving averages m, m, 3, then loess.
    movingAverage(cycle, n + 2 * np, np, lowPass);
    movingAverage(lowPass, n + np + 1, np, lowPass2);
    movingAverage(lowPass2, n + 2, 3, lowPass);
    loessSmooth(lowPass, n, nl, lDegree, lJump, lowSmooth, 0, weights);
    for (let i = 0; i < n; i++) {
      seasonal[i] = cycle[np + i]! - lowSmooth[i]!;
      deseason[i] = y[i]! - seasonal[i]!;
    }
    loessSmooth(deseason, n, nt, tDegree, tJump, trend, 0, weights);
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return { seasonal, trend, remainder };
}

function movingAverage(x: Float64Array, n: number, len: number, out: Float64Array): void {
  const newN = n - len + 1;
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i]!;
  out[0] = v / len;
  for (let j = 1; j < newN; j++) {
    v = v - x[j - 1]! + x[len + j - 1]!;
    out[j] = v / len;
  }
}

/**
 * Loess fit at abscissa xs (1-based positions, as in the paper) from points nleft..nright with tricube
 * weights of half-width h = max(xs − nleft, nright − xs) (+ (len − n)/2 when the window exceeds the data),
 * local constant or local linear. Returns NaN when every weight is zero.
 */
function loessAt(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    let wj = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      if (r <= h1) wj = 1;
      else {
        const u = r / h;
        const c = 1 - u * u * u;
        wj = c * c * c;
      }
      a += wj;
    }
    w[j] = wj;
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[j] = w[j]! / a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j]! * j;
    let b = xs - mean;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j]! * (j - mean) * (j - mean);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j] = w[j]! * (b * (j - mean) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j]! * y[j - 1]!;
  return ys;
}

/** Loess smoothing of y[0..n) into out[offset..offset+n), fitted every `jump` points and interpolated. */
function loessSmooth(
  y: Float64Array,
  n: number,
  len: number,
  degree: number,
  jump: number,
  out: Float64Array,
  offset: number,
  w: Float64Array,
): void {
  if (n < 2) {
    out[offset] = y[0]!;
    return;
  }
  const newnj = Math.min(jump, n - 1);
  let nleft = 1;
  let nright = n;
  const fitAt = (i: number): void => {
    const v = loessAt(y, n, len, degree, i, nleft, nright, w);
    out[offset + i - 1] = Number.isNaN(v) ? y[i - 1]! : v;
  };
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += newnj) fitAt(i);
  } else if (newnj === 1) {
    const nsh = Math.floor((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fitAt(i);
    }
  } else {
    const nsh = Math.floor((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fitAt(i);
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (out[offset + i + newnj - 1]! - out[offset + i - 1]!) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++)
        out[offset + j - 1] = out[offset + i - 1]! + delta * (j - i);
    }
    const k = Math.floor((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      fitAt(n);
      if (k !== n - 1) {
        const delta = (out[offset + n - 1]! - out[offset + k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) out[offset + j - 1] = out[offset + k - 1]! + delta * (j - k);
      }
    }
  }
}

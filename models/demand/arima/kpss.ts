/**
 * KPSS test of level stationarity and the number of first differences it asks for.
 *
 * Statistic (Kwiatkowski, Phillips, Schmidt & Shin 1992, J. Econometrics 54:159–178, eq. 11 and 14):
 *   e_t = y_t − ȳ,  S_t = Σ_{i≤t} e_i,  η = n⁻² Σ S_t² / s²(l),
 *   s²(l) = n⁻¹ Σ e_t² + 2 n⁻¹ Σ_{s=1..l} (1 − s/(l+1)) Σ_{t>s} e_t e_{t−s}   (Bartlett window).
 * Lag l = ⌊3√n / 13⌋ and the 5% decision follow R's `forecast::ndiffs` (Hyndman & Khandakar 2008, §3.2),
 * whose p-value interpolates linearly in the critical values of KPSS Table 1 (10%: 0.347, 5%: 0.463,
 * 2.5%: 0.574, 1%: 0.739) and clamps outside them.
 */
export function kpssStatistic(y: Float64Array, lags?: number): number {
  const n = y.length;
  const l = lags ?? Math.trunc((3 * Math.sqrt(n)) / 13);
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t]!;
  mean /= n;
  const e = new Float64Array(n);
  let s = 0;
  let sumS2 = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) {
    const v = y[t]! - mean;
    e[t] = v;
    s += v;
    sumS2 += s * s;
    s2 += v * v;
  }
  let longRun = s2 / n;
  for (let lag = 1; lag <= l; lag++) {
    let c = 0;
    for (let t = lag; t < n; t++) c += e[t]! * e[t - lag]!;
    longRun += (2 / n) * (1 - lag / (l + 1)) * c;
  }
  return sumS2 / (n * n) / longRun;
}

const criticalValues = [0.347, 0.463, 0.574, 0.739];
const criticalLevels = [0.1, 0.05, 0.025, 0.01];

/** p-value of the level KPSS statistic by linear interpolation in Table 1, clamped to [0.01, 0.1]. */
export function kpssPValue(statistic: number): number {
  if (!(statistic > criticalValues[0]!)) return criticalLevels[0]!;
  for (let i = 1; i < criticalValues.length; i++) {
    if (statistic <= criticalValues[i]!) {
      const x0 = criticalValues[i - 1]!;
      const x1 = criticalValues[i]!;
      const f = (statistic - x0) / (x1 - x0);
      return criticalLevels[i - 1]! + f * (criticalLevels[i]! - criticalLevels[i - 1]!);
    }
  }
  return criticalLevels[criticalLevels.length - 1]!;
}

/**
 * True when x is constant in the sense of R's `all.equal(x, rep(x[1], n))`: the mean absolute difference of
 * the differing values, relative to their mean absolute value, is at most √ε ≈ 1.5e−8.
 */
export function isConstant(x: Float64Array): boolean {
  const n = x.length;
  if (n === 0) return true;
  const first = x[0]!;
  let sumAbs = 0;
  let sumDiff = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (x[t] === first) continue;
    sumAbs += Math.abs(x[t]!);
    sumDiff += Math.abs(x[t]! - first);
    count++;
  }
  if (count === 0) return true;
  const tol = Math.sqrt(Number.EPSILON);
  const scale = sumAbs / count;
  const diff = sumDiff / count;
  return Number.isFinite(scale) && scale > tol ? diff / scale <= tol : diff <= tol;
}

/** First differences of x (length n − 1). */
export function firstDifference(x: Float64Array): Float64Array {
  const out = new Float64Array(Math.max(x.length - 1, 0));
  for (let t = 1; t < x.length; t++) out[t - 1] = x[t]! - x[t - 1]!;
  return out;
}

/**
 * Number of first differences d ≤ maxD that makes x level-stationary by repeated KPSS tests at level
 * `alpha` (R's `forecast::ndiffs(x, test = "kpss")`).
 */
export function ndiffs(x: Float64Array, alpha = 0.05, maxD = 2): number {
  let d = 0;
  if (isConstant(x)) return d;
  const needsDiff = (v: Float64Array): boolean => v.length > 1 && kpssPValue(kpssStatistic(v)) < alpha;
  let dodiff = needsDiff(x);
  let current = x;
  while (dodiff && d < maxD) {
    d++;
    current = firstDifference(current);
    if (isConstant(current)) return d;
    dodiff = needsDiff(current);
  }
  return d;
}

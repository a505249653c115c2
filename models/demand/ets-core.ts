/**
 * The innovations state-space recursions of exponential smoothing (ETS), their concentrated
 * likelihood, the parameter region and the initial-state heuristic.
 *
 * Model (Hyndman, Koehler, Snyder & Grose 2002, IJF 18(3):439–454; Hyndman, Koehler, Ord & Snyder 2008,
 * "Forecasting with Exponential Smoothing: the state space approach", Springer, ch. 2 and 5), written in
 * error-correction form so that one update serves additive and multiplicative errors:
 *
 *   q_t   = ℓ_{t−1} ∘ φb_{t−1}          (∘ is + for additive trend, × for multiplicative; φb is φ·b or b^φ)
 *   ŷ_t   = q_t ⊕ s_{t−m}               (⊕ is + for additive season, × for multiplicative)
 *   e_t   = y_t − ŷ_t (A errors),  (y_t − ŷ_t)/ŷ_t (M errors)
 *   ℓ_t   = q_t + α (y_t ⊖ s_{t−m} − q_t)
 *   b_t   = φb_{t−1} + (β/α) (ℓ_t ⊘ ℓ_{t−1} − φb_{t−1})       (⊘ is − or ÷ as the trend)
 *   s_t   = s_{t−m} + γ (y_t ⊖ q_t − s_{t−m})
 *
 * β here is the "β*" of Hyndman et al. (2008, §2.5): β = α·β_HW, which is why the update divides by α.
 *
 * Concentrated (−2 log) likelihood, Hyndman et al. (2008) §5.2 (constants dropped, as R forecast does):
 *   additive errors:        L = n·log(Σ e_t²)
 *   multiplicative errors:  L = n·log(Σ e_t²) + 2·Σ log|ŷ_t|
 *
 * Parameter region: the "usual" region (0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98 with R's default
 * bounds 1e-4 … 0.9999) intersected with the admissible (forecastability) region of Hyndman, Akram &
 * Archibald (2008), "The admissible parameter space for exponential smoothing models", AISM 60(2):407–426.
 * For seasonal models the admissibility test needs all roots of the characteristic polynomial in the
 * unit disc; we decide that with the Schur–Cohn recursion (no root finding, no allocation).
 *
 * The state vector follows R forecast's layout so that fitted states can be compared with R:
 * (ℓ, b, s_1 … s_m) with s_1 the newest seasonal and s_m the one used for the next period.
 */

/** Component codes (as R forecast's C code numbers them). */
export const NONE = 0;
export const ADDITIVE = 1;
export const MULTIPLICATIVE = 2;
export type ComponentCode = 0 | 1 | 2;

const TOL = 1e-10;
const HUGE_RATIO = 1e10;

/** R forecast's default parameter bounds: alpha, beta, gamma, phi. */
export const LOWER_BOUNDS: readonly number[] = [1e-4, 1e-4, 1e-4, 0.8];
export const UPPER_BOUNDS: readonly number[] = [0.9999, 0.9999, 0.9999, 0.98];

/**
 * Runs the recursion over y from the initial state `x0` (layout ℓ, [b], [s_1 … s_m]).
 * Returns the concentrated −2·log-likelihood L, or NaN when a forecast is undefined (negative growth
 * under a multiplicative trend). `ring` is scratch of length ≥ m. When `residuals` is given it receives
 * e_t; when `states` is given it receives the (n+1)×p state matrix row by row (row 0 = x0).
 * Allocation-free: this is the function the optimiser calls thousands of times.
 */
export function etsLikelihood(
  y: Float64Array,
  m: number,
  errorType: number,
  trendType: number,
  seasonType: number,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  x0: Float64Array,
  ring: Float64Array,
  residuals: Float64Array | null,
  states: Float64Array | null,
): number {
  const n = y.length;
  const sOff = trendType === NONE ? 1 : 2;
  const period = seasonType === NONE ? 1 : m;
  const p = sOff + (seasonType === NONE ? 0 : m);
  let level = x0[0]!;
  let growth = trendType === NONE ? 0 : x0[1]!;
  if (seasonType !== NONE) {
    // ring[k] holds the seasonal used at times t ≡ k (mod m); s_m (oldest) is used first.
    for (let j = 0; j < m; j++) ring[j] = x0[sOff + m - 1 - j]!;
  }
  if (states !== null) for (let j = 0; j < p; j++) states[j] = x0[j]!;
  const betaRatio = trendType === NONE ? 0 : beta / alpha;
  const phiIsOne = Math.abs(phi - 1) < TOL;
  let sse = 0;
  let sumLog = 0;
  let product = 1;
  let k = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t]!;
    let dampedGrowth = 0;
    let q: number;
    if (trendType === NONE) {
      q = level;
    } else if (trendType === ADDITIVE) {
      dampedGrowth = phi * growth;
      q = level + dampedGrowth;
    } else {
      if (growth < 0) return Number.NaN;
      dampedGrowth = phiIsOne ? growth : growth ** phi;
      q = level * dampedGrowth;
    }
    let seasonal = 0;
    let fitted = q;
    if (seasonType === ADDITIVE) {
      seasonal = ring[k]!;
      fitted = q + seasonal;
    } else if (seasonType === MULTIPLICATIVE) {
      seasonal = ring[k]!;
      fitted = q * seasonal;
    }
    let e: number;
    if (errorType === ADDITIVE) {
      e = yt - fitted;
    } else {
      e = (yt - fitted) / fitted;
      // Σ log|ŷ| as the log of a running product, renormalised before it can overflow: one log call
      // per ~40 steps instead of one per step (the log dominated the cost of an evaluation).
      product *= Math.abs(fitted);
      if (product > 1e150 || product < 1e-150) {
        sumLog += Math.log(product);
        product = 1;
      }
    }
    sse += e * e;
    if (residuals !== null) residuals[t] = e;

    let deseasonalised: number;
    if (seasonType === NONE) deseasonalised = yt;
    else if (seasonType === ADDITIVE) deseasonalised = yt - seasonal;
    else deseasonalised = Math.abs(seasonal) < TOL ? HUGE_RATIO : yt / seasonal;
    const newLevel = q + alpha * (deseasonalised - q);
    if (trendType === ADDITIVE) {
      growth = dampedGrowth + betaRatio * (newLevel - level - dampedGrowth);
    } else if (trendType === MULTIPLICATIVE) {
      const ratio = Math.abs(level) < TOL ? HUGE_RATIO : newLevel / level;
      growth = dampedGrowth + betaRatio * (ratio - dampedGrowth);
    }
    if (seasonType === ADDITIVE) {
      ring[k] = seasonal + gamma * (yt - q - seasonal);
    } else if (seasonType === MULTIPLICATIVE) {
      const ratio = Math.abs(q) < TOL ? HUGE_RATIO : yt / q;
      ring[k] = seasonal + gamma * (ratio - seasonal);
    }
    level = newLevel;
    if (states !== null) {
      const row = (t + 1) * p;
      states[row] = level;
      if (trendType !== NONE) states[row + 1] = growth;
      if (seasonType !== NONE) {
        for (let j = 0; j < m; j++) states[row + sOff + j] = ring[(k - j + m) % m]!;
      }
    }
    k++;
    if (k === period) k = 0;
  }
  let lik = n * Math.log(sse);
  if (errorType === MULTIPLICATIVE) lik += 2 * (sumLog + Math.log(product));
  return lik;
}

/**
 * Point forecasts for steps 1..h from the state `x` (layout as above), written into `out`:
 *   ŷ_{n+h} = (ℓ + φ_h b) ⊕ s   (additive trend, φ_h = φ + … + φ^h), ℓ·b^{φ_h} ⊕ s (multiplicative).
 * Returns false when a multiplicative trend has a negative growth (forecast undefined).
 */
export function etsPointForecast(
  x: Float64Array,
  m: number,
  trendType: number,
  seasonType: number,
  phi: number,
  out: Float64Array,
): boolean {
  const sOff = trendType === NONE ? 1 : 2;
  const level = x[0]!;
  const growth = trendType === NONE ? 0 : x[1]!;
  if (trendType === MULTIPLICATIVE && growth < 0) return false;
  let phiSum = phi;
  let phiPower = phi;
  for (let i = 0; i < out.length; i++) {
    let f: number;
    if (trendType === NONE) f = level;
    else if (trendType === ADDITIVE) f = level + phiSum * growth;
    else f = level * growth ** phiSum;
    if (seasonType !== NONE) {
      let j = m - 1 - i;
      while (j < 0) j += m;
      const s = x[sOff + j]!;
      f = seasonType === ADDITIVE ? f + s : f * s;
    }
    out[i] = f;
    phiPower *= phi;
    phiSum += Math.abs(phi - 1) < TOL ? 1 : phiPower;
  }
  return true;
}

/**
 * The "usual" region with R's default bounds: lower ≤ α ≤ upper, lower ≤ β ≤ min(α, upper),
 * lower ≤ γ ≤ min(1 − α, upper), 0.8 ≤ φ ≤ 0.98 (only the components the model has).
 */
export function inUsualRegion(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  hasTrend: boolean,
  hasSeason: boolean,
  damped: boolean,
): boolean {
  if (alpha < LOWER_BOUNDS[0]! || alpha > UPPER_BOUNDS[0]!) return false;
  if (hasTrend && (beta < LOWER_BOUNDS[1]! || beta > alpha || beta > UPPER_BOUNDS[1]!)) return false;
  if (damped && (phi < LOWER_BOUNDS[3]! || phi > UPPER_BOUNDS[3]!)) return false;
  if (hasSeason && (gamma < LOWER_BOUNDS[2]! || gamma > 1 - alpha || gamma > UPPER_BOUNDS[2]!)) return false;
  return true;
}

/**
 * Admissible region of Hyndman, Akram & Archibald (2008): the linear (additive) form of the model is
 * forecastable. Non-seasonal: 1 − 1/φ < α < 1 + 1/φ, α(φ − 1) < β < (1 + φ)(2 − α).
 * Seasonal: the easy bounds of their Table 2, then every root of
 *   z^{m+1} + (α+β−φ) z^m + (α+β−αφ) (z^{m−1} + … + z²) + (α+β−αφ+γ−1) z + φ(1−α−γ)
 * must have modulus ≤ 1 + 1e-10 (R forecast's tolerance). `scratch` needs length ≥ 2m + 4.
 */
export function isAdmissible(
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  m: number,
  hasTrend: boolean,
  hasSeason: boolean,
  scratch: Float64Array,
): boolean {
  const params = Float64Array.of(alpha, beta, gamma, phi);
  return admissibleParameters(params, m, hasTrend, hasSeason, scratch);
}

/**
 * {@link isAdmissible} with (α, β, γ, φ) read from `params[0..3]`: the optimiser's form, which passes no
 * floating-point arguments (V8 would box each one on every call).
 */
export function admissibleParameters(
  params: Float64Array,
  m: number,
  hasTrend: boolean,
  hasSeason: boolean,
  scratch: Float64Array,
): boolean {
  const alpha = params[0]!;
  const beta = params[1]!;
  const gamma = params[2]!;
  const phi = params[3]!;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (!hasSeason) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (hasTrend && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = hasTrend ? beta : 0;
  const d = 1 - 1 / phi - alpha;
  if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  // Coefficients in increasing powers, evaluated on the circle of radius ρ = 1 + 1e-10, so that
  // "all roots of P(ρz) strictly inside the unit disc" ⇔ "all roots of P have modulus < ρ".
  const degree = m + 1;
  const rho = 1 + 1e-10;
  const c = scratch;
  const mid = alpha + b - alpha * phi;
  c[0] = phi * (1 - alpha - gamma);
  c[1] = mid + gamma - 1;
  for (let j = 2; j < m; j++) c[j] = mid;
  c[m] = alpha + b - phi;
  c[degree] = 1;
  let deg = degree;
  if (!hasTrend) {
    // Without a trend (β = 0, φ = 1) z = 1 is always a root (P(1) = m·β = 0). Testing it through the
    // Schur–Cohn recursion is ill-conditioned (errors grow like 1/(1 − |k|²)), so divide it out exactly
    // (synthetic division by z − 1) and test the other roots; R's root finder passes it as ≈ 1.
    let carry = c[deg]!;
    for (let j = deg - 1; j >= 0; j--) {
      const next = c[j]! + carry;
      c[j + 1] = carry;
      carry = next;
    }
    for (let j = 0; j < deg; j++) c[j] = c[j + 1]!;
    deg -= 1;
  }
  let scale = 1;
  for (let j = 1; j <= deg; j++) {
    scale *= rho;
    c[j] = c[j]! * scale;
  }
  return schurStable(c, deg);
}

/**
 * Schur–Cohn test: true when every root of c[0] + c[1] z + … + c[d] z^d lies strictly inside the unit
 * disc. Each step checks |c_0| < |c_d| and replaces the polynomial by (c_d·P(z) − c_0·P*(z))/z, of
 * degree d − 1 with the same number of roots inside (Henrici, Applied and Computational Complex
 * Analysis, vol. 1, §6.8). Overwrites c; uses c[degree+1 … 2·degree+1] as scratch.
 */
export function schurStable(c: Float64Array, degree: number): boolean {
  // ping-pong between c[0..] and c[degree+1..] instead of copying back each step
  let src = 0;
  let dst = degree + 1;
  for (let d = degree; d >= 1; d--) {
    const c0 = c[src]!;
    const cd = c[src + d]!;
    if (!(Math.abs(c0) < Math.abs(cd))) return false;
    // c'_j = c_d·c_{j+1} − c_0·c_{d−1−j}: c_d² times the monic-normalised reduced polynomial, same roots,
    // and no division waiting on the previous step (m = 4: 60 → 48 ns per admissibility test; the
    // same decision as the dividing form on 2·10⁷ random parameter points and on all of M3)
    // two outputs per pass, from both ends: c'_j and c'_{d−1−j} (half the loop overhead)
    const end = dst + d;
    let j = dst;
    let jEnd = end - 1;
    let up = src + 1;
    let down = src + d - 1;
    while (j < jEnd) {
      c[j] = cd * c[up]! - c0 * c[down]!;
      c[jEnd] = cd * c[down + 1]! - c0 * c[up - 1]!;
      j++;
      jEnd--;
      up++;
      down--;
    }
    if (j === jEnd) c[j] = cd * c[up]! - c0 * c[down]!;
    // the factors compound from step to step; rescale by an exact power of two before they underflow
    // or overflow (a power of two changes no rounding)
    const lead = Math.abs(c[end - 1]!);
    if (lead < 1e-100 || lead > 1e100) {
      const factor = lead < 1e-100 ? 2 ** 332 : 2 ** -332;
      for (let j = dst; j < end; j++) c[j] = c[j]! * factor;
    }
    const tmp = src;
    src = dst;
    dst = tmp;
  }
  return true;
}

/**
 * R's `stats::decompose` seasonal figure: a centred moving average of order m (2×m for even m) as the
 * trend, the detrended series (y − trend or y / trend) averaged by position in the cycle counted from the
 * first observation, normalised to sum 0 (additive) or mean 1 (multiplicative).
 * Source: Kendall & Stuart (1983), The Advanced Theory of Statistics vol. 3, classical decomposition;
 * Hyndman & Athanasopoulos, FPP3 §3.4.
 */
export function classicalSeasonalFigure(y: Float64Array, m: number, multiplicative: boolean): Float64Array {
  const n = y.length;
  const half = Math.floor(m / 2);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (m % 2 === 0) {
      trend = 0.5 * y[t - half]! + 0.5 * y[t + half]!;
      for (let j = -half + 1; j < half; j++) trend += y[t + j]!;
    } else {
      for (let j = -half; j <= half; j++) trend += y[t + j]!;
    }
    trend /= m;
    const detrended = multiplicative ? y[t]! / trend : y[t]! - trend;
    sums[t % m] = sums[t % m]! + detrended;
    counts[t % m] = counts[t % m]! + 1;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let i = 0; i < m; i++) {
    figure[i] = sums[i]! / counts[i]!;
    mean += figure[i]! / m;
  }
  for (let i = 0; i < m; i++) figure[i] = multiplicative ? figure[i]! / mean : figure[i]! - mean;
  return figure;
}

/**
 * Initial states by R forecast's heuristic (Hyndman et al. 2002, §2.6; Hyndman et al. 2008, §2.6.1):
 * seasonal indices from a classical decomposition (or, for fewer than three seasons, from a regression
 * on a linear trend and one Fourier pair); level and growth from a straight line fitted to the first
 * max(10, 2m) seasonally adjusted values (the mean when there is no trend).
 * Returns (ℓ, [b], s_1 … s_{m−1}): the last seasonal is implied by normalisation and not estimated.
 */
export function initialStates(
  y: Float64Array,
  m: number,
  trendType: number,
  seasonType: number,
): Float64Array {
  const n = y.length;
  let adjusted = y;
  let seasonal: Float64Array | null = null;
  let period = 1;
  if (seasonType !== NONE) {
    period = m;
    const multiplicative = seasonType === MULTIPLICATIVE;
    const bySeries = new Float64Array(n);
    if (n < 3 * m) {
      const coef = trendFourierRegression(y, m);
      for (let t = 0; t < n; t++) {
        const line = coef[0]! + coef[1]! * (t + 1);
        bySeries[t] = multiplicative ? y[t]! / line : y[t]! - line;
      }
    } else {
      const figure = classicalSeasonalFigure(y, m, multiplicative);
      for (let t = 0; t < n; t++) bySeries[t] = figure[t % m]!;
    }
    seasonal = new Float64Array(m - 1);
    for (let j = 0; j < m - 1; j++) seasonal[j] = bySeries[m - 1 - j]!;
    adjusted = new Float64Array(n);
    if (multiplicative) {
      let sum = 0;
      for (let j = 0; j < m - 1; j++) {
        seasonal[j] = Math.max(seasonal[j]!, 1e-2);
        sum += seasonal[j]!;
      }
      if (sum > m) {
        const denominator = sum + (m - 1) * 1e-2;
        for (let j = 0; j < m - 1; j++) seasonal[j] = seasonal[j]! / denominator;
      }
      for (let t = 0; t < n; t++) adjusted[t] = y[t]! / Math.max(bySeries[t]!, 1e-2);
    } else {
      for (let t = 0; t < n; t++) adjusted[t] = y[t]! - bySeries[t]!;
    }
  }
  const maxn = Math.min(Math.max(10, 2 * period), n);
  const out = new Float64Array(1 + (trendType === NONE ? 0 : 1) + (seasonal === null ? 0 : period - 1));
  if (trendType === NONE) {
    let sum = 0;
    for (let t = 0; t < maxn; t++) sum += adjusted[t]!;
    out[0] = sum / maxn;
  } else {
    // least-squares line through (1, a_1) … (maxn, a_maxn)
    let sx = 0;
    let sy = 0;
    for (let t = 0; t < maxn; t++) {
      sx += t + 1;
      sy += adjusted[t]!;
    }
    const mx = sx / maxn;
    const my = sy / maxn;
    let sxx = 0;
    let sxy = 0;
    for (let t = 0; t < maxn; t++) {
      const dx = t + 1 - mx;
      sxx += dx * dx;
      sxy += dx * (adjusted[t]! - my);
    }
    const slope = sxx > 0 ? sxy / sxx : 0;
    const intercept = my - slope * mx;
    if (trendType === ADDITIVE) {
      let l0 = intercept;
      let b0 = slope;
      if (Math.abs(l0 + b0) < 1e-8) {
        // keep ℓ0 + b0 ≠ 0 so that multiplicative errors have a non-zero first forecast
        l0 *= 1 + 1e-3;
        b0 *= 1 - 1e-3;
      }
      out[0] = l0;
      out[1] = b0;
    } else {
      let first = intercept + slope;
      if (Math.abs(first) < 1e-8) first = 1e-7;
      let b0 = (intercept + 2 * slope) / first;
      let l0 = first / b0;
      if (Math.abs(b0) > 1e10) b0 = Math.sign(b0) * 1e10;
      if (l0 < 1e-8 || b0 < 1e-8) {
        l0 = Math.max(adjusted[0]!, 1e-3);
        b0 = Math.max(adjusted[1]! / adjusted[0]!, 1e-3);
      }
      out[0] = l0;
      out[1] = b0;
    }
  }
  if (seasonal !== null) out.set(seasonal, trendType === NONE ? 1 : 2);
  return out;
}

/**
 * Least squares of y on (1, t, sin 2πt/m, cos 2πt/m), t = 1..n; returns the coefficients
 * (intercept, slope, …). Used for seasonal starting values when there are fewer than three seasons.
 * For m = 2 the sine column is identically zero and is left out.
 */
function trendFourierRegression(y: Float64Array, m: number): Float64Array {
  const n = y.length;
  const k = m === 2 ? 3 : 4;
  const xtx = new Float64Array(k * k);
  const xty = new Float64Array(k);
  const row = new Float64Array(k);
  for (let t = 1; t <= n; t++) {
    row[0] = 1;
    row[1] = t;
    if (m === 2) {
      row[2] = Math.cos((2 * Math.PI * t) / m);
    } else {
      row[2] = Math.sin((2 * Math.PI * t) / m);
      row[3] = Math.cos((2 * Math.PI * t) / m);
    }
    for (let i = 0; i < k; i++) {
      xty[i] = xty[i]! + row[i]! * y[t - 1]!;
      for (let j = 0; j < k; j++) xtx[i * k + j] = xtx[i * k + j]! + row[i]! * row[j]!;
    }
  }
  return solveSymmetric(xtx, xty, k);
}

/** Gaussian elimination with partial pivoting for a small dense system (k ≤ 4); singular → zeros. */
function solveSymmetric(a: Float64Array, b: Float64Array, k: number): Float64Array {
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(a[r * k + col]!) > Math.abs(a[pivot * k + col]!)) pivot = r;
    if (Math.abs(a[pivot * k + col]!) < 1e-300) return new Float64Array(k);
    if (pivot !== col) {
      for (let j = 0; j < k; j++) {
        const tmp = a[col * k + j]!;
        a[col * k + j] = a[pivot * k + j]!;
        a[pivot * k + j] = tmp;
      }
      const tmp = b[col]!;
      b[col] = b[pivot]!;
      b[pivot] = tmp;
    }
    for (let r = col + 1; r < k; r++) {
      const factor = a[r * k + col]! / a[col * k + col]!;
      for (let j = col; j < k; j++) a[r * k + j] = a[r * k + j]! - factor * a[col * k + j]!;
      b[r] = b[r]! - factor * b[col]!;
    }
  }
  const x = new Float64Array(k);
  for (let r = k - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let j = r + 1; j < k; j++) s -= a[r * k + j]! * x[j]!;
    x[r] = s / a[r * k + r]!;
  }
  return x;
}

import { Rng } from "../../core/rng.ts";
import type { EtsFit } from "./ets.ts";
import { ADDITIVE, etsPointForecast, MULTIPLICATIVE, NONE } from "./ets-core.ts";

/**
 * Forecast distributions of ETS models, Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with
 * Exponential Smoothing", ch. 6 (and Hyndman, Koehler, Ord & Snyder 2005, J. Forecasting 24:17–37):
 *
 * - Class 1 (additive error, trend N/A/Ad, season N/A), linear homoscedastic:
 *     μ_h = H F^{h−1} x_n,  v_h = σ² (1 + Σ_{j=1}^{h−1} c_j²),  c_j = H F^{j−1} G.
 * - Class 2 (multiplicative error, same components): μ_h as class 1,
 *     θ_1 = μ_1², θ_h = μ_h² + σ² Σ_{j=1}^{h−1} c_j² θ_{h−j},  v_h = (1 + σ²) θ_h − μ_h².
 * - Class 3 (multiplicative error and season, trend N/A/Ad): the moment recursions of §6.4 on
 *   M_h = E[(ℓ, b)ᵀ s] and V_h = Var(vec M_h) with Kronecker products; the mean μ_h = H₁ M_h H₂ᵀ
 *   includes the second-order term (it differs from the point forecast for h > m).
 * - Any other model (multiplicative trend, or additive error with multiplicative season): 5000 sample
 *   paths with Gaussian innovations drawn from a seeded `Rng` (seed 20260101, so output is reproducible),
 *   intervals from the sample quantiles (Hyndman & Fan type 8), the mean from the point forecast.
 *   R does the same with its own random numbers, so the two agree within sampling error (~2–4% on the
 *   distance from the mean to a 10% or 2.5% quantile).
 *
 * Intervals are then μ_h ± z·√v_h (normal), as R forecast reports them.
 */
export interface EtsForecastDistribution {
  mean: Float64Array;
  /** Forecast variance per step, or null when the intervals come from simulation. */
  variance: Float64Array | null;
  /** Simulated interval bounds per level (only when variance is null). */
  lower: Float64Array[] | null;
  upper: Float64Array[] | null;
}

export const SIMULATION_SEED = 20260101;
export const SIMULATION_PATHS = 5000;

export function etsForecastDistribution(
  fit: EtsFit,
  horizon: number,
  levels: readonly number[],
): EtsForecastDistribution {
  const { spec } = fit;
  const n = fit.y.length;
  const last = fit.states.subarray(n * fit.stateSize, (n + 1) * fit.stateSize);
  const linearComponents = spec.trend !== "M" && spec.season !== "M";
  if (linearComponents) {
    const { mean, c } = linearMoments(fit, last, horizon);
    const variance = new Float64Array(horizon);
    const s2 = fit.sigma2;
    if (spec.error === "A") {
      let cumulative = 0;
      for (let h = 0; h < horizon; h++) {
        variance[h] = s2 * (1 + cumulative);
        cumulative += c[h]! * c[h]!;
      }
    } else {
      const theta = new Float64Array(horizon);
      for (let h = 0; h < horizon; h++) {
        let sum = 0;
        for (let j = 1; j <= h; j++) sum += c[j - 1]! * c[j - 1]! * theta[h - j]!;
        theta[h] = mean[h]! * mean[h]! + s2 * sum;
        variance[h] = (1 + s2) * theta[h]! - mean[h]! * mean[h]!;
      }
    }
    return { mean, variance, lower: null, upper: null };
  }
  if (spec.error === "M" && spec.season === "M" && spec.trend !== "M") {
    return class3Moments(fit, last, horizon);
  }
  return simulatedDistribution(fit, last, horizon, levels);
}

/** μ_h = H F^{h−1} x and c_h = H F^{h−1} G for the linear (classes 1–2) state-space form. */
function linearMoments(
  fit: EtsFit,
  x: Float64Array,
  horizon: number,
): { mean: Float64Array; c: Float64Array } {
  const p = fit.stateSize;
  const hasTrend = fit.spec.trend !== "N";
  const hasSeason = fit.spec.season !== "N";
  const m = fit.m;
  const sOff = hasTrend ? 2 : 1;
  const phi = fit.phi;
  const g = new Float64Array(p);
  g[0] = fit.alpha;
  if (hasTrend) g[1] = fit.beta;
  if (hasSeason) g[sOff] = fit.gamma;
  // w = H F^j as a row vector, advanced by the sparse structure of F
  let w = new Float64Array(p);
  let next = new Float64Array(p);
  w[0] = 1;
  if (hasTrend) w[1] = phi;
  if (hasSeason) w[p - 1] = 1;
  const mean = new Float64Array(horizon);
  const c = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let mu = 0;
    let ch = 0;
    for (let i = 0; i < p; i++) {
      mu += w[i]! * x[i]!;
      ch += w[i]! * g[i]!;
    }
    mean[h] = mu;
    c[h] = ch;
    next[0] = w[0]!;
    if (hasTrend) next[1] = phi * (w[0]! + w[1]!);
    if (hasSeason) {
      for (let k = 0; k < m - 1; k++) next[sOff + k] = w[sOff + k + 1]!;
      next[p - 1] = w[sOff]!;
    }
    const tmp = w;
    w = next;
    next = tmp;
  }
  return { mean, c };
}

/** Class 3 moments (Hyndman et al. 2008, §6.4): dense Kronecker recursions, dimension (1 or 2)·m. */
function class3Moments(fit: EtsFit, x: Float64Array, horizon: number): EtsForecastDistribution {
  const m = fit.m;
  const p1 = fit.spec.trend === "N" ? 1 : 2;
  const q = p1 * m;
  const s2 = fit.sigma2;
  const { alpha, beta, gamma, phi } = fit;
  const F1 = new Float64Array(p1 * p1);
  const G1 = new Float64Array(p1 * p1);
  if (p1 === 1) {
    F1[0] = 1;
    G1[0] = alpha;
  } else {
    F1.set([1, 1, 0, phi]);
    G1.set([alpha, alpha, beta, beta]);
  }
  const F2 = new Float64Array(m * m);
  F2[m - 1] = 1;
  for (let i = 1; i < m; i++) F2[i * m + i - 1] = 1;
  const G2 = new Float64Array(m * m);
  G2[m - 1] = gamma;
  const F21 = kronecker(F2, m, F1, p1);
  const G21 = kronecker(G2, m, G1, p1);
  const K = kronecker(G2, m, F1, p1);
  const K2 = kronecker(F2, m, G1, p1);
  for (let i = 0; i < q * q; i++) K[i] = K[i]! + K2[i]!;
  // M (p1 × m, row-major) = (ℓ, b)ᵀ (s_1 … s_m)
  let M = new Float64Array(p1 * m);
  for (let r = 0; r < p1; r++) for (let j = 0; j < m; j++) M[r * m + j] = x[r]! * x[p1 + j]!;
  let V = new Float64Array(q * q);
  const vec = new Float64Array(q);
  const outer = new Float64Array(q * q);
  const work = new Float64Array(q * q);
  const acc = new Float64Array(q * q);
  const mean = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let mu = 0;
    for (let r = 0; r < p1; r++) mu += M[r * m + m - 1]!;
    // H21 picks vec entries of column m−1 (all rows): indices (m−1)·p1 + r
    let hvh = 0;
    for (let a = 0; a < p1; a++) {
      for (let b = 0; b < p1; b++) hvh += V[((m - 1) * p1 + a) * q + (m - 1) * p1 + b]!;
    }
    mean[h] = mu;
    variance[h] = (1 + s2) * hvh + s2 * mu * mu;
    // vec(M), column-major
    for (let j = 0; j < m; j++) for (let r = 0; r < p1; r++) vec[j * p1 + r] = M[r * m + j]!;
    for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) outer[a * q + b] = vec[a]! * vec[b]!;
    // acc = F V Fᵀ + σ² (F V Gᵀ + G V Fᵀ + K (V + vvᵀ) Kᵀ + σ² G (3V + 2vvᵀ) Gᵀ)
    sandwich(F21, V, F21, q, work, acc, 1, true);
    sandwich(F21, V, G21, q, work, acc, s2, false);
    sandwich(G21, V, F21, q, work, acc, s2, false);
    const tmpV = new Float64Array(q * q);
    for (let i = 0; i < q * q; i++) tmpV[i] = V[i]! + outer[i]!;
    sandwich(K, tmpV, K, q, work, acc, s2, false);
    for (let i = 0; i < q * q; i++) tmpV[i] = 3 * V[i]! + 2 * outer[i]!;
    sandwich(G21, tmpV, G21, q, work, acc, s2 * s2, false);
    const nextV = V;
    V = Float64Array.from(acc);
    nextV.fill(0);
    // M ← F1 M F2ᵀ + σ² G1 M G2ᵀ
    const nextM = new Float64Array(p1 * m);
    for (let r = 0; r < p1; r++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < p1; k++) {
          let fm = 0;
          let gm = 0;
          for (let l = 0; l < m; l++) {
            fm += M[k * m + l]! * F2[j * m + l]!;
            gm += M[k * m + l]! * G2[j * m + l]!;
          }
          s += F1[r * p1 + k]! * fm + s2 * G1[r * p1 + k]! * gm;
        }
        nextM[r * m + j] = s;
      }
    }
    M = nextM;
  }
  return { mean, variance, lower: null, upper: null };
}

/** A ⊗ B for square A (a×a) and B (b×b), row-major. */
function kronecker(A: Float64Array, a: number, B: Float64Array, b: number): Float64Array {
  const q = a * b;
  const out = new Float64Array(q * q);
  for (let i = 0; i < a; i++) {
    for (let j = 0; j < a; j++) {
      const aij = A[i * a + j]!;
      if (aij === 0) continue;
      for (let k = 0; k < b; k++)
        for (let l = 0; l < b; l++) out[(i * b + k) * q + j * b + l] = aij * B[k * b + l]!;
    }
  }
  return out;
}

/** acc (=|+=) scale · A X Bᵀ for q×q matrices; `work` is scratch. */
function sandwich(
  A: Float64Array,
  X: Float64Array,
  B: Float64Array,
  q: number,
  work: Float64Array,
  acc: Float64Array,
  scale: number,
  overwrite: boolean,
): void {
  // work = A X
  work.fill(0);
  for (let i = 0; i < q; i++) {
    for (let k = 0; k < q; k++) {
      const aik = A[i * q + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < q; j++) work[i * q + j] = work[i * q + j]! + aik * X[k * q + j]!;
    }
  }
  // acc = work Bᵀ, visiting only the non-zeros of B (the Kronecker factors are sparse)
  if (overwrite) acc.fill(0);
  for (let j = 0; j < q; j++) {
    for (let k = 0; k < q; k++) {
      const bjk = B[j * q + k]!;
      if (bjk === 0) continue;
      const factor = scale * bjk;
      for (let i = 0; i < q; i++) acc[i * q + j] = acc[i * q + j]! + factor * work[i * q + k]!;
    }
  }
}

/** Simulated sample paths (Gaussian innovations, seeded) for models outside classes 1–3. */
function simulatedDistribution(
  fit: EtsFit,
  x: Float64Array,
  horizon: number,
  levels: readonly number[],
): EtsForecastDistribution {
  const { spec, m, alpha, beta, gamma, phi } = fit;
  const trendType = spec.trend === "N" ? NONE : spec.trend === "A" ? ADDITIVE : MULTIPLICATIVE;
  const seasonType = spec.season === "N" ? NONE : spec.season === "A" ? ADDITIVE : MULTIPLICATIVE;
  const mean = new Float64Array(horizon);
  etsPointForecast(x, m, trendType, seasonType, phi, mean);
  const sigma = Math.sqrt(fit.sigma2);
  const sOff = trendType === NONE ? 1 : 2;
  const ring = new Float64Array(m);
  const paths = new Float64Array(SIMULATION_PATHS * horizon);
  const rng = new Rng(SIMULATION_SEED);
  for (let path = 0; path < SIMULATION_PATHS; path++) {
    let level = x[0]!;
    let growth = trendType === NONE ? 0 : x[1]!;
    if (seasonType !== NONE) for (let j = 0; j < m; j++) ring[j] = x[sOff + m - 1 - j]!;
    let k = 0;
    for (let h = 0; h < horizon; h++) {
      let damped = 0;
      let q: number;
      if (trendType === NONE) q = level;
      else if (trendType === ADDITIVE) {
        damped = phi * growth;
        q = level + damped;
      } else {
        damped = growth < 0 ? Number.NaN : growth ** phi;
        q = level * damped;
      }
      const s = seasonType === NONE ? 0 : ring[k]!;
      const f = seasonType === NONE ? q : seasonType === ADDITIVE ? q + s : q * s;
      const e = sigma * rng.normal();
      const y = spec.error === "A" ? f + e : f * (1 + e);
      paths[h * SIMULATION_PATHS + path] = y;
      const adjusted = seasonType === NONE ? y : seasonType === ADDITIVE ? y - s : y / s;
      const newLevel = q + alpha * (adjusted - q);
      if (trendType === ADDITIVE) growth = damped + (beta / alpha) * (newLevel - level - damped);
      else if (trendType === MULTIPLICATIVE) growth = damped + (beta / alpha) * (newLevel / level - damped);
      if (seasonType === ADDITIVE) ring[k] = s + gamma * (y - q - s);
      else if (seasonType === MULTIPLICATIVE) ring[k] = s + gamma * (y / q - s);
      level = newLevel;
      k = seasonType === NONE ? 0 : (k + 1) % m;
    }
  }
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let l = 0; l < levels.length; l++) {
    lower.push(new Float64Array(horizon));
    upper.push(new Float64Array(horizon));
  }
  for (let h = 0; h < horizon; h++) {
    const column = paths.subarray(h * SIMULATION_PATHS, (h + 1) * SIMULATION_PATHS);
    const finite = Float64Array.from(column.filter((v) => Number.isFinite(v))).sort();
    for (let l = 0; l < levels.length; l++) {
      lower[l]![h] = quantileType8(finite, 0.5 - levels[l]! / 200);
      upper[l]![h] = quantileType8(finite, 0.5 + levels[l]! / 200);
    }
  }
  return { mean, variance: null, lower, upper };
}

/** Sample quantile, Hyndman & Fan (1996) type 8 (median-unbiased), on sorted data. */
export function quantileType8(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n + 1 / 3) * p + 1 / 3;
  const j = Math.floor(h);
  const g = h - j;
  if (j < 1) return sorted[0]!;
  if (j >= n) return sorted[n - 1]!;
  return sorted[j - 1]! + g * (sorted[j]! - sorted[j - 1]!);
}

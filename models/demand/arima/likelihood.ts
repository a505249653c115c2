import { type Arena, takeArray } from "./arena.ts";
import { arFromUnconstrained, expandAr, expandMa } from "./polynomial.ts";

/**
 * Exact Gaussian likelihood and conditional sum of squares of a (multiplicative seasonal) ARMA model of a
 * differenced series, with regression coefficients profiled out by generalised least squares.
 *
 * Model of the differenced series w_t = Δ^d Δ_m^D (y_t − x_t'β):  φ(B)Φ(B^m) w_t = θ(B)Θ(B^m) ε_t.
 *
 * Exact likelihood: the ARMA in Harvey's state-space form (Harvey 1989, "Forecasting, structural time series
 * models and the Kalman filter", §3.4; Gardner, Harvey & Phillips 1980, Appl. Stat. 29:311–322) with the
 * state started at its stationary distribution. Differencing is done before the filter: the likelihood of the
 * differenced data equals the diffuse-prior likelihood of the ARIMA (Ansley & Kohn 1985, Ann. Stat. 13;
 * Durbin & Koopman 2012, §5.7), which is what R's `arima()` approximates with a large prior variance.
 *
 * The filter uses the Chandrasekhar recursions (Morf, Sidhu & Kailath 1974, IEEE TAC 19:315–323; for ARMA,
 * Mélard 1984, Appl. Stat. 33:104–114): since the state starts at its stationary covariance, P_{t+1} − P_t
 * has rank one, W_t M_t W_tᵀ, and
 *   F_{t+1} = F_t + M_t u_t²,  K_{t+1} = K_t + M_t u_t T W_t,  W_{t+1} = T W_t − K_t u_t / F_t,
 *   M_{t+1} = M_t F_t / F_{t+1},  u_t = W_t[0],
 * with K_t = T P_t Zᵀ, W_1 = K_1, M_1 = −1/F_1. With the companion T each step costs O(r), not O(r²), and
 * only the first column of the stationary covariance is needed:
 *   Cov(α_i, w_t) = Σ_j φ_{i+1+j} γ(j+1) + Σ_j θ_{i+j} ψ_j   (θ₀ = 1),
 * from the autocovariances γ and ψ-weights (Brockwell & Davis 1991, §3.3, eqs 3.3.8–3.3.9).
 *
 * The concentrated objective (σ² profiled out) is, as in R's `arima`:
 *   ℓ* = ½ [ log(S/ν) + (1/ν) Σ log F_t ],  S = Σ v_t²/F_t,
 * over the ν predictions with F_t < 10⁴ (R's rule for leaving out diffuse steps). Minimising ℓ* is a least
 * squares problem in the residuals e_t = v_t/√F_t · exp(Σ log F / 2ν), which the optimiser exploits.
 */
export interface ArmaStructure {
  p: number;
  q: number;
  P: number;
  Q: number;
  /** Season length (only used when P or Q > 0). */
  m: number;
}

/** Number of ARMA parameters, ordered as R orders them: ar (p), ma (q), sar (P), sma (Q). */
export function armaParameterCount(s: ArmaStructure): number {
  return s.p + s.q + s.P + s.Q;
}

/**
 * Preallocated buffers for one model structure and one data set; every evaluation reuses them.
 * `series` holds the differenced response followed by the differenced regressors, each of length n.
 */
export class ArmaWorkspace {
  readonly s: ArmaStructure;
  readonly n: number;
  readonly ncol: number;
  readonly pFull: number;
  readonly qFull: number;
  readonly r: number;
  /** Differenced response then regressors, column-major, (1 + ncol)·n. */
  readonly series: Float64Array;
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  /** Constrained parameters (AR parts after the stationarity transform). */
  readonly coef: Float64Array;
  readonly work: Float64Array;
  readonly gamma: Float64Array;
  readonly psi: Float64Array;
  readonly system: Float64Array;
  readonly rhs: Float64Array;
  readonly col0: Float64Array;
  readonly gain: Float64Array;
  readonly w: Float64Array;
  readonly state: Float64Array;
  /** Standardised innovations v_t/√F_t of each column, (1 + ncol)·n; 0 where a step is left out. */
  readonly innov: Float64Array;
  /** Residuals after removing the regression, length n. */
  readonly resid: Float64Array;
  readonly beta: Float64Array;
  readonly normal: Float64Array;
  sumLog = 0;
  nUsed = 0;
  ssq = 0;

  constructor(s: ArmaStructure, series: Float64Array, n: number, ncol: number, arena?: Arena) {
    this.s = s;
    this.n = n;
    this.ncol = ncol;
    this.series = series;
    this.pFull = s.p + s.m * s.P;
    this.qFull = s.q + s.m * s.Q;
    this.r = Math.max(this.pFull, this.qFull + 1);
    const r = this.r;
    this.phi = takeArray(arena, r + 1);
    this.theta = takeArray(arena, r + 1);
    const k = armaParameterCount(s);
    this.coef = takeArray(arena, k);
    this.work = takeArray(arena, Math.max(k, 1));
    this.gamma = takeArray(arena, r + 2);
    this.psi = takeArray(arena, r + 2);
    this.system = takeArray(arena, (this.pFull + 1) * (this.pFull + 1));
    this.rhs = takeArray(arena, this.pFull + 1);
    this.col0 = takeArray(arena, r + 1);
    this.gain = takeArray(arena, r);
    this.w = takeArray(arena, r + 1);
    this.state = takeArray(arena, r * (1 + ncol));
    this.innov = takeArray(arena, n * (1 + ncol));
    this.resid = takeArray(arena, n);
    this.beta = takeArray(arena, ncol);
    this.normal = takeArray(arena, ncol * (ncol + 1));
  }

  /**
   * Sets φ and θ from a parameter vector (ar, ma, sar, sma). With `transform`, the AR and seasonal AR
   * entries are unconstrained values mapped through the partial-autocorrelation transform.
   */
  setParameters(params: Float64Array, transform: boolean): void {
    const { p, q, P, Q, m } = this.s;
    const c = this.coef;
    for (let i = 0; i < c.length; i++) c[i] = params[i]!;
    if (transform) {
      if (p > 0) arFromUnconstrained(params, c, 0, p, this.work);
      if (P > 0) arFromUnconstrained(params, c, p + q, P, this.work);
    }
    this.phi.fill(0);
    this.theta.fill(0);
    expandAr(c, 0, p, p + q, P, m, this.phi);
    expandMa(c, p, q, p + q + P, Q, m, this.theta);
  }

  /**
   * Autocovariances γ(0..r) and ψ-weights ψ(0..r) of the ARMA with unit innovation variance.
   * Returns false when the AR part is (numerically) non-stationary.
   */
  autocovariances(): boolean {
    const p = this.pFull;
    const q = this.qFull;
    const r = this.r;
    const phi = this.phi;
    const theta = this.theta;
    const psi = this.psi;
    const gamma = this.gamma;
    psi[0] = 1;
    for (let j = 1; j <= r; j++) {
      let v = j <= q ? theta[j - 1]! : 0;
      const lim = Math.min(j, p);
      for (let i = 1; i <= lim; i++) v += phi[i - 1]! * psi[j - i]!;
      psi[j] = v;
    }
    const rhs = this.rhs;
    if (p === 0) {
      for (let k = 0; k <= r; k++) {
        let v = 0;
        for (let j = k; j <= q; j++)
          v += (j === 0 ? 1 : theta[j - 1]!) * (j - k === 0 ? 1 : theta[j - k - 1]!);
        gamma[k] = v;
      }
      return true;
    }
    // Solve for γ(0..p): γ(k) − Σ_j φ_j γ(|k−j|) = c_k, k = 0..p.
    const n = p + 1;
    const A = this.system;
    A.fill(0);
    for (let k = 0; k <= p; k++) {
      A[k * n + k] = 1;
      for (let j = 1; j <= p; j++) {
        const f = phi[j - 1]!;
        if (f === 0) continue;
        const l = Math.abs(k - j);
        A[k * n + l] = A[k * n + l]! - f;
      }
      rhs[k] = this.innovationCovariance(k);
    }
    if (!solveInPlace(A, rhs, n)) return false;
    for (let k = 0; k <= p && k <= r; k++) gamma[k] = rhs[k]!;
    for (let k = p + 1; k <= r; k++) {
      let v = this.innovationCovariance(k);
      for (let j = 1; j <= p; j++) v += phi[j - 1]! * gamma[k - j]!;
      gamma[k] = v;
    }
    return gamma[0]! > 0 && Number.isFinite(gamma[0]!);
  }

  /** c_k = Σ_{j=k..q} θ_j ψ_{j−k} (θ₀ = 1) = Cov(w_t, ε_{t−k}): right-hand sides of the γ equations. */
  private innovationCovariance(k: number): number {
    const q = this.qFull;
    const theta = this.theta;
    const psi = this.psi;
    if (k === 0) {
      let v = 1;
      for (let j = 1; j <= q; j++) v += theta[j - 1]! * psi[j]!;
      return v;
    }
    if (k > q) return 0;
    let v = theta[k - 1]!;
    for (let j = k + 1; j <= q; j++) v += theta[j - 1]! * psi[j - k]!;
    return v;
  }

  /**
   * Runs the Chandrasekhar-form Kalman filter over the response and every regressor column at once (they
   * share the gains), writing standardised innovations to `innov`, Σ log F to `sumLog`, ν to `nUsed`.
   * Returns false when the model is not stationary.
   */
  filter(): boolean {
    if (!this.autocovariances()) return false;
    const r = this.r;
    const n = this.n;
    const p = this.pFull;
    const q = this.qFull;
    const phi = this.phi;
    const theta = this.theta;
    const gamma = this.gamma;
    const psi = this.psi;
    const c = this.col0;
    // First column of the stationary state covariance.
    for (let i = 0; i < r; i++) {
      let v = 0;
      for (let j = 0; i + 1 + j <= p; j++) v += phi[i + j]! * gamma[j + 1]!;
      for (let j = 0; i + j <= q; j++) v += (i + j === 0 ? 1 : theta[i + j - 1]!) * psi[j]!;
      c[i] = v;
    }
    c[r] = 0;
    let F = c[0]!;
    const K = this.gain;
    const W = this.w;
    for (let i = 0; i < r; i++) {
      K[i] = phi[i]! * c[0]! + c[i + 1]!;
      W[i] = K[i]!;
    }
    W[r] = 0;
    let M = -1 / F;
    const ncols = 1 + this.ncol;
    const state = this.state;
    state.fill(0);
    const innov = this.innov;
    const series = this.series;
    let sumLog = 0;
    let nUsed = 0;
    let converged = false;
    for (let t = 0; t < n; t++) {
      const used = F < 1e4;
      const sqrtF = Math.sqrt(F);
      if (used) {
        sumLog += Math.log(F);
        nUsed++;
      }
      for (let col = 0; col < ncols; col++) {
        const a = col * r;
        const v = series[col * n + t]! - state[a]!;
        innov[col * n + t] = used ? v / sqrtF : 0;
        const vf = v / F;
        const a0 = state[a]!;
        // phi is zero beyond p + mP (see setParameters), so no branch on the AR order here.
        for (let i = 0; i < r - 1; i++) state[a + i] = phi[i]! * a0 + state[a + i + 1]! + K[i]! * vf;
        state[a + r - 1] = phi[r - 1]! * a0 + K[r - 1]! * vf;
      }
      if (converged) continue;
      const u = W[0]!;
      const Fnew = F + M * u * u;
      const mu = M * u;
      const uf = u / F;
      // (T W)_i = φ_i u + W_{i+1}, with W[r] kept at zero; W[i+1] is read before it is overwritten.
      let wsq = 0;
      for (let i = 0; i < r; i++) {
        const twi = phi[i]! * u + W[i + 1]!;
        const wi = twi - K[i]! * uf;
        W[i] = wi;
        wsq += wi * wi;
        K[i] = K[i]! + mu * twi;
      }
      M = (M * F) / Fnew;
      F = Fnew;
      // P_{t+1} − P_t = M W Wᵀ: once it is negligible the rest is the steady-state filter.
      if (Math.abs(M) * wsq < 1e-14 * F) converged = true;
    }
    this.sumLog = sumLog;
    this.nUsed = nUsed;
    return Number.isFinite(sumLog);
  }

  /**
   * Conditional-sum-of-squares residuals (R's `arima(method = "CSS")`): e_t = w_t − Σ φ_j w_{t−j} − Σ θ_j e_{t−j}
   * for t ≥ p + mP, with earlier residuals taken as zero; written to `innov` for every column.
   */
  cssResiduals(): void {
    const n = this.n;
    const p = this.pFull;
    const q = this.qFull;
    const phi = this.phi;
    const theta = this.theta;
    const ncols = 1 + this.ncol;
    const series = this.series;
    const innov = this.innov;
    for (let col = 0; col < ncols; col++) {
      const base = col * n;
      for (let t = 0; t < Math.min(p, n); t++) innov[base + t] = 0;
      for (let t = p; t < n; t++) {
        let v = series[base + t]!;
        for (let j = 0; j < p; j++) v -= phi[j]! * series[base + t - j - 1]!;
        const lim = Math.min(t - p, q);
        for (let j = 0; j < lim; j++) v -= theta[j]! * innov[base + t - j - 1]!;
        innov[base + t] = v;
      }
    }
    this.sumLog = 0;
    this.nUsed = Math.max(n - p, 0);
  }

  /**
   * Least squares of the response innovations on the regressor innovations (the GLS estimate of β for the
   * current ARMA parameters), residuals into `resid`, their sum of squares into `ssq`.
   * With fixed β given, uses it instead of estimating.
   */
  profileRegression(fixedBeta?: Float64Array): boolean {
    const n = this.n;
    const k = this.ncol;
    const innov = this.innov;
    const resid = this.resid;
    const beta = this.beta;
    if (k > 0) {
      if (fixedBeta) {
        for (let j = 0; j < k; j++) beta[j] = fixedBeta[j]!;
      } else {
        const A = this.normal; // k×k then k rhs
        A.fill(0);
        for (let i = 0; i < k; i++) {
          const xi = (i + 1) * n;
          for (let j = 0; j <= i; j++) {
            const xj = (j + 1) * n;
            let s = 0;
            for (let t = 0; t < n; t++) s += innov[xi + t]! * innov[xj + t]!;
            A[i * k + j] = s;
            A[j * k + i] = s;
          }
          let s = 0;
          for (let t = 0; t < n; t++) s += innov[xi + t]! * innov[t]!;
          A[k * k + i] = s;
        }
        if (!choleskySolve(A, k)) return false;
        for (let j = 0; j < k; j++) beta[j] = A[k * k + j]!;
      }
    }
    let ssq = 0;
    for (let t = 0; t < n; t++) {
      let v = innov[t]!;
      for (let j = 0; j < k; j++) v -= beta[j]! * innov[(j + 1) * n + t]!;
      resid[t] = v;
      ssq += v * v;
    }
    this.ssq = ssq;
    return Number.isFinite(ssq);
  }
}

/** Gaussian elimination with partial pivoting on a dense row-major n×n system; solution left in b. */
export function solveInPlace(A: Float64Array, b: Float64Array, n: number): boolean {
  for (let col = 0; col < n; col++) {
    let piv = col;
    let best = Math.abs(A[col * n + col]!);
    for (let row = col + 1; row < n; row++) {
      const v = Math.abs(A[row * n + col]!);
      if (v > best) {
        best = v;
        piv = row;
      }
    }
    if (!(best > 1e-300)) return false;
    if (piv !== col) {
      for (let j = col; j < n; j++) {
        const tmp = A[col * n + j]!;
        A[col * n + j] = A[piv * n + j]!;
        A[piv * n + j] = tmp;
      }
      const tb = b[col]!;
      b[col] = b[piv]!;
      b[piv] = tb;
    }
    const d = A[col * n + col]!;
    for (let row = col + 1; row < n; row++) {
      const f = A[row * n + col]! / d;
      if (f === 0) continue;
      for (let j = col + 1; j < n; j++) A[row * n + j] = A[row * n + j]! - f * A[col * n + j]!;
      b[row] = b[row]! - f * b[col]!;
    }
  }
  for (let row = n - 1; row >= 0; row--) {
    let s = b[row]!;
    for (let j = row + 1; j < n; j++) s -= A[row * n + j]! * b[j]!;
    b[row] = s / A[row * n + row]!;
  }
  return true;
}

/**
 * Solves the symmetric positive definite k×k system stored row-major in A[0..k²) with right-hand side
 * A[k²..k²+k), by Cholesky; the solution replaces the right-hand side. False when not positive definite.
 */
export function choleskySolve(A: Float64Array, k: number, relativeFloor = 1e-12): boolean {
  const rhs = k * k;
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, A[i * k + i]!);
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j]!;
    for (let l = 0; l < j; l++) d -= A[j * k + l]! * A[j * k + l]!;
    if (!(d > relativeFloor * maxDiag)) return false;
    d = Math.sqrt(d);
    A[j * k + j] = d;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j]!;
      for (let l = 0; l < j; l++) s -= A[i * k + l]! * A[j * k + l]!;
      A[i * k + j] = s / d;
    }
  }
  for (let i = 0; i < k; i++) {
    let s = A[rhs + i]!;
    for (let l = 0; l < i; l++) s -= A[i * k + l]! * A[rhs + l]!;
    A[rhs + i] = s / A[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = A[rhs + i]!;
    for (let l = i + 1; l < k; l++) s -= A[l * k + i]! * A[rhs + l]!;
    A[rhs + i] = s / A[i * k + i]!;
  }
  return true;
}

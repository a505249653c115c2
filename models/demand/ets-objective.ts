import { admissibleParameters, etsLikelihood, LOWER_BOUNDS, UPPER_BOUNDS } from "./ets-core.ts";

// Local copies of the component codes and imported functions: some loaders (tsx's CommonJS path)
// reach imported bindings through getters, which cost ~10% of a fit when read in the hot loop.
const NONE = 0;
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const admissible = admissibleParameters;
const likelihood = etsLikelihood;
const ALPHA_LOW = LOWER_BOUNDS[0]!;
const ALPHA_HIGH = UPPER_BOUNDS[0]!;
const BETA_LOW = LOWER_BOUNDS[1]!;
const BETA_HIGH = UPPER_BOUNDS[1]!;
const GAMMA_LOW = LOWER_BOUNDS[2]!;
const GAMMA_HIGH = UPPER_BOUNDS[2]!;
const PHI_LOW = LOWER_BOUNDS[3]!;
const PHI_HIGH = UPPER_BOUNDS[3]!;
/** Slot of EtsObjective.values that receives −2·log L (after α, β, γ, φ). */
export const LIKELIHOOD = 4;

/**
 * The function the optimiser minimises for one ETS model: the concentrated −2·log-likelihood of
 * `etsLikelihood` (Hyndman et al. 2008, §5.2) at a parameter vector (α, [β], [γ], [φ], ℓ_0, [b_0],
 * s_1 … s_{m−1}), +∞ outside the usual ∩ admissible region or when a multiplicative seasonal index is
 * negative, capped at −1e10 for perfect fits — the same rules as R forecast's C++ target function.
 *
 * This is the hot path (≈10⁴ calls per series): everything lives in preallocated typed arrays, the
 * recursion runs in a loop specialised by season type, and no floating-point value crosses a call
 * boundary as an argument (V8 boxes such values, which showed up as garbage collection).
 */
export class EtsObjective {
  /** α, β, γ, φ of the last evaluation, then the likelihood. */
  readonly values = new Float64Array(5);
  /** Initial state of the last evaluation (ℓ, [b], s_1 … s_m). */
  readonly x0: Float64Array;
  /** Seasonal ring of the one-model recursion: ring[k] is the seasonal used at times t ≡ k (mod m). */
  readonly ring: Float64Array;
  readonly hasTrend: boolean;
  readonly hasSeason: boolean;
  private readonly scratch: Float64Array;
  private readonly nSmoothing: number;
  private readonly stateSize: number;
  private readonly seasonOffset: number;

  constructor(
    readonly y: Float64Array,
    readonly m: number,
    readonly errorType: number,
    readonly trendType: number,
    readonly seasonType: number,
    readonly damped: boolean,
  ) {
    this.hasTrend = trendType !== NONE;
    this.hasSeason = seasonType !== NONE;
    this.nSmoothing = 1 + (this.hasTrend ? 1 : 0) + (this.hasSeason ? 1 : 0) + (damped ? 1 : 0);
    this.stateSize = 1 + (this.hasTrend ? 1 : 0) + (this.hasSeason ? m : 0);
    this.seasonOffset = this.hasTrend ? 2 : 1;
    this.x0 = new Float64Array(this.stateSize);
    this.ring = new Float64Array(Math.max(m, 1));
    this.scratch = new Float64Array(2 * m + 6);
  }

  /** −2·log L at `par`, or +∞ outside the region (see the class comment). */
  evaluate(par: Float64Array): number {
    if (!this.prepare(par)) return Number.POSITIVE_INFINITY;
    this.recursion();
    return this.result();
  }

  /**
   * Reads α, β, γ, φ and the initial state from `par` into `values` and `x0`; false when `par` is outside
   * the usual ∩ admissible region or a multiplicative seasonal index is negative (the value is then +∞).
   * `evaluate` and the lane loops of `ets-lanes.ts` run the recursion after it.
   */
  prepare(par: Float64Array): boolean {
    const v = this.values;
    const alpha = par[0]!;
    let i = 1;
    const beta = this.hasTrend ? par[i++]! : 0;
    const gamma = this.hasSeason ? par[i++]! : 0;
    const phi = this.damped ? par[i]! : 1;
    v[0] = alpha;
    v[1] = beta;
    v[2] = gamma;
    v[3] = phi;
    // usual region (R's default bounds)
    if (alpha < ALPHA_LOW || alpha > ALPHA_HIGH) return false;
    if (this.hasTrend && (beta < BETA_LOW || beta > alpha || beta > BETA_HIGH)) return false;
    if (this.damped && (phi < PHI_LOW || phi > PHI_HIGH)) return false;
    if (this.hasSeason && (gamma < GAMMA_LOW || gamma > 1 - alpha || gamma > GAMMA_HIGH)) return false;
    if (!admissible(v, this.m, this.hasTrend, this.hasSeason, this.scratch)) return false;
    return this.unpackState(par);
  }

  /** Runs the likelihood recursion for the point `prepare` accepted; the value is then `result()`. */
  recursion(): void {
    if (this.trendType === MULTIPLICATIVE) {
      const v = this.values;
      v[LIKELIHOOD] = likelihood(
        this.y,
        this.m,
        this.errorType,
        this.trendType,
        this.seasonType,
        v[0]!,
        v[1]!,
        v[2]!,
        v[3]!,
        this.x0,
        this.ring,
        null,
        null,
      );
    } else if (this.seasonType === NONE) this.noSeasonLoop();
    else if (this.seasonType === ADDITIVE) this.additiveSeasonLoop();
    else this.multiplicativeSeasonLoop();
  }

  /** The objective value from the likelihood the recursion left in `values`: NaN → +∞, capped at −1e10. */
  result(): number {
    const lik = this.values[LIKELIHOOD]!;
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return Math.max(lik, -1e10);
  }

  /** Fills x0 from the parameter vector (the last seasonal by normalisation); false when a
   *  multiplicative seasonal index is negative. */
  unpackState(par: Float64Array): boolean {
    const x0 = this.x0;
    const p = this.stateSize;
    const sOff = this.seasonOffset;
    const free = this.hasSeason ? p - 1 : p;
    let sum = 0;
    for (let j = 0; j < free; j++) {
      const value = par[this.nSmoothing + j]!;
      x0[j] = value;
      if (j >= sOff) sum += value;
    }
    if (this.hasSeason) {
      x0[p - 1] = (this.seasonType === MULTIPLICATIVE ? this.m : 0) - sum;
      if (this.seasonType === MULTIPLICATIVE) {
        for (let j = sOff; j < p; j++) if (x0[j]! < 0) return false;
      }
    }
    return true;
  }

  /**
   * Copies the initial seasonals of `x0` into `ring[offset … offset + m − 1]`, oldest (s_m, used first)
   * first: ring[offset + k] is the seasonal used at times t ≡ k (mod m). A model without season fills
   * `length` zeros instead, so that it can run in an additive-season lane with γ = 0: ŷ = q + 0 and
   * y − 0 − q are exactly its own q and y − q, and the zero seasonals stay zero.
   */
  loadRing(ring: Float64Array = this.ring, offset = 0, length = this.m): void {
    if (!this.hasSeason) {
      ring.fill(0, offset, offset + length);
      return;
    }
    const m = this.m;
    const sOff = this.seasonOffset;
    for (let j = 0; j < m; j++) ring[offset + j] = this.x0[sOff + m - 1 - j]!;
  }

  private noSeasonLoop(): void {
    const y = this.y;
    const n = y.length;
    const v = this.values;
    const alpha = v[0]!;
    const betaRatio = this.hasTrend ? v[1]! / alpha : 0;
    const phi = v[3]!;
    const multiplicativeError = this.errorType === MULTIPLICATIVE;
    const hasTrend = this.hasTrend;
    const damped = this.damped;
    let level = this.x0[0]!;
    let growth = this.hasTrend ? this.x0[1]! : 0;
    let sse = 0;
    let sumLog = 0;
    let product = 1;
    for (let t = 0; t < n; t++) {
      const yt = y[t]!;
      // without a trend the growth chain is skipped entirely: it would lengthen the loop-carried
      // dependency (the recursion is latency-bound) for q = ℓ + φ·0 = ℓ
      let dampedGrowth = 0;
      let q = level;
      if (hasTrend) {
        // φ·b is b exactly when φ = 1: skipping the product shortens the loop-carried chain
        dampedGrowth = damped ? phi * growth : growth;
        q = level + dampedGrowth;
      }
      let e: number;
      if (multiplicativeError) {
        e = (yt - q) / q;
        // Σ log|ŷ| as the log of a running product, renormalised before it can overflow
        product *= Math.abs(q);
        if (product > 1e150 || product < 1e-150) {
          sumLog += Math.log(product);
          product = 1;
        }
      } else {
        e = yt - q;
      }
      sse += e * e;
      const newLevel = q + alpha * (yt - q);
      if (hasTrend) growth = dampedGrowth + betaRatio * (newLevel - level - dampedGrowth);
      level = newLevel;
    }
    let lik = n * Math.log(sse);
    if (multiplicativeError) lik += 2 * (sumLog + Math.log(product));
    v[LIKELIHOOD] = lik;
  }

  private additiveSeasonLoop(): void {
    this.loadRing();
    const y = this.y;
    const n = y.length;
    const m = this.m;
    const ring = this.ring;
    const v = this.values;
    const alpha = v[0]!;
    const betaRatio = this.hasTrend ? v[1]! / alpha : 0;
    const gamma = v[2]!;
    const phi = v[3]!;
    const multiplicativeError = this.errorType === MULTIPLICATIVE;
    const hasTrend = this.hasTrend;
    const damped = this.damped;
    let level = this.x0[0]!;
    let growth = this.hasTrend ? this.x0[1]! : 0;
    let sse = 0;
    let sumLog = 0;
    let product = 1;
    let k = 0;
    for (let t = 0; t < n; t++) {
      const yt = y[t]!;
      // without a trend the growth chain is skipped entirely: it would lengthen the loop-carried
      // dependency (the recursion is latency-bound) for q = ℓ + φ·0 = ℓ
      let dampedGrowth = 0;
      let q = level;
      if (hasTrend) {
        // φ·b is b exactly when φ = 1: skipping the product shortens the loop-carried chain
        dampedGrowth = damped ? phi * growth : growth;
        q = level + dampedGrowth;
      }
      const seasonal = ring[k]!;
      const fitted = q + seasonal;
      let e: number;
      if (multiplicativeError) {
        e = (yt - fitted) / fitted;
        product *= Math.abs(fitted);
        if (product > 1e150 || product < 1e-150) {
          sumLog += Math.log(product);
          product = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse += e * e;
      const newLevel = q + alpha * (yt - seasonal - q);
      if (hasTrend) growth = dampedGrowth + betaRatio * (newLevel - level - dampedGrowth);
      ring[k] = seasonal + gamma * (yt - q - seasonal);
      level = newLevel;
      k++;
      if (k === m) k = 0;
    }
    let lik = n * Math.log(sse);
    if (multiplicativeError) lik += 2 * (sumLog + Math.log(product));
    v[LIKELIHOOD] = lik;
  }

  private multiplicativeSeasonLoop(): void {
    this.loadRing();
    const y = this.y;
    const n = y.length;
    const m = this.m;
    const ring = this.ring;
    const v = this.values;
    const alpha = v[0]!;
    const betaRatio = this.hasTrend ? v[1]! / alpha : 0;
    const gamma = v[2]!;
    const phi = v[3]!;
    const multiplicativeError = this.errorType === MULTIPLICATIVE;
    const hasTrend = this.hasTrend;
    const damped = this.damped;
    // Function-local copies of the module constants: a module binding is read from the context as a
    // tagged value, and a ternary mixing it with a computed double made V8 box the double into a new
    // heap number at every step (two allocations per observation, ~0.5 GB per 100 quarterly series).
    const tol = 1e-10;
    const hugeRatio = 1e10;
    let level = this.x0[0]!;
    let growth = this.hasTrend ? this.x0[1]! : 0;
    let sse = 0;
    let sumLog = 0;
    let product = 1;
    let k = 0;
    for (let t = 0; t < n; t++) {
      const yt = y[t]!;
      // without a trend the growth chain is skipped entirely: it would lengthen the loop-carried
      // dependency (the recursion is latency-bound) for q = ℓ + φ·0 = ℓ
      let dampedGrowth = 0;
      let q = level;
      if (hasTrend) {
        // φ·b is b exactly when φ = 1: skipping the product shortens the loop-carried chain
        dampedGrowth = damped ? phi * growth : growth;
        q = level + dampedGrowth;
      }
      const seasonal = ring[k]!;
      const fitted = q * seasonal;
      let e: number;
      if (multiplicativeError) {
        e = (yt - fitted) / fitted;
        product *= Math.abs(fitted);
        if (product > 1e150 || product < 1e-150) {
          sumLog += Math.log(product);
          product = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse += e * e;
      const deseasonalised = Math.abs(seasonal) < tol ? hugeRatio : yt / seasonal;
      const newLevel = q + alpha * (deseasonalised - q);
      if (hasTrend) growth = dampedGrowth + betaRatio * (newLevel - level - dampedGrowth);
      const ratio = Math.abs(q) < tol ? hugeRatio : yt / q;
      ring[k] = seasonal + gamma * (ratio - seasonal);
      level = newLevel;
      k++;
      if (k === m) k = 0;
    }
    let lik = n * Math.log(sse);
    if (multiplicativeError) lik += 2 * (sumLog + Math.log(product));
    v[LIKELIHOOD] = lik;
  }
}

import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative, requirePositive } from "./check.ts";

/**
 * Discrete demand distributions on 0, 1, …, N as probability mass arrays, and their loss functions,
 * shared by the discrete inventory models (newsvendor, (s,S), (r,Q), fill rates for slow movers).
 *
 * Masses are built by the ratio recursion outward from the mode and then normalised, which stays
 * accurate for large means where e^(−μ) underflows. The support is cut where the remaining tail mass
 * is below ~1e-16. Loss functions: Zipkin (2000), Foundations of Inventory Management, §C.2:
 * B(y) = E[(D − y)⁺] with B(y + 1) = B(y) − (1 − F(y)), and E[(y − D)⁺] = y − E[D] + B(y).
 */

/** Poisson(mean) masses on 0..N, N = mean + 12√mean + 30 (tail beyond < 1e-16). */
export function poissonPmf(mean: number): Float64Array {
  requireNonNegative("demandMean", mean);
  const top = Math.ceil(mean + 12 * Math.sqrt(mean) + 30);
  const pmf = new Float64Array(top + 1);
  const mode = Math.floor(mean);
  pmf[mode] = 1;
  for (let k = mode; k < top; k++) pmf[k + 1] = (pmf[k]! * mean) / (k + 1);
  for (let k = mode; k > 0; k--) pmf[k - 1] = mean > 0 ? (pmf[k]! * k) / mean : 0;
  return normalise(pmf);
}

/**
 * Negative binomial masses with the given mean and variance (variance > mean: over-dispersed slow
 * movers). Parameters r = μ²/(σ² − μ), p = μ/σ²; P(D = k) = Γ(k + r)/(Γ(r) k!) p^r (1 − p)^k.
 * Source: Silver, Pyke & Thomas (2017), Inventory and Production Management in Supply Chains, §6.11.
 */
export function negativeBinomialPmf(mean: number, variance: number): Float64Array {
  requirePositive("demandMean", mean);
  requirePositive("demandVariance", variance);
  if (!(variance > mean)) {
    throw invalidInput(
      "demandVariance",
      `must exceed the mean (${mean}) for a negative binomial, got ${variance}`,
    );
  }
  const p = mean / variance;
  const r = (mean * mean) / (variance - mean);
  const top = Math.ceil(mean + 40 * Math.sqrt(variance) + 50);
  // log masses by the ratio recursion from 0, then exponentiated relative to the largest.
  const logPmf = new Float64Array(top + 1);
  logPmf[0] = r * Math.log(p);
  const log1mp = Math.log(1 - p);
  let maxLog = logPmf[0]!;
  for (let k = 0; k < top; k++) {
    logPmf[k + 1] = logPmf[k]! + Math.log((k + r) / (k + 1)) + log1mp;
    if (logPmf[k + 1]! > maxLog) maxLog = logPmf[k + 1]!;
  }
  const pmf = new Float64Array(top + 1);
  for (let k = 0; k <= top; k++) pmf[k] = Math.exp(logPmf[k]! - maxLog);
  return normalise(pmf);
}

/** Checks a user-supplied mass array (non-negative, sums to 1 within 1e-9) and returns it as Float64Array. */
export function checkPmf(pmf: ArrayLike<number>, field = "pmf"): Float64Array {
  if (pmf.length === 0) throw invalidInput(field, "must have at least one mass");
  let total = 0;
  for (let k = 0; k < pmf.length; k++) {
    const v = pmf[k]!;
    if (!(v >= 0 && Number.isFinite(v)))
      throw invalidInput(field, `mass at ${k} must be a non-negative number, got ${v}`);
    total += v;
  }
  if (Math.abs(total - 1) > 1e-9) throw invalidInput(field, `masses must sum to 1, got ${total}`);
  return Float64Array.from(pmf);
}

function normalise(pmf: Float64Array): Float64Array {
  let total = 0;
  for (let k = 0; k < pmf.length; k++) total += pmf[k]!;
  for (let k = 0; k < pmf.length; k++) pmf[k] = pmf[k]! / total;
  return pmf;
}

/** Mean of a mass array. */
export function pmfMean(pmf: Float64Array): number {
  let mean = 0;
  for (let k = 1; k < pmf.length; k++) mean += k * pmf[k]!;
  return mean;
}

/** Cumulative F(y) = P(D ≤ y) for y = 0..N. */
export function pmfCdf(pmf: Float64Array): Float64Array {
  const cdf = new Float64Array(pmf.length);
  let acc = 0;
  for (let k = 0; k < pmf.length; k++) {
    acc += pmf[k]!;
    cdf[k] = Math.min(1, acc);
  }
  return cdf;
}

/**
 * Expected shortfall B(y) = E[(D − y)⁺] for y = 0..upTo (B is linear, μ − y, below 0 and zero beyond
 * the support, so callers evaluate negative y as mean − y).
 */
export function pmfShortfall(pmf: Float64Array, upTo: number): Float64Array {
  const shortfall = new Float64Array(upTo + 1);
  let b = pmfMean(pmf);
  let cdf = 0;
  for (let y = 0; y <= upTo; y++) {
    shortfall[y] = Math.max(0, b);
    cdf += y < pmf.length ? pmf[y]! : 0;
    b -= 1 - Math.min(1, cdf);
  }
  return shortfall;
}

/** Newsvendor-type one-period cost h·E[(y − D)⁺] + p·E[(D − y)⁺] for integer levels y = lo..hi. */
export function expectedHoldingBackorderCost(
  pmf: Float64Array,
  holdingCost: number,
  stockoutCost: number,
  lo: number,
  hi: number,
): Float64Array {
  const mean = pmfMean(pmf);
  const shortfall = pmfShortfall(pmf, Math.max(0, hi));
  const cost = new Float64Array(hi - lo + 1);
  for (let y = lo; y <= hi; y++) {
    const b = y >= 0 ? shortfall[y]! : mean - y;
    cost[y - lo] = holdingCost * (y - mean + b) + stockoutCost * b;
  }
  return cost;
}

import { invalidInput } from "../../core/errors.ts";
import { negativeBinomialPmf, pmfShortfall, poissonPmf } from "./discrete-demand.ts";
import { normalLoss } from "./normal-distribution.ts";

/**
 * Periodic-review order-up-to (R, S) policy with backorders: every R periods the inventory position is
 * raised to S; an order arrives L periods later. Units short per review cycle are
 *
 *   ESC(S) = E[(D_{L+R} − S)⁺] − E[(D_L − S)⁺],   fill rate β(S) = 1 − ESC(S) / (R·μ),
 *
 * where D_k is demand over k periods (Hadley & Whitin 1963; Silver, Pyke & Thomas 2017, "Inventory and
 * Production Management in Supply Chains", 4th ed., §8.6 and §6.7; the second term removes the shortage
 * already counted in the previous cycle). The order-up-to level is the smallest integer S with
 * β(S) ≥ target, and safety stock SS = S − μ(L + R).
 *
 * Demand per period is independent with mean μ and variance σ²; its family follows the demand class:
 * - normal when demand over the protection interval is large (μ(L+R) ≥ 20): E[(D − S)⁺] = σ_k G((S − μ_k)/σ_k);
 * - Poisson when σ² ≤ 1.05 μ (slow movers without over-dispersion);
 * - negative binomial otherwise (slow, erratic or lumpy movers), sums of k periods staying negative binomial
 *   with mean kμ and variance kσ².
 */
export type DemandFamily = "normal" | "poisson" | "negative-binomial";

export interface PeriodicReviewInput {
  /** Mean demand per period, ≥ 0. */
  mean: number;
  /** Variance of demand per period, ≥ 0. */
  variance: number;
  /** Replenishment lead time, periods (≥ 0). */
  leadTime: number;
  /** Review period R, periods (≥ 1). */
  reviewPeriod: number;
  /** Target fill rate in (0, 1). */
  fillRate: number;
  /** Force a family instead of choosing by demand class. */
  family?: DemandFamily;
}

export interface PeriodicReviewPolicy {
  orderUpTo: number;
  safetyStock: number;
  /** Fill rate the formula gives at `orderUpTo` (≥ the target). */
  fillRate: number;
  family: DemandFamily;
}

export function demandFamily(mean: number, variance: number, protection: number): DemandFamily {
  if (mean * protection >= 20) return "normal";
  return variance <= 1.05 * mean ? "poisson" : "negative-binomial";
}

/**
 * Pmf of discrete demand over k periods: negative binomial (mean kμ, variance kσ²) for over-dispersed
 * negative-binomial demand, Poisson (mean kμ) otherwise.
 */
function demandOver(family: DemandFamily, mean: number, variance: number): (k: number) => Float64Array {
  return (k) =>
    family === "negative-binomial" && variance > mean
      ? negativeBinomialPmf(k * mean, k * variance)
      : poissonPmf(k * mean);
}

function checkInput(input: Omit<PeriodicReviewInput, "fillRate">): void {
  const { mean, variance, leadTime: L, reviewPeriod: R } = input;
  if (!(mean >= 0) || !Number.isFinite(mean))
    throw invalidInput("mean", `must be a finite number ≥ 0, got ${mean}`);
  if (!(variance >= 0) || !Number.isFinite(variance)) {
    throw invalidInput("variance", `must be a finite number ≥ 0, got ${variance}`);
  }
  if (!(L >= 0) || !Number.isInteger(L)) throw invalidInput("leadTime", `must be an integer ≥ 0, got ${L}`);
  if (!(R >= 1) || !Number.isInteger(R))
    throw invalidInput("reviewPeriod", `must be an integer ≥ 1, got ${R}`);
}

/**
 * Expected units short per review cycle as a function of S, for the family of the input:
 * ESC(S) = E[(D_{L+R} − S)⁺] − E[(D_L − S)⁺]. Returns the function (discrete families precompute their loss
 * tables up to the support's end, beyond which ESC is 0).
 */
function shortPerCycle(
  input: Omit<PeriodicReviewInput, "fillRate">,
  family: DemandFamily,
): (S: number) => number {
  const { mean, variance, leadTime: L, reviewPeriod: R } = input;
  if (family === "normal") {
    const shortfall = (k: number, S: number) => {
      if (k === 0) return Math.max(0, -S);
      const sd = Math.sqrt(k * variance);
      return sd > 0 ? sd * normalLoss((S - k * mean) / sd) : Math.max(0, k * mean - S);
    };
    return (S) => shortfall(L + R, S) - shortfall(L, S);
  }
  const pmfOver = demandOver(family, mean, variance);
  const protection = pmfOver(L + R);
  const top = protection.length;
  const longShort = pmfShortfall(protection, top);
  const leadShort = L === 0 ? null : pmfShortfall(pmfOver(L), top);
  return (S) => {
    if (S < 0) return R * mean; // every unit of the cycle's demand is short
    if (S > top) return 0;
    return longShort[S]! - (leadShort === null ? 0 : leadShort[S]!);
  };
}

/** Fill rate β(S) of a given order-up-to level (see the formula above). */
export function periodicReviewFillRate(
  input: Omit<PeriodicReviewInput, "fillRate">,
  orderUpTo: number,
): number {
  checkInput(input);
  const family =
    input.family ?? demandFamily(input.mean, input.variance, input.leadTime + input.reviewPeriod);
  if (input.mean === 0) return 1;
  return 1 - shortPerCycle(input, family)(orderUpTo) / (input.reviewPeriod * input.mean);
}

/** The smallest integer order-up-to level whose fill rate meets the target. */
export function periodicReviewOrderUpTo(input: PeriodicReviewInput): PeriodicReviewPolicy {
  checkInput(input);
  const { mean, leadTime: L, reviewPeriod: R, fillRate } = input;
  if (!(fillRate > 0 && fillRate < 1)) throw invalidInput("fillRate", `must be in (0, 1), got ${fillRate}`);
  const family = input.family ?? demandFamily(mean, input.variance, L + R);
  if (mean === 0) return { orderUpTo: 0, safetyStock: 0, fillRate: 1, family };
  const cycleDemand = R * mean;
  const target = (1 - fillRate) * cycleDemand;
  const esc = shortPerCycle(input, family);
  // ESC(S) is non-increasing in S: double an upper bracket from the mean, then bisect on integers.
  let hi = Math.max(1, Math.ceil((L + R) * mean));
  while (esc(hi) > target) hi = 2 * hi;
  let lo = -1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (esc(mid) <= target) hi = mid;
    else lo = mid;
  }
  return { orderUpTo: hi, safetyStock: hi - (L + R) * mean, fillRate: 1 - esc(hi) / cycleDemand, family };
}

export interface MinMaxPolicy extends PeriodicReviewPolicy {
  /** Order when the inventory position at a review is at or below this level (s); s = S − 1 is base stock. */
  reorderPoint: number;
  /** Expected on-hand stock at the end of a period. */
  expectedOnHand: number;
  /** Review period R of the policy (a slow mover may be given a longer one than asked, see the search). */
  reviewPeriod: number;
}

/**
 * Fill rate of a periodic-review (R, s, S) policy under discrete demand, exactly: every R periods, when the
 * inventory position is at or below s it is raised to S. After ordering, the position Y is stationary on
 * s+1..S with P(Y = S − j) = m(j)/M(S − s), the renewal masses of the demand per review cycle D_R (pmf f):
 * m(0) = 1/(1 − f₀), m(j) = Σ_{l=1..j} f_l m(j − l)/(1 − f₀), M(k) = Σ_{j<k} m(j)
 * (Zheng & Federgruen 1991, Operations Research 39(4); Zipkin 2000, "Foundations of Inventory Management",
 * §6.4). Units short per cycle: Σ_y P(Y = y)·[E(D_{L+R} − y)⁺ − E(D_L − y)⁺], over cycle demand Rμ; on hand
 * at the end of a period, averaged over the R periods of a cycle: Σ_y P(Y = y)·(1/R)·Σ_{k=1..R} E(y − D_{L+k})⁺.
 * With R = 1 this is the daily-review (s, S) policy; with s = S − 1 the (R, S) base-stock policy.
 */
export function minMaxFillRate(
  input: Omit<PeriodicReviewInput, "fillRate" | "reviewPeriod"> & { reviewPeriod?: number },
  reorderPoint: number,
  orderUpTo: number,
): { fillRate: number; expectedOnHand: number } {
  const tables = minMaxTables({ ...input, reviewPeriod: input.reviewPeriod ?? 1 });
  return evaluateMinMax(tables, reorderPoint, orderUpTo);
}

interface MinMaxTables {
  /** Renewal masses m(0..cap) of the demand per review cycle. */
  renewal: Float64Array;
  /** Units short per cycle at inventory position y after ordering: E(D_{L+R} − y)⁺ − E(D_L − y)⁺, y = 0..cap. */
  shortAt: Float64Array;
  /** Mean on hand at the end of a period over the cycle at position y: (1/R)·Σ_k E(y − D_{L+k})⁺, y = 0..cap. */
  heldAt: Float64Array;
  /** Mean demand per period. */
  mean: number;
  reviewPeriod: number;
  leadTime: number;
  /** Positions above cap have no shortage (the demand pmfs end below it). */
  cap: number;
}

function minMaxTables(input: Omit<PeriodicReviewInput, "fillRate">): MinMaxTables {
  checkInput(input);
  const { mean, variance, leadTime: L, reviewPeriod: R } = input;
  const family = input.family ?? demandFamily(mean, variance, L + R);
  const pmfOver = demandOver(family, mean, variance);
  const cycle = pmfOver(R);
  const protection = pmfOver(L + R);
  const cap = protection.length + 3;
  const renewal = new Float64Array(cap + 2);
  const f0 = cycle[0]!;
  renewal[0] = 1 / (1 - f0);
  for (let j = 1; j < renewal.length; j++) {
    let s = 0;
    for (let l = 1; l <= j && l < cycle.length; l++) s += cycle[l]! * renewal[j - l]!;
    renewal[j] = s / (1 - f0);
  }
  const protectionLoss = pmfShortfall(protection, cap);
  const shortAt = protectionLoss.slice();
  if (L > 0) {
    const lead = pmfShortfall(pmfOver(L), cap);
    for (let y = 0; y <= cap; y++) shortAt[y] = shortAt[y]! - lead[y]!;
  }
  // E(y − D)⁺ = y − E[D] + E(D − y)⁺, averaged over the periods of the cycle
  const heldAt = new Float64Array(cap + 1);
  for (let k = 1; k <= R; k++) {
    const loss = k === R ? protectionLoss : pmfShortfall(pmfOver(L + k), cap);
    const expected = (L + k) * mean;
    for (let y = 0; y <= cap; y++) heldAt[y] = heldAt[y]! + Math.max(0, y - expected + loss[y]!) / R;
  }
  return { renewal, shortAt, heldAt, mean, reviewPeriod: R, leadTime: L, cap };
}

/** Units short per cycle and mean on hand at position y ≥ 0 (beyond the tables: none short, all held). */
function shortOf(t: MinMaxTables, y: number): number {
  return y <= t.cap ? t.shortAt[y]! : 0;
}
function heldOf(t: MinMaxTables, y: number): number {
  return y <= t.cap ? t.heldAt[y]! : y - (t.leadTime + (t.reviewPeriod + 1) / 2) * t.mean;
}

/** Renewal mass m(j), extended beyond the table by its limit 1/E[D_R] (the renewal theorem). */
function renewalOf(t: MinMaxTables, j: number): number {
  return j < t.renewal.length ? t.renewal[j]! : 1 / (t.reviewPeriod * t.mean);
}

function evaluateMinMax(t: MinMaxTables, s: number, S: number): { fillRate: number; expectedOnHand: number } {
  if (s < -1 || S <= s) throw invalidInput("reorderPoint", `must be in [−1, S − 1], got s = ${s}, S = ${S}`);
  let total = 0;
  let short = 0;
  let onHand = 0;
  for (let j = 0; j < S - s; j++) {
    const y = S - j;
    const w = renewalOf(t, j);
    total += w;
    short += w * shortOf(t, y);
    onHand += w * heldOf(t, y);
  }
  return { fillRate: 1 - short / total / (t.reviewPeriod * t.mean), expectedOnHand: onHand / total };
}

export interface PolicySearch {
  /** Highest fill rate above the target still accepted as "on target" (default 0.015). */
  margin?: number;
  /**
   * Review periods a slow mover may use instead of the input's (e.g. [1, 2, 3, 7]: order this item every
   * 2, 3 or 7 days); the input's review period is always a candidate.
   */
  reviewPeriods?: readonly number[];
}

/**
 * The cheapest policy that meets a fill-rate target. Fast movers (normal family) take the (R, S) base-stock
 * level of {@link periodicReviewOrderUpTo}. For slow movers (discrete demand) whose base-stock level
 * overshoots the target by more than the margin — whole units jump over it — every (R, s, S) with R among
 * the allowed review periods and S up to two units above that R's base-stock level is evaluated exactly,
 * and one whose fill rate lies in [target, target + margin] is chosen if it holds less stock (expected on
 * hand) than the base-stock level: the extra degrees of freedom let a slow mover land near its target, but
 * service is never bought down with more stock. Safety stock is s + 1 − μ(L + R).
 */
export function periodicReviewPolicy(input: PeriodicReviewInput, search: PolicySearch = {}): MinMaxPolicy {
  const margin = search.margin ?? 0.015;
  const base = periodicReviewOrderUpTo(input);
  const R0 = input.reviewPeriod;
  const baseOnHand = { reorderPoint: base.orderUpTo - 1, expectedOnHand: Number.NaN, reviewPeriod: R0 };
  if (base.family === "normal" || input.mean === 0) return { ...base, ...baseOnHand };
  const baseTables = minMaxTables({ ...input, family: base.family });
  const baseEval = evaluateMinMax(baseTables, base.orderUpTo - 1, base.orderUpTo);
  let best: MinMaxPolicy = {
    ...base,
    reorderPoint: base.orderUpTo - 1,
    expectedOnHand: baseEval.expectedOnHand,
    reviewPeriod: R0,
  };
  if (base.fillRate <= input.fillRate + margin) return best;
  const periods = [R0, ...(search.reviewPeriods ?? []).filter((r) => r !== R0)];
  const target = input.fillRate;
  for (const R of periods) {
    const t = R === R0 ? baseTables : minMaxTables({ ...input, reviewPeriod: R, family: base.family });
    const cycleDemand = R * input.mean;
    // S from 1 up to two units above this R's base-stock level. For each S, lower s one unit at a time
    // (adding the renewal term of position s + 1): fill rate and stock both fall, so the cheapest candidate
    // for this S is the last s that still meets the target.
    let baseAtR = Number.POSITIVE_INFINITY;
    for (let S = 1; S <= baseAtR + 2; S++) {
      let total = 0;
      let short = 0;
      let held = 0;
      let found = -2;
      let foundFill = 0;
      let foundHeld = 0;
      for (let j = 0; j <= S; j++) {
        const w = renewalOf(t, j);
        total += w;
        short += w * shortOf(t, S - j);
        held += w * heldOf(t, S - j);
        const fill = 1 - short / total / cycleDemand;
        if (fill < target) break;
        found = S - j - 1;
        foundFill = fill;
        foundHeld = held / total;
      }
      // base stock at this R meets the target from this S on (position S − 1 met it)
      if (found > -2 && baseAtR === Number.POSITIVE_INFINITY) baseAtR = S;
      if (found === -2 || foundFill > target + margin || foundHeld >= best.expectedOnHand) continue;
      best = {
        orderUpTo: S,
        reorderPoint: found,
        safetyStock: found + 1 - (input.leadTime + R) * input.mean,
        fillRate: foundFill,
        family: base.family,
        expectedOnHand: foundHeld,
        reviewPeriod: R,
      };
    }
  }
  return best;
}

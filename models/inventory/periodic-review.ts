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
  const pmfOver = (k: number) =>
    family === "poisson" || variance <= mean
      ? poissonPmf(k * mean)
      : negativeBinomialPmf(k * mean, k * variance);
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
}

/**
 * Fill rate of a daily-review (s, S) policy (R = 1) under discrete demand, exactly: after ordering, the
 * inventory position Y is stationary on s+1..S with P(Y = S − j) = m(j)/M(S − s), the renewal masses of
 * demand m(0) = 1/(1 − f₀), m(j) = Σ_{l=1..j} f_l m(j − l)/(1 − f₀), M(k) = Σ_{j<k} m(j)
 * (Zheng & Federgruen 1991, Operations Research 39(4); Zipkin 2000, "Foundations of Inventory Management",
 * §6.4). Units short per period: Σ_y P(Y = y)·[E(D_{L+1} − y)⁺ − E(D_L − y)⁺]; on hand: Σ_y P(Y = y)·E(y − D_{L+1})⁺.
 */
export function minMaxFillRate(
  input: Omit<PeriodicReviewInput, "fillRate" | "reviewPeriod">,
  reorderPoint: number,
  orderUpTo: number,
): { fillRate: number; expectedOnHand: number } {
  const tables = minMaxTables(input);
  return evaluateMinMax(tables, input.mean, reorderPoint, orderUpTo);
}

interface MinMaxTables {
  renewal: Float64Array;
  longShort: Float64Array;
  leadShort: Float64Array | null;
  protectionMean: number;
  top: number;
}

function minMaxTables(input: Omit<PeriodicReviewInput, "fillRate" | "reviewPeriod">): MinMaxTables {
  checkInput({ ...input, reviewPeriod: 1 });
  const { mean, variance, leadTime: L } = input;
  const family = input.family ?? demandFamily(mean, variance, L + 1);
  const pmfOver = (k: number) =>
    family === "negative-binomial" && variance > mean
      ? negativeBinomialPmf(k * mean, k * variance)
      : poissonPmf(k * mean);
  const daily = pmfOver(1);
  const protection = pmfOver(L + 1);
  const top = protection.length;
  const renewal = new Float64Array(top + 1);
  const f0 = daily[0]!;
  renewal[0] = 1 / (1 - f0);
  for (let j = 1; j <= top; j++) {
    let s = 0;
    for (let l = 1; l <= j && l < daily.length; l++) s += daily[l]! * renewal[j - l]!;
    renewal[j] = s / (1 - f0);
  }
  return {
    renewal,
    longShort: pmfShortfall(protection, top),
    leadShort: L === 0 ? null : pmfShortfall(pmfOver(L), top),
    protectionMean: (L + 1) * mean,
    top,
  };
}

function evaluateMinMax(
  t: MinMaxTables,
  mean: number,
  s: number,
  S: number,
): { fillRate: number; expectedOnHand: number } {
  let total = 0;
  let short = 0;
  let onHand = 0;
  for (let j = 0; j < S - s; j++) {
    const y = S - j;
    const w = t.renewal[j]!;
    total += w;
    const longShort = y < 0 ? t.protectionMean - y : y > t.top ? 0 : t.longShort[y]!;
    const leadShort =
      t.leadShort === null
        ? Math.max(0, -y)
        : y < 0
          ? t.protectionMean - mean - y
          : y > t.top
            ? 0
            : t.leadShort[y]!;
    short += w * (longShort - leadShort);
    // E(y − D)⁺ = y − E[D] + E(D − y)⁺
    onHand += w * Math.max(0, y - t.protectionMean + longShort);
  }
  return { fillRate: 1 - short / total / mean, expectedOnHand: onHand / total };
}

/**
 * The cheapest policy that meets a fill-rate target. With daily review and discrete demand (slow movers),
 * every (s, S) with S up to two units above the base-stock level is evaluated exactly, and one whose fill rate
 * lies in [target, target + margin] is chosen if it holds less stock (expected on hand) than the base-stock
 * level: the extra degree of freedom lets a slow mover land near its target where whole units of a
 * base-stock level jump over it, but service is never bought down with more stock. Otherwise
 * (fast movers, longer review periods) the (R, S) base-stock level of {@link periodicReviewOrderUpTo}.
 */
export function periodicReviewPolicy(input: PeriodicReviewInput, margin = 0.015): MinMaxPolicy {
  const base = periodicReviewOrderUpTo(input);
  const baseOnHand = { reorderPoint: base.orderUpTo - 1, expectedOnHand: Number.NaN };
  if (base.family === "normal" || input.reviewPeriod !== 1 || input.mean === 0)
    return { ...base, ...baseOnHand };
  const tables = minMaxTables(input);
  const baseEval = evaluateMinMax(tables, input.mean, base.orderUpTo - 1, base.orderUpTo);
  let best: MinMaxPolicy = {
    ...base,
    reorderPoint: base.orderUpTo - 1,
    expectedOnHand: baseEval.expectedOnHand,
  };
  if (base.fillRate <= input.fillRate + margin) return best;
  for (let S = 1; S <= base.orderUpTo + 2; S++) {
    for (let s = -1; s < S - 1; s++) {
      const e = evaluateMinMax(tables, input.mean, s, S);
      if (e.fillRate < input.fillRate || e.fillRate > input.fillRate + margin) continue;
      // never pay more stock than base stock for less service
      if (e.expectedOnHand < best.expectedOnHand) {
        best = {
          orderUpTo: S,
          reorderPoint: s,
          safetyStock: s + 1 - (input.leadTime + 1) * input.mean,
          fillRate: e.fillRate,
          family: base.family,
          expectedOnHand: e.expectedOnHand,
        };
      }
    }
  }
  return best;
}

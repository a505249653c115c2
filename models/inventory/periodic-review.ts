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

import { requireNonNegative, requirePositive } from "./check.ts";
import { normalDensity, normalQuantile } from "./normal-distribution.ts";

export interface NewsvendorNormalInput {
  /** Overage cost h per unit left over at the end of the period. */
  holdingCost: number;
  /** Underage cost p per unit of demand not met. */
  stockoutCost: number;
  /** Mean demand in the period, μ. */
  demandMean: number;
  /** Standard deviation of demand in the period, σ. */
  demandSd: number;
}

export interface NewsvendorNormalResult {
  /** S* = μ + zσ, z = Φ⁻¹(p/(p + h)). */
  baseStockLevel: number;
  /** Expected cost at S*: (h + p)σφ(z). */
  cost: number;
  /** The critical ratio p/(p + h) (the cycle service level of S*). */
  criticalRatio: number;
  /** z = Φ⁻¹(critical ratio), the safety factor. */
  safetyFactor: number;
}

/**
 * Newsvendor with normal demand: minimise g(S) = h E[(S − D)⁺] + p E[(D − S)⁺], D ~ N(μ, σ²).
 * The optimum is the critical fractile S* = μ + σΦ⁻¹(p/(p + h)), with g(S*) = (h + p)σφ(z*).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §4.3 (Theorem 4.1, eq. 4.24).
 */
export function newsvendorNormal(input: NewsvendorNormalInput): NewsvendorNormalResult {
  const { holdingCost, stockoutCost, demandMean, demandSd } = input;
  requirePositive("holdingCost", holdingCost);
  requirePositive("stockoutCost", stockoutCost);
  requireNonNegative("demandMean", demandMean);
  requireNonNegative("demandSd", demandSd);
  const criticalRatio = stockoutCost / (stockoutCost + holdingCost);
  const z = normalQuantile(criticalRatio);
  return {
    baseStockLevel: demandMean + z * demandSd,
    cost: (holdingCost + stockoutCost) * demandSd * normalDensity(z),
    criticalRatio,
    safetyFactor: z,
  };
}

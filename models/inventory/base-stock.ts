import { requireNonNegative, requirePositive } from "./check.ts";
import { normalDensity, normalQuantile } from "./normal-distribution.ts";

export interface BaseStockInput {
  /** Holding cost per unit per period, h. */
  holdingCost: number;
  /** Backorder cost per unit per period, p. */
  stockoutCost: number;
  /** Mean demand per period, μ. */
  demandMean: number;
  /** Standard deviation of demand per period, σ (periods independent). */
  demandSd: number;
  /** Replenishment lead time in periods, L ≥ 0. */
  leadTime: number;
}

export interface BaseStockResult {
  /** S* = μ(L + 1) + zσ√(L + 1), z = Φ⁻¹(p/(p + h)). */
  baseStockLevel: number;
  /** Expected holding + backorder cost per period at S*: (h + p)σ√(L + 1)φ(z). */
  costPerPeriod: number;
  /** Safety stock zσ√(L + 1). */
  safetyStock: number;
  safetyFactor: number;
}

/**
 * Periodic-review base-stock policy with lead time L and normal i.i.d. demand, backorders.
 * An order placed now arrives after L periods and covers the protection interval of L + 1 periods,
 * so the per-period cost is the newsvendor cost of the lead-time-plus-one demand
 * N(μ(L + 1), σ²(L + 1)) and S* is its critical fractile.
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §4.3.4 (Theorem 4.3, eq. 4.36);
 * Zipkin (2000), §6.2.
 */
export function baseStockWithLeadTime(input: BaseStockInput): BaseStockResult {
  const { holdingCost, stockoutCost, demandMean, demandSd, leadTime } = input;
  requirePositive("holdingCost", holdingCost);
  requirePositive("stockoutCost", stockoutCost);
  requireNonNegative("demandMean", demandMean);
  requireNonNegative("demandSd", demandSd);
  requireNonNegative("leadTime", leadTime);
  const periods = leadTime + 1;
  const sd = demandSd * Math.sqrt(periods);
  const z = normalQuantile(stockoutCost / (stockoutCost + holdingCost));
  return {
    baseStockLevel: demandMean * periods + z * sd,
    costPerPeriod: (holdingCost + stockoutCost) * sd * normalDensity(z),
    safetyStock: z * sd,
    safetyFactor: z,
  };
}

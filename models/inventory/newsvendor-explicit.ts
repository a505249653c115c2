import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative, requirePositive } from "./check.ts";
import { normalDensity, normalQuantile } from "./normal-distribution.ts";

export interface NewsvendorProfitInput {
  /** Selling price per unit sold, r. */
  revenue: number;
  /** Purchase cost per unit ordered, c (v < c < r). */
  purchaseCost: number;
  /** Salvage value per unit left over, v. */
  salvageValue: number;
  /** Mean demand, μ. */
  demandMean: number;
  /** Standard deviation of demand, σ. */
  demandSd: number;
}

export interface NewsvendorProfitResult {
  /** Q* = μ + σΦ⁻¹((r − c)/(r − v)). */
  orderQuantity: number;
  /** E[profit] at Q* = (r − c)μ − (r − v)σφ(z*). */
  expectedProfit: number;
  /** (r − c)/(r − v). */
  criticalRatio: number;
}

/**
 * Newsvendor stated with explicit price r, cost c and salvage v, normal demand.
 * Profit π(Q) = r·min(Q, D) + v·(Q − D)⁺ − cQ. With underage c_u = r − c and overage c_o = c − v this
 * is (r − c)μ − [c_o E(Q − D)⁺ + c_u E(D − Q)⁺], so Q* is the critical fractile (r − c)/(r − v) and the
 * optimal expected profit is (r − c)μ − (r − v)σφ(z*).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §4.3.3 (explicit revenue).
 */
export function newsvendorExplicitProfit(input: NewsvendorProfitInput): NewsvendorProfitResult {
  const { revenue, purchaseCost, salvageValue, demandMean, demandSd } = input;
  requirePositive("revenue", revenue);
  requireNonNegative("purchaseCost", purchaseCost);
  requireNonNegative("salvageValue", salvageValue);
  requireNonNegative("demandMean", demandMean);
  requireNonNegative("demandSd", demandSd);
  if (!(purchaseCost < revenue))
    throw invalidInput("purchaseCost", `must be below revenue (${revenue}), got ${purchaseCost}`);
  if (!(salvageValue < purchaseCost)) {
    throw invalidInput("salvageValue", `must be below purchaseCost (${purchaseCost}), got ${salvageValue}`);
  }
  const criticalRatio = (revenue - purchaseCost) / (revenue - salvageValue);
  const z = normalQuantile(criticalRatio);
  return {
    orderQuantity: demandMean + z * demandSd,
    expectedProfit:
      (revenue - purchaseCost) * demandMean - (revenue - salvageValue) * demandSd * normalDensity(z),
    criticalRatio,
  };
}

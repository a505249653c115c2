import { checkPriceBreaks, requirePositive } from "./check.ts";

export interface QuantityDiscountInput {
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Holding cost as a fraction of the unit cost per unit of time, i (h_j = i·c_j). */
  holdingCostRate: number;
  /** Demand per unit of time, λ. */
  demandRate: number;
  /** Region starts b_0 = 0 < b_1 < …; region j is [b_j, b_{j+1}). */
  breakpoints: readonly number[];
  /** Unit purchase cost c_j in region j. */
  unitCosts: readonly number[];
}

export interface QuantityDiscountResult {
  orderQuantity: number;
  /** 0-based index of the price region of the optimal order quantity. */
  region: number;
  /** Purchase + ordering + holding cost per unit of time. */
  cost: number;
}

/**
 * EOQ with all-units quantity discounts: every unit of an order of size Q ∈ [b_j, b_{j+1}) costs c_j.
 * g_j(Q) = c_jλ + Kλ/Q + i c_j Q/2. In each region the best Q is the region's EOQ √(2Kλ/(i c_j))
 * clipped up to b_j; a region whose EOQ lies at or beyond b_{j+1} is dominated by a later region and is
 * skipped. The answer is the cheapest region candidate.
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.5.2.
 */
export function eoqAllUnitsDiscount(input: QuantityDiscountInput): QuantityDiscountResult {
  const { fixedCost, holdingCostRate, demandRate, breakpoints, unitCosts } = input;
  requirePositive("fixedCost", fixedCost);
  requirePositive("holdingCostRate", holdingCostRate);
  requirePositive("demandRate", demandRate);
  checkPriceBreaks(breakpoints, unitCosts);
  let best: QuantityDiscountResult = { orderQuantity: Number.NaN, region: -1, cost: Infinity };
  for (let j = 0; j < breakpoints.length; j++) {
    const c = unitCosts[j]!;
    const h = holdingCostRate * c;
    const lower = breakpoints[j]!;
    const upper = j + 1 < breakpoints.length ? breakpoints[j + 1]! : Infinity;
    const eoq = Math.sqrt((2 * fixedCost * demandRate) / h);
    if (eoq >= upper) continue;
    const q = Math.max(eoq, lower);
    const cost = c * demandRate + (fixedCost * demandRate) / q + (h * q) / 2;
    if (cost < best.cost) best = { orderQuantity: q, region: j, cost };
  }
  return best;
}

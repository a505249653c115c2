import { checkPriceBreaks, requirePositive } from "./check.ts";
import type { QuantityDiscountInput, QuantityDiscountResult } from "./eoq-all-units-discount.ts";

/**
 * EOQ with incremental quantity discounts: the units between b_j and b_{j+1} cost c_j, so an order of
 * Q ∈ [b_j, b_{j+1}) costs c̄_j + c_j(Q − b_j), where c̄_j is the cost of the first b_j units.
 * With holding charged on the value of the average stock, i·c(Q)/2,
 *   g_j(Q) = c_jλ + (K + c̄_j − c_j b_j)λ/Q + i(c_j Q + c̄_j − c_j b_j)/2,
 * whose minimiser is Q_j = √(2λ(K + c̄_j − c_j b_j)/(i c_j)); only regions whose Q_j falls inside
 * [b_j, b_{j+1}) can hold the optimum (breakpoints are also tried). The answer is the cheapest of those.
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.5.3.
 */
export function eoqIncrementalDiscount(input: QuantityDiscountInput): QuantityDiscountResult {
  const { fixedCost, holdingCostRate, demandRate, breakpoints, unitCosts } = input;
  requirePositive("fixedCost", fixedCost);
  requirePositive("holdingCostRate", holdingCostRate);
  requirePositive("demandRate", demandRate);
  checkPriceBreaks(breakpoints, unitCosts);
  let best: QuantityDiscountResult = { orderQuantity: Number.NaN, region: -1, cost: Infinity };
  let costOfFirstUnits = 0; // c̄_j
  for (let j = 0; j < breakpoints.length; j++) {
    const c = unitCosts[j]!;
    const lower = breakpoints[j]!;
    const upper = j + 1 < breakpoints.length ? breakpoints[j + 1]! : Infinity;
    const sunk = costOfFirstUnits - c * lower; // c̄_j − c_j b_j ≥ 0 for decreasing prices
    const q = Math.sqrt((2 * demandRate * (fixedCost + sunk)) / (holdingCostRate * c));
    const regionCost = (x: number): number =>
      c * demandRate + ((fixedCost + sunk) * demandRate) / x + (holdingCostRate * (c * x + sunk)) / 2;
    if (q >= lower && q < upper) {
      const cost = regionCost(q);
      if (cost < best.cost) best = { orderQuantity: q, region: j, cost };
    } else if (lower > 0) {
      // Not needed when prices fall with quantity (g is then minimised inside a region), but it keeps
      // the answer right for any schedule: g is continuous, so a breakpoint can be the minimum.
      const cost = regionCost(lower);
      if (cost < best.cost) best = { orderQuantity: lower, region: j, cost };
    }
    if (upper < Infinity) costOfFirstUnits += c * (upper - lower);
  }
  return best;
}

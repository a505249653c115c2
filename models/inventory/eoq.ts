import { requirePositive } from "./check.ts";

export interface EconomicOrderQuantityInput {
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Holding cost per unit per unit of time (e.g. per year), h. */
  holdingCost: number;
  /** Demand per unit of time, λ (same time unit as holdingCost). */
  demandRate: number;
}

export interface EconomicOrderQuantityResult {
  /** Q* = √(2Kλ/h). */
  orderQuantity: number;
  /** Ordering + holding cost per unit of time at Q*: √(2Khλ). */
  cost: number;
  /** Time between orders, Q* divided by λ. */
  cycleLength: number;
}

/**
 * Economic order quantity (Harris 1913): deterministic constant demand, no shortages, instantaneous
 * replenishment. Cost per unit time g(Q) = Kλ/Q + hQ/2 is minimised at Q* = √(2Kλ/h), g(Q*) = √(2Khλ).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.2 (eqs. 3.4–3.5).
 *
 * @example economicOrderQuantity({ fixedCost: 8, holdingCost: 0.225, demandRate: 1300 })
 *   // → { orderQuantity: 304.05, cost: 68.41, … }
 */
export function economicOrderQuantity(input: EconomicOrderQuantityInput): EconomicOrderQuantityResult {
  const { fixedCost, holdingCost, demandRate } = input;
  requirePositive("fixedCost", fixedCost);
  requirePositive("holdingCost", holdingCost);
  requirePositive("demandRate", demandRate);
  const orderQuantity = Math.sqrt((2 * fixedCost * demandRate) / holdingCost);
  return {
    orderQuantity,
    cost: Math.sqrt(2 * fixedCost * holdingCost * demandRate),
    cycleLength: orderQuantity / demandRate,
  };
}

/** EOQ cost per unit of time of an arbitrary order quantity Q: Kλ/Q + hQ/2 (Snyder & Shen eq. 3.3). */
export function eoqCost(input: EconomicOrderQuantityInput, orderQuantity: number): number {
  requirePositive("orderQuantity", orderQuantity);
  return (input.fixedCost * input.demandRate) / orderQuantity + (input.holdingCost * orderQuantity) / 2;
}

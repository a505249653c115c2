import { requirePositive } from "./check.ts";

export interface EoqBackordersInput {
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Holding cost per unit per unit of time, h. */
  holdingCost: number;
  /** Backorder cost per unit per unit of time short, p. */
  stockoutCost: number;
  /** Demand per unit of time, λ. */
  demandRate: number;
}

export interface EoqBackordersResult {
  /** Q* = √(2Kλ(h + p)/(hp)). */
  orderQuantity: number;
  /** x* = h/(h + p), the fraction of each cycle spent with backorders. */
  stockoutFraction: number;
  /** Cost per unit of time √(2Kλhp/(h + p)). */
  cost: number;
  /** Largest backorder level x*Q* (the order arrives when backorders reach it). */
  maxBackorders: number;
}

/**
 * EOQ with planned backorders: shortages are backordered at p per unit per unit time.
 * g(Q, x) = Kλ/Q + hQ(1 − x)²/2 + pQx²/2, minimised at x* = h/(h + p), Q* = √(2Kλ(h + p)/(hp)),
 * g* = √(2Kλhp/(h + p)).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.3 (Theorem 3.2).
 */
export function eoqWithBackorders(input: EoqBackordersInput): EoqBackordersResult {
  const { fixedCost, holdingCost, stockoutCost, demandRate } = input;
  requirePositive("fixedCost", fixedCost);
  requirePositive("holdingCost", holdingCost);
  requirePositive("stockoutCost", stockoutCost);
  requirePositive("demandRate", demandRate);
  const h = holdingCost;
  const p = stockoutCost;
  const orderQuantity = Math.sqrt((2 * fixedCost * demandRate * (h + p)) / (h * p));
  const stockoutFraction = h / (h + p);
  return {
    orderQuantity,
    stockoutFraction,
    cost: Math.sqrt((2 * fixedCost * demandRate * h * p) / (h + p)),
    maxBackorders: stockoutFraction * orderQuantity,
  };
}

import { invalidInput } from "../../core/errors.ts";
import { requirePositive } from "./check.ts";

export interface EconomicProductionQuantityInput {
  /** Fixed (set-up) cost per production run, K. */
  fixedCost: number;
  /** Holding cost per unit per unit of time, h. */
  holdingCost: number;
  /** Demand per unit of time, λ. */
  demandRate: number;
  /** Production per unit of time while producing, μ > λ. */
  productionRate: number;
}

export interface EconomicProductionQuantityResult {
  /** Q* = √(2Kλ/(h(1 − ρ))), ρ = λ/μ. */
  orderQuantity: number;
  /** Cost per unit of time √(2Khλ(1 − ρ)). */
  cost: number;
  /** Share of time the line produces, ρ = λ/μ. */
  utilisation: number;
}

/**
 * Economic production quantity: the EOQ with a finite production rate μ. Inventory builds at μ − λ
 * while producing, so the peak is Q(1 − ρ) and g(Q) = Kλ/Q + h(1 − ρ)Q/2.
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.4 (eqs. 3.18–3.19).
 */
export function economicProductionQuantity(
  input: EconomicProductionQuantityInput,
): EconomicProductionQuantityResult {
  const { fixedCost, holdingCost, demandRate, productionRate } = input;
  requirePositive("fixedCost", fixedCost);
  requirePositive("holdingCost", holdingCost);
  requirePositive("demandRate", demandRate);
  requirePositive("productionRate", productionRate);
  if (productionRate <= demandRate) {
    throw invalidInput(
      "productionRate",
      `must exceed demandRate (${demandRate}) or stock can never build up, got ${productionRate}`,
    );
  }
  const rho = demandRate / productionRate;
  return {
    orderQuantity: Math.sqrt((2 * fixedCost * demandRate) / (holdingCost * (1 - rho))),
    cost: Math.sqrt(2 * fixedCost * holdingCost * demandRate * (1 - rho)),
    utilisation: rho,
  };
}

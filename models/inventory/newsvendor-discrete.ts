import { requirePositive } from "./check.ts";
import { checkPmf, expectedHoldingBackorderCost, pmfCdf, poissonPmf } from "./discrete-demand.ts";

export interface NewsvendorDiscreteInput {
  /** Overage cost h per unit left over. */
  holdingCost: number;
  /** Underage cost p per unit short. */
  stockoutCost: number;
  /** P(D = k) for k = 0..N (must sum to 1). */
  pmf: ArrayLike<number>;
}

export interface NewsvendorDiscreteResult {
  /** Smallest integer S with F(S) ≥ p/(p + h). */
  baseStockLevel: number;
  /** h E[(S − D)⁺] + p E[(D − S)⁺] at S. */
  cost: number;
  /** p/(p + h). */
  criticalRatio: number;
}

/**
 * Newsvendor with discrete demand: g(S) = h E[(S − D)⁺] + p E[(D − S)⁺] is convex on the integers and
 * g(S + 1) − g(S) = (h + p)F(S) − p, so the optimum is the smallest S with F(S) ≥ p/(p + h).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §4.3.2 (Theorem 4.2).
 */
export function newsvendorDiscrete(input: NewsvendorDiscreteInput): NewsvendorDiscreteResult {
  const { holdingCost, stockoutCost } = input;
  requirePositive("holdingCost", holdingCost);
  requirePositive("stockoutCost", stockoutCost);
  const pmf = checkPmf(input.pmf);
  return solveDiscrete(pmf, holdingCost, stockoutCost);
}

/** Newsvendor with Poisson(demandMean) demand; see {@link newsvendorDiscrete}. */
export function newsvendorPoisson(input: {
  holdingCost: number;
  stockoutCost: number;
  demandMean: number;
}): NewsvendorDiscreteResult {
  requirePositive("holdingCost", input.holdingCost);
  requirePositive("stockoutCost", input.stockoutCost);
  return solveDiscrete(poissonPmf(input.demandMean), input.holdingCost, input.stockoutCost);
}

function solveDiscrete(pmf: Float64Array, h: number, p: number): NewsvendorDiscreteResult {
  const criticalRatio = p / (p + h);
  const cdf = pmfCdf(pmf);
  let s = 0;
  // 1e-12 slack: a cdf that equals the ratio up to rounding counts as reaching it.
  while (s < cdf.length - 1 && cdf[s]! < criticalRatio - 1e-12) s++;
  const cost = expectedHoldingBackorderCost(pmf, h, p, s, s)[0]!;
  return { baseStockLevel: s, cost, criticalRatio };
}

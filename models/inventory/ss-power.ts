import { requireNonNegative, requirePositive } from "./check.ts";
import { normalQuantile } from "./normal-distribution.ts";

export interface SsPowerInput {
  /** Holding cost per unit per period, h. */
  holdingCost: number;
  /** Backorder cost per unit per period, p. */
  stockoutCost: number;
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Mean demand per period, μ. */
  demandMean: number;
  /** Standard deviation of demand per period, σ. */
  demandSd: number;
  /** Lead time in periods (default 0); protection interval L + 1. */
  leadTime?: number;
  /**
   * Apply the rule for small order quantities (default true): when Q_p/μ ≤ 1.5 the levels are capped at
   * the newsvendor level S₀ = μ_L + σ_L Φ⁻¹(p/(p + h)).
   */
  smallQuantityRule?: boolean;
}

/**
 * Revised power approximation for periodic-review (s, S) policies with normal demand (Ehrhardt &
 * Mosier 1984), with μ_L = μ(L + 1), σ_L = σ√(L + 1):
 *   Q_p = 1.30 μ^0.494 (K/h)^0.506 (1 + σ_L²/μ²)^0.116,  z = √(Q_p h/(σ_L p)),
 *   s_p = 0.973 μ_L + σ_L (0.183/z + 1.063 − 2.192 z),   S_p = s_p + Q_p;
 * and, when Q_p/μ ≤ 1.5, s = min(s_p, S₀), S = min(s_p + Q_p, S₀).
 *
 * Sources: Ehrhardt & Mosier, "A revision of the power approximation for computing (s, S) policies",
 * Management Science 30(5), 1984; Silver, Pyke & Thomas (2017), (s, S) heuristics for B-items; Snyder & Shen,
 * 2nd ed., §4.6.3.
 */
export function ssPowerApproximation(input: SsPowerInput): { reorderPoint: number; orderUpToLevel: number } {
  const { holdingCost: h, stockoutCost: p, fixedCost: K, demandMean: mu, demandSd: sigma } = input;
  requirePositive("holdingCost", h);
  requirePositive("stockoutCost", p);
  requirePositive("fixedCost", K);
  requirePositive("demandMean", mu);
  requirePositive("demandSd", sigma);
  const L = input.leadTime ?? 0;
  requireNonNegative("leadTime", L);
  const muL = mu * (L + 1);
  const sdL = sigma * Math.sqrt(L + 1);
  const Qp = 1.3 * mu ** 0.494 * (K / h) ** 0.506 * (1 + (sdL * sdL) / (mu * mu)) ** 0.116;
  const z = Math.sqrt((Qp * h) / (sdL * p));
  const sp = 0.973 * muL + sdL * (0.183 / z + 1.063 - 2.192 * z);
  if ((input.smallQuantityRule ?? true) && Qp / mu <= 1.5) {
    const S0 = muL + sdL * normalQuantile(p / (p + h));
    return { reorderPoint: Math.min(sp, S0), orderUpToLevel: Math.min(sp + Qp, S0) };
  }
  return { reorderPoint: sp, orderUpToLevel: sp + Qp };
}

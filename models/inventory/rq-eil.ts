import { WorkbenchError } from "../../core/errors.ts";
import { requireNonNegative, requirePositive } from "./check.ts";
import { normalLoss, normalQuantile } from "./normal-distribution.ts";
import { leadTimeDemand } from "./safety-stock.ts";

export interface RqNormalInput {
  /** Holding cost per unit per unit of time, h. */
  holdingCost: number;
  /** Cost per unit backordered (charged once per unit), p. */
  stockoutCost: number;
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Mean demand per unit of time, λ. */
  demandMean: number;
  /** Standard deviation of demand per unit of time, σ (lead-time demand sd is σ√L). */
  demandSd: number;
  /** Lead time L, in the same time unit. */
  leadTime: number;
}

export interface RqResult {
  /** Reorder point r. */
  reorderPoint: number;
  /** Order quantity Q. */
  orderQuantity: number;
  /** Expected cost per unit of time. */
  cost: number;
}

/**
 * Continuous-review (r, Q) policy with normal lead-time demand N(λL, σ²L), expected-inventory-level
 * (EIL) approximation of the cost (backorders charged p per unit):
 *   g(r, Q) = h(r − λL + Q/2) + [Kλ + pλ n(r)]/Q,  n(r) = σ_L L((r − λL)/σ_L).
 * Its first-order conditions give the classic iteration (Hadley & Whitin 1963):
 *   Q = √(2λ(K + p n(r))/h),  1 − F(r) = Qh/(pλ),
 * started at the EOQ and run to a fixed point (|ΔQ|, |Δr| < 1e-10).
 *
 * Source: Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §5.2.3–5.2.4 (eq. 5.14,
 * Algorithm 5.1); Hadley & Whitin, Analysis of Inventory Systems, 1963.
 */
export function rqEil(input: RqNormalInput): RqResult {
  const {
    holdingCost: h,
    stockoutCost: p,
    fixedCost: K,
    demandMean: lambda,
    demandSd: sigma,
    leadTime: L,
  } = input;
  requirePositive("holdingCost", h);
  requirePositive("stockoutCost", p);
  requirePositive("fixedCost", K);
  requirePositive("demandMean", lambda);
  requirePositive("demandSd", sigma);
  requireNonNegative("leadTime", L);
  const { mean: mu, sd } = leadTimeDemand({ demandMean: lambda, demandSd: sigma, leadTimeMean: L });
  let Q = Math.sqrt((2 * K * lambda) / h);
  let r = Number.NaN;
  for (let iteration = 0; iteration < 1000; iteration++) {
    const tail = (Q * h) / (p * lambda);
    if (!(tail < 1)) {
      throw new WorkbenchError(
        "INFEASIBLE",
        `stockoutCost: the EIL conditions need pλ > hQ (p = ${p}, λ = ${lambda}, h = ${h}, Q = ${Q}); raise stockoutCost`,
        { field: "stockoutCost" },
      );
    }
    const nextR = mu + sd * normalQuantile(1 - tail);
    const shortfall = sd * normalLoss((nextR - mu) / sd);
    const nextQ = Math.sqrt((2 * lambda * (K + p * shortfall)) / h);
    const done =
      Math.abs(nextQ - Q) < 1e-10 * Math.max(1, Q) && Math.abs(nextR - r) < 1e-10 * Math.max(1, Math.abs(r));
    Q = nextQ;
    r = nextR;
    if (done) break;
  }
  return { reorderPoint: r, orderQuantity: Q, cost: rqEilCost(input, r, Q) };
}

/** EIL cost g(r, Q) of a given policy (see {@link rqEil}). */
export function rqEilCost(input: RqNormalInput, reorderPoint: number, orderQuantity: number): number {
  const {
    holdingCost: h,
    stockoutCost: p,
    fixedCost: K,
    demandMean: lambda,
    demandSd: sigma,
    leadTime: L,
  } = input;
  const { mean: mu, sd } = leadTimeDemand({ demandMean: lambda, demandSd: sigma, leadTimeMean: L });
  const shortfall = sd > 0 ? sd * normalLoss((reorderPoint - mu) / sd) : Math.max(0, mu - reorderPoint);
  return h * (reorderPoint - mu + orderQuantity / 2) + (K * lambda + p * lambda * shortfall) / orderQuantity;
}

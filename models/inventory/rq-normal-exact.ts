import { requireNonNegative, requirePositive } from "./check.ts";
import { normalLoss, normalSecondLoss } from "./normal-distribution.ts";
import type { RqResult } from "./rq-eil.ts";
import { leadTimeDemand } from "./safety-stock.ts";

export interface RqNormalExactInput {
  /** Holding cost per unit per unit of time, h. */
  holdingCost: number;
  /** Backorder cost per unit per unit of time, p. */
  stockoutCost: number;
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Mean demand per unit of time, λ. */
  demandMean: number;
  /** Standard deviation of demand per unit of time, σ (lead-time demand N(λL, σ²L)). */
  demandSd: number;
  /** Lead time L > 0. */
  leadTime: number;
}

/**
 * Exact continuous-review (r, Q) policy for normal lead-time demand N(μ, σ_L²), μ = λL, σ_L = σ√L,
 * backorders charged p per unit per unit of time. The inventory position is uniform on [r, r + Q], so
 *   C(r, Q) = [Kλ + ∫_r^{r+Q} g(y) dy]/Q,  g(y) = h(y − μ) + (h + p) n(y),  n(y) = σ_L L((y − μ)/σ_L),
 *   ∫_r^{r+Q} g = h[Q(r − μ) + Q²/2] + (h + p)[n₂(r) − n₂(r + Q)],  n₂(y) = σ_L² L₂((y − μ)/σ_L).
 * For fixed Q the best r solves g(r) = g(r + Q) (g convex; bisection), and C*(Q) is minimised over Q by
 * golden-section search (C* is unimodal; Zheng 1992).
 *
 * Sources: Zipkin (2000), Foundations of Inventory Management, §6.4; Zheng, "On properties of
 * stochastic inventory systems", Management Science 38(1), 1992; Snyder & Shen, 2nd ed., §5.2.
 */
export function rqNormalExact(input: RqNormalExactInput): RqResult {
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
  requireNonNegative("fixedCost", K);
  requirePositive("demandMean", lambda);
  requirePositive("demandSd", sigma);
  requirePositive("leadTime", L);
  const { mean: mu, sd } = leadTimeDemand({ demandMean: lambda, demandSd: sigma, leadTimeMean: L });
  const g = (y: number): number => h * (y - mu) + (h + p) * sd * normalLoss((y - mu) / sd);
  const bestR = (Q: number): number => {
    // g(r) − g(r + Q) falls from +hQ·… to −hQ; its root is the best r
    let lo = mu - 12 * sd - Q;
    let hi = mu + 12 * sd;
    for (let i = 0; i < 200 && hi - lo > 1e-12 * (1 + Math.abs(hi)); i++) {
      const mid = 0.5 * (lo + hi);
      if (g(mid) > g(mid + Q)) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  const costAt = (r: number, Q: number): number => rqNormalExactCost(input, r, Q);
  const costOfQ = (Q: number): number => costAt(bestR(Q), Q);
  // Bracket: the optimal Q lies below the deterministic EOQ-with-backorders plus a few σ_L.
  let a = 1e-9 * (mu + sd);
  let b = Math.sqrt((2 * K * lambda * (h + p)) / (h * p)) + 12 * sd + 1e-6;
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = costOfQ(c);
  let fd = costOfQ(d);
  for (let i = 0; i < 300 && b - a > 1e-10 * (1 + b); i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = costOfQ(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = costOfQ(d);
    }
  }
  const Q = 0.5 * (a + b);
  const r = bestR(Q);
  return { reorderPoint: r, orderQuantity: Q, cost: costAt(r, Q) };
}

/** Exact cost C(r, Q) of a given policy (see {@link rqNormalExact}). */
export function rqNormalExactCost(
  input: RqNormalExactInput,
  reorderPoint: number,
  orderQuantity: number,
): number {
  const {
    holdingCost: h,
    stockoutCost: p,
    fixedCost: K,
    demandMean: lambda,
    demandSd: sigma,
    leadTime: L,
  } = input;
  const { mean: mu, sd } = leadTimeDemand({ demandMean: lambda, demandSd: sigma, leadTimeMean: L });
  const r = reorderPoint;
  const Q = orderQuantity;
  const n2 = (y: number): number => sd * sd * normalSecondLoss((y - mu) / sd);
  const integral = h * (Q * (r - mu) + (Q * Q) / 2) + (h + p) * (n2(r) - n2(r + Q));
  return (K * lambda + integral) / Q;
}

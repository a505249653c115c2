import { requireNonNegative, requirePositive } from "./check.ts";
import { poissonPmf } from "./discrete-demand.ts";
import type { RqResult } from "./rq-eil.ts";
import { periodCost } from "./ss-exact.ts";

export interface RqPoissonInput {
  /** Holding cost per unit per unit of time, h. */
  holdingCost: number;
  /** Backorder cost per unit per unit of time, p. */
  stockoutCost: number;
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Poisson demand rate per unit of time, λ. */
  demandMean: number;
  /** Lead time L (lead-time demand is Poisson(λL)). */
  leadTime: number;
}

/**
 * Exact optimal continuous-review (r, Q) policy for Poisson demand with backorders (unit demands, so
 * the inventory position is uniform on r + 1..r + Q). With g(y) = h E[(y − D_L)⁺] + p E[(D_L − y)⁺],
 *   C(r, Q) = [Kλ + Σ_{y=r+1}^{r+Q} g(y)] / Q.
 * g is convex, so for each Q the best window {r+1..r+Q} holds the Q smallest values of g and is grown
 * one point at a time from y* = argmin g, adding the cheaper neighbour; C falls while the added value is
 * below the current average, and the first Q where it is not is optimal (Federgruen & Zheng 1992).
 *
 * Source: Federgruen & Zheng, "An efficient algorithm for computing an optimal (r, Q) policy in
 * continuous review stochastic inventory systems", Operations Research 40(4), 1992; Zipkin (2000) §6.5;
 * Snyder & Shen, 2nd ed., §5.5.
 */
export function rqPoissonExact(input: RqPoissonInput): RqResult {
  const { holdingCost: h, stockoutCost: p, fixedCost: K, demandMean: lambda, leadTime: L } = input;
  requirePositive("holdingCost", h);
  requirePositive("stockoutCost", p);
  requireNonNegative("fixedCost", K);
  requirePositive("demandMean", lambda);
  requireNonNegative("leadTime", L);
  const g = periodCost(poissonPmf(lambda * L), h, p);
  let yStar = Math.floor(lambda * L);
  while (g(yStar + 1) < g(yStar)) yStar++;
  while (g(yStar - 1) < g(yStar)) yStar--;
  let low = yStar; // window is low..high = r+1..r+Q
  let high = yStar;
  let sum = g(yStar);
  let Q = 1;
  let cost = K * lambda + sum;
  for (;;) {
    const left = g(low - 1);
    const right = g(high + 1);
    const next = Math.min(left, right);
    // C(Q+1) < C(Q)  ⇔  next < C(Q)
    if (!(next < cost)) break;
    if (left < right) low--;
    else high++;
    sum += next;
    Q++;
    cost = (K * lambda + sum) / Q;
  }
  return { reorderPoint: low - 1, orderQuantity: Q, cost };
}

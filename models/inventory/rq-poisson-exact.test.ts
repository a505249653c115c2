import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { poissonPmf } from "./discrete-demand.ts";
import { rqPoissonExact } from "./rq-poisson-exact.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    holding_cost: number;
    stockout_cost: number;
    fixed_cost: number;
    demand_mean: number;
    lead_time: number;
  };
  expected: { r: number; Q: number; cost: number };
  tolerance: { rel_cost: number };
}
const cases = inventoryCases<Case>("r_Q_poisson_exact");

/** Direct cost [Kλ + Σ_{y=r+1}^{r+Q} g(y)]/Q with g summed straight from the Poisson masses. */
function directCost(
  r: number,
  Q: number,
  h: number,
  p: number,
  K: number,
  lambda: number,
  L: number,
): number {
  const pmf = poissonPmf(lambda * L);
  let total = K * lambda;
  for (let y = r + 1; y <= r + Q; y++) {
    for (let d = 0; d < pmf.length; d++) total += pmf[d]! * (d <= y ? h * (y - d) : p * (d - y));
  }
  return total / Q;
}

describe("rqPoissonExact", () => {
  it("has the r_Q_poisson_exact cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = rqPoissonExact({
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      fixedCost: c.inputs.fixed_cost,
      demandMean: c.inputs.demand_mean,
      leadTime: c.inputs.lead_time,
    });
    expect([r.reorderPoint, r.orderQuantity]).toEqual([c.expected.r, c.expected.Q]);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel_cost);
  });

  it.each([
    [1, 10, 20, 4, 1],
    [2, 25, 5, 10, 0.5],
    [0.5, 5, 50, 2, 3],
  ])("beats every (r, Q) in a brute-force box (h=%d p=%d K=%d λ=%d L=%d)", (h, p, K, lambda, L) => {
    const r = rqPoissonExact({
      holdingCost: h,
      stockoutCost: p,
      fixedCost: K,
      demandMean: lambda,
      leadTime: L,
    });
    expect(directCost(r.reorderPoint, r.orderQuantity, h, p, K, lambda, L)).toBeCloseTo(r.cost, 9);
    for (let rr = -5; rr <= 25; rr++) {
      for (let Q = 1; Q <= 40; Q++) {
        expect(directCost(rr, Q, h, p, K, lambda, L)).toBeGreaterThanOrEqual(r.cost - 1e-9);
      }
    }
  });
});

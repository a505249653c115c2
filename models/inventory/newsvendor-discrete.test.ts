import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { newsvendorDiscrete, newsvendorPoisson } from "./newsvendor-discrete.ts";

interface Case {
  id: string;
  model: string;
  inputs: { holding_cost: number; stockout_cost: number; demand_mean: number };
  expected: { base_stock_level: number; cost: number };
  tolerance: { rel_cost: number };
}
const cases = inventoryCases<Case>("newsvendor_poisson");

describe("newsvendorPoisson", () => {
  it("has the newsvendor_poisson cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = newsvendorPoisson({
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      demandMean: c.inputs.demand_mean,
    });
    expect(r.baseStockLevel).toBe(c.expected.base_stock_level);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel_cost);
  });
});

describe("newsvendorDiscrete", () => {
  // Demand on 0..4 with masses below; brute force over S = 0..4 gives the optimum.
  const pmf = [0.1, 0.2, 0.4, 0.2, 0.1];
  const cost = (S: number, h: number, p: number): number =>
    pmf.reduce((acc, f, d) => acc + f * (d < S ? h * (S - d) : p * (d - S)), 0);

  it.each([
    [1, 1],
    [1, 4],
    [3, 1],
    [1, 20],
  ])("matches a brute force over S for h = %d, p = %d", (h, p) => {
    const r = newsvendorDiscrete({ holdingCost: h, stockoutCost: p, pmf });
    let best = Infinity;
    for (let S = 0; S <= 4; S++) best = Math.min(best, cost(S, h, p));
    expect(r.cost).toBeCloseTo(best, 12);
    expect(cost(r.baseStockLevel, h, p)).toBeCloseTo(best, 12);
  });

  it("rejects masses that do not sum to one", () => {
    expect(() => newsvendorDiscrete({ holdingCost: 1, stockoutCost: 1, pmf: [0.5, 0.4] })).toThrow(/pmf/);
  });
});

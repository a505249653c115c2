import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { rqEil, rqEilCost } from "./rq-eil.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    holding_cost: number;
    stockout_cost: number;
    fixed_cost: number;
    demand_mean: number;
    demand_sd: number;
    lead_time: number;
  };
  expected: { r: number; Q: number; cost: number };
  tolerance: { rel: number };
}
const cases = inventoryCases<Case>("r_Q_normal_eil");

describe("rqEil", () => {
  it("has the r_Q_normal_eil cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const input = {
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      fixedCost: c.inputs.fixed_cost,
      demandMean: c.inputs.demand_mean,
      demandSd: c.inputs.demand_sd,
      leadTime: c.inputs.lead_time,
    };
    const r = rqEil(input);
    expect(Math.abs(r.reorderPoint / c.expected.r - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.orderQuantity / c.expected.Q - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel);
  });

  it("is a local minimum of the EIL cost (grid around the answer)", () => {
    const input = {
      holdingCost: 2,
      stockoutCost: 30,
      fixedCost: 100,
      demandMean: 5000,
      demandSd: 800,
      leadTime: 0.05,
    };
    const r = rqEil(input);
    for (let dr = -5; dr <= 5; dr++) {
      for (let dq = -5; dq <= 5; dq++) {
        expect(rqEilCost(input, r.reorderPoint + dr, r.orderQuantity + dq)).toBeGreaterThanOrEqual(
          r.cost - 1e-9,
        );
      }
    }
  });

  it("rejects a zero demand sd, naming the field", () => {
    expect(() =>
      rqEil({ holdingCost: 1, stockoutCost: 10, fixedCost: 5, demandMean: 100, demandSd: 0, leadTime: 1 }),
    ).toThrow(/demandSd/);
  });
});

import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { newsvendorExplicitProfit } from "./newsvendor-explicit.ts";
import { newsvendorNormal } from "./newsvendor-normal.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    revenue: number;
    purchase_cost: number;
    salvage_value: number;
    demand_mean: number;
    demand_sd: number;
  };
  expected: { order_quantity: number; expected_profit: number };
  tolerance: { abs_S: number; rel_profit: number };
}
const cases = inventoryCases<Case>("newsvendor_explicit_profit");

describe("newsvendorExplicitProfit", () => {
  it("has the newsvendor_explicit_profit cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = newsvendorExplicitProfit({
      revenue: c.inputs.revenue,
      purchaseCost: c.inputs.purchase_cost,
      salvageValue: c.inputs.salvage_value,
      demandMean: c.inputs.demand_mean,
      demandSd: c.inputs.demand_sd,
    });
    expect(Math.abs(r.orderQuantity - c.expected.order_quantity)).toBeLessThanOrEqual(c.tolerance.abs_S);
    expect(Math.abs(r.expectedProfit / c.expected.expected_profit - 1)).toBeLessThanOrEqual(
      c.tolerance.rel_profit,
    );
  });

  it("equals the cost form: profit = (r − c)μ − newsvendor cost with h = c − v, p = r − c", () => {
    const profit = newsvendorExplicitProfit({
      revenue: 12,
      purchaseCost: 7,
      salvageValue: 2,
      demandMean: 300,
      demandSd: 45,
    });
    const cost = newsvendorNormal({ holdingCost: 5, stockoutCost: 5, demandMean: 300, demandSd: 45 });
    expect(profit.orderQuantity).toBeCloseTo(cost.baseStockLevel, 10);
    expect(profit.expectedProfit).toBeCloseTo(5 * 300 - cost.cost, 9);
  });

  it("rejects a salvage value at or above the purchase cost", () => {
    expect(() =>
      newsvendorExplicitProfit({
        revenue: 1,
        purchaseCost: 0.3,
        salvageValue: 0.3,
        demandMean: 50,
        demandSd: 8,
      }),
    ).toThrow(/salvageValue/);
  });
});

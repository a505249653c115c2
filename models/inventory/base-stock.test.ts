import { describe, expect, it } from "vitest";
import { baseStockWithLeadTime } from "./base-stock.ts";
import { inventoryCases } from "./cases.testkit.ts";
import { newsvendorNormal } from "./newsvendor-normal.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    holding_cost: number;
    stockout_cost: number;
    demand_mean: number;
    demand_sd: number;
    lead_time: number;
  };
  expected: { base_stock_level: number; cost_per_period: number };
  tolerance: { abs_S: number; rel_cost: number };
}
const cases = inventoryCases<Case>("base_stock_lead_time");

describe("baseStockWithLeadTime", () => {
  it("has the base_stock_lead_time cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = baseStockWithLeadTime({
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      demandMean: c.inputs.demand_mean,
      demandSd: c.inputs.demand_sd,
      leadTime: c.inputs.lead_time,
    });
    expect(Math.abs(r.baseStockLevel - c.expected.base_stock_level)).toBeLessThanOrEqual(c.tolerance.abs_S);
    expect(Math.abs(r.costPerPeriod / c.expected.cost_per_period - 1)).toBeLessThanOrEqual(
      c.tolerance.rel_cost,
    );
  });

  it("with zero lead time is the newsvendor", () => {
    const a = baseStockWithLeadTime({
      holdingCost: 1,
      stockoutCost: 9,
      demandMean: 40,
      demandSd: 6,
      leadTime: 0,
    });
    const b = newsvendorNormal({ holdingCost: 1, stockoutCost: 9, demandMean: 40, demandSd: 6 });
    expect(a.baseStockLevel).toBeCloseTo(b.baseStockLevel, 12);
    expect(a.costPerPeriod).toBeCloseTo(b.cost, 12);
  });

  it("rejects a negative lead time, naming the field", () => {
    expect(() =>
      baseStockWithLeadTime({ holdingCost: 1, stockoutCost: 9, demandMean: 40, demandSd: 6, leadTime: -1 }),
    ).toThrow(/leadTime/);
  });
});

import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { economicOrderQuantity } from "./eoq.ts";
import { economicProductionQuantity } from "./epq.ts";

interface Case {
  id: string;
  model: string;
  inputs: { fixed_cost: number; holding_cost: number; demand_rate: number; production_rate: number };
  expected: { order_quantity: number; cost: number };
  tolerance: { rel: number };
}
const cases = inventoryCases<Case>("epq");

describe("economicProductionQuantity", () => {
  it("has the epq cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = economicProductionQuantity({
      fixedCost: c.inputs.fixed_cost,
      holdingCost: c.inputs.holding_cost,
      demandRate: c.inputs.demand_rate,
      productionRate: c.inputs.production_rate,
    });
    expect(Math.abs(r.orderQuantity / c.expected.order_quantity - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel);
  });

  it("tends to the EOQ as the production rate grows", () => {
    const eoq = economicOrderQuantity({ fixedCost: 4, holdingCost: 0.08, demandRate: 80 });
    const epq = economicProductionQuantity({
      fixedCost: 4,
      holdingCost: 0.08,
      demandRate: 80,
      productionRate: 1e12,
    });
    expect(epq.orderQuantity).toBeCloseTo(eoq.orderQuantity, 6);
    expect(epq.cost).toBeCloseTo(eoq.cost, 6);
  });

  it("rejects a production rate at or below the demand rate", () => {
    expect(() =>
      economicProductionQuantity({ fixedCost: 4, holdingCost: 0.08, demandRate: 80, productionRate: 80 }),
    ).toThrow(/productionRate/);
  });
});

import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { eoqWithBackorders } from "./eoq-backorders.ts";

interface Case {
  id: string;
  model: string;
  inputs: { fixed_cost: number; holding_cost: number; stockout_cost: number; demand_rate: number };
  expected: { order_quantity: number; stockout_fraction: number; cost: number };
  tolerance: { rel: number };
}
const cases = inventoryCases<Case>("eoq_backorders");

describe("eoqWithBackorders", () => {
  it("has the eoq_backorders cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = eoqWithBackorders({
      fixedCost: c.inputs.fixed_cost,
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      demandRate: c.inputs.demand_rate,
    });
    expect(Math.abs(r.orderQuantity / c.expected.order_quantity - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.stockoutFraction / c.expected.stockout_fraction - 1)).toBeLessThanOrEqual(
      c.tolerance.rel,
    );
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel);
  });

  it("minimises Kλ/Q + hQ(1−x)²/2 + pQx²/2 (grid search cross-check)", () => {
    const K = 20;
    const h = 3;
    const p = 12;
    const lambda = 500;
    const r = eoqWithBackorders({ fixedCost: K, holdingCost: h, stockoutCost: p, demandRate: lambda });
    let best = Infinity;
    for (let q = 10; q <= 200; q += 0.1) {
      for (let x = 0; x <= 1; x += 0.002) {
        const c = (K * lambda) / q + (h * q * (1 - x) ** 2) / 2 + (p * q * x * x) / 2;
        if (c < best) best = c;
      }
    }
    expect(r.cost).toBeLessThanOrEqual(best + 1e-9);
    expect(r.cost).toBeGreaterThan(best - 0.01);
  });

  it("tends to the plain EOQ as the backorder cost grows", () => {
    const r = eoqWithBackorders({ fixedCost: 8, holdingCost: 0.225, stockoutCost: 1e12, demandRate: 1300 });
    expect(r.orderQuantity).toBeCloseTo(Math.sqrt((2 * 8 * 1300) / 0.225), 4);
  });

  it("rejects a zero stockout cost, naming the field", () => {
    expect(() =>
      eoqWithBackorders({ fixedCost: 8, holdingCost: 0.2, stockoutCost: 0, demandRate: 10 }),
    ).toThrow(/stockoutCost/);
  });
});

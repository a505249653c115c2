import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../../core/errors.ts";
import { inventoryCases } from "./cases.testkit.ts";
import { economicOrderQuantity, eoqCost } from "./eoq.ts";

interface Case {
  id: string;
  model: string;
  inputs: { fixed_cost: number; holding_cost: number; demand_rate: number };
  expected: { order_quantity: number; cost: number };
  tolerance: { rel: number };
}
const cases = inventoryCases<Case>("eoq");

describe("economicOrderQuantity", () => {
  it("has the eoq cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = economicOrderQuantity({
      fixedCost: c.inputs.fixed_cost,
      holdingCost: c.inputs.holding_cost,
      demandRate: c.inputs.demand_rate,
    });
    expect(Math.abs(r.orderQuantity / c.expected.order_quantity - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel);
  });

  it("is the minimum of Kλ/Q + hQ/2 (grid search cross-check)", () => {
    const input = { fixedCost: 50, holdingCost: 2.5, demandRate: 900 };
    const r = economicOrderQuantity(input);
    let bestQ = 0;
    let best = Infinity;
    for (let q = 1; q <= 1000; q += 0.01) {
      const c = eoqCost(input, q);
      if (c < best) {
        best = c;
        bestQ = q;
      }
    }
    expect(r.orderQuantity).toBeCloseTo(bestQ, 1);
    expect(r.cost).toBeCloseTo(best, 4);
    // at the optimum, ordering and holding costs are equal
    expect((input.fixedCost * input.demandRate) / r.orderQuantity).toBeCloseTo(
      (input.holdingCost * r.orderQuantity) / 2,
      9,
    );
  });

  it("rejects a negative cost and a zero demand rate, naming the field", () => {
    expect(() => economicOrderQuantity({ fixedCost: -1, holdingCost: 1, demandRate: 1 })).toThrow(
      /fixedCost/,
    );
    expect(() => economicOrderQuantity({ fixedCost: 1, holdingCost: 1, demandRate: 0 })).toThrow(
      WorkbenchError,
    );
    expect(() => economicOrderQuantity({ fixedCost: 1, holdingCost: 1, demandRate: 0 })).toThrow(
      /demandRate/,
    );
  });
});

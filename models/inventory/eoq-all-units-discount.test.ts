import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { eoqAllUnitsDiscount } from "./eoq-all-units-discount.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    fixed_cost: number;
    holding_cost_rate: number;
    demand_rate: number;
    breakpoints: number[];
    unit_costs: number[];
  };
  expected: { order_quantity: number; region: number; cost: number };
  tolerance: { rel: number };
}
const cases = inventoryCases<Case>("eoq_all_units_discount");

/** Brute force: the cost of every Q on a fine grid, with the all-units price of Q's region. */
function bruteForce(K: number, i: number, lambda: number, b: number[], c: number[]): number {
  let best = Infinity;
  for (let q = 1; q <= 5 * b[b.length - 1]! + 5000; q += 0.5) {
    let j = 0;
    while (j + 1 < b.length && q >= b[j + 1]!) j++;
    const cost = c[j]! * lambda + (K * lambda) / q + (i * c[j]! * q) / 2;
    if (cost < best) best = cost;
  }
  return best;
}

describe("eoqAllUnitsDiscount", () => {
  it("has the eoq_all_units_discount cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = eoqAllUnitsDiscount({
      fixedCost: c.inputs.fixed_cost,
      holdingCostRate: c.inputs.holding_cost_rate,
      demandRate: c.inputs.demand_rate,
      breakpoints: c.inputs.breakpoints,
      unitCosts: c.inputs.unit_costs,
    });
    expect(r.region).toBe(c.expected.region);
    expect(Math.abs(r.orderQuantity / c.expected.order_quantity - 1)).toBeLessThanOrEqual(c.tolerance.rel);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel);
  });

  it("is no worse than a grid search, and within its resolution", () => {
    const b = [0, 100, 300, 1000];
    const c = [10, 9.5, 9.2, 9.1];
    const r = eoqAllUnitsDiscount({
      fixedCost: 40,
      holdingCostRate: 0.2,
      demandRate: 2000,
      breakpoints: b,
      unitCosts: c,
    });
    const grid = bruteForce(40, 0.2, 2000, b, c);
    expect(r.cost).toBeLessThanOrEqual(grid + 1e-9);
    expect(r.cost).toBeGreaterThan(grid - 0.05);
  });

  it("rejects a schedule whose breakpoints do not start at 0 or whose lengths differ", () => {
    const base = { fixedCost: 8, holdingCostRate: 0.3, demandRate: 1300 };
    expect(() => eoqAllUnitsDiscount({ ...base, breakpoints: [10, 400], unitCosts: [1, 0.9] })).toThrow(
      /breakpoints/,
    );
    expect(() => eoqAllUnitsDiscount({ ...base, breakpoints: [0, 400], unitCosts: [1] })).toThrow(
      /unitCosts/,
    );
  });
});

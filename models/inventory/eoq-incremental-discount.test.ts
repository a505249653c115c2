import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { eoqIncrementalDiscount } from "./eoq-incremental-discount.ts";

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
const cases = inventoryCases<Case>("eoq_incremental_discount");

/** Brute force on a grid: purchase cost of Q units priced incrementally, holding on i·c(Q)/2. */
function bruteForce(K: number, i: number, lambda: number, b: number[], c: number[], qMax: number): number {
  let best = Infinity;
  for (let q = 1; q <= qMax; q += 1) {
    let purchase = 0;
    for (let j = 0; j < b.length; j++) {
      const top = j + 1 < b.length ? b[j + 1]! : Infinity;
      if (q > b[j]!) purchase += c[j]! * (Math.min(q, top) - b[j]!);
    }
    const cost = (purchase / q) * lambda + (K * lambda) / q + (i * purchase) / 2;
    if (cost < best) best = cost;
  }
  return best;
}

describe("eoqIncrementalDiscount", () => {
  it("has the eoq_incremental_discount cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = eoqIncrementalDiscount({
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

  it("agrees with a brute force over integer order quantities", () => {
    const b = [0, 100, 300];
    const c = [10, 9, 8.5];
    const r = eoqIncrementalDiscount({
      fixedCost: 150,
      holdingCostRate: 0.25,
      demandRate: 3000,
      breakpoints: b,
      unitCosts: c,
    });
    const grid = bruteForce(150, 0.25, 3000, b, c, 5000);
    expect(r.cost).toBeLessThanOrEqual(grid + 1e-9);
    expect(r.cost).toBeGreaterThan(grid - 0.01);
  });
});

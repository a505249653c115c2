import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { inventoryCases } from "./cases.testkit.ts";
import { wagnerWhitin } from "./wagner-whitin.ts";

interface Case {
  id: string;
  model: string;
  inputs: { num_periods: number; holding_cost: number; fixed_cost: number; demand: number[] };
  expected: { order_quantities_by_period: number[]; total_cost: number };
  tolerance: { cost_rel: number };
}
const cases = inventoryCases<Case>("wagner_whitin");

/** Brute force over all 2^(T−1) order-period subsets (period 1 always orders when demand is positive). */
function bruteForce(d: number[], K: number, h: number): number {
  const T = d.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << (T - 1); mask++) {
    let cost = 0;
    let t = 0;
    while (t < T) {
      let end = t + 1;
      while (end < T && !(mask & (1 << (end - 1)))) end++;
      let any = false;
      for (let k = t; k < end; k++) {
        cost += h * (k - t) * d[k]!;
        if (d[k]! > 0) any = true;
      }
      if (any) cost += K;
      t = end;
    }
    best = Math.min(best, cost);
  }
  return best;
}

describe("wagnerWhitin", () => {
  it("has the wagner_whitin cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = wagnerWhitin({
      demand: c.inputs.demand,
      fixedCost: c.inputs.fixed_cost,
      holdingCost: c.inputs.holding_cost,
    });
    expect(r.orderQuantities.length).toBe(c.inputs.num_periods);
    expect(Array.from(r.orderQuantities)).toEqual(c.expected.order_quantities_by_period);
    expect(Math.abs(r.totalCost / c.expected.total_cost - 1)).toBeLessThanOrEqual(c.tolerance.cost_rel);
  });

  it("matches a brute force over order-period subsets on random instances", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 30; trial++) {
      const T = 2 + rng.int(9);
      const d = Array.from({ length: T }, () => (rng.uniform() < 0.15 ? 0 : 1 + rng.int(200)));
      const K = 50 + rng.int(400);
      const h = 0.1 + rng.uniform() * 3;
      const r = wagnerWhitin({ demand: d, fixedCost: K, holdingCost: h });
      expect(r.totalCost).toBeCloseTo(bruteForce(d, K, h), 8);
      expect(r.orderQuantities.reduce((a, b) => a + b, 0)).toBeCloseTo(
        d.reduce((a, b) => a + b, 0),
        9,
      );
    }
  });

  it("rejects a negative demand, naming the period", () => {
    expect(() => wagnerWhitin({ demand: [5, -1], fixedCost: 1, holdingCost: 1 })).toThrow(/demand\[1\]/);
  });
});

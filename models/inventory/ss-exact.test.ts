import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { poissonPmf } from "./discrete-demand.ts";
import { periodCost, ssExact } from "./ss-exact.ts";

interface Case {
  id: string;
  model: string;
  inputs: {
    holding_cost: number;
    stockout_cost: number;
    fixed_cost: number;
    demand_mean?: number;
    rows?: number[];
  };
  expected: {
    s?: number;
    S?: number;
    cost?: number;
    rows?: { demand_mean: number; s: number; S: number; cost: number }[];
  };
  tolerance: { rel_cost?: number; cost_abs?: number };
}
const cases = inventoryCases<Case>("s_S_poisson_exact");

/**
 * Exact cost of (s, S) by the stationary distribution of the inventory position (a Markov chain on
 * s+1..S), computed by power iteration: an independent check of the renewal formula.
 */
function markovCost(s: number, S: number, h: number, p: number, K: number, mean: number): number {
  const pmf = poissonPmf(mean);
  const g = periodCost(pmf, h, p);
  const n = S - s;
  let pi = new Float64Array(n).fill(1 / n); // index i ↔ inventory position s+1+i at the start of a period
  for (let iter = 0; iter < 5000; iter++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const y = s + 1 + i;
      for (let d = 0; d < pmf.length; d++) {
        const after = y - d;
        const to = after <= s ? n - 1 : after - s - 1;
        next[to] = next[to]! + pi[i]! * pmf[d]!;
      }
    }
    pi = next;
  }
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const y = s + 1 + i;
    let orderProb = 0;
    for (let d = 0; d < pmf.length; d++) if (y - d <= s) orderProb += pmf[d]!;
    cost += pi[i]! * (g(y) + K * orderProb);
  }
  return cost;
}

describe("ssExact (Zheng–Federgruen)", () => {
  it("has the s_S_poisson_exact cases to check", () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(`matches ${c.id}`, () => {
      const base = {
        holdingCost: c.inputs.holding_cost,
        stockoutCost: c.inputs.stockout_cost,
        fixedCost: c.inputs.fixed_cost,
      };
      if (c.expected.rows !== undefined) {
        for (const row of c.expected.rows) {
          const r = ssExact({ ...base, demandMean: row.demand_mean });
          expect([r.reorderPoint, r.orderUpToLevel]).toEqual([row.s, row.S]);
          expect(Math.abs(r.cost - row.cost)).toBeLessThanOrEqual(c.tolerance.cost_abs!);
        }
      } else {
        const r = ssExact({ ...base, demandMean: c.inputs.demand_mean! });
        expect([r.reorderPoint, r.orderUpToLevel]).toEqual([c.expected.s, c.expected.S]);
        expect(Math.abs(r.cost / c.expected.cost! - 1)).toBeLessThanOrEqual(c.tolerance.rel_cost!);
      }
    });
  }

  it("its cost equals the Markov-chain cost and beats every (s, S) nearby (brute force)", () => {
    const h = 1;
    const p = 4;
    const K = 5;
    const mean = 6;
    const r = ssExact({ holdingCost: h, stockoutCost: p, fixedCost: K, demandMean: mean });
    expect(markovCost(r.reorderPoint, r.orderUpToLevel, h, p, K, mean)).toBeCloseTo(r.cost, 8);
    for (let s = 0; s <= 8; s++) {
      for (let S = s + 1; S <= 16; S++) {
        expect(markovCost(s, S, h, p, K, mean)).toBeGreaterThanOrEqual(r.cost - 1e-9);
      }
    }
  });

  it("accepts an explicit pmf equal to the Poisson one", () => {
    const pmf = Array.from(poissonPmf(6));
    const r = ssExact({ holdingCost: 1, stockoutCost: 4, fixedCost: 5, pmf });
    expect([r.reorderPoint, r.orderUpToLevel]).toEqual([4, 10]);
  });

  it("with a lead time, the convolved pmf path equals the Poisson path (demand over L + 1 periods)", () => {
    const viaPoisson = ssExact({
      holdingCost: 1,
      stockoutCost: 9,
      fixedCost: 20,
      demandMean: 3,
      leadTime: 2,
    });
    const viaPmf = ssExact({
      holdingCost: 1,
      stockoutCost: 9,
      fixedCost: 20,
      pmf: Array.from(poissonPmf(3)),
      leadTime: 2,
    });
    expect([viaPmf.reorderPoint, viaPmf.orderUpToLevel]).toEqual([
      viaPoisson.reorderPoint,
      viaPoisson.orderUpToLevel,
    ]);
    expect(viaPmf.cost).toBeCloseTo(viaPoisson.cost, 9);
    // the protection interval shifts the levels up by about the lead-time demand (2 × 3)
    const noLead = ssExact({ holdingCost: 1, stockoutCost: 9, fixedCost: 20, demandMean: 3 });
    expect(viaPoisson.orderUpToLevel - noLead.orderUpToLevel).toBeGreaterThanOrEqual(5);
    expect(viaPoisson.orderUpToLevel - noLead.orderUpToLevel).toBeLessThanOrEqual(8);
  });

  it("rejects a missing demand and a zero fixed cost", () => {
    expect(() => ssExact({ holdingCost: 1, stockoutCost: 4, fixedCost: 5 })).toThrow(/pmf/);
    expect(() => ssExact({ holdingCost: 1, stockoutCost: 4, fixedCost: 0, demandMean: 3 })).toThrow(
      /fixedCost/,
    );
  });
});

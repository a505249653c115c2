import { describe, expect, it } from "vitest";
import { inventoryCases } from "./cases.testkit.ts";
import { newsvendorNormal } from "./newsvendor-normal.ts";
import { normalCdf, normalDensity } from "./normal-distribution.ts";

interface Case {
  id: string;
  model: string;
  inputs: { holding_cost: number; stockout_cost: number; demand_mean: number; demand_sd: number };
  expected: { base_stock_level: number; cost: number };
  tolerance: { abs_S: number; rel_cost: number };
}
const cases = inventoryCases<Case>("newsvendor_normal");

/** Expected cost h E(S−D)⁺ + p E(D−S)⁺ by numerical integration over the normal density. */
function integratedCost(S: number, h: number, p: number, mu: number, sd: number): number {
  let total = 0;
  const step = sd / 2000;
  for (let x = mu - 12 * sd; x <= mu + 12 * sd; x += step) {
    const w = (normalDensity((x - mu) / sd) / sd) * step;
    total += w * (x < S ? h * (S - x) : p * (x - S));
  }
  return total;
}

describe("newsvendorNormal", () => {
  it("has the newsvendor_normal cases to check", () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases.map((c) => [c.id, c] as const))("matches %s", (_id, c) => {
    const r = newsvendorNormal({
      holdingCost: c.inputs.holding_cost,
      stockoutCost: c.inputs.stockout_cost,
      demandMean: c.inputs.demand_mean,
      demandSd: c.inputs.demand_sd,
    });
    expect(Math.abs(r.baseStockLevel - c.expected.base_stock_level)).toBeLessThanOrEqual(c.tolerance.abs_S);
    expect(Math.abs(r.cost / c.expected.cost - 1)).toBeLessThanOrEqual(c.tolerance.rel_cost);
  });

  it("closed form agrees with the integrated cost, and S* is its critical fractile", () => {
    const input = { holdingCost: 2, stockoutCost: 7, demandMean: 120, demandSd: 30 };
    const r = newsvendorNormal(input);
    expect(normalCdf((r.baseStockLevel - 120) / 30)).toBeCloseTo(7 / 9, 12);
    expect(integratedCost(r.baseStockLevel, 2, 7, 120, 30)).toBeCloseTo(r.cost, 4);
    // nearby levels cost more
    expect(integratedCost(r.baseStockLevel + 3, 2, 7, 120, 30)).toBeGreaterThan(r.cost);
    expect(integratedCost(r.baseStockLevel - 3, 2, 7, 120, 30)).toBeGreaterThan(r.cost);
  });

  it("rejects a negative holding cost, naming the field", () => {
    expect(() => newsvendorNormal({ holdingCost: -1, stockoutCost: 1, demandMean: 5, demandSd: 1 })).toThrow(
      /holdingCost/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { newsvendorNormal } from "./newsvendor-normal.ts";
import { ssPowerApproximation } from "./ss-power.ts";

describe("ssPowerApproximation", () => {
  // Snyder & Shen (2nd ed.) power-approximation example, h = 0.18, p = 0.70, K = 2.5, N(50, 8²):
  // s = 40.1946, S = 74.2902 (the values stockpyl v1.0.2 documents for s_s_power_approximation).
  const example = { holdingCost: 0.18, stockoutCost: 0.7, fixedCost: 2.5, demandMean: 50, demandSd: 8 };

  it("reproduces the published example without the small-quantity rule", () => {
    const r = ssPowerApproximation({ ...example, smallQuantityRule: false });
    expect(r.reorderPoint).toBeCloseTo(40.19461695647407, 9);
    expect(r.orderUpToLevel).toBeCloseTo(74.29017010980579, 9);
  });

  it("caps both levels at the newsvendor level when Q_p/μ ≤ 1.5", () => {
    const r = ssPowerApproximation(example); // Q_p/μ ≈ 0.68
    const S0 = newsvendorNormal(example).baseStockLevel;
    expect(r.orderUpToLevel).toBeCloseTo(S0, 9);
    expect(r.reorderPoint).toBeCloseTo(40.19461695647407, 9);
  });

  it("orders more at a time when the fixed cost grows", () => {
    const small = ssPowerApproximation({ ...example, fixedCost: 50, smallQuantityRule: false });
    const large = ssPowerApproximation({ ...example, fixedCost: 500, smallQuantityRule: false });
    expect(large.orderUpToLevel - large.reorderPoint).toBeGreaterThan(
      small.orderUpToLevel - small.reorderPoint,
    );
  });

  it("rejects a zero fixed cost, naming the field", () => {
    expect(() => ssPowerApproximation({ ...example, fixedCost: 0 })).toThrow(/fixedCost/);
  });
});

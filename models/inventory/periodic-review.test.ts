import { describe, expect, it } from "vitest";
import { FAMILY_CODE, simulateOrderUpToFleet } from "../../simulator/order-up-to-fleet.ts";
import { normalLoss } from "./normal-distribution.ts";
import { type DemandFamily, periodicReviewFillRate, periodicReviewOrderUpTo } from "./periodic-review.ts";

/** Long-run fill rate of one (R, S) system by simulation (independent of the formula). */
function simulatedFillRate(
  mean: number,
  variance: number,
  L: number,
  R: number,
  S: number,
  family: DemandFamily,
): number {
  const r = simulateOrderUpToFleet({
    orderUpTo: Float64Array.of(S),
    leadTime: Int32Array.of(L),
    reviewPeriod: Int32Array.of(R),
    mean: Float64Array.of(mean),
    variance: Float64Array.of(variance),
    family: Uint8Array.of(FAMILY_CODE[family]),
    firstPair: 0,
    periods: 20_000,
    warmup: 50,
    replications: 10,
    seed: 7,
  });
  return r.fillRate[0]!;
}

describe("periodic-review (R, S) fill rate", () => {
  const cases: [string, number, number, number, number, DemandFamily][] = [
    ["Poisson, L 2, R 1", 3, 3, 2, 1, "poisson"],
    ["negative binomial, L 1, R 3", 0.8, 2.4, 1, 3, "negative-binomial"],
    ["normal, L 3, R 2", 50, 100, 3, 2, "normal"],
  ];
  for (const [name, mean, variance, L, R, family] of cases) {
    it(`matches a 200,000-period simulation at the chosen S (${name})`, () => {
      const policy = periodicReviewOrderUpTo({
        mean,
        variance,
        leadTime: L,
        reviewPeriod: R,
        fillRate: 0.95,
      });
      expect(policy.family).toBe(family);
      expect(policy.fillRate).toBeGreaterThanOrEqual(0.95);
      // one unit less misses the target: S is the smallest level that meets it
      expect(
        periodicReviewFillRate({ mean, variance, leadTime: L, reviewPeriod: R }, policy.orderUpTo - 1),
      ).toBeLessThan(0.95);
      const simulated = simulatedFillRate(mean, variance, L, R, policy.orderUpTo, family);
      expect(Math.abs(simulated - policy.fillRate)).toBeLessThan(0.006);
    });
  }

  it("reduces to the closed form for normal demand without lead time: β = 1 − σ√R·G((S − Rμ)/(σ√R))/(Rμ)", () => {
    const mean = 40;
    const variance = 64;
    const R = 4;
    const S = 175;
    const sd = Math.sqrt(R * variance);
    const expected = 1 - (sd * normalLoss((S - R * mean) / sd)) / (R * mean);
    expect(periodicReviewFillRate({ mean, variance, leadTime: 0, reviewPeriod: R }, S)).toBeCloseTo(
      expected,
      12,
    );
  });

  it("names the bad field", () => {
    expect(() =>
      periodicReviewOrderUpTo({ mean: 1, variance: 1, leadTime: 1, reviewPeriod: 1, fillRate: 1 }),
    ).toThrow(/fillRate: must be in \(0, 1\)/);
    expect(() =>
      periodicReviewOrderUpTo({ mean: -1, variance: 1, leadTime: 1, reviewPeriod: 1, fillRate: 0.9 }),
    ).toThrow(/mean:/);
    expect(() =>
      periodicReviewOrderUpTo({ mean: 1, variance: 1, leadTime: 1.5, reviewPeriod: 1, fillRate: 0.9 }),
    ).toThrow(/leadTime:/);
  });

  it("holds no stock for an item without demand", () => {
    expect(
      periodicReviewOrderUpTo({ mean: 0, variance: 0, leadTime: 2, reviewPeriod: 1, fillRate: 0.99 })
        .orderUpTo,
    ).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { FAMILY_CODE, simulateOrderUpToFleet } from "../../simulator/order-up-to-fleet.ts";
import { normalLoss } from "./normal-distribution.ts";
import {
  type DemandFamily,
  minMaxFillRate,
  periodicReviewFillRate,
  periodicReviewOrderUpTo,
  periodicReviewPolicy,
} from "./periodic-review.ts";

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

describe("daily-review (s, S) for slow movers", () => {
  it("has the fill rate and stock on hand of a long simulation of the same (R, s, S) system", () => {
    for (const [mean, L, R, s, S] of [
      [0.2264, 4, 1, 1, 5],
      [0.3, 2, 1, 1, 4],
      [2, 1, 1, 2, 8],
      [0.3, 2, 3, 1, 4],
      [0.6, 2, 7, 3, 9],
      [0.05, 4, 5, 0, 2],
    ] as const) {
      const formula = minMaxFillRate(
        { mean, variance: mean, leadTime: L, reviewPeriod: R, family: "poisson" },
        s,
        S,
      );
      const sim = simulateOrderUpToFleet({
        orderUpTo: Float64Array.of(S),
        reorderPoint: Float64Array.of(s),
        leadTime: Int32Array.of(L),
        reviewPeriod: Int32Array.of(R),
        mean: Float64Array.of(mean),
        variance: Float64Array.of(mean),
        family: Uint8Array.of(FAMILY_CODE.poisson),
        firstPair: 0,
        periods: 100_000,
        warmup: 100,
        replications: 4,
        seed: 3,
      });
      expect(Math.abs(formula.fillRate - sim.fillRate[0]!)).toBeLessThan(0.006);
      expect(Math.abs(formula.expectedOnHand - sim.meanOnHand[0]!)).toBeLessThan(0.02 * S);
    }
  });

  it("equals the base-stock formula when s = S − 1", () => {
    const input = { mean: 0.4, variance: 0.4, leadTime: 3, family: "poisson" as const };
    expect(minMaxFillRate(input, 2, 3).fillRate).toBeCloseTo(
      periodicReviewFillRate({ ...input, reviewPeriod: 1 }, 3),
      10,
    );
  });

  it("meets the target and never holds more stock than base stock (brute force over (R, s, S))", () => {
    const chosenPeriods = new Set<number>();
    for (const [mean, L, target, periods] of [
      [0.2264, 4, 0.9, []],
      [0.05, 3, 0.95, []],
      [0.8, 2, 0.9, []],
      [1.6, 2, 0.9, []],
      [0.2264, 4, 0.9, [2, 3, 7]],
      [0.6588, 2, 0.95, [2, 3, 4, 5, 6, 7]],
      [0.2, 2, 0.9, [2, 3]],
      [0.02, 2, 0.9, [2, 7]],
      [0.260858, 2, 0.9, [2, 3, 4, 5, 6, 7]],
      [0.069041, 2, 0.9, [2, 3, 4, 5, 6, 7]],
    ] as const) {
      const input = { mean, variance: mean, leadTime: L, reviewPeriod: 1, fillRate: target };
      const base = periodicReviewOrderUpTo(input);
      const baseOnHand = minMaxFillRate(input, base.orderUpTo - 1, base.orderUpTo).expectedOnHand;
      const p = periodicReviewPolicy(input, { reviewPeriods: periods });
      expect(p.fillRate).toBeGreaterThanOrEqual(target);
      expect(p.expectedOnHand).toBeLessThanOrEqual(baseOnHand + 1e-12);
      // the choice is the cheapest in-band (R, s, S) when one beats base stock: every s, S ≤ 15, every R
      let cheapest = baseOnHand;
      let cheapestR = 1;
      for (const R of [1, ...periods]) {
        for (let S = 1; S <= 15; S++) {
          for (let s = -1; s < S; s++) {
            const e = minMaxFillRate({ ...input, reviewPeriod: R }, s, S);
            if (e.fillRate >= target && e.fillRate <= target + 0.015 && e.expectedOnHand < cheapest) {
              cheapest = e.expectedOnHand;
              cheapestR = R;
            }
          }
        }
      }
      expect(p.expectedOnHand).toBeCloseTo(cheapest, 12);
      expect(p.reviewPeriod).toBe(cheapestR);
      chosenPeriods.add(p.reviewPeriod);
      const check = minMaxFillRate({ ...input, reviewPeriod: p.reviewPeriod }, p.reorderPoint, p.orderUpTo);
      expect(check.fillRate).toBeCloseTo(p.fillRate, 12);
    }
    // the cases exercise the longer review periods, not only daily review
    expect([...chosenPeriods].some((R) => R > 1)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { poissonPmf } from "./discrete-demand.ts";
import { normalLoss } from "./normal-distribution.ts";
import {
  daysOfCover,
  demandSdFromForecastErrors,
  leadTimeDemand,
  reorderPointForFillRateDiscrete,
  safetyStockForCycleService,
  safetyStockForFillRate,
} from "./safety-stock.ts";

describe("leadTimeDemand", () => {
  it("matches a Monte Carlo of random lead times: σ² = σ_D²E[L] + μ_D²Var[L]", () => {
    const rng = new Rng(17);
    const mu = 20;
    const sigma = 5;
    const leadTimes = [2, 3, 4, 8]; // equally likely: E[L] = 4.25, Var[L] = 5.1875
    const n = 200_000;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const L = leadTimes[rng.int(4)]!;
      let total = 0;
      for (let t = 0; t < L; t++) total += mu + sigma * rng.normal();
      s1 += total;
      s2 += total * total;
    }
    const mean = s1 / n;
    const sd = Math.sqrt(s2 / n - mean * mean);
    const ltd = leadTimeDemand({
      demandMean: mu,
      demandSd: sigma,
      leadTimeMean: 4.25,
      leadTimeSd: Math.sqrt(5.1875),
    });
    expect(Math.abs(ltd.mean / mean - 1)).toBeLessThan(0.005);
    expect(Math.abs(ltd.sd / sd - 1)).toBeLessThan(0.01);
  });
});

describe("safetyStockForCycleService", () => {
  it("is z·σ√(L + R) with z = Φ⁻¹(α) for a fixed lead time", () => {
    const r = safetyStockForCycleService({
      demandMean: 100,
      demandSd: 30,
      leadTimeMean: 3,
      reviewPeriod: 1,
      cycleServiceLevel: 0.95,
    });
    expect(r.safetyFactor).toBeCloseTo(1.6448536269514722, 12); // scipy norm.ppf(0.95)
    expect(r.safetyStock).toBeCloseTo(1.6448536269514722 * 30 * 2, 9);
    expect(r.reorderPoint).toBeCloseTo(400 + r.safetyStock, 9);
    expect(r.periodsOfCover).toBeCloseTo(r.safetyStock / 100, 12);
  });

  it("rejects a service level outside (0, 1), naming the field", () => {
    expect(() =>
      safetyStockForCycleService({ demandMean: 1, demandSd: 1, leadTimeMean: 1, cycleServiceLevel: 1 }),
    ).toThrow(/cycleServiceLevel/);
  });
});

describe("safetyStockForFillRate", () => {
  it("meets the fill rate exactly: σ_L[L(k) − L(k + Q/σ_L)] = (1 − β)Q", () => {
    const input = { demandMean: 50, demandSd: 20, leadTimeMean: 4, fillRate: 0.98, orderQuantity: 300 };
    const r = safetyStockForFillRate(input);
    const sd = 40;
    const shortage = sd * (normalLoss(r.safetyFactor) - normalLoss(r.safetyFactor + 300 / sd));
    expect(shortage).toBeCloseTo(0.02 * 300, 8);
  });

  it("a fill rate needs less safety stock than the same cycle service level when Q is large", () => {
    const base = { demandMean: 50, demandSd: 20, leadTimeMean: 4 };
    const fill = safetyStockForFillRate({ ...base, fillRate: 0.95, orderQuantity: 500 });
    const cycle = safetyStockForCycleService({ ...base, cycleServiceLevel: 0.95 });
    expect(fill.safetyStock).toBeLessThan(cycle.safetyStock);
  });

  it("agrees with the exact Poisson reorder point for a large mean", () => {
    // Poisson(400) lead-time demand is close to N(400, 20²).
    const discrete = reorderPointForFillRateDiscrete({
      leadTimeDemand: { distribution: "poisson", mean: 400 },
      fillRate: 0.97,
      orderQuantity: 100,
    });
    const normal = safetyStockForFillRate({
      demandMean: 400,
      demandSd: 20,
      leadTimeMean: 1,
      fillRate: 0.97,
      orderQuantity: 100,
    });
    expect(Math.abs(discrete.reorderPoint - normal.reorderPoint)).toBeLessThan(2);
  });
});

describe("reorderPointForFillRateDiscrete", () => {
  it("with Q = 1 the fill rate is P(D_L ≤ r) (base-stock S = r + 1)", () => {
    const pmf = poissonPmf(3);
    const r = reorderPointForFillRateDiscrete({
      leadTimeDemand: { distribution: "poisson", mean: 3 },
      fillRate: 0.9,
      orderQuantity: 1,
    });
    let cdf = 0;
    let s = -1;
    while (cdf < 0.9) cdf += pmf[++s]!;
    expect(r.reorderPoint).toBe(s);
    expect(r.fillRate).toBeCloseTo(cdf, 12);
  });

  it("handles a negative binomial slow mover and is the smallest r reaching the target", () => {
    const spec = {
      leadTimeDemand: { distribution: "negativeBinomial" as const, mean: 2, variance: 6 },
      orderQuantity: 4,
    };
    const r = reorderPointForFillRateDiscrete({ ...spec, fillRate: 0.95 });
    expect(r.fillRate).toBeGreaterThanOrEqual(0.95);
    const below = reorderPointForFillRateDiscrete({ ...spec, fillRate: r.fillRate - 1e-9 });
    expect(below.reorderPoint).toBe(r.reorderPoint);
  });
});

describe("demandSdFromForecastErrors and daysOfCover", () => {
  it("RMSE and 1.25·MAD agree on normal errors", () => {
    const rng = new Rng(4);
    const errors = Float64Array.from({ length: 100_000 }, () => 7 * rng.normal());
    expect(demandSdFromForecastErrors(errors, "rmse")).toBeCloseTo(7, 1);
    expect(demandSdFromForecastErrors(errors, "mad")).toBeCloseTo(7, 1);
    expect(demandSdFromForecastErrors([3, -4], "rmse")).toBeCloseTo(Math.sqrt(12.5), 12);
  });

  it("days of cover divides stock by demand per day", () => {
    expect(daysOfCover(150, 30)).toBe(5);
    expect(() => daysOfCover(1, -1)).toThrow(/demandPerPeriod/);
  });
});

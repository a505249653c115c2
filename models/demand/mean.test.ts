import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { historicalMean, meanModel, studentTQuantileForLevel } from "./mean.ts";

describe("mean", () => {
  // R 4.2.2, forecast 8.20: meanf(c(2, 4, 6, 8), h = 1, level = c(80, 95))
  it("equals R's meanf: the mean with Student-t intervals, σ_h = s√(1 + 1/n)", () => {
    const f = historicalMean(Float64Array.of(2, 4, 6, 8), { horizon: 3, season: 1, levels: [80, 95] });
    expect([...f.mean]).toEqual([5, 5, 5]);
    expect(f.lower[0]![2]).toBeCloseTo(0.2722392826485196, 10);
    expect(f.lower[1]![0]).toBeCloseTo(-4.1869311551853929, 10);
    expect(f.upper[0]![1]).toBeCloseTo(9.7277607173514795, 10);
    expect(f.upper[1]![0]).toBeCloseTo(14.186931155185393, 10);
  });

  // R: qt(c(0.9, 0.975), nu)
  it("computes Student-t quantiles as R's qt", () => {
    const cases: [number, number, number][] = [
      [1, 3.0776835371752544, 12.706204736174694],
      [2, 1.8856180831641269, 4.302652729749462],
      [3, 1.6377443536962091, 3.1824463052837078],
      [10, 1.3721836411103356, 2.228138851986274],
      [29, 1.3114336473015509, 2.0452296421327034],
      [999, 1.2823995700373976, 1.9623414611334493],
      [5000, 1.2817209053357186, 1.9604385517065075],
    ];
    for (const [nu, t80, t95] of cases) {
      expect(studentTQuantileForLevel(80, nu)).toBeCloseTo(t80, 9);
      expect(studentTQuantileForLevel(95, nu)).toBeCloseTo(t95, 9);
    }
  });

  it("is named mean", () => {
    expect(meanModel.name).toBe("mean");
  });

  hardSeriesCases(meanModel);
});

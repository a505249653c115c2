import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { normalQuantileForLevel } from "./intervals.ts";
import { historicalMean, meanModel } from "./mean.ts";

describe("mean", () => {
  it("forecasts the sample mean with σ_h = s√(1 + 1/n), by hand", () => {
    // y = 2, 4, 6, 8: mean 5, s² = 20/3
    const f = historicalMean(Float64Array.of(2, 4, 6, 8), { horizon: 3, season: 1, levels: [95] });
    const sd = Math.sqrt(20 / 3) * Math.sqrt(1.25);
    expect([...f.mean]).toEqual([5, 5, 5]);
    expect(f.upper[0]![2]!).toBeCloseTo(5 + normalQuantileForLevel(95) * sd, 12);
    expect(f.lower[0]![0]!).toBeCloseTo(5 - 1.959963984540054 * sd, 12);
  });

  it("is named mean", () => {
    expect(meanModel.name).toBe("mean");
  });

  hardSeriesCases(meanModel);
});

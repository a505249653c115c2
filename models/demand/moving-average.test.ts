import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { movingAverage, movingAverageModel } from "./moving-average.ts";

describe("moving average", () => {
  it("averages the last 3 values when there is no season, with σ from one-step errors", () => {
    const y = Float64Array.of(1, 2, 3, 10, 5);
    const f = movingAverage(y, { horizon: 2, season: 1, levels: [80] });
    expect([...f.mean]).toEqual([6, 6]);
    // one-step errors: 10 − 2 = 8, 5 − 5 = 0 → σ = √32
    expect(f.params?.sigma).toBeCloseTo(Math.sqrt(32), 12);
  });

  it("uses the season length as the default window", () => {
    const y = Float64Array.from({ length: 24 }, (_, i) => i);
    const f = movingAverageModel.forecast(y, { horizon: 1, season: 12, levels: [80] });
    expect(f.mean[0]).toBeCloseTo(17.5, 12);
    expect(f.model).toBe("MA(12)");
  });

  it("accepts an explicit window and cuts it to the series length", () => {
    const y = Float64Array.of(4, 8);
    expect(movingAverage(y, { horizon: 1, season: 1, levels: [] }, 5).mean[0]).toBe(6);
  });

  hardSeriesCases(movingAverageModel);
});

import { describe, expect, it } from "vitest";
import { driftModel, randomWalkDrift } from "./drift.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { normalQuantileForLevel } from "./intervals.ts";

describe("drift", () => {
  it("extends the line through the first and last values, by hand", () => {
    const f = randomWalkDrift(Float64Array.of(1, 4, 5, 10), { horizon: 2, season: 1, levels: [80] });
    expect(f.mean[0]).toBeCloseTo(13, 12);
    expect(f.mean[1]).toBeCloseTo(16, 12);
    // differences 3, 1, 5 around b = 3: residual variance (0 + 4 + 4)/2 = 4; σ_2 = 2√(2 + 4/3)
    const z80 = normalQuantileForLevel(80);
    expect(f.upper[0]![1]! - f.mean[1]!).toBeCloseTo(z80 * 2 * Math.sqrt(2 + 4 / 3), 9);
  });

  // R 4.2.2, forecast 8.20: rwf(c(1, 4, 5, 10, 8, 12), h = 3, drift = TRUE, level = c(80, 95))
  it("equals R's rwf(drift = TRUE) forecasts and intervals", () => {
    const f = randomWalkDrift(Float64Array.of(1, 4, 5, 10, 8, 12), {
      horizon: 3,
      season: 1,
      levels: [80, 95],
    });
    expect([...f.mean].map((v) => +v.toFixed(12))).toEqual([14.2, 16.4, 18.6]);
    const lower80 = [10.3044205057547, 10.4494040306344, 10.8088410115094];
    const upper95 = [20.1577747106796, 25.500651195061, 30.5155494213593];
    for (let h = 0; h < 3; h++) {
      expect(f.lower[0]![h]).toBeCloseTo(lower80[h]!, 10);
      expect(f.upper[1]![h]).toBeCloseTo(upper95[h]!, 10);
    }
  });

  it("is exact on a straight line (zero-width intervals)", () => {
    const y = Float64Array.from({ length: 10 }, (_, i) => 3 + 2 * i);
    const f = driftModel.forecast(y, { horizon: 3, season: 1, levels: [95] });
    expect([...f.mean]).toEqual([23, 25, 27]);
    expect(f.upper[0]![2]! - f.lower[0]![2]!).toBeCloseTo(0, 9);
  });

  hardSeriesCases(driftModel);
});

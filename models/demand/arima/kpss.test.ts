import { describe, expect, it } from "vitest";
import { firstDifference, isConstant, kpssPValue, kpssStatistic, ndiffs } from "./kpss.ts";
import { m3Train } from "./m3.testkit.ts";

// R 4.2.2, urca 1.3: ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(length(x)) / 13))@teststat, the same
// on diff(x), and forecast 8.20's ndiffs(x).
const rKpss: Record<string, { level: number; diff: number; ndiffs: number }> = {
  N0646: { level: 1.65016789136, diff: 0.15810787606, ndiffs: 1 },
  N0700: { level: 0.808083358321, diff: 0.0617605171498, ndiffs: 1 },
  N0800: { level: 0.328127544493, diff: 0.0459417039798, ndiffs: 0 },
  N1402: { level: 0.22699255505, diff: 0.029500788545, ndiffs: 0 },
  N1500: { level: 0.618164350509, diff: 0.024525298465, ndiffs: 1 },
  N2000: { level: 0.40656687444, diff: 0.0458000270705, ndiffs: 0 },
};
const data = m3Train(Object.keys(rKpss));

describe("KPSS level-stationarity test", () => {
  for (const [id, ref] of Object.entries(rKpss)) {
    it(`statistic and ndiffs on M3 ${id} equal R's ur.kpss / ndiffs`, () => {
      const y = data.get(id)!.y;
      expect(kpssStatistic(y)).toBeCloseTo(ref.level, 9);
      expect(kpssStatistic(firstDifference(y))).toBeCloseTo(ref.diff, 9);
      expect(ndiffs(y)).toBe(ref.ndiffs);
    });
  }

  it("interpolates the p-value in KPSS Table 1 and clamps outside it", () => {
    expect(kpssPValue(0.2)).toBe(0.1);
    expect(kpssPValue(0.463)).toBeCloseTo(0.05, 12);
    expect(kpssPValue((0.463 + 0.574) / 2)).toBeCloseTo(0.0375, 12);
    expect(kpssPValue(5)).toBe(0.01);
  });

  it("a random walk needs one difference, its double sum two, white noise none", () => {
    // Deterministic pseudo-noise (a linear congruential sequence), so the test is reproducible.
    let s = 12345;
    const noise = Float64Array.from({ length: 200 }, () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648 - 0.5;
    });
    const walk = new Float64Array(200);
    const walk2 = new Float64Array(200);
    for (let t = 0; t < 200; t++) {
      walk[t] = (t > 0 ? walk[t - 1]! : 0) + noise[t]!;
      walk2[t] = (t > 0 ? walk2[t - 1]! : 0) + walk[t]!;
    }
    expect(ndiffs(noise)).toBe(0);
    expect(ndiffs(walk)).toBe(1);
    expect(ndiffs(walk2)).toBe(2);
  });

  it("treats values equal up to 1.5e-8 relative as constant, as R's all.equal does", () => {
    expect(isConstant(Float64Array.of(5, 5, 5))).toBe(true);
    expect(isConstant(Float64Array.of(1, 1 + 1e-10, 1))).toBe(true);
    expect(isConstant(Float64Array.of(1, 1.001, 1))).toBe(false);
    expect(isConstant(Float64Array.of(0, 0, 0))).toBe(true);
  });
});

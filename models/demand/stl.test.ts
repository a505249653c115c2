import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stlDecompose } from "./stl.ts";

function m3Train(id: string): Float64Array {
  const lines = readFileSync(
    new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url),
    "utf8",
  ).split("\n");
  const row = lines.find((l) => l.startsWith(`"${id}"`))!.split(",");
  return Float64Array.from(row[8]!.replace(/"/g, "").split(";").map(Number));
}

describe("stl", () => {
  // Expected values printed by R 4.2.2 (stats::stl) on M3 series N1402 (monthly, 50 values):
  //   x <- ts(train, frequency = 12); stl(x, s.window = 11)$time.series[c(1, 2, 50), ]
  it("matches R's stl(s.window = 11) on M3 N1402", () => {
    const f = stlDecompose(m3Train("N1402"), 12, { sWindow: 11 });
    const seasonal = [-136.77971091232547, 236.45130213001528, 178.45068375851019];
    const trend = [3023.2361695449176, 3039.179896416159, 3049.3304268489637];
    [0, 1, 49].forEach((t, i) => {
      expect(f.seasonal[t]).toBeCloseTo(seasonal[i]!, 8);
      expect(f.trend[t]).toBeCloseTo(trend[i]!, 8);
    });
  });

  //   stl(x, s.window = "periodic")$time.series[c(1, 2, 50), "seasonal"]
  it("matches R's periodic stl on M3 N1402", () => {
    const f = stlDecompose(m3Train("N1402"), 12, { sWindow: "periodic" });
    expect(f.seasonal[0]).toBeCloseTo(-185.708255414687, 8);
    expect(f.seasonal[1]).toBeCloseTo(120.315739958225, 8);
    expect(f.seasonal[49]).toBeCloseTo(120.315739958225, 8);
  });

  //   stl(x, s.window = 11, robust = TRUE): seasonal[c(1, 2, 50)] and weights[1:3]
  it("matches R's robust stl (s.window = 11) on M3 N1402", () => {
    const f = stlDecompose(m3Train("N1402"), 12, { sWindow: 11, robust: true });
    expect(f.seasonal[0]).toBeCloseTo(-486.388627038612, 7);
    expect(f.seasonal[1]).toBeCloseTo(-933.676550042511, 7);
    expect(f.seasonal[49]).toBeCloseTo(-1009.160672323153, 7);
    expect(f.weights[0]).toBeCloseTo(0.985947932601419, 10);
    expect(f.weights[2]).toBeCloseTo(0.962673422101226, 10);
  });

  // R: p <- c(5,-3,8,-10); y <- ts(100 + 0.5*t + p[t %% 4 + 1], frequency = 4), t = 0:47;
  //    f <- stl(y, "periodic"): max |seasonal − p| = 0.0736293, max |trend − line| = 0.05292773 (end effects)
  it("recovers a fixed seasonal pattern on a linear trend as closely as R, and the parts add up", () => {
    const pattern = [5, -3, 8, -10];
    const y = Float64Array.from({ length: 48 }, (_, t) => 100 + 0.5 * t + pattern[t % 4]!);
    const f = stlDecompose(y, 4, { sWindow: "periodic" });
    let seasonalError = 0;
    let trendError = 0;
    for (let t = 0; t < 48; t++) {
      seasonalError = Math.max(seasonalError, Math.abs(f.seasonal[t]! - pattern[t % 4]!));
      trendError = Math.max(trendError, Math.abs(f.trend[t]! - (100 + 0.5 * t)));
      expect(f.seasonal[t]! + f.trend[t]! + f.remainder[t]!).toBeCloseTo(y[t]!, 9);
    }
    expect(seasonalError).toBeCloseTo(0.0736293, 6);
    expect(trendError).toBeCloseTo(0.05292773, 7);
  });

  it("rejects too short series, bad periods and NaN with the field named", () => {
    expect(() => stlDecompose(new Float64Array(8), 4, { sWindow: 7 })).toThrow(
      /y: STL needs more than two seasons/,
    );
    expect(() => stlDecompose(new Float64Array(20), 1, { sWindow: 7 })).toThrow(/period: STL needs/);
    const y = new Float64Array(30);
    y[3] = Number.NaN;
    expect(() => stlDecompose(y, 4, { sWindow: 7 })).toThrow(/y: value at position 3 is NaN/);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { sesModel } from "./ses.ts";

const m3 = readFileSync(new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url), "utf8");

function train(id: string): Float64Array {
  const line = m3.split("\n").find((l) => l.startsWith(`"${id}"`))!;
  const fields = line.split(",");
  return Float64Array.from(fields[8]!.replace(/"/g, "").split(";").map(Number));
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe("sesModel", () => {
  it("equals R forecast 8.20's ses() on M3 N0700", () => {
    // R: f <- ses(ts(<N0700 train>, frequency = 4), h = 4, level = c(80, 95)); f$mean; f$lower; f$upper
    // (R's ses() minimises the MSE; for ETS(A,N,N) that has the same optimum as the likelihood)
    const mean = 5624.976527;
    const lo80 = [5017.398738, 4765.774772, 4572.691136, 4409.912154];
    const hi95 = [6554.186568, 6939.012216, 7234.308154, 7483.257124];
    const f = sesModel.forecast(train("N0700"), { horizon: 4, season: 4, levels: [80, 95] });
    expect(f.model).toBe("ETS(A,N,N)");
    for (let h = 0; h < 4; h++) {
      expect(relative(f.mean[h]!, mean)).toBeLessThan(1e-6);
      expect(relative(f.lower[0]![h]!, lo80[h]!)).toBeLessThan(1e-5);
      expect(relative(f.upper[1]![h]!, hi95[h]!)).toBeLessThan(1e-5);
    }
  });

  it("forecasts are flat and interval widths grow like √(1 + (h−1)α²)", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 50 + 5 * Math.sin(t) + (t % 3));
    const f = sesModel.forecast(y, { horizon: 6, season: 1, levels: [95] });
    const alpha = f.params!.alpha!;
    const w1 = f.upper[0]![0]! - f.mean[0]!;
    for (let h = 0; h < 6; h++) {
      expect(f.mean[h]).toBeCloseTo(f.mean[0]!, 10);
      expect((f.upper[0]![h]! - f.mean[h]!) / w1).toBeCloseTo(Math.sqrt(1 + h * alpha * alpha), 10);
    }
  });

  hardSeriesCases(sesModel, 1);
});

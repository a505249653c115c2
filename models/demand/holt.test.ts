import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { holtModel } from "./holt.ts";

const m3 = readFileSync(new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url), "utf8");

function train(id: string): Float64Array {
  const line = m3.split("\n").find((l) => l.startsWith(`"${id}"`))!;
  const fields = line.split(",");
  return Float64Array.from(fields[8]!.replace(/"/g, "").split(";").map(Number));
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}

describe("holtModel", () => {
  it("is within 1e-3 of R forecast 8.20's holt() on M3 N0700", () => {
    // R: f <- holt(ts(<N0700 train>, frequency = 4), h = 4, level = c(80, 95)); f$mean; f$lower; f$upper
    // R's holt() minimises the MSE (same optimum as the likelihood for ETS(A,A,N), but its simplex path
    // stops at α = 0.84931 where ours stops at α = 0.84947), hence the 1e-3 tolerance.
    const mean = [5719.104441, 5704.216551, 5689.328661, 5674.440772];
    const lo80 = [5084.21891, 4871.20981, 4696.96315, 4544.951119];
    const hi95 = [6690.07807, 6978.190424, 7207.020741, 7401.846129];
    const f = holtModel.forecast(train("N0700"), { horizon: 4, season: 4, levels: [80, 95] });
    expect(f.model).toBe("ETS(A,A,N)");
    for (let h = 0; h < 4; h++) {
      expect(relative(f.mean[h]!, mean[h]!)).toBeLessThan(1e-3);
      expect(relative(f.lower[0]![h]!, lo80[h]!)).toBeLessThan(1e-3);
      expect(relative(f.upper[1]![h]!, hi95[h]!)).toBeLessThan(1e-3);
    }
  });

  it("forecasts a straight line for an exactly linear series", () => {
    const y = Float64Array.from({ length: 20 }, (_, t) => 3 + 2 * t);
    const f = holtModel.forecast(y, { horizon: 5, season: 1, levels: [80] });
    for (let h = 0; h < 5; h++) expect(f.mean[h]).toBeCloseTo(3 + 2 * (20 + h), 4);
  });

  hardSeriesCases(holtModel, 1, 2);
});

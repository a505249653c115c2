import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { driftModel } from "./drift.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { defaultMstlPeriods, makeMstlModel, mstlDecompose } from "./mstl.ts";
import { thetaModel } from "./theta.ts";

function m4Hourly(row: number): Float64Array {
  const lines = readFileSync(
    new URL("../../../shared/datasets/m4_hourly/Hourly-train.csv", import.meta.url),
    "utf8",
  )
    .trim()
    .split("\n");
  const cells = lines[row]!.replace(/\r$/, "").split(",").slice(1);
  return Float64Array.from(
    cells
      .map((c) => c.replace(/"/g, ""))
      .filter((c) => c !== "" && c !== "NA")
      .map(Number),
  );
}

// Expected values printed by R 4.2.2 with forecast 8.20 on M4 series H1 (700 values):
//   v <- msts(train, seasonal.periods = c(24, 168)); d <- mstl(v); d[c(1, 2, 100, 500, 700), ]
//   stlf(v, h = 48, method = "rwdrift", level = c(80, 95))
describe("mstl", () => {
  const y = m4Hourly(1);

  it("matches R's mstl components on M4 H1 (periods 24 and 168)", () => {
    expect(y.length).toBe(700);
    const d = mstlDecompose(y, [168, 24]);
    expect(d.periods).toEqual([24, 168]);
    const at = [0, 1, 99, 499, 699];
    const trend = [
      553.06824513250024, 553.25234008418613, 575.10593694959164, 658.0816415041761, 670.13243960015836,
    ];
    const s24 = [
      133.35672468399733, 94.354245047769624, 42.969776602614417, 203.46904195309696, 41.381653979173493,
    ];
    const s168 = [
      11.063104994520797, 18.281011721333023, -14.345365513908835, 30.034984517799959, 13.895009862722059,
    ];
    at.forEach((t, i) => {
      expect(d.trend[t]).toBeCloseTo(trend[i]!, 8);
      expect(d.seasonals[0]![t]).toBeCloseTo(s24[i]!, 8);
      expect(d.seasonals[1]![t]).toBeCloseTo(s168[i]!, 8);
      expect(d.trend[t]! + d.seasonals[0]![t]! + d.seasonals[1]![t]! + d.remainder[t]!).toBeCloseTo(y[t]!, 9);
    });
  });

  it("forecasts as R's stlf(method = 'rwdrift') with drift as the adjusted model", () => {
    const model = makeMstlModel(driftModel);
    const f = model.forecast(y, { horizon: 48, season: 24, levels: [80, 95] });
    expect(f.model).toBe("MSTL(24,168)+Drift");
    expect(f.mean[0]).toBeCloseTo(617.00175914368754, 8);
    expect(f.mean[1]).toBeCloseTo(546.33969223136774, 8);
    expect(f.mean[23]).toBeCloseTo(675.02264335887821, 8);
    expect(f.mean[47]).toBeCloseTo(671.39919495148808, 8);
    // 95% upper bounds: within 0.2% of the half-width (accuracy of the shared normal quantile).
    expect(Math.abs(f.upper[1]![0]! - 633.69890394213064)).toBeLessThan(
      2e-3 * (633.69890394213064 - 617.00175914368754),
    );
    expect(Math.abs(f.upper[1]![47]! - 790.90090307036132)).toBeLessThan(
      2e-3 * (790.90090307036132 - 671.39919495148808),
    );
  });

  //   x <- ts(train_N1402, frequency = 12); stlf(x, h = 18, method = "rwdrift")$mean[c(1, 12, 18)]
  it("with one period matches R's stlf on monthly M3 N1402", () => {
    const lines = readFileSync(
      new URL("../../../shared/datasets/m3/m3_series.csv", import.meta.url),
      "utf8",
    ).split("\n");
    const row = lines.find((l) => l.startsWith('"N1402"'))!.split(",");
    const x = Float64Array.from(row[8]!.replace(/"/g, "").split(";").map(Number));
    const f = makeMstlModel(driftModel).forecast(x, { horizon: 18, season: 12, levels: [80] });
    expect(f.mean[0]).toBeCloseTo(1548.0712572296895, 8);
    expect(f.mean[11]).toBeCloseTo(2264.0252094683665, 8);
    expect(f.mean[17]).toBeCloseTo(435.62574123385798, 8);
  });

  it("defaults to [24, 168] for hourly series longer than two weeks, else the season alone", () => {
    const hourly = { horizon: 1, season: 24, levels: [] };
    expect(defaultMstlPeriods(hourly, 337)).toEqual([24, 168]);
    expect(defaultMstlPeriods(hourly, 336)).toEqual([24]);
    expect(defaultMstlPeriods({ ...hourly, season: 1 }, 100)).toEqual([]);
  });

  it("drops periods without two full cycles", () => {
    const d = mstlDecompose(y.subarray(0, 300), [24, 168]);
    expect(d.periods).toEqual([24]);
  });

  describe("hard series (theta on the adjusted series)", () => {
    hardSeriesCases(makeMstlModel(thetaModel), 4);
  });
});

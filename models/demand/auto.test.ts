import { describe, expect, it } from "vitest";
import { makeAutoSelect } from "./auto.ts";
import { meanModel } from "./mean.ts";
import { naiveModel } from "./naive.ts";
import { snaiveModel } from "./snaive.ts";
import type { DemandModel } from "./types.ts";

describe("makeAutoSelect", () => {
  const auto = makeAutoSelect("auto", [naiveModel, snaiveModel, meanModel]);

  it("picks the seasonal naive on an exactly periodic series (zero validation error) and forecasts with it", () => {
    const y = Float64Array.from({ length: 48 }, (_, t) => [10, 20, 30, 25][t % 4]!);
    const f = auto.forecast(y, { horizon: 4, season: 4, levels: [80] });
    expect(f.model).toBe("auto:SNaive[4]");
    expect(Array.from(f.mean)).toEqual([10, 20, 30, 25]);
  });

  it("picks the naive method on a random walk with large steps, by brute-force validation error", () => {
    const y = Float64Array.from([0, 10, 25, 31, 50, 58, 70, 85, 90, 104, 120, 131, 140, 160, 171, 180]);
    const f = auto.forecast(y, { horizon: 2, season: 4, levels: [] });
    // brute force: MAE over origins 12 and 14, h = 2, for each candidate
    const mae = (m: DemandModel) => {
      let s = 0;
      for (const o of [12, 14]) {
        const p = m.forecast(y.subarray(0, o), { horizon: 2, season: 4, levels: [] });
        s += Math.abs(y[o]! - p.mean[0]!) + Math.abs(y[o + 1]! - p.mean[1]!);
      }
      return s;
    };
    const errors = [mae(naiveModel), mae(snaiveModel), mae(meanModel)];
    expect(Math.min(...errors)).toBe(errors[0]);
    expect(f.model).toBe("auto:Naive");
  });

  it("falls back to the next candidate when the chosen one fails on the whole series", () => {
    let calls = 0;
    const flaky: DemandModel = {
      name: "flaky",
      forecast: (y, o) => {
        calls++;
        if (y.length === 20) throw new Error("no");
        return { ...meanModel.forecast(y, o), mean: new Float64Array(o.horizon).fill(y[y.length - 1]!) };
      },
    };
    const y = Float64Array.from({ length: 20 }, (_, t) => t);
    const f = makeAutoSelect("auto", [flaky, meanModel]).forecast(y, { horizon: 2, season: 1, levels: [] });
    expect(calls).toBeGreaterThan(1);
    expect(f.model).toMatch(/^auto:/);
    expect(f.mean[0]).toBeCloseTo(9.5, 12);
  });
});

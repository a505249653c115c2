import { describe, expect, it } from "vitest";
import { makeAutoSelect } from "./auto.ts";
import { makeEnsemble } from "./ensemble.ts";
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

  it("keeps the default unless another candidate beats its validation error by the margin", () => {
    // y = 0, 1, 2, …: constant forecasts c miss by |t − c|; two candidates forecast level + offset
    const y = Float64Array.from({ length: 40 }, (_, t) => t);
    const offsetModel = (name: string, offset: number): DemandModel => ({
      name,
      forecast: (h, o) => {
        const f = meanModel.forecast(h, o);
        return { ...f, mean: new Float64Array(o.horizon).fill(h[h.length - 1]! + offset), model: name };
      },
    });
    // validation MAE over h = 2 steps: default offset 0 → (1 + 2)/2 = 1.5; other offset 1 → (0 + 1)/2 = 0.5
    const pick = (margin: number) =>
      makeAutoSelect("auto", [offsetModel("default", 0), offsetModel("other", 1)], 2, margin).forecast(y, {
        horizon: 2,
        season: 1,
        levels: [],
      }).model;
    expect(pick(0)).toBe("auto:other");
    expect(pick(0.5)).toBe("auto:other"); // 1.5 × 0.5 = 0.75 > 0.5
    expect(pick(0.7)).toBe("auto:default"); // 1.5 × 0.3 = 0.45 < 0.5
  });

  it("fits each model once per origin when an ensemble of other candidates competes (same forecast as refitting)", () => {
    const calls = new Map<string, number>();
    const counted = (m: DemandModel): DemandModel => ({
      name: m.name,
      forecast(y, o) {
        calls.set(m.name, (calls.get(m.name) ?? 0) + 1);
        return m.forecast(y, o);
      },
    });
    const naive = counted(naiveModel);
    const mean = counted(meanModel);
    const ensemble = makeEnsemble("ensemble", [naive, mean]);
    const withEnsemble = makeAutoSelect("auto", [ensemble, naive, mean], 2);
    // a level shift: the ensemble of naive and mean wins neither, but it competes
    const y = Float64Array.from({ length: 40 }, (_, t) => (t < 30 ? 5 + (t % 3) : 20 + (t % 2)));
    const f = withEnsemble.forecast(y, { horizon: 4, season: 1, levels: [80] });
    // 2 validation origins + 1 whole-series fit per model, although the ensemble needs both at every origin
    expect(calls.get("naive")! + calls.get("mean")!).toBeLessThanOrEqual(2 * 2 + 2);
    expect(calls.get("naive")).toBeGreaterThanOrEqual(2);
    const direct = {
      naive: naiveModel,
      mean: meanModel,
      ensemble: makeEnsemble("e", [naiveModel, meanModel]),
    };
    const chosen = f.model.startsWith("auto:Ensemble")
      ? direct.ensemble
      : f.model.startsWith("auto:Naive")
        ? direct.naive
        : direct.mean;
    const expected = chosen.forecast(y, { horizon: 4, season: 1, levels: [80] });
    expect(Array.from(f.mean)).toEqual(Array.from(expected.mean));
    expect(Array.from(f.upper[0]!)).toEqual(Array.from(expected.upper[0]!));
  });
});

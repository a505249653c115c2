import { describe, expect, it } from "vitest";
import { driftModel } from "./drift.ts";
import { makeEnsemble } from "./ensemble.ts";
import { naiveModel } from "./naive.ts";
import type { DemandModel } from "./types.ts";

const y = Float64Array.from([4, 6, 5, 7, 8, 7, 9, 10]);
const options = { horizon: 3, season: 1, levels: [80, 95] };

describe("makeEnsemble", () => {
  it("averages the members' means and bounds", () => {
    const e = makeEnsemble("combo", [naiveModel, driftModel]).forecast(y, options);
    const a = naiveModel.forecast(y, options);
    const b = driftModel.forecast(y, options);
    for (let t = 0; t < 3; t++) {
      expect(e.mean[t]).toBeCloseTo((a.mean[t]! + b.mean[t]!) / 2, 12);
      expect(e.lower[1]![t]).toBeCloseTo((a.lower[1]![t]! + b.lower[1]![t]!) / 2, 12);
      expect(e.upper[0]![t]).toBeCloseTo((a.upper[0]![t]! + b.upper[0]![t]!) / 2, 12);
    }
    expect(e.model).toMatch(/^Ensemble\(Naive, /);
  });

  it("leaves out a failing member, and raises when all fail", () => {
    const failing: DemandModel = {
      name: "failing",
      forecast: () => {
        throw new Error("cannot fit");
      },
    };
    const e = makeEnsemble("combo", [failing, naiveModel]).forecast(y, options);
    expect(Array.from(e.mean)).toEqual(Array.from(naiveModel.forecast(y, options).mean));
    expect(() => makeEnsemble("combo", [failing]).forecast(y, options)).toThrow(/cannot fit/);
  });
});

import { describe, expect, it } from "vitest";
import { mase, seasonalNaiveScale } from "./mase.ts";

describe("mase", () => {
  it("scales by the in-sample naive MAE (m = 1), by hand", () => {
    // naive in-sample MAE of 1,2,3,4 is 1; out-of-sample MAE is 1
    expect(mase([5, 7], [6, 6], [1, 2, 3, 4], 1)).toBe(1);
  });

  it("uses the seasonal naive scale with season m", () => {
    const insample = [10, 20, 30, 12, 24, 33]; // lag-3 differences 2, 4, 3 → scale 3
    expect(seasonalNaiveScale(insample, 3)).toBe(3);
    expect(mase([14, 27], [11, 27], insample, 3)).toBeCloseTo(0.5, 12);
  });

  it("falls back to m = 1 when the history is not longer than one season", () => {
    expect(seasonalNaiveScale([1, 3, 4], 12)).toBeCloseTo(1.5, 12);
  });

  it("is infinite when the history is constant (zero scale)", () => {
    expect(mase([2], [1], [5, 5, 5], 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it("rejects a history of one value and a bad season", () => {
    expect(() => mase([1], [1], [1], 1)).toThrow(/insample: has 1 values/);
    expect(() => mase([1], [1], [1, 2], 0)).toThrow(/season: must be an integer ≥ 1/);
  });
});

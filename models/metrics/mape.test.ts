import { describe, expect, it } from "vitest";
import { mape } from "./mape.ts";

describe("mape", () => {
  it("averages |y−f|/|y| in percent, by hand", () => {
    expect(mape([100, 50], [90, 55])).toEqual({ value: 10, used: 2, skippedZeroActuals: 0 });
  });

  it("skips zero actuals and reports how many it skipped", () => {
    const r = mape([100, 0, 50, 0], [90, 3, 55, 0]);
    expect(r.value).toBeCloseTo(10, 12);
    expect(r.used).toBe(2);
    expect(r.skippedZeroActuals).toBe(2);
  });

  it("returns NaN, not Infinity, when every actual is zero", () => {
    const r = mape([0, 0], [1, 2]);
    expect(r.value).toBeNaN();
    expect(r.skippedZeroActuals).toBe(2);
  });

  it("uses |y| so negative actuals give positive errors", () => {
    expect(mape([-10], [-12]).value).toBeCloseTo(20, 12);
  });

  it("rejects mismatched lengths and infinite forecasts", () => {
    expect(() => mape([1], [1, 2])).toThrow(/forecast: has 2 values/);
    expect(() => mape([1], [Number.POSITIVE_INFINITY])).toThrow(/forecast: value at position 0 is Infinity/);
  });
});

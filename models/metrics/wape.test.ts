import { describe, expect, it } from "vitest";
import { wape } from "./wape.ts";

describe("wape", () => {
  it("is total absolute error over total actual volume, by hand", () => {
    // |10−12| + |0−1| + |30−27| = 6; volume 40
    expect(wape([10, 0, 30], [12, 1, 27])).toBeCloseTo(15, 12);
  });

  it("equals MAE / mean(actual) (the MAD/mean ratio)", () => {
    const y = [4, 0, 0, 7, 1];
    const f = [2, 1, 1, 5, 2];
    const mae = y.reduce((s, v, i) => s + Math.abs(v - f[i]!), 0) / y.length;
    const meanY = y.reduce((s, v) => s + v, 0) / y.length;
    expect(wape(y, f)).toBeCloseTo((100 * mae) / meanY, 12);
  });

  it("is NaN when there is no demand at all", () => {
    expect(wape([0, 0], [0, 1])).toBeNaN();
  });

  it("rejects NaN actuals", () => {
    expect(() => wape([Number.NaN], [1])).toThrow(/actual: value at position 0 is NaN/);
  });
});

import { describe, expect, it } from "vitest";
import { bias, percentBias } from "./bias.ts";

describe("bias", () => {
  it("is the mean of forecast minus actual (positive = over-forecast)", () => {
    expect(bias([10, 20], [12, 21])).toBe(1.5);
    expect(bias([10, 20], [8, 19])).toBe(-1.5);
  });

  it("is zero when errors cancel", () => {
    expect(bias([5, 5], [6, 4])).toBe(0);
  });

  it("percentBias divides the total error by the total volume", () => {
    expect(percentBias([10, 20], [12, 21])).toBeCloseTo(10, 12);
    expect(percentBias([0, 0], [1, 1])).toBeNaN();
  });

  it("rejects mismatched lengths", () => {
    expect(() => bias([1, 2, 3], [1, 2])).toThrow(/forecast: has 2 values but actual has 3/);
  });
});

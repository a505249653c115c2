import { describe, expect, it } from "vitest";
import { rmsse } from "./rmsse.ts";

describe("rmsse", () => {
  it("follows the M5 definition with leading zeros trimmed, by hand", () => {
    // trimmed history 1,3,1: squared diffs 4,4 → scale 4; out-of-sample MSE (1+1)/2 = 1 → sqrt(1/4)
    expect(rmsse([3, 5], [4, 4], [0, 0, 1, 3, 1])).toBeCloseTo(0.5, 12);
  });

  it("keeps leading zeros when asked", () => {
    // history 0,0,1,3,1: squared diffs 0,1,4,4 → scale 9/4; MSE 1 → sqrt(4/9)
    expect(rmsse([3, 5], [4, 4], [0, 0, 1, 3, 1], false)).toBeCloseTo(2 / 3, 12);
  });

  it("is 1 for the naive forecast of a random walk step of the typical size", () => {
    expect(rmsse([6], [4], [0, 2, 0, 2])).toBeCloseTo(1, 12);
  });

  it("rejects a history with fewer than two values after the first sale", () => {
    expect(() => rmsse([1], [1], [0, 0, 0, 4])).toThrow(/insample: has 1 values from the first non-zero/);
  });
});

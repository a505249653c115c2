import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { normalQuantileForLevel } from "../demand/intervals.ts";
import { coverage, intervalScore } from "./coverage.ts";

describe("coverage", () => {
  it("counts actuals inside the closed interval", () => {
    expect(coverage([1, 5, 9, 2], [0, 0, 0, 2], [2, 4, 10, 3])).toBe(0.75);
  });

  it("is close to the nominal level for exact normal intervals on normal draws", () => {
    const rng = new Rng(42);
    const n = 20000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = rng.normal();
    const z = normalQuantileForLevel(80);
    const c = coverage(y, new Float64Array(n).fill(-z), new Float64Array(n).fill(z));
    // binomial sd of the share is sqrt(0.8·0.2/20000) ≈ 0.0028; allow 4 sd
    expect(Math.abs(c - 0.8)).toBeLessThan(0.012);
  });

  it("rejects crossed bounds", () => {
    expect(() => coverage([1], [3], [2])).toThrow(/lower: at position 0 is above upper/);
  });

  it("intervalScore adds 2/a times the miss to the width, by hand", () => {
    expect(intervalScore([5], [0], [4], 80)).toBeCloseTo(4 + 10 * 1, 12);
    expect(intervalScore([2], [0], [4], 95)).toBeCloseTo(4, 12);
  });
});

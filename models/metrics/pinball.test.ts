import { describe, expect, it } from "vitest";
import { pinball } from "./pinball.ts";

describe("pinball", () => {
  it("weights under-forecasts by τ and over-forecasts by 1 − τ, by hand", () => {
    expect(pinball([10, 10], [8, 13], 0.9)).toBeCloseTo((0.9 * 2 + 0.1 * 3) / 2, 12);
  });

  it("at τ = 0.5 is half the MAE", () => {
    expect(pinball([1, 4, 9], [2, 2, 2], 0.5)).toBeCloseTo((1 + 2 + 7) / 3 / 2, 12);
  });

  it("is minimised by the empirical quantile (brute force over candidates)", () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    let best = Number.NaN;
    let bestLoss = Number.POSITIVE_INFINITY;
    for (let q = 0; q <= 11; q += 0.25) {
      const loss = pinball(y, new Array(y.length).fill(q), 0.8);
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        best = q;
      }
    }
    // any q in [8, 9] minimises; the first found on the grid is 8
    expect(best).toBe(8);
  });

  it("rejects τ outside (0, 1)", () => {
    expect(() => pinball([1], [1], 1)).toThrow(/tau: must be in \(0, 1\)/);
  });
});

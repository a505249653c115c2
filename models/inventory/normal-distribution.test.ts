import { describe, expect, it } from "vitest";
import {
  normalCdf,
  normalDensity,
  normalLoss,
  normalQuantile,
  normalSecondLoss,
  normalSurvival,
} from "./normal-distribution.ts";

// Reference values: scipy.stats.norm 1.17 (cdf, sf, ppf), printed to 16 digits.
describe("normal distribution functions", () => {
  it.each([
    [1, 0.8413447460685429, 0.15865525393145707],
    [1.96, 0.9750021048517795, 0.024997895148220435],
    [3.5, 0.9997673709209645, 0.00023262907903552502],
    [5, 0.9999997133484281, 2.866515718791933e-7],
    [8, 0.9999999999999993, 6.22096057427174e-16],
  ])("Φ(%d) and 1 − Φ match scipy", (x, cdf, sf) => {
    expect(Math.abs(normalCdf(x) - cdf)).toBeLessThan(1e-15);
    expect(Math.abs(normalSurvival(x) / sf - 1)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-x) / sf - 1)).toBeLessThan(1e-12);
  });

  it.each([
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
    [1e-10, -6.361340902404056],
    [0.999999, 4.753424308817087],
  ])("Φ⁻¹(%d) matches scipy", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-12);
  });

  it("loss functions match their integrals and scipy", () => {
    // L(z) = ∫_z^∞ (x − z)φ(x)dx by the midpoint rule
    for (const z of [-2, 0, 0.7, 2.4]) {
      let integral = 0;
      const step = 1e-4;
      for (let x = z + step / 2; x < z + 12; x += step) integral += (x - z) * normalDensity(x) * step;
      expect(normalLoss(z)).toBeCloseTo(integral, 8);
    }
    expect(normalSecondLoss(1.3)).toBeCloseTo(0.018807066936571165, 14);
  });
});

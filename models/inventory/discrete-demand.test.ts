import { describe, expect, it } from "vitest";
import { negativeBinomialPmf, pmfMean, pmfShortfall, poissonPmf } from "./discrete-demand.ts";

// Reference values: scipy.stats.poisson / nbinom 1.17.
describe("discrete demand distributions", () => {
  it("Poisson masses match scipy, small and large means", () => {
    const small = poissonPmf(6);
    expect(small[0]).toBeCloseTo(0.0024787521766663585, 15);
    expect(small[6]! / 0.1606231410479801 - 1).toBeLessThan(1e-12);
    expect(Math.abs(small[12]! / 0.011264480021546681 - 1)).toBeLessThan(1e-12);
    const large = poissonPmf(1000); // e^−1000 underflows; the recursion from the mode does not
    expect(Math.abs(large[1000]! / 0.01261461134870819 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(large[900]! / 7.516954352125941e-5 - 1)).toBeLessThan(1e-9);
    expect(pmfMean(large)).toBeCloseTo(1000, 8);
  });

  it("negative binomial masses (mean 4, variance 10) match scipy", () => {
    const pmf = negativeBinomialPmf(4, 10);
    const expected = [
      [0, 0.08686136373103702],
      [2, 0.15287600016662517],
      [4, 0.12128162679885596],
      [10, 0.019942077363633876],
    ] as const;
    for (const [k, v] of expected) expect(Math.abs(pmf[k]! / v - 1)).toBeLessThan(1e-10);
    let variance = 0;
    for (let k = 0; k < pmf.length; k++) variance += (k - 4) ** 2 * pmf[k]!;
    expect(variance).toBeCloseTo(10, 8);
  });

  it("shortfall E[(D − y)⁺] matches scipy for Poisson(6) at y = 8", () => {
    expect(pmfShortfall(poissonPmf(6), 8)[8]).toBeCloseTo(0.3140213891541882, 12);
  });

  it("rejects a variance not above the mean", () => {
    expect(() => negativeBinomialPmf(4, 4)).toThrow(/demandVariance/);
  });
});

import { describe, expect, it } from "vitest";
import { Rng } from "../core/rng.ts";
import { seasonalNaive } from "../models/demand/snaive.ts";
import {
  type DemandSpec,
  demandFromForecast,
  generateDemand,
  logFactorial,
  sampleGamma,
  standardNormal,
} from "./demand.ts";

function moments(x: Float64Array) {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let s2 = 0;
  let lag = 0;
  for (let i = 0; i < x.length; i++) {
    s2 += (x[i]! - mean) ** 2;
    if (i > 0) lag += (x[i]! - mean) * (x[i - 1]! - mean);
  }
  return { mean, variance: s2 / (x.length - 1), lag1: lag / s2 };
}
const draw = (spec: DemandSpec, n = 200_000, seed = 1) =>
  moments(generateDemand(spec, new Rng(seed), new Float64Array(n)));

describe("demand samplers against their closed-form moments", () => {
  it("ziggurat normal: mean 0, variance 1, Φ(−1) and Φ(2) within 5 standard errors", () => {
    const rng = new Rng(3);
    const n = 400_000;
    let s = 0;
    let s2 = 0;
    let below = 0;
    let above2 = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(rng);
      s += z;
      s2 += z * z;
      if (z < -1) below++;
      if (z > 2) above2++;
    }
    expect(Math.abs(s / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(below / n - 0.158655)).toBeLessThan(5 * Math.sqrt((0.158655 * 0.841345) / n));
    expect(Math.abs(above2 / n - 0.0227501)).toBeLessThan(5 * Math.sqrt((0.0227501 * 0.9772499) / n));
  });

  it("Poisson by inversion (λ = 3) and by PTRS (λ = 80): mean = variance = λ", () => {
    for (const lambda of [3, 80]) {
      const m = draw({ kind: "poisson", mean: lambda });
      expect(Math.abs(m.mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 200_000));
      expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(0.02);
    }
  });

  it("negative binomial: Var = μ + μ²/r", () => {
    const m = draw({ kind: "negative-binomial", mean: 4, size: 2 });
    expect(Math.abs(m.mean - 4)).toBeLessThan(5 * Math.sqrt(12 / 200_000));
    expect(Math.abs(m.variance / 12 - 1)).toBeLessThan(0.03);
  });

  it("gamma with shape < 1 and > 1: mean shape·scale, variance shape·scale²", () => {
    for (const shape of [0.4, 3]) {
      const rng = new Rng(9);
      const x = new Float64Array(200_000);
      for (let i = 0; i < x.length; i++) x[i] = sampleGamma(rng, shape, 2);
      const m = moments(x);
      expect(Math.abs(m.mean / (2 * shape) - 1)).toBeLessThan(0.015);
      expect(Math.abs(m.variance / (4 * shape) - 1)).toBeLessThan(0.04);
    }
  });

  it("AR(1) from its stationary law: variance σ²/(1 − φ²), lag-1 autocorrelation φ", () => {
    const m = draw({ kind: "ar1", mean: 100, phi: 0.6, sd: 10, allowNegative: true });
    expect(Math.abs(m.variance / (100 / (1 - 0.36)) - 1)).toBeLessThan(0.03);
    expect(Math.abs(m.lag1 - 0.6)).toBeLessThan(0.01);
  });

  it("history replays cyclically, step switches at its period, forecast holds its last value", () => {
    const out = new Float64Array(5);
    generateDemand({ kind: "history", values: [1, 2, 3] }, new Rng(1), out);
    expect(Array.from(out)).toEqual([1, 2, 3, 1, 2]);
    generateDemand({ kind: "step", before: 4, after: 8, at: 2 }, new Rng(1), out);
    expect(Array.from(out)).toEqual([4, 4, 8, 8, 8]);
    generateDemand({ kind: "forecast", mean: [5, 6] }, new Rng(1), out);
    expect(Array.from(out)).toEqual([5, 6, 6, 6, 6]);
  });

  it("ln k! matches the exact sum across the Stirling switch", () => {
    let exact = 0;
    for (let k = 1; k <= 40; k++) {
      exact += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(exact, 9);
    }
  });

  it("demand from a forecast recovers the sd of its normal interval: naive on [1..10] has σ_h = σ√h, σ = 1", () => {
    const f = seasonalNaive(
      Float64Array.from({ length: 10 }, (_, i) => i + 1),
      { horizon: 4, season: 1, levels: [80, 95] },
    );
    const spec = demandFromForecast(f, [80, 95], 95);
    if (spec.kind !== "forecast") throw new Error("kind");
    expect(spec.mean).toEqual([10, 10, 10, 10]);
    (spec.sd as number[]).forEach((s, h) => {
      expect(s).toBeCloseTo(Math.sqrt(h + 1), 6);
    });
    expect(() => demandFromForecast(f, [80, 95], 90)).toThrow(/level/);
  });
});

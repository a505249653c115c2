import { describe, expect, it } from "vitest";
import {
  arFromUnconstrained,
  expandAr,
  expandMa,
  invertMa,
  isStationaryAr,
  minRootModulus,
  polynomialRoots,
  unconstrainedFromAr,
} from "./polynomial.ts";

describe("lag polynomials", () => {
  it("multiplies (1 − 0.5B)(1 − 0.3B⁴) into 1 − 0.5B − 0.3B⁴ + 0.15B⁵", () => {
    const out = new Float64Array(5);
    const len = expandAr(Float64Array.of(0.5, 0.3), 0, 1, 1, 1, 4, out);
    expect(len).toBe(5);
    expect([...out].map((v) => Number(v.toFixed(12)))).toEqual([0.5, 0, 0, 0.3, -0.15]);
  });

  it("multiplies (1 + 0.4B)(1 − 0.6B¹²) into 1 + 0.4B − 0.6B¹² − 0.24B¹³", () => {
    const out = new Float64Array(13);
    expandMa(Float64Array.of(0.4, -0.6), 0, 1, 1, 1, 12, out);
    expect(out[0]).toBeCloseTo(0.4, 12);
    expect(out[11]).toBeCloseTo(-0.6, 12);
    expect(out[12]).toBeCloseTo(-0.24, 12);
    for (let i = 1; i < 11; i++) expect(out[i]).toBe(0);
  });

  it("PACF transform: one coefficient is tanh; round trip recovers stationary coefficients", () => {
    const out = new Float64Array(1);
    arFromUnconstrained(Float64Array.of(0.5), out, 0, 1, new Float64Array(1));
    expect(out[0]).toBeCloseTo(Math.tanh(0.5), 14);
    // AR(2) with PACF (0.6, −0.3): φ₂ = −0.3, φ₁ = 0.6·(1 + 0.3) = 0.78 by Durbin–Levinson.
    const raw = Float64Array.of(Math.atanh(0.6), Math.atanh(-0.3));
    const ar = new Float64Array(2);
    arFromUnconstrained(raw, ar, 0, 2, new Float64Array(2));
    expect(ar[0]).toBeCloseTo(0.78, 12);
    expect(ar[1]).toBeCloseTo(-0.3, 12);
    const back = new Float64Array(2);
    expect(unconstrainedFromAr(ar, back, 0, 2, new Float64Array(2))).toBe(true);
    expect(back[0]).toBeCloseTo(raw[0]!, 10);
    expect(back[1]).toBeCloseTo(raw[1]!, 10);
  });

  it("stationarity: 1 − 1.2B + 0.35B² is stationary with smallest root 1/0.7, 1 − 1.1B is not", () => {
    // 1 − 1.2z + 0.35z² = (1 − 0.5z)(1 − 0.7z): roots 2 and 1/0.7.
    expect(isStationaryAr(Float64Array.of(1.2, -0.35), 0, 2)).toBe(true);
    expect(minRootModulus(Float64Array.of(1.2, -0.35), 0, 2, -1)).toBeCloseTo(1 / 0.7, 10);
    expect(isStationaryAr(Float64Array.of(1.1), 0, 1)).toBe(false);
  });

  it("finds complex roots: z² + 1 and (z − 2)(z² + 2z + 5)", () => {
    const a = polynomialRoots([1, 0, 1]);
    expect([...a.im].map((v) => Math.abs(v))).toEqual([1, 1]);
    // (z − 2)(z² + 2z + 5) = z³ + z − 10: one real root 2, two complex of modulus √5.
    const b = polynomialRoots([-10, 1, 0, 1]);
    const moduli = [...b.re].map((re, i) => Math.hypot(re, b.im[i]!)).sort((x, y) => x - y);
    expect(moduli[0]).toBeCloseTo(2, 9);
    expect(moduli[1]).toBeCloseTo(Math.sqrt(5), 9);
    expect(moduli[2]).toBeCloseTo(Math.sqrt(5), 9);
  });

  it("inverts a non-invertible MA: θ = 2 → 0.5; (1 + 2.5z + z²) = (1 + 2z)(1 + 0.5z) → (1 + 0.5z)²", () => {
    const ma1 = Float64Array.of(2);
    invertMa(ma1, 0, 1);
    expect(ma1[0]).toBeCloseTo(0.5, 14);
    const ma2 = Float64Array.of(2.5, 1);
    invertMa(ma2, 0, 2);
    expect(ma2[0]).toBeCloseTo(1, 10);
    expect(ma2[1]).toBeCloseTo(0.25, 10);
  });
});

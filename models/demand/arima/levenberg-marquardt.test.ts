import { describe, expect, it } from "vitest";
import { levenbergMarquardt } from "./levenberg-marquardt.ts";

describe("Levenberg–Marquardt", () => {
  it("solves a linear least-squares problem (the normal-equations answer)", () => {
    // Fit a + b·t to (0,1), (1,3), (2,4), (3,8): b = 2.2, a = 0.7 by the closed form.
    const t = [0, 1, 2, 3];
    const y = [1, 3, 4, 8];
    const x = new Float64Array(2);
    const res = levenbergMarquardt(
      (p, out) => {
        for (let i = 0; i < 4; i++) out[i] = p[0]! + p[1]! * t[i]! - y[i]!;
        return true;
      },
      x,
      4,
      { relativeTolerance: 1e-14 },
    );
    expect(x[0]).toBeCloseTo(0.7, 8);
    expect(x[1]).toBeCloseTo(2.2, 8);
    expect(res.value).toBeCloseTo(1.8, 8);
  });

  it("minimises Rosenbrock's function written as residuals (10(x₂ − x₁²), 1 − x₁) to (1, 1)", () => {
    const x = Float64Array.of(-1.2, 1);
    const res = levenbergMarquardt(
      (p, out) => {
        out[0] = 10 * (p[1]! - p[0]! * p[0]!);
        out[1] = 1 - p[0]!;
        return true;
      },
      x,
      2,
      { relativeTolerance: 1e-15 },
    );
    expect(x[0]).toBeCloseTo(1, 6);
    expect(x[1]).toBeCloseTo(1, 6);
    expect(res.value).toBeLessThan(1e-12);
  });

  it("rejects steps outside the domain and reports an infeasible start", () => {
    // Minimise (x − 3)² subject to x < 2 (returning false beyond): ends at the boundary from below.
    const x = Float64Array.of(0);
    levenbergMarquardt(
      (p, out) => {
        out[0] = p[0]! - 3;
        return p[0]! < 2;
      },
      x,
      1,
    );
    expect(x[0]).toBeLessThan(2);
    expect(x[0]).toBeGreaterThan(1.9);
    const bad = levenbergMarquardt(() => false, Float64Array.of(0), 1);
    expect(bad.value).toBe(Number.POSITIVE_INFINITY);
  });
});

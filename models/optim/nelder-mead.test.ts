import { describe, expect, it } from "vitest";
import { nelderMead } from "./nelder-mead.ts";

describe("nelderMead", () => {
  it("finds the minimum of the Rosenbrock function at (1, 1)", () => {
    const rosen = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const r = nelderMead(rosen, [-1.2, 1], { tolerance: 1e-14, maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it("minimises a quadratic in 4 dimensions to its closed-form optimum", () => {
    const c = [3, -2, 0.5, 10];
    const f = (x: Float64Array) => c.reduce((s, ci, i) => s + (i + 1) * (x[i]! - ci) ** 2, 0);
    const r = nelderMead(f, [0, 0, 0, 0], { tolerance: 1e-16, maxIterations: 20000 });
    for (let i = 0; i < 4; i++) expect(r.x[i]).toBeCloseTo(c[i]!, 4);
  });

  it("treats NaN as infeasible and stays in the region where f is defined", () => {
    const f = (x: Float64Array) => (x[0]! < 0 ? Number.NaN : (x[0]! - 2) ** 2);
    const r = nelderMead(f, [0.5], { tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(2, 5);
  });

  it("does not mutate the starting point", () => {
    const x0 = [1, 2];
    nelderMead((x) => x[0]! ** 2 + x[1]! ** 2, x0);
    expect(x0).toEqual([1, 2]);
  });
});

import { describe, expect, it } from "vitest";
import { nashNelderMead } from "./nash-nelder-mead.ts";

// Expected values printed by R 4.2.2, `optim(x0, f)` (Nelder–Mead defaults), with print(digits = 17).
describe("nashNelderMead", () => {
  it("follows R's optim step for step on Rosenbrock from (−1.2, 1)", () => {
    const r = nashNelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1.0002601387256695, 12);
    expect(r.x[1]).toBeCloseTo(1.000505999303765, 12);
    expect(r.value).toBeCloseTo(8.8252410967227472e-8, 18);
    expect(r.evaluations).toBe(195);
    expect(r.fail).toBe(0);
  });

  it("shares one start step across badly scaled coordinates, as R does", () => {
    const r = nashNelderMead((x) => (x[0]! - 1) ** 2 + ((x[1]! - 2e5) / 1e4) ** 2, [3, 1e5]);
    expect(r.x[0]).toBeCloseTo(0.99914433586499907, 12);
    expect(r.x[1]).toBeCloseTo(200007.55594877628, 6);
    expect(r.evaluations).toBe(113);
  });

  it("treats Infinity as a wall and reports an exhausted budget", () => {
    const r = nashNelderMead((x) => (x[0]! < 0 ? Number.POSITIVE_INFINITY : (x[0]! + 1) ** 2), [2]);
    expect(r.x[0]).toBeGreaterThanOrEqual(0);
    expect(r.x[0]).toBeLessThan(1e-3);
    const capped = nashNelderMead((x) => (x[0]! - 1) ** 2 + (x[1]! - 2) ** 2, [100, -50], 1e-30, 20);
    expect(capped.fail).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { finiteHorizonPolicy } from "./finite-horizon-dp.ts";
import { newsvendorPoisson } from "./newsvendor-discrete.ts";
import { ssExact } from "./ss-exact.ts";

/** Naive DP: explicit minimisation over every order-up-to level, direct expectation (tiny instances). */
function naiveValue(
  T: number,
  x: number,
  K: number,
  c: number,
  h: number,
  p: number,
  pmf: number[],
  memo = new Map<string, number>(),
): number {
  if (T === 0) return 0;
  const key = `${T}:${x}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let best = Infinity;
  for (let y = x; y <= x + 12; y++) {
    let cost = (y > x ? K : 0) + c * (y - x);
    for (let d = 0; d < pmf.length; d++) {
      const end = y - d;
      cost += pmf[d]! * ((end >= 0 ? h * end : -p * end) + naiveValue(T - 1, end, K, c, h, p, pmf, memo));
    }
    best = Math.min(best, cost);
  }
  memo.set(key, best);
  return best;
}

describe("finiteHorizonPolicy", () => {
  it("one period with K = 0 is the Poisson newsvendor", () => {
    const r = finiteHorizonPolicy({
      periods: 1,
      fixedCost: 0,
      holdingCost: 1,
      stockoutCost: 4,
      demand: { poissonMean: 6 },
    });
    const nv = newsvendorPoisson({ holdingCost: 1, stockoutCost: 4, demandMean: 6 });
    expect(r.orderUpToLevels[0]).toBe(nv.baseStockLevel);
    expect(r.costToGo(-100)).toBeCloseTo(nv.cost, 9);
  });

  it("matches a naive DP over every order decision on a small instance", () => {
    const pmf = [0.2, 0.5, 0.2, 0.1];
    const r = finiteHorizonPolicy({
      periods: 4,
      fixedCost: 3,
      unitCost: 0.5,
      holdingCost: 1,
      stockoutCost: 6,
      demand: { pmf },
    });
    for (const x of [-2, 0, 1, 3, 5])
      expect(r.costToGo(x)).toBeCloseTo(naiveValue(4, x, 3, 0.5, 1, 6, pmf), 9);
  });

  it("early periods of a long horizon follow the stationary Zheng–Federgruen (s, S)", () => {
    const r = finiteHorizonPolicy({
      periods: 80,
      fixedCost: 5,
      holdingCost: 1,
      stockoutCost: 4,
      demand: { poissonMean: 6 },
    });
    const zf = ssExact({ holdingCost: 1, stockoutCost: 4, fixedCost: 5, demandMean: 6 });
    expect([r.reorderPoints[0], r.orderUpToLevels[0]]).toEqual([zf.reorderPoint, zf.orderUpToLevel]);
  });

  it("rejects a non-integer horizon", () => {
    expect(() =>
      finiteHorizonPolicy({
        periods: 2.5,
        fixedCost: 1,
        holdingCost: 1,
        stockoutCost: 1,
        demand: { poissonMean: 1 },
      }),
    ).toThrow(/periods/);
  });
});

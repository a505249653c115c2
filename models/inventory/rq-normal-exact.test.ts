import { describe, expect, it } from "vitest";
import { normalDensity } from "./normal-distribution.ts";
import { rqNormalExact, rqNormalExactCost } from "./rq-normal-exact.ts";
import { rqPoissonExact } from "./rq-poisson-exact.ts";

const input = {
  holdingCost: 2,
  stockoutCost: 25,
  fixedCost: 150,
  demandMean: 1200,
  demandSd: 160,
  leadTime: 0.25,
};

describe("rqNormalExact", () => {
  it("its closed-form cost equals the numerically integrated cost", () => {
    const mu = 300;
    const sd = 80;
    const r = 350;
    const Q = 200;
    // ∫_r^{r+Q} g(y)dy with g(y) = E[h(y − D)⁺ + p(D − y)⁺] by 2-D midpoint rule
    let integral = 0;
    const dy = 0.5;
    for (let y = r + dy / 2; y < r + Q; y += dy) {
      let gy = 0;
      const dx = sd / 200;
      for (let x = mu - 10 * sd; x < mu + 10 * sd; x += dx) {
        const w = (normalDensity((x + dx / 2 - mu) / sd) / sd) * dx;
        const d = x + dx / 2;
        gy += w * (d < y ? 2 * (y - d) : 25 * (d - y));
      }
      integral += gy * dy;
    }
    expect(rqNormalExactCost(input, r, Q)).toBeCloseTo((150 * 1200 + integral) / Q, 3);
  });

  it("beats every (r, Q) on a grid around it", () => {
    const best = rqNormalExact(input);
    for (let dr = -20; dr <= 20; dr += 2) {
      for (let dq = -40; dq <= 40; dq += 4) {
        if (best.orderQuantity + dq <= 0) continue;
        expect(
          rqNormalExactCost(input, best.reorderPoint + dr, best.orderQuantity + dq),
        ).toBeGreaterThanOrEqual(best.cost - 1e-9);
      }
    }
  });

  it("is close to the exact Poisson (r, Q) when Poisson demand is nearly normal", () => {
    // Poisson rate 400, L = 1: lead-time demand ≈ N(400, 20²)
    const poisson = rqPoissonExact({
      holdingCost: 1,
      stockoutCost: 20,
      fixedCost: 50,
      demandMean: 400,
      leadTime: 1,
    });
    const normal = rqNormalExact({
      holdingCost: 1,
      stockoutCost: 20,
      fixedCost: 50,
      demandMean: 400,
      demandSd: 20,
      leadTime: 1,
    });
    expect(Math.abs(normal.cost / poisson.cost - 1)).toBeLessThan(0.01);
    expect(Math.abs(normal.orderQuantity - poisson.orderQuantity)).toBeLessThan(3);
  });
});

import { describe, expect, it } from "vitest";
import { readyMadeScenario, simulatedVersusTarget, simulateScenario } from "./index.ts";

/** Poisson(m) cdf at k. */
function poissonCdf(m: number, k: number): number {
  let p = Math.exp(-m);
  let c = p;
  for (let i = 1; i <= k; i++) {
    p *= m / i;
    c += p;
  }
  return c;
}

describe("simulated versus targeted service and cost", () => {
  it("a base-stock level set for a cycle-service target delivers it (Poisson lead-time demand)", () => {
    // Optimiser's rule: smallest S with P(D_{L+1} ≤ S) ≥ 0.95, D_{L+1} ~ Poisson(3·4 = 12).
    let S = 0;
    while (poissonCdf(12, S) < 0.95) S++;
    const target = poissonCdf(12, S);
    const result = simulateScenario({
      network: { nodes: [{ id: "store", processingTime: 3, holdingCost: 1 }], edges: [] },
      demand: { store: { kind: "poisson", mean: 3 } },
      policy: { store: { kind: "base-stock", S } },
      settings: { periods: 10100, warmup: 100, replications: 40, seed: 99 },
    });
    const [row] = simulatedVersusTarget(result, { store: { cycleServiceLevel: target } }, 5);
    expect(row!.metric).toBe("cycleServiceLevel");
    expect(row!.withinInterval).toBe(true);
    expect(Math.abs(row!.gap)).toBeLessThan(0.01);
  });

  it("the ready-made Clark–Scarf scenario meets the analytic 47.665 per period (95% interval + 0.5%)", () => {
    const result = simulateScenario(readyMadeScenario("clark-scarf"), { replications: 30 });
    const total = result.totalCostPerPeriod;
    expect(Math.abs(total.mean - 47.66539)).toBeLessThan(1.96 * total.se + 0.005 * 47.66539);
  });
});

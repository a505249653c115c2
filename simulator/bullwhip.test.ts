import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario } from "./engine.ts";
import { runReplications, summariseResults } from "./replications.ts";
import { validateScenario } from "./scenario.ts";

// Closed-form bullwhip ratios (Chen et al. 2000; Lee et al. 1997; Disney & Towill 2003) kept in
// ../shared/cases/simulation.json with tolerances of 5 standard errors of the maintainers' Monte Carlo.
interface Case {
  id: string;
  inputs: Record<string, number | string | boolean>;
  expected: number | Record<string, number>;
  tolerance: number | Record<string, number>;
}
const cases: Case[] = JSON.parse(
  readFileSync(new URL("../../shared/cases/simulation.json", import.meta.url), "utf8"),
).cases.filter((c: { family: string }) => c.family === "bullwhip");

function simulate(c: Case) {
  const i = c.inputs as Record<string, number>;
  const mu = i.mu!;
  let forecaster: unknown;
  let cover: number;
  let policy: Record<string, unknown>;
  if (c.id.startsWith("bw_ma_")) {
    forecaster = { method: "moving-average", p: i.p };
    cover = i.L!;
  } else if (c.id.startsWith("bw_es_")) {
    forecaster = { method: "exponential-smoothing", alpha: i.alpha };
    cover = i.L!;
  } else if (c.id.startsWith("bw_lpw_")) {
    forecaster = { method: "ar1", mean: mu, phi: i.rho };
    cover = i.m_periods_covered!;
  } else {
    forecaster = { method: "constant", value: mu };
    cover = i.lead_time_L!;
  }
  if (c.id.startsWith("bw_pout_")) {
    policy = { kind: "proportional-order-up-to", Ti: i.Ti, forecaster, cover, allowNegativeOrders: true };
  } else {
    policy = { kind: "forecast-order-up-to", forecaster, cover, allowNegativeOrders: true };
  }
  const demand =
    i.rho !== undefined
      ? { kind: "ar1", mean: mu, phi: i.rho, sd: i.sigma_eps, allowNegative: true }
      : { kind: "normal", mean: mu, sd: i.sigma, allowNegative: true };
  const scenario = validateScenario({
    name: c.id,
    // POUT's net stock recursion ns_t = ns_{t−1} + o_{t−L−1} − D_t is this engine's lead time L.
    network: {
      nodes: [{ id: "stock", processingTime: i.lead_time_L ?? i.L ?? 0, holdingCost: 0 }],
      edges: [],
    },
    demand: { stock: demand },
    policy: { stock: policy },
    settings: { periods: i.horizon, warmup: i.warmup, replications: i.replications, seed: 2000 },
  });
  const compiled = compileScenario(scenario);
  return summariseResults(compiled, runReplications(compiled, 0, i.replications!)).nodes.stock!;
}

describe("bullwhip ratios against closed forms (../shared/cases/simulation.json)", () => {
  it("has the eight bullwhip cases", () => {
    expect(cases.length).toBe(8);
  });
  for (const c of cases) {
    it(`${c.id}: ${JSON.stringify(c.expected)}`, () => {
      const r = simulate(c);
      if (typeof c.expected === "number") {
        expect(Math.abs(r.bullwhip.mean - c.expected)).toBeLessThanOrEqual(c.tolerance as number);
      } else {
        const tol = c.tolerance as Record<string, number>;
        expect(Math.abs(r.bullwhip.mean - c.expected.bullwhip!)).toBeLessThanOrEqual(tol.bullwhip!);
        expect(Math.abs(r.netStockAmplification.mean - c.expected.ns_amp!)).toBeLessThanOrEqual(tol.ns_amp!);
      }
    });
  }
});

describe("beer game (Sterman 1989)", () => {
  const scenario = validateScenario(
    JSON.parse(readFileSync(new URL("./scenarios/beer-game.json", import.meta.url), "utf8")),
  );
  const compiled = compileScenario(scenario);
  const r = summariseResults(compiled, runReplications(compiled, 0, 1));
  it("amplifies order variance upstream: Var(orders)/Var(demand) > 1 and rising by echelon", () => {
    const chain = ["retailer", "wholesaler", "distributor", "factory"].map(
      (id) => r.nodes[id]!.bullwhip.mean,
    );
    expect(chain[0]!).toBeGreaterThan(1);
    for (let k = 1; k < chain.length; k++) expect(chain[k]!).toBeGreaterThan(chain[k - 1]!);
  });
});

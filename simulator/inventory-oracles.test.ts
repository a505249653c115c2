import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulateOneForOne } from "./continuous-review.ts";
import { compileScenario } from "./engine.ts";
import { runReplications, type SimulationResult, summariseResults } from "./replications.ts";
import { type Scenario, validateScenario } from "./scenario.ts";

// Known answers (analytic or published, with tolerances from their own Monte Carlo) kept by the
// project maintainers in ../shared/cases; the simulator is checked against them, not against itself.
interface Case {
  id: string;
  inputs: Record<string, unknown>;
  expected: Record<string, number> | number;
  tolerance: Record<string, number> | number;
}
const cases = (file: string): Case[] =>
  JSON.parse(readFileSync(new URL(`../../shared/cases/${file}`, import.meta.url), "utf8")).cases;
const sim = new Map(cases("simulation.json").map((c) => [c.id, c]));
const get = (id: string) => {
  const c = sim.get(id);
  if (!c) throw new Error(`case ${id} missing from ../shared/cases/simulation.json`);
  return c as Case & { expected: Record<string, number>; tolerance: Record<string, number> };
};

/** One stocking point ordering from an outside supplier. */
function singleNode(
  c: Case,
  leadTime: number,
  h: number,
  p: number,
  demand: Scenario["demand"][string],
  policy: Scenario["policy"][string],
  extra: Record<string, unknown> = {},
): SimulationResult {
  const i = c.inputs as { replications: number; horizon: number; warmup?: number };
  const scenario = validateScenario({
    name: c.id,
    network: { nodes: [{ id: "stock", processingTime: leadTime, holdingCost: h }], edges: [] },
    demand: { stock: demand },
    policy: { stock: policy },
    nodeSettings: { stock: { backorderCost: p, ...extra } },
    settings: { periods: i.horizon, warmup: i.warmup ?? 100, replications: i.replications, seed: 20261127 },
  });
  const compiled = compileScenario(scenario);
  return summariseResults(compiled, runReplications(compiled, 0, i.replications), c.id);
}

describe("single-stage periodic-review oracles (../shared/cases/simulation.json)", () => {
  it("inv_bs_periodic_poisson_l5_L2_S20: on hand, backorders, fill rate, no-stockout probability, cost", () => {
    const c = get("inv_bs_periodic_poisson_l5_L2_S20");
    const i = c.inputs as { lambda: number; lead_time_L: number; S: number; h: number; p: number };
    const r = singleNode(
      c,
      i.lead_time_L,
      i.h,
      i.p,
      { kind: "poisson", mean: i.lambda },
      { kind: "base-stock", S: i.S },
    );
    const node = r.nodes.stock!;
    expect(Math.abs(node.meanOnHand.mean - c.expected.E_on_hand_end!)).toBeLessThanOrEqual(
      c.tolerance.E_on_hand_end!,
    );
    expect(Math.abs(node.meanBackorders.mean - c.expected.E_backorders_end!)).toBeLessThanOrEqual(
      c.tolerance.E_backorders_end!,
    );
    expect(Math.abs(node.fillRate.mean - c.expected.fill_rate!)).toBeLessThanOrEqual(c.tolerance.fill_rate!);
    expect(Math.abs(node.cycleServiceLevel.mean - c.expected.P_no_stockout_end!)).toBeLessThanOrEqual(
      c.tolerance.P_no_stockout_end!,
    );
    expect(Math.abs(r.totalCostPerPeriod.mean - c.expected.cost_per_period!)).toBeLessThanOrEqual(
      c.tolerance.cost_per_period!,
    );
  });

  it("inv_newsvendor_ex41: base stock at the critical fractile, zero lead time", () => {
    const c = get("inv_newsvendor_ex41");
    const i = c.inputs as { h: number; p: number; S: number; lead_time_L: number };
    const r = singleNode(
      c,
      i.lead_time_L,
      i.h,
      i.p,
      { kind: "normal", mean: 50, sd: 8 },
      { kind: "base-stock", S: i.S },
    );
    expect(Math.abs(r.totalCostPerPeriod.mean - c.expected.cost_per_period!)).toBeLessThanOrEqual(
      c.tolerance.cost_per_period!,
    );
  });

  it("inv_sS_poisson_ex47: (s, S) = (4, 10) with K = 5 costs 8.0341 per period", () => {
    const c = get("inv_sS_poisson_ex47");
    const i = c.inputs as { h: number; p: number; K: number; lead_time_L: number };
    const r = singleNode(
      c,
      i.lead_time_L,
      i.h,
      i.p,
      { kind: "poisson", mean: 6 },
      { kind: "sS", s: c.expected.s_opt!, S: c.expected.S_opt! },
      { orderingCost: i.K },
    );
    expect(Math.abs(r.totalCostPerPeriod.mean - c.expected.cost_per_period!)).toBeLessThanOrEqual(
      c.tolerance.cost_per_period!,
    );
  });

  it("inv_RS_normal_R4_L1: periodic review every 4 periods, costs averaged over the cycle", () => {
    const c = get("inv_RS_normal_R4_L1");
    const i = c.inputs as { R: number; lead_time_L: number };
    const r = singleNode(
      c,
      i.lead_time_L,
      1,
      19,
      { kind: "normal", mean: 20, sd: 5 },
      { kind: "periodic", R: i.R, S: c.expected.S_opt! },
    );
    expect(Math.abs(r.totalCostPerPeriod.mean - c.expected.cost_per_period!)).toBeLessThanOrEqual(
      c.tolerance.cost_per_period!,
    );
  });
});

describe("continuous-review one-for-one (Palm's theorem), event by event", () => {
  const c = get("inv_palm_S8_lam2_L3");
  const i = c.inputs as { replications: number; horizon_days: number; warmup_days: number };
  for (const kind of ["deterministic", "exponential"] as const) {
    it(`inv_palm_S8_lam2_L3 with ${kind} lead times`, () => {
      let oh = 0;
      let bo = 0;
      let fr = 0;
      for (let r = 0; r < i.replications; r++) {
        const x = simulateOneForOne(
          {
            rate: 2,
            S: 8,
            leadTime: 3,
            leadTimeKind: kind,
            horizon: i.horizon_days,
            warmup: i.warmup_days,
            seed: 7,
          },
          r,
        );
        oh += x.onHand / i.replications;
        bo += x.backorders / i.replications;
        fr += x.fillRate / i.replications;
      }
      expect(Math.abs(oh - c.expected.E_on_hand!)).toBeLessThanOrEqual(c.tolerance.E_on_hand!);
      expect(Math.abs(bo - c.expected.E_backorders!)).toBeLessThanOrEqual(c.tolerance.E_backorders!);
      expect(Math.abs(fr - c.expected.fill_rate!)).toBeLessThanOrEqual(c.tolerance.fill_rate!);
    });
  }
});

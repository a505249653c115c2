import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario } from "./engine.ts";
import { runReplications, summariseResults } from "./replications.ts";
import { type Scenario, validateScenario } from "./scenario.ts";

const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../shared/cases/${file}`, import.meta.url), "utf8")).cases as {
    id: string;
    inputs: Record<string, unknown>;
    expected: Record<string, number>;
    tolerance: Record<string, number>;
  }[];

function run(doc: unknown, replications?: number) {
  const scenario = validateScenario(doc);
  const compiled = compileScenario(scenario);
  return summariseResults(
    compiled,
    runReplications(compiled, 0, replications ?? scenario.settings.replications),
  );
}

/**
 * Serial chain stage 3 → 2 → 1 in the Clark–Scarf cost convention: local holding on on-hand,
 * in transit to stage j charged at stage j+1's holding cost, backorder cost at stage 1. The cases'
 * stage lead times cover that many periods of demand, i.e. L − 1 in this engine's timing.
 */
function serial(
  leadTimes: number[],
  localH: number[],
  p: number,
  S: number[],
  periods: number,
  warmup: number,
  replications: number,
) {
  return {
    network: {
      nodes: [3, 2, 1].map((k) => ({
        id: `stage${k}`,
        processingTime: leadTimes[k - 1]! - 1,
        holdingCost: localH[k - 1]!,
      })),
      edges: [
        {
          upstream: "stage3",
          downstream: "stage2",
          leadTime: leadTimes[1]! - 1,
          pipelineHoldingCost: localH[2]!,
        },
        {
          upstream: "stage2",
          downstream: "stage1",
          leadTime: leadTimes[0]! - 1,
          pipelineHoldingCost: localH[1]!,
        },
      ],
    },
    demand: { stage1: { kind: "normal", mean: 5, sd: 1 } },
    policy: Object.fromEntries(
      [1, 2, 3].map((k) => [`stage${k}`, { kind: "echelon-base-stock", S: S[k - 1] }]),
    ),
    nodeSettings: { stage1: { backorderCost: p } },
    settings: { periods, warmup, replications, seed: 1960 },
  };
}

describe("Clark–Scarf serial system under echelon base-stock", () => {
  it("ms_clark_scarf_ex61_normal (simulation.json): cost per period within the case tolerance", () => {
    const c = load("simulation.json").find((x) => x.id === "ms_clark_scarf_ex61_normal")!;
    const i = c.inputs as {
      lead_times: number[];
      local_h: number[];
      p: number;
      echelon_S: number[];
    } & Record<string, number>;
    const r = run(serial(i.lead_times, i.local_h, i.p, i.echelon_S, i.horizon!, i.warmup!, i.replications!));
    expect(Math.abs(r.totalCostPerPeriod.mean - c.expected.cost_per_period!)).toBeLessThanOrEqual(
      c.tolerance.cost_per_period!,
    );
  });

  it("sim_serial_example_6_1_echelon_bs (inventory.json): 20 × 1000 periods within 3 SEM + 2% of 47.665", () => {
    const c = load("inventory.json").find((x) => x.id === "sim_serial_example_6_1_echelon_bs")!;
    const S = c.inputs.echelon_base_stock_levels as Record<string, number>;
    const r = run(serial([1, 1, 2], [7, 4, 2], 37.12, [S["1"]!, S["2"]!, S["3"]!], 1000, 0, 20));
    const analytic = c.expected.analytic_cost!;
    expect(Math.abs(r.totalCostPerPeriod.mean - analytic)).toBeLessThanOrEqual(
      3 * r.totalCostPerPeriod.se + 0.02 * analytic,
    );
  });

  it("scenarios/clark-scarf.json: 100 × 20,000 periods within 0.5% of the analytic 47.665", () => {
    const doc = JSON.parse(readFileSync(new URL("./scenarios/clark-scarf.json", import.meta.url), "utf8"));
    const c = load("inventory.json").find((x) => x.id === "ssm_serial_example_6_1")!;
    const r = run(doc);
    const analytic = c.expected.expected_cost_per_period!;
    expect(Math.abs(r.totalCostPerPeriod.mean - analytic)).toBeLessThanOrEqual(
      c.tolerance.cost_rel! * analytic,
    );
  });
});

/** E[(X − S)^+] for X ~ Poisson(m), by summing the pmf. */
function poissonLoss(m: number, S: number): number {
  let p = Math.exp(-m);
  let below = 0; // E[(S − X)^+]
  for (let k = 0; k < S; k++) {
    below += (S - k) * p;
    p *= m / (k + 1);
  }
  return below - (S - m);
}

describe("network paths against single-stage closed forms", () => {
  const ample = 1e9;
  it("distribution: two retailers behind an ample warehouse behave like single stages with the arc lead time", () => {
    const doc: Scenario = {
      network: {
        nodes: [
          { id: "dc", processingTime: 0, holdingCost: 0 },
          { id: "east", processingTime: 0, holdingCost: 1 },
          { id: "west", processingTime: 0, holdingCost: 1 },
        ],
        edges: [
          { upstream: "dc", downstream: "east", leadTime: 2 },
          { upstream: "dc", downstream: "west", leadTime: 1 },
        ],
      },
      demand: { east: { kind: "poisson", mean: 4 }, west: { kind: "poisson", mean: 3 } },
      policy: {
        dc: { kind: "base-stock", S: ample },
        east: { kind: "base-stock", S: 15 },
        west: { kind: "base-stock", S: 8 },
      },
      settings: { periods: 20100, warmup: 100, replications: 30, seed: 5 },
    };
    const r = run(doc);
    const east = r.nodes.east!;
    const west = r.nodes.west!;
    // Backorders at the end of a period: E[(D_{L+1} − S)^+], D_{L+1} ~ Poisson(λ(L + 1)).
    expect(Math.abs(east.meanBackorders.mean - poissonLoss(12, 15))).toBeLessThanOrEqual(
      5 * east.meanBackorders.se + 1e-3,
    );
    expect(Math.abs(west.meanBackorders.mean - poissonLoss(6, 8))).toBeLessThanOrEqual(
      5 * west.meanBackorders.se + 1e-3,
    );
    // The warehouse passes on exactly the sum of the retailers' orders.
    expect(r.nodes.dc!.meanShipped.mean).toBeCloseTo(east.meanOrder.mean + west.meanOrder.mean, 6);
  });

  it("assembly: the kit consumes unitsPerParent of each component", () => {
    const doc: Scenario = {
      network: {
        nodes: [
          { id: "frame", processingTime: 0, holdingCost: 0 },
          { id: "wheel", processingTime: 0, holdingCost: 0 },
          { id: "bike", processingTime: 0, holdingCost: 1 },
        ],
        edges: [
          { upstream: "frame", downstream: "bike", leadTime: 1, unitsPerParent: 1 },
          { upstream: "wheel", downstream: "bike", leadTime: 1, unitsPerParent: 2 },
        ],
      },
      demand: { bike: { kind: "poisson", mean: 5 } },
      policy: {
        frame: { kind: "base-stock", S: ample },
        wheel: { kind: "base-stock", S: ample },
        bike: { kind: "base-stock", S: 14 },
      },
      settings: { periods: 10100, warmup: 100, replications: 20, seed: 6 },
    };
    const r = run(doc);
    expect(r.nodes.wheel!.meanShipped.mean).toBeCloseTo(2 * r.nodes.frame!.meanShipped.mean, 9);
    expect(Math.abs(r.nodes.bike!.meanBackorders.mean - poissonLoss(10, 14))).toBeLessThanOrEqual(
      5 * r.nodes.bike!.meanBackorders.se + 1e-3,
    );
  });

  it("random lead times (orders may cross): mean net stock is S − λ(E[L] + 1)", () => {
    const doc: Scenario = {
      network: {
        nodes: [
          { id: "hub", processingTime: 0, holdingCost: 0 },
          { id: "store", processingTime: 0, holdingCost: 1 },
        ],
        edges: [
          { upstream: "hub", downstream: "store", leadTimeDistribution: { kind: "uniform", min: 1, max: 3 } },
        ],
      },
      demand: { store: { kind: "poisson", mean: 4 } },
      policy: { hub: { kind: "base-stock", S: ample }, store: { kind: "base-stock", S: 20 } },
      settings: { periods: 20100, warmup: 100, replications: 20, seed: 8 },
    };
    const r = run(doc).nodes.store!;
    const netStock = r.meanOnHand.mean - r.meanBackorders.mean;
    const se = Math.hypot(r.meanOnHand.se, r.meanBackorders.se);
    expect(Math.abs(netStock - (20 - 4 * (2 + 1)))).toBeLessThanOrEqual(5 * se + 0.01);
  });

  it("lost sales: served + lost = demand and the fill rate is the served share", () => {
    const doc: Scenario = {
      network: { nodes: [{ id: "kiosk", processingTime: 0, holdingCost: 1 }], edges: [] },
      demand: { kiosk: { kind: "poisson", mean: 10 } },
      policy: { kiosk: { kind: "base-stock", S: 10 } },
      nodeSettings: { kiosk: { lostSales: true, lostSaleCost: 3 } },
      settings: { periods: 20100, warmup: 100, replications: 10, seed: 9 },
    };
    const r = run(doc).nodes.kiosk!;
    // L = 0, S = 10: each period starts with 10 on hand, so lost = E[(D − 10)^+].
    expect(Math.abs(r.meanLostSales.mean - poissonLoss(10, 10))).toBeLessThanOrEqual(
      5 * r.meanLostSales.se + 1e-3,
    );
    expect(r.meanBackorders.mean).toBe(0);
    expect(r.fillRate.mean).toBeCloseTo(1 - r.meanLostSales.mean / 10, 2);
  });
});

import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import { inventoryCases } from "./cases.testkit.ts";
import { clarkScarfSerial, stochasticServiceSerial } from "./ssm-serial.ts";

interface SsmCase {
  id: string;
  model: string;
  inputs: {
    nodes: { index: number; echelon_holding_cost: number; lead_time: number }[];
    downstream_node: number;
    stockout_cost: number;
    demand: { type: "N" | "P"; mean: number; sd: number };
    edges: [number, number][];
  };
  expected: { echelon_base_stock_levels: Record<string, number>; expected_cost_per_period: number };
  tolerance: { S_abs?: number; S?: string; cost_rel?: number; cost_abs?: number };
}
const cases = inventoryCases<SsmCase>("ssm_serial_clark_scarf");

/** Case → Network: processingTime = lead time, holdingCost = echelon cost (holdingCostKind "echelon"). */
function networkOf(c: SsmCase): Network {
  return {
    nodes: c.inputs.nodes.map((s) => ({
      id: String(s.index),
      processingTime: s.lead_time,
      holdingCost: s.echelon_holding_cost,
      ...(s.index === c.inputs.downstream_node
        ? { demandMean: c.inputs.demand.mean, demandSd: c.inputs.demand.sd }
        : {}),
    })),
    edges: c.inputs.edges.map(([u, d]) => ({ upstream: String(u), downstream: String(d) })),
  };
}

/**
 * Case values that disagree with a closed form. Stage 1 of a Clark–Scarf system solves
 * min_y h_1 y + (p + h'_1) E[(y − D_1)⁻], so S*_1 = F⁻¹((p + h'_1 − h_1)/(p + h'_1)) exactly
 * (Snyder & Shen §6.2.3). FoSCT Problem 6.1: p = 15, h = (1, 1), D_1 ~ N(100, 15²):
 * S*_1 = 100 + 15 Φ⁻¹(16/17) = 123.4709 (Φ⁻¹(16/17) = 1.5647264713617985, scipy.stats.norm.ppf);
 * the case says 123.939 (stockpyl's x_num = 1000 grid), 0.47 away, outside its own 0.15 tolerance.
 */
const KNOWN_CASE_ERRORS: Record<string, number> = {
  "ssm_serial_problem_6_1/1": 100 + 15 * 1.5647264713617985,
};

describe("stochasticServiceSerial on the ssm_serial_clark_scarf cases", () => {
  it("finds the four cases", () => expect(cases.length).toBe(4));
  for (const c of cases) {
    it(`${c.id}`, () => {
      const r = stochasticServiceSerial(networkOf(c), {
        stockoutCost: c.inputs.stockout_cost,
        demandDistribution: c.inputs.demand.type === "P" ? "poisson" : "normal",
        holdingCostKind: "echelon",
      });
      for (const [id, S] of Object.entries(c.expected.echelon_base_stock_levels)) {
        const closedForm = KNOWN_CASE_ERRORS[`${c.id}/${id}`];
        if (closedForm !== undefined) {
          // the case value is stockpyl's coarse-grid answer; check the exact value instead and
          // that the case value is off by the amount documented
          expect(Math.abs(r.echelonBaseStockLevels[id]! - closedForm)).toBeLessThanOrEqual(0.01);
          expect(Math.abs(S - closedForm)).toBeGreaterThan(c.tolerance.S_abs!);
        } else if (c.tolerance.S_abs !== undefined) {
          expect(Math.abs(r.echelonBaseStockLevels[id]! - S)).toBeLessThanOrEqual(c.tolerance.S_abs);
        } else expect(r.echelonBaseStockLevels[id]).toBe(S);
      }
      const expected = c.expected.expected_cost_per_period;
      const tol = c.tolerance.cost_abs ?? c.tolerance.cost_rel! * expected;
      expect(Math.abs(r.expectedCostPerPeriod - expected)).toBeLessThanOrEqual(tol);
    });
  }
});

describe("clarkScarfSerial closed forms", () => {
  it("one stage is the newsvendor with lead-time demand: S = μL + σ√L Φ⁻¹(p/(p+h))", () => {
    // p/(p+h) = 0.95 → z = 1.6448536269514722 (FoSCT Table), cost = (p+h) σ√L φ(z)
    const r = clarkScarfSerial({
      echelonHoldingCost: [1],
      leadTime: [4],
      stockoutCost: 19,
      demand: { distribution: "normal", mean: 50, sd: 5 },
    });
    const z = 1.6448536269514722;
    expect(r.echelonBaseStockLevels[0]).toBeCloseTo(200 + 10 * z, 1);
    const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    expect(r.expectedCostPerPeriod).toBeCloseTo(20 * 10 * phi, 3);
  });
  it("rejects bad inputs naming the field", () => {
    expect(() =>
      clarkScarfSerial({
        echelonHoldingCost: [1, -1],
        leadTime: [1, 1],
        stockoutCost: 5,
        demand: { distribution: "poisson", mean: 3 },
      }),
    ).toThrow(/echelonHoldingCost\[1\]: must be >= 0/);
    expect(() =>
      clarkScarfSerial({
        echelonHoldingCost: [1],
        leadTime: [1],
        stockoutCost: 0,
        demand: { distribution: "poisson", mean: 3 },
      }),
    ).toThrow(/stockoutCost: must be > 0/);
  });
  it("rejects a non-serial network", () => {
    const network: Network = {
      nodes: ["a", "b", "c"].map((id) => ({
        id,
        processingTime: 1,
        holdingCost: 1,
        demandMean: 1,
        demandSd: 1,
      })),
      edges: [
        { upstream: "a", downstream: "b" },
        { upstream: "a", downstream: "c" },
      ],
    };
    expect(() => stochasticServiceSerial(network, { stockoutCost: 10 })).toThrow(WorkbenchError);
  });
});

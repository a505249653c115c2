import { describe, expect, it } from "vitest";
import type { Network } from "../../core/network.ts";
import { Rng } from "../../core/rng.ts";
import { inventoryCases } from "./cases.testkit.ts";
import { guaranteedServiceSerial } from "./gsm-serial.ts";
import { guaranteedServiceTree } from "./gsm-tree.ts";
import { networkFromStageList, type StageListEntry } from "./network.ts";

interface GsmCase {
  id: string;
  model: string;
  inputs: { nodes: StageListEntry[]; edges: [number, number][] };
  expected: { committed_service_times: Record<string, number>; cost: number };
  tolerance: { cost_rel: number };
}
const cases = inventoryCases<GsmCase>("gsm_serial");

describe("guaranteedServiceSerial on the gsm_serial cases", () => {
  it("finds the two cases", () => expect(cases.length).toBe(2));
  for (const c of cases) {
    it(`${c.id}: cost within ${c.tolerance.cost_rel} relative (published: ${c.id.endsWith("6_3") ? "2√2" : "160√5"})`, () => {
      const { network, options } = networkFromStageList(c.inputs.nodes, c.inputs.edges);
      const r = guaranteedServiceSerial(network, options);
      expect(Math.abs(r.cost - c.expected.cost)).toBeLessThanOrEqual(c.tolerance.cost_rel * c.expected.cost);
      const published = c.id.endsWith("6_3") ? 2 * Math.SQRT2 : 160 * Math.sqrt(5);
      expect(r.cost).toBeCloseTo(published, 9);
    });
  }
});

describe("guaranteedServiceSerial agrees with the tree DP", () => {
  it("random 8-stage lines with lead times and a max service time", () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const nodes = Array.from({ length: 8 }, (_, k) => ({
        id: `s${k}`,
        processingTime: rng.int(5),
        holdingCost: 1 + k + rng.int(3),
      }));
      const last = nodes[7]! as Network["nodes"][number];
      last.demandSd = 4;
      last.maxServiceTime = rng.int(4);
      const edges = nodes
        .slice(1)
        .map((s, k) => ({ upstream: `s${k}`, downstream: s.id, leadTime: rng.int(2) }));
      const network: Network = { nodes, edges };
      const options = { demandBoundConstant: 1.645, externalInboundServiceTime: { s0: rng.int(3) } };
      const serial = guaranteedServiceSerial(network, options);
      const tree = guaranteedServiceTree(network, options);
      expect(serial.cost).toBeCloseTo(tree.cost, 9);
      expect(serial.committedServiceTimes.s7).toBeLessThanOrEqual(last.maxServiceTime);
    }
  });
  it("rejects a non-serial network", () => {
    const network: Network = {
      nodes: ["a", "b", "c"].map((id) => ({ id, processingTime: 1, holdingCost: 1, demandSd: 1 })),
      edges: [
        { upstream: "a", downstream: "b" },
        { upstream: "a", downstream: "c" },
      ],
    };
    expect(() => guaranteedServiceSerial(network, { demandBoundConstant: 1 })).toThrow(/is not serial/);
  });
});

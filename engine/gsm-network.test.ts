import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../core/errors.ts";
import type { Network } from "../core/network.ts";
import { loadWillemsChain } from "../datasets/willems.ts";
import { guaranteedServiceTree } from "../models/inventory/gsm-tree.ts";
import { networkFromStageList } from "../models/inventory/network.ts";
import { guaranteedServiceNetwork } from "./gsm-network.ts";

const sharedUrl = new URL("../../shared/", import.meta.url);
interface Case {
  id: string;
  model: string;
  inputs: Record<string, unknown>;
  expected: Record<string, number>;
  tolerance: { cost_rel: number };
}
const cases = JSON.parse(readFileSync(new URL("cases/inventory.json", sharedUrl), "utf8")).cases as Case[];

describe("guaranteedServiceNetwork on the Willems (2008) gsm_general_network cases", () => {
  const general = cases.filter((c) => c.model === "gsm_general_network");
  it("finds the five cases", () =>
    expect(general.map((c) => c.id.slice(18, 20))).toEqual(["01", "02", "04", "13", "15"]));
  for (const c of general) {
    it(`${c.id}: proven optimal cost within ${c.tolerance.cost_rel} relative`, async () => {
      const path = new URL((c.inputs.dataset_file as string).replace(/^shared\//, ""), sharedUrl).pathname;
      const { network } = loadWillemsChain(path);
      const r = await guaranteedServiceNetwork(network, { gap: 1e-7, timeLimitSeconds: 60 });
      const expected = c.expected.optimal_cost!;
      expect(Math.abs(r.cost - expected)).toBeLessThanOrEqual(c.tolerance.cost_rel * expected);
      expect(r.lowerBound).toBeLessThanOrEqual(expected * (1 + 1e-9));
      expect(r.gap).toBeLessThanOrEqual(1e-6);
      // the reported service times satisfy the constraints of the case convention
      for (const e of network.edges) {
        expect(r.inboundServiceTimes[e.downstream]).toBeGreaterThanOrEqual(
          r.committedServiceTimes[e.upstream]!,
        );
      }
      for (const s of network.nodes) {
        expect(r.netReplenishmentTimes[s.id]).toBeGreaterThanOrEqual(0);
        if (s.maxServiceTime !== undefined)
          expect(r.committedServiceTimes[s.id]).toBeLessThanOrEqual(s.maxServiceTime);
      }
    });
  }
  it("the exact one-hot MILP agrees on chain 01", async () => {
    const c = general[0]!;
    const { network } = loadWillemsChain(new URL("datasets/willems/01.csv", sharedUrl).pathname);
    const r = await guaranteedServiceNetwork(network, { method: "exact" });
    expect(r.method).toBe("exact");
    expect(r.cost).toBeCloseTo(c.expected.optimal_cost!, 6);
  });
});

describe("guaranteedServiceNetwork on trees", () => {
  it("the MILP matches the tree DP and the case cost on FoSCT Figure 6.14", async () => {
    const c = cases.find((x) => x.id === "gsm_tree_figure_6_14")!;
    const { network, options } = networkFromStageList(
      (c.inputs as { nodes: Parameters<typeof networkFromStageList>[0] }).nodes,
      (c.inputs as { edges: Parameters<typeof networkFromStageList>[1] }).edges,
    );
    const milp = await guaranteedServiceNetwork(network, { ...options, method: "iterative", gap: 1e-9 });
    const dp = guaranteedServiceTree(network, options);
    expect(milp.cost).toBeCloseTo(c.expected.cost!, 9);
    expect(dp.cost).toBeCloseTo(c.expected.cost!, 9);
    const auto = await guaranteedServiceNetwork(network, options);
    expect(auto.method).toBe("tree");
  });
});

describe("bad networks give errors naming the node or arc", () => {
  const base = (): Network => ({
    nodes: [
      { id: "mill", processingTime: 2, holdingCost: 1 },
      { id: "plant", processingTime: 1, holdingCost: 2 },
      { id: "shop", processingTime: 1, holdingCost: 3, demandSd: 5, serviceLevel: 0.95 },
    ],
    edges: [
      { upstream: "mill", downstream: "plant" },
      { upstream: "plant", downstream: "shop" },
    ],
  });
  const fails = async (network: Network, code: string, message: RegExp): Promise<void> => {
    try {
      await guaranteedServiceNetwork(network);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbenchError);
      expect((e as WorkbenchError).code).toBe(code);
      expect((e as WorkbenchError).message).toMatch(message);
    }
  };
  it("cycle", async () => {
    const n = base();
    n.edges.push({ upstream: "shop", downstream: "mill" });
    await fails(
      n,
      "INVALID_NETWORK",
      /cycle: (mill -> plant -> shop -> mill|plant -> shop -> mill -> plant|shop -> mill -> plant -> shop)/,
    );
  });
  it("missing node", async () => {
    const n = base();
    n.edges.push({ upstream: "port", downstream: "plant" });
    await fails(n, "INVALID_NETWORK", /arc port->plant: unknown upstream node "port"/);
  });
  it("negative cost", async () => {
    const n = base();
    n.nodes[1]!.holdingCost = -2;
    await fails(n, "INVALID_NETWORK", /node "plant": holdingCost must be >= 0/);
  });
  it("infeasible max service time", async () => {
    const n = base();
    n.nodes[2]!.maxServiceTime = -1;
    await fails(n, "INFEASIBLE", /node "shop": maxServiceTime -1 cannot be met/);
  });
});

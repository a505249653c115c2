import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import { Rng } from "../../core/rng.ts";
import { guaranteedServiceTree } from "./gsm-tree.ts";
import { type GuaranteedServiceOptions, networkFromStageList } from "./network.ts";

interface CaseNode {
  index: number;
  processing_time: number;
  local_holding_cost: number;
  demand_bound_constant: number;
  external_inbound_cst: number | null;
  external_outbound_cst: number | null;
  demand_mean: number | null;
  demand_sd: number | null;
}
interface GsmCase {
  id: string;
  model: string;
  inputs: { nodes: CaseNode[]; edges: [number, number][] };
  expected: { committed_service_times: Record<string, number>; cost: number };
  tolerance: { cost_rel: number };
}

const cases = JSON.parse(
  readFileSync(new URL("../../../shared/cases/inventory.json", import.meta.url), "utf8"),
).cases as GsmCase[];

/** Brute force over all integer service times (small networks only): an independent optimum. */
function bruteForce(
  network: Network,
  options: GuaranteedServiceOptions,
  sigma: (id: string) => number,
): number {
  const n = network.nodes.length;
  const maxS = 1 + network.nodes.reduce((a, s) => a + s.processingTime, 0);
  const ext = options.externalInboundServiceTime ?? {};
  const z = options.demandBoundConstant as Record<string, number>;
  const S = new Array<number>(n).fill(0);
  let best = Number.POSITIVE_INFINITY;
  const rec = (k: number): void => {
    if (k === n) {
      let cost = 0;
      for (let j = 0; j < n; j++) {
        const node = network.nodes[j]!;
        let si = ext[node.id] ?? 0;
        for (const e of network.edges) {
          if (e.downstream === node.id)
            si = Math.max(si, S[network.nodes.findIndex((x) => x.id === e.upstream)]!);
        }
        const tau = si + node.processingTime - S[j]!;
        if (tau < 0) return;
        cost += node.holdingCost * z[node.id]! * sigma(node.id) * Math.sqrt(tau);
      }
      best = Math.min(best, cost);
      return;
    }
    const cap = Math.min(maxS, network.nodes[k]!.maxServiceTime ?? maxS);
    for (let s = 0; s <= cap; s++) {
      S[k] = s;
      rec(k + 1);
    }
  };
  rec(0);
  return best;
}

/** Cost of committed service times straight from the case text: SI = max(ext, upstream S), σ over reachable demand. */
function costOfServiceTimes(c: GsmCase, S: Record<string, number>): number {
  const { nodes, edges } = c.inputs;
  const reach = (i: number): Set<number> => {
    const out = new Set([i]);
    for (const [u, d] of edges) if (u === i) for (const r of reach(d)) out.add(r);
    return out;
  };
  let cost = 0;
  for (const s of nodes) {
    if (S[String(s.index)]! > (s.external_outbound_cst ?? Number.POSITIVE_INFINITY)) return Number.NaN;
    let si = s.external_inbound_cst ?? 0;
    for (const [u, d] of edges) if (d === s.index) si = Math.max(si, S[String(u)]!);
    const tau = si + s.processing_time - S[String(s.index)]!;
    if (tau < 0) return Number.NaN;
    let variance = 0;
    for (const r of reach(s.index)) variance += (nodes.find((x) => x.index === r)!.demand_sd ?? 0) ** 2;
    cost += s.local_holding_cost * s.demand_bound_constant * Math.sqrt(variance) * Math.sqrt(tau);
  }
  return cost;
}

describe("guaranteedServiceTree on the gsm_tree and gsm_serial cases", () => {
  const mine = cases.filter((c) => c.model === "gsm_tree" || c.model === "gsm_serial");
  it("finds the cases", () => expect(mine.length).toBe(5));
  for (const c of mine) {
    it(`${c.id}: cost within ${c.tolerance.cost_rel} relative`, () => {
      const { network, options } = networkFromStageList(c.inputs.nodes, c.inputs.edges);
      const result = guaranteedServiceTree(network, options);
      expect(Math.abs(result.cost - c.expected.cost)).toBeLessThanOrEqual(
        c.tolerance.cost_rel * c.expected.cost,
      );
      // the committed service times must attain the expected cost (alternative optima allowed)
      expect(costOfServiceTimes(c, result.committedServiceTimes)).toBeCloseTo(c.expected.cost, 9);
    });
  }
});

describe("guaranteedServiceTree against brute force", () => {
  it("random 6-node trees with mixed arc directions", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 6; trial++) {
      const n = 6;
      const nodes = Array.from({ length: n }, (_, k) => ({
        id: `n${k}`,
        processingTime: rng.int(4),
        holdingCost: 1 + rng.int(5),
      }));
      const edges: { upstream: string; downstream: string }[] = [];
      for (let k = 1; k < n; k++) {
        const other = `n${rng.int(k)}`;
        edges.push(
          rng.uniform() < 0.5
            ? { upstream: other, downstream: `n${k}` }
            : { upstream: `n${k}`, downstream: other },
        );
      }
      const network: Network = { nodes, edges };
      // demand at sinks, max service time 1 at the first sink
      const sinks = nodes.filter((s) => !edges.some((e) => e.upstream === s.id));
      sinks.forEach((s, i) => {
        Object.assign(s, { demandMean: 10, demandSd: 1 + i });
        if (i === 0) Object.assign(s, { maxServiceTime: 1 });
      });
      const z = Object.fromEntries(nodes.map((s) => [s.id, 1.5]));
      const options = { demandBoundConstant: z };
      const reach = (id: string): Set<string> => {
        const out = new Set<string>([id]);
        for (const e of edges) if (e.upstream === id) for (const r of reach(e.downstream)) out.add(r);
        return out;
      };
      const sigmaOf = (id: string): number =>
        Math.sqrt(
          [...reach(id)].reduce((a, r) => {
            const sd = (nodes.find((s) => s.id === r) as { demandSd?: number }).demandSd;
            return a + (sd ?? 0) ** 2;
          }, 0),
        );
      const expected = bruteForce(network, options, sigmaOf);
      const result = guaranteedServiceTree(network, options);
      expect(result.cost).toBeCloseTo(expected, 9);
    }
  });
});

describe("guaranteedServiceTree errors", () => {
  it("rejects a network with an undirected cycle, naming the arc", () => {
    const network: Network = {
      nodes: ["a", "b", "c"].map((id) => ({ id, processingTime: 1, holdingCost: 1, serviceLevel: 0.95 })),
      edges: [
        { upstream: "a", downstream: "b" },
        { upstream: "a", downstream: "c" },
        { upstream: "b", downstream: "c" },
      ],
    };
    expect(() => guaranteedServiceTree(network, { demandBoundConstant: 1 })).toThrow(/arc b->c.*not a tree/);
  });
  it("reports a negative max service time as infeasible, naming the node", () => {
    const network: Network = {
      nodes: [
        { id: "plant", processingTime: 2, holdingCost: 1 },
        { id: "shop", processingTime: 1, holdingCost: 2, demandSd: 3, maxServiceTime: -1 },
      ],
      edges: [{ upstream: "plant", downstream: "shop" }],
    };
    try {
      guaranteedServiceTree(network, { demandBoundConstant: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbenchError);
      expect((e as WorkbenchError).code).toBe("INFEASIBLE");
      expect((e as WorkbenchError).message).toMatch(/node "shop": maxServiceTime -1/);
    }
  });
  it("rejects fractional processing times", () => {
    const network: Network = {
      nodes: [{ id: "x", processingTime: 1.5, holdingCost: 1, demandSd: 1 }],
      edges: [],
    };
    expect(() => guaranteedServiceTree(network, { demandBoundConstant: 1 })).toThrow(
      /node "x": processingTime 1.5/,
    );
  });
});

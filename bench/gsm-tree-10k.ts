/**
 * Speed of the Graves–Willems tree DP (models/inventory/gsm-tree.ts) on a seeded random
 * 10,000-stage tree mixing assembly and distribution arcs; target ≤ 5 s.
 *
 *   node --import tsx bench/gsm-tree-10k.ts [stages=10000] [seed=2026]
 *
 * Generator (also used by bench/stockpyl-compare.ts): stage k ≥ 1 attaches to a uniformly drawn
 * earlier stage; with probability 0.3 it supplies it (assembly arc k → parent), otherwise it is
 * supplied by it (distribution arc parent → k). T ∈ {0..4}, holding cost 1..10 per unit, sinks face
 * normal demand with sd 1..20, max service time 0..2; z = 1.645 everywhere.
 */
import { fileURLToPath } from "node:url";
import type { Network } from "../core/network.ts";
import { Rng } from "../core/rng.ts";
import { guaranteedServiceTree } from "../models/inventory/gsm-tree.ts";

export function randomTree(stages: number, seed: number): Network {
  const rng = new Rng(seed);
  const nodes: Network["nodes"] = [];
  const edges: Network["edges"] = [];
  for (let k = 0; k < stages; k++) {
    nodes.push({ id: `s${k}`, processingTime: rng.int(5), holdingCost: 1 + rng.int(10) });
    if (k > 0) {
      const parent = rng.int(k);
      if (rng.uniform() < 0.3) edges.push({ upstream: `s${k}`, downstream: `s${parent}` });
      else edges.push({ upstream: `s${parent}`, downstream: `s${k}` });
    }
  }
  const hasOut = new Set(edges.map((e) => e.upstream));
  for (const node of nodes) {
    if (!hasOut.has(node.id)) {
      node.demandMean = 100;
      node.demandSd = 1 + rng.int(20);
      node.maxServiceTime = rng.int(3);
    }
  }
  return { id: `random-tree-${stages}-${seed}`, nodes, edges };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stages = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 2026);
  const network = randomTree(stages, seed);
  const demand = network.nodes.filter((s) => s.demandSd !== undefined).length;
  console.log(
    `random tree: ${stages} stages, ${network.edges.length} arcs, ${demand} demand stages, seed ${seed}`,
  );
  const times: number[] = [];
  let cost = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    cost = guaranteedServiceTree(network, { demandBoundConstant: 1.645 }).cost;
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(
    `guaranteedServiceTree: cost ${cost.toFixed(4)}, time median ${times[1]!.toFixed(3)} s (min ${times[0]!.toFixed(3)}, max ${times[2]!.toFixed(3)}), target 5 s, ratio ${(times[1]! / 5).toFixed(3)}`,
  );
}

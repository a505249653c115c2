/**
 * Guaranteed-service optimisation on all 38 Willems (2008) chains: parse, structure, cost, proven
 * lower bound and gap, time. Chains 19, 21, 34 and 38 are the hard ones (highlighted with *).
 * Where the case file has an optimal cost (chains 1, 2, 4, 13, 15) it is printed beside ours.
 * Method (engine/gsm-network.ts, "iterative"): spanning-forest DP start, Lagrangian bound over the
 * forest (integer-time chains, 25% of the time), then piecewise-linear MILPs on HiGHS with breakpoint
 * refinement; the lower bound is the best of the Lagrangian and HiGHS's MILP dual bounds.
 *
 *   node --import tsx bench/gsm-willems.ts [timeLimitSeconds=60] [chains, e.g. 19,21,34,38]
 */
import { readFileSync } from "node:fs";
import { loadWillemsChain } from "../datasets/willems.ts";
import { guaranteedServiceNetwork } from "../engine/gsm-network.ts";
import { networkStructure } from "../models/inventory/network.ts";

const shared = new URL("../../shared/", import.meta.url);
const timeLimit = Number(process.argv[2] ?? 60);
const chains = process.argv[3]
  ? process.argv[3].split(",").map(Number)
  : Array.from({ length: 38 }, (_, k) => k + 1);
const known = new Map<number, number>();
for (const c of JSON.parse(readFileSync(new URL("cases/inventory.json", shared), "utf8")).cases) {
  if (c.model === "gsm_general_network") known.set(Number(c.id.slice(18, 20)), c.expected.optimal_cost);
}
const hard = new Set([19, 21, 34, 38]);
console.log(`GSM on Willems (2008) chains, time limit ${timeLimit} s per chain, HiGHS (wasm, 1 thread)`);
console.log(
  "chain  stages   arcs  T-int  method     parse_ms          cost    lower_bound      gap%   time_s  lagr_s  case_optimum  ratio",
);
let solvedWithin = 0;
for (const k of chains) {
  const id = String(k).padStart(2, "0");
  const t0 = performance.now();
  const { network } = loadWillemsChain(new URL(`datasets/willems/${id}.csv`, shared).pathname);
  const parseMs = performance.now() - t0;
  const s = networkStructure(network);
  const integer = network.nodes.every((x) => Number.isInteger(x.processingTime));
  const r = await guaranteedServiceNetwork(network, { timeLimitSeconds: timeLimit, gap: 1e-3 });
  if (r.gap <= 1e-3) solvedWithin++;
  const ref = known.get(k);
  console.log(
    `${hard.has(k) ? "*" : " "}${id}  ${String(s.nodes).padStart(7)} ${String(s.arcs).padStart(6)}  ${integer ? "yes" : " no"}    ${r.method.padEnd(9)} ${parseMs.toFixed(1).padStart(8)} ${r.cost.toFixed(2).padStart(14)} ${r.lowerBound.toFixed(2).padStart(14)} ${(100 * r.gap).toFixed(4).padStart(9)} ${r.seconds.toFixed(1).padStart(8)} ${r.lagrangianSeconds.toFixed(1).padStart(7)}  ${ref === undefined ? "" : `${ref.toFixed(2).padStart(12)}  ${(r.cost / ref).toFixed(8)}`}`,
  );
}
console.log(`${solvedWithin}/${chains.length} chains with a proven gap <= 0.1% within ${timeLimit} s`);

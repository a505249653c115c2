/**
 * Side by side with stockpyl v1.0.2 (Snyder; github LarrySnyder/stockpyl, checked out at
 * /work/peers/stockpyl, run with Debian's python3 numpy/scipy/networkx through PYTHONPATH):
 *  1. Graves–Willems tree DP (stockpyl.gsm_tree.optimize_committed_service_times) vs
 *     guaranteedServiceTree on seeded random trees (bench/gsm-tree-10k.ts generator);
 *  2. serial SSM (stockpyl.ssm_serial.optimize_base_stock_levels, its default grid) vs
 *     clarkScarfSerial on the four ssm_serial_clark_scarf cases.
 * Prints both costs, both times and the time ratio stockpyl / ours.
 *
 *   STOCKPYL=/work/peers/stockpyl node --import tsx bench/stockpyl-compare.ts [tree sizes, e.g. 50,200,1000]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { guaranteedServiceTree } from "../models/inventory/gsm-tree.ts";
import { clarkScarfSerial } from "../models/inventory/ssm-serial.ts";
import { randomTree } from "./gsm-tree-10k.ts";

const stockpyl = process.env.STOCKPYL ?? "/work/peers/stockpyl";
const sizes = (process.argv[2] ?? "50,200,1000").split(",").map(Number);
const dir = mkdtempSync(join(tmpdir(), "stockpyl-"));
// stockpyl.ssm_serial imports matplotlib.pyplot for its debug plots only; Debian's python here has no
// matplotlib, so an empty stand-in module is put first on the path (no plot is drawn).
mkdirSync(join(dir, "matplotlib"));
writeFileSync(join(dir, "matplotlib", "__init__.py"), "");
writeFileSync(join(dir, "matplotlib", "pyplot.py"), "");

function python(
  script: string,
  input: unknown,
): { cost?: number; seconds: number; S?: Record<string, number> } {
  const inFile = join(dir, "in.json");
  writeFileSync(inFile, JSON.stringify(input));
  const out = execFileSync("python3", ["-c", script, inFile], {
    env: { ...process.env, PYTHONPATH: `${join(stockpyl, "src")}:${dir}` },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

const NUMPY2_SHIM = `
import numpy as _np
# stockpyl 1.0.2 calls np.array(..., copy=False), which numpy 2 rejects when a copy is needed;
# numpy 1 semantics ("copy only if needed") are copy=None in numpy 2.
_np_array = _np.array
def _array(*args, **kwargs):
    if kwargs.get("copy") is False:
        kwargs["copy"] = None
    return _np_array(*args, **kwargs)
_np.array = _array
`;

// Our own driver script for stockpyl's public functions (stockpyl's code is not copied here).
const TREE_PY = `
import json, sys, time
${NUMPY2_SHIM}from stockpyl.supply_chain_network import network_from_edges
from stockpyl.gsm_tree import optimize_committed_service_times
d = json.load(open(sys.argv[1]))
ids = [n["id"] for n in d["nodes"]]
idx = {k: i + 1 for i, k in enumerate(ids)}
edges = [(idx[e["upstream"]], idx[e["downstream"]]) for e in d["edges"]]
def per(key, default=None):
    return {idx[n["id"]]: n.get(key, default) for n in d["nodes"]}
sd = per("demandSd")
net = network_from_edges(edges, node_order_in_lists=list(range(1, len(ids) + 1)),
    processing_time=per("processingTime"), local_holding_cost=per("holdingCost"),
    demand_bound_constant=1.645, external_outbound_cst=per("maxServiceTime"),
    demand_type={k: ("N" if v is not None else None) for k, v in sd.items()},
    mean={k: (100 if v is not None else None) for k, v in sd.items()},
    standard_deviation=sd)
t0 = time.perf_counter()
cst, cost = optimize_committed_service_times(net)
print(json.dumps({"cost": cost, "seconds": time.perf_counter() - t0}))
`;

const SSM_PY = `
import json, sys, time
${NUMPY2_SHIM}import stockpyl.ssm_serial as _ssm
from stockpyl.ssm_serial import optimize_base_stock_levels
# numpy 2 no longer turns a 1-element array into a scalar on assignment; stockpyl's find_nearest
# returns one for a scalar query, so the driver unwraps it (same index, no other change).
_find_nearest = _ssm.find_nearest
def _find_nearest_scalar(array, values, *args, **kwargs):
    ind = _find_nearest(array, values, *args, **kwargs)
    return int(ind[0]) if _np.ndim(values) == 0 else ind.astype(int)
_ssm.find_nearest = _find_nearest_scalar
d = json.load(open(sys.argv[1]))
# stockpyl's lists run from the most upstream stage (index N) down to stage 1
d["h"] = d["h"][::-1]
d["L"] = d["L"][::-1]
t0 = time.perf_counter()
S, C = optimize_base_stock_levels(num_nodes=len(d["h"]), echelon_holding_cost=d["h"], lead_time=d["L"],
    stockout_cost=d["p"], demand_mean=d["mean"], demand_standard_deviation=d["sd"],
    demand_source=None if d["type"] == "N" else None) if d["type"] == "N" else (None, None)
if d["type"] == "P":
    from stockpyl.demand_source import DemandSource
    ds = DemandSource(type="P", mean=d["mean"])
    t0 = time.perf_counter()
    S, C = optimize_base_stock_levels(num_nodes=len(d["h"]), echelon_holding_cost=d["h"], lead_time=d["L"],
        stockout_cost=d["p"], demand_source=ds)
print(json.dumps({"cost": float(C), "seconds": time.perf_counter() - t0, "S": {str(k): float(v) for k, v in S.items()}}))
`;

console.log("1. GSM tree DP: stockpyl v1.0.2 vs guaranteedServiceTree (same seeded trees, z = 1.645)");
console.log(
  "stages   stockpyl_cost        our_cost    rel_diff   stockpyl_s    our_s   ratio(stockpyl/ours)",
);
for (const n of sizes) {
  const network = randomTree(n, 2026);
  const theirs = python(TREE_PY, network);
  const t0 = performance.now();
  const ours = guaranteedServiceTree(network, { demandBoundConstant: 1.645 });
  const oursS = (performance.now() - t0) / 1000;
  console.log(
    `${String(n).padStart(6)} ${theirs.cost!.toFixed(4).padStart(15)} ${ours.cost.toFixed(4).padStart(15)} ${((ours.cost - theirs.cost!) / theirs.cost!).toExponential(1).padStart(10)} ${theirs.seconds.toFixed(3).padStart(12)} ${oursS.toFixed(4).padStart(8)} ${(theirs.seconds / oursS).toFixed(1).padStart(10)}`,
  );
}

console.log("\n2. Serial SSM (Clark-Scarf / Chen-Zheng): stockpyl v1.0.2 default grid vs clarkScarfSerial");
console.log(
  "case                        stockpyl_cost   our_cost  stockpyl_S (stage 1..N)        our_S                          stockpyl_s  our_s  ratio",
);
const cases = JSON.parse(
  readFileSync(new URL("../../shared/cases/inventory.json", import.meta.url), "utf8"),
).cases;
for (const c of cases.filter((x: { model: string }) => x.model === "ssm_serial_clark_scarf")) {
  const nodes = [...c.inputs.nodes].sort((a: { index: number }, b: { index: number }) => a.index - b.index);
  const h = nodes.map((s: { echelon_holding_cost: number }) => s.echelon_holding_cost);
  const L = nodes.map((s: { lead_time: number }) => s.lead_time);
  const d = c.inputs.demand;
  const theirs = python(SSM_PY, { h, L, p: c.inputs.stockout_cost, mean: d.mean, sd: d.sd, type: d.type });
  const t0 = performance.now();
  const ours = clarkScarfSerial({
    echelonHoldingCost: h,
    leadTime: L,
    stockoutCost: c.inputs.stockout_cost,
    demand: { distribution: d.type === "P" ? "poisson" : "normal", mean: d.mean, sd: d.sd },
  });
  const oursS = (performance.now() - t0) / 1000;
  const theirS = Object.keys(theirs.S!)
    .sort((a, b) => Number(a) - Number(b))
    .map((k) => theirs.S![k]!.toFixed(2))
    .join(",");
  const ourS = Array.from(ours.echelonBaseStockLevels, (v) => v.toFixed(2)).join(",");
  console.log(
    `${c.id.padEnd(27)} ${theirs.cost!.toFixed(4).padStart(13)} ${ours.expectedCostPerPeriod.toFixed(4).padStart(10)}  ${theirS.padEnd(30)} ${ourS.padEnd(30)} ${theirs.seconds.toFixed(3).padStart(10)} ${oursS.toFixed(3).padStart(6)} ${(theirs.seconds / oursS).toFixed(1).padStart(6)}`,
  );
}

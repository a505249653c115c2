/**
 * Prints every simulation oracle of ../shared/cases (simulation.json, and the simulated Clark–Scarf
 * case of inventory.json) next to what this simulator measures, with the case tolerance, using the
 * same scenarios and seeds as the tests (simulator/*.test.ts), plus the beer game's bullwhip chain.
 *
 *   node --import tsx simulator/scripts/oracle-report.ts
 */
import { readFileSync } from "node:fs";
import {
  compileScenario,
  readyMadeScenario,
  runReplications,
  type SimulationResult,
  simulateOneForOne,
  simulateScenario,
  summariseResults,
  validateScenario,
} from "../index.ts";

// biome-ignore lint/suspicious/noExplicitAny: case files are free-form JSON
type Case = any;
const load = (f: string): Case[] =>
  JSON.parse(readFileSync(new URL(`../../../shared/cases/${f}`, import.meta.url), "utf8")).cases;
const sim = load("simulation.json");
const get = (id: string) => sim.find((c) => c.id === id);
const rows: string[][] = [["case", "metric", "expected", "measured", "± SE", "tolerance", "ok"]];
const row = (id: string, metric: string, expected: number, measured: number, se: number, tol: number) =>
  rows.push([
    id,
    metric,
    expected.toPrecision(6),
    measured.toPrecision(6),
    Number.isFinite(se) ? se.toPrecision(2) : "",
    tol.toPrecision(3),
    Math.abs(measured - expected) <= tol ? "yes" : "NO",
  ]);

function run(doc: unknown, reps?: number): SimulationResult {
  const s = validateScenario(doc);
  const c = compileScenario(s);
  return summariseResults(c, runReplications(c, 0, reps ?? s.settings.replications));
}
function single(
  c: Case,
  L: number,
  h: number,
  p: number,
  demand: unknown,
  policy: unknown,
  extra = {},
  seed = 20261127,
) {
  const i = c.inputs;
  return run({
    network: { nodes: [{ id: "stock", processingTime: L, holdingCost: h }], edges: [] },
    demand: { stock: demand },
    policy: { stock: policy },
    nodeSettings: { stock: { backorderCost: p, ...extra } },
    settings: { periods: i.horizon, warmup: i.warmup ?? 100, replications: i.replications, seed },
  });
}

let c = get("inv_bs_periodic_poisson_l5_L2_S20");
let r = single(c, 2, 1, 9, { kind: "poisson", mean: 5 }, { kind: "base-stock", S: 20 });
const s = r.nodes.stock!;
row(
  c.id,
  "E on hand",
  c.expected.E_on_hand_end,
  s.meanOnHand.mean,
  s.meanOnHand.se,
  c.tolerance.E_on_hand_end,
);
row(
  c.id,
  "E backorders",
  c.expected.E_backorders_end,
  s.meanBackorders.mean,
  s.meanBackorders.se,
  c.tolerance.E_backorders_end,
);
row(c.id, "fill rate", c.expected.fill_rate, s.fillRate.mean, s.fillRate.se, c.tolerance.fill_rate);
row(
  c.id,
  "P no stockout",
  c.expected.P_no_stockout_end,
  s.cycleServiceLevel.mean,
  s.cycleServiceLevel.se,
  c.tolerance.P_no_stockout_end,
);
row(
  c.id,
  "cost",
  c.expected.cost_per_period,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  c.tolerance.cost_per_period,
);
c = get("inv_newsvendor_ex41");
r = single(c, 0, 0.18, 0.7, { kind: "normal", mean: 50, sd: 8 }, { kind: "base-stock", S: 56.604 });
row(
  c.id,
  "cost",
  c.expected.cost_per_period,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  c.tolerance.cost_per_period,
);
c = get("inv_sS_poisson_ex47");
r = single(c, 0, 1, 4, { kind: "poisson", mean: 6 }, { kind: "sS", s: 4, S: 10 }, { orderingCost: 5 });
row(
  c.id,
  "cost",
  c.expected.cost_per_period,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  c.tolerance.cost_per_period,
);
c = get("inv_RS_normal_R4_L1");
r = single(c, 1, 1, 19, { kind: "normal", mean: 20, sd: 5 }, { kind: "periodic", R: 4, S: 109.474 });
row(
  c.id,
  "cost",
  c.expected.cost_per_period,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  c.tolerance.cost_per_period,
);
c = get("inv_palm_S8_lam2_L3");
for (const kind of ["deterministic", "exponential"] as const) {
  let oh = 0;
  let bo = 0;
  let fr = 0;
  for (let k = 0; k < 50; k++) {
    const x = simulateOneForOne(
      { rate: 2, S: 8, leadTime: 3, leadTimeKind: kind, horizon: 20000, warmup: 50, seed: 7 },
      k,
    );
    oh += x.onHand / 50;
    bo += x.backorders / 50;
    fr += x.fillRate / 50;
  }
  row(`${c.id} (${kind})`, "E on hand", c.expected.E_on_hand, oh, Number.NaN, c.tolerance.E_on_hand);
  row(`${c.id} (${kind})`, "E backorders", c.expected.E_backorders, bo, Number.NaN, c.tolerance.E_backorders);
  row(`${c.id} (${kind})`, "fill rate", c.expected.fill_rate, fr, Number.NaN, c.tolerance.fill_rate);
}
for (const b of sim.filter((x) => x.family === "bullwhip")) {
  const i = b.inputs;
  let f: unknown;
  let cover: number;
  if (b.id.startsWith("bw_ma_")) [f, cover] = [{ method: "moving-average", p: i.p }, i.L];
  else if (b.id.startsWith("bw_es_")) [f, cover] = [{ method: "exponential-smoothing", alpha: i.alpha }, i.L];
  else if (b.id.startsWith("bw_lpw_"))
    [f, cover] = [{ method: "ar1", mean: i.mu, phi: i.rho }, i.m_periods_covered];
  else [f, cover] = [{ method: "constant", value: i.mu }, i.lead_time_L];
  const policy = b.id.startsWith("bw_pout_")
    ? { kind: "proportional-order-up-to", Ti: i.Ti, forecaster: f, cover, allowNegativeOrders: true }
    : { kind: "forecast-order-up-to", forecaster: f, cover, allowNegativeOrders: true };
  const demand =
    i.rho !== undefined
      ? { kind: "ar1", mean: i.mu, phi: i.rho, sd: i.sigma_eps, allowNegative: true }
      : { kind: "normal", mean: i.mu, sd: i.sigma, allowNegative: true };
  const x = run({
    network: {
      nodes: [{ id: "stock", processingTime: i.lead_time_L ?? i.L ?? 0, holdingCost: 0 }],
      edges: [],
    },
    demand: { stock: demand },
    policy: { stock: policy },
    settings: { periods: i.horizon, warmup: i.warmup, replications: i.replications, seed: 2000 },
  }).nodes.stock!;
  if (typeof b.expected === "number")
    row(b.id, "Var(q)/Var(D)", b.expected, x.bullwhip.mean, x.bullwhip.se, b.tolerance);
  else {
    row(b.id, "Var(q)/Var(D)", b.expected.bullwhip, x.bullwhip.mean, x.bullwhip.se, b.tolerance.bullwhip);
    row(
      b.id,
      "Var(ns)/Var(D)",
      b.expected.ns_amp,
      x.netStockAmplification.mean,
      x.netStockAmplification.se,
      b.tolerance.ns_amp,
    );
  }
}
const serial = (
  L: number[],
  h: number[],
  p: number,
  S: number[],
  periods: number,
  warmup: number,
  reps: number,
) => ({
  network: {
    nodes: [3, 2, 1].map((k) => ({ id: `stage${k}`, processingTime: L[k - 1]! - 1, holdingCost: h[k - 1]! })),
    edges: [
      { upstream: "stage3", downstream: "stage2", leadTime: L[1]! - 1, pipelineHoldingCost: h[2]! },
      { upstream: "stage2", downstream: "stage1", leadTime: L[0]! - 1, pipelineHoldingCost: h[1]! },
    ],
  },
  demand: { stage1: { kind: "normal", mean: 5, sd: 1 } },
  policy: Object.fromEntries(
    [1, 2, 3].map((k) => [`stage${k}`, { kind: "echelon-base-stock", S: S[k - 1] }]),
  ),
  nodeSettings: { stage1: { backorderCost: p } },
  settings: { periods, warmup, replications: reps, seed: 1960 },
});
c = get("ms_clark_scarf_ex61_normal");
r = run(
  serial(
    c.inputs.lead_times,
    c.inputs.local_h,
    c.inputs.p,
    c.inputs.echelon_S,
    c.inputs.horizon,
    c.inputs.warmup,
    c.inputs.replications,
  ),
);
row(
  c.id,
  "cost",
  c.expected.cost_per_period,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  c.tolerance.cost_per_period,
);
const inv = load("inventory.json").find((x) => x.id === "sim_serial_example_6_1_echelon_bs");
const S = inv.inputs.echelon_base_stock_levels;
r = run(serial([1, 1, 2], [7, 4, 2], 37.12, [S["1"], S["2"], S["3"]], 1000, 0, 20));
const analytic = inv.expected.analytic_cost;
row(
  inv.id,
  "cost 20x1000",
  analytic,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  3 * r.totalCostPerPeriod.se + 0.02 * analytic,
);
r = simulateScenario(readyMadeScenario("clark-scarf"));
row(
  "scenarios/clark-scarf.json",
  "cost 100x20000",
  analytic,
  r.totalCostPerPeriod.mean,
  r.totalCostPerPeriod.se,
  0.005 * analytic,
);

const widths = rows[0]!.map((_, k) => Math.max(...rows.map((x) => x[k]!.length)));
for (const x of rows) console.log(x.map((v, k) => v.padEnd(widths[k]!)).join("  "));
const beer = simulateScenario(readyMadeScenario("beer-game"));
console.log("\nbeer game (Sterman 1989), Var(orders)/Var(consumer demand) by echelon:");
for (const id of ["retailer", "wholesaler", "distributor", "factory"]) {
  const n = beer.nodes[id]!;
  console.log(
    `  ${id.padEnd(12)} ${n.bullwhip.mean.toFixed(2).padStart(7)}   (vs its own incoming orders ${n.localBullwhip.mean.toFixed(2)}, cost/week ${n.totalCost.mean.toFixed(2)})`,
  );
}

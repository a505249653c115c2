import type { DemandModel } from "../models/demand/types.ts";
import {
  type CompiledNetwork,
  compileScenario,
  createWorkspace,
  GLOBAL_METRIC_NAMES,
  NODE_METRIC_NAMES,
  NODE_METRICS,
  resultWidth,
  runReplication,
  type Trace,
} from "./engine.ts";
import type { Scenario } from "./scenario.ts";

/**
 * Monte Carlo replications. Replication i always uses the stream Rng.stream(seed, i), so a batch
 * [from, from + count) gives the same numbers whether it runs alone, in one call with the others, or
 * in a worker: the lead can hand batches to the piscina pool and concatenate the typed arrays.
 */
export function runReplications(
  scenario: Scenario | CompiledNetwork,
  fromIndex: number,
  count: number,
  options: { models?: Record<string, DemandModel> } = {},
): Float64Array {
  const c = "arcUp" in scenario ? scenario : compileScenario(scenario, options);
  const width = resultWidth(c);
  const out = new Float64Array(count * width);
  const ws = createWorkspace(c);
  for (let r = 0; r < count; r++) runReplication(c, fromIndex + r, out, r * width, ws);
  return out;
}

export interface MetricSummary {
  mean: number;
  /** Standard error of the mean over replications (sd / √R). */
  se: number;
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  replications: number;
  periods: number;
  warmup: number;
  /** Per node: each metric's mean and standard error over replications. */
  nodes: Record<string, Record<(typeof NODE_METRIC_NAMES)[number], MetricSummary>>;
  totalCostPerPeriod: MetricSummary;
  demandVariance: MetricSummary;
  /** Per-period trace of replication 0 when asked for (arrays by node id). */
  trace?: Record<
    string,
    {
      onHand: number[];
      backorders: number[];
      orders: number[];
      shipments: number[];
      demand: number[];
      lostSales: number[];
      cost: number[];
    }
  >;
}

/** Mean and standard error of column `col` of a row-major results array. */
export function summariseColumn(results: Float64Array, width: number, col: number): MetricSummary {
  const R = results.length / width;
  let s = 0;
  let k = 0;
  for (let r = 0; r < R; r++) {
    const v = results[r * width + col]!;
    if (Number.isNaN(v)) continue;
    s += v;
    k++;
  }
  if (k === 0) return { mean: Number.NaN, se: Number.NaN };
  const mean = s / k;
  let ss = 0;
  for (let r = 0; r < R; r++) {
    const v = results[r * width + col]!;
    if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  }
  return { mean, se: k > 1 ? Math.sqrt(ss / (k - 1) / k) : 0 };
}

/** Turns the replications' typed results into the JSON-serialisable summary. */
export function summariseResults(
  c: CompiledNetwork,
  results: Float64Array,
  name = "scenario",
): SimulationResult {
  const width = resultWidth(c);
  const nodes: SimulationResult["nodes"] = {};
  c.nodeIds.forEach((id, j) => {
    const rec = {} as Record<(typeof NODE_METRIC_NAMES)[number], MetricSummary>;
    NODE_METRIC_NAMES.forEach((name, k) => {
      rec[name] = summariseColumn(results, width, j * NODE_METRICS + k);
    });
    nodes[id] = rec;
  });
  const g = c.n * NODE_METRICS;
  return {
    scenario: name,
    seed: c.seed,
    replications: results.length / width,
    periods: c.periods,
    warmup: c.warmup,
    nodes,
    [GLOBAL_METRIC_NAMES[0]]: summariseColumn(results, width, g),
    [GLOBAL_METRIC_NAMES[1]]: summariseColumn(results, width, g + 1),
  } as SimulationResult;
}

/** Records the per-period trace of one replication (for plots and golden files). */
export function traceReplication(c: CompiledNetwork, index = 0): Trace {
  const size = c.periods * c.n;
  const trace: Trace = {
    onHand: new Float64Array(size),
    backorders: new Float64Array(size),
    orders: new Float64Array(size),
    shipments: new Float64Array(size),
    demand: new Float64Array(size),
    lostSales: new Float64Array(size),
    cost: new Float64Array(size),
  };
  runReplication(c, index, new Float64Array(resultWidth(c)), 0, createWorkspace(c), trace);
  return trace;
}

import { compileScenario } from "../simulator/engine.ts";
import { runReplications, type SimulationResult, summariseResults } from "../simulator/replications.ts";
import { type Scenario, validateScenario } from "../simulator/scenario.ts";
import { simulateScenario } from "../simulator/simulate.ts";
import { batchSizeFor } from "./forecast.ts";
import type { WorkerPool } from "./pool.ts";

/**
 * Monte Carlo replications of a scenario in the worker pool. Replication i always draws from
 * Rng.stream(seed, i) (simulator/replications.ts), so batches [from, from + count) run in any order on any
 * number of threads and their rows, put back in index order, are the numbers of a single-threaded run.
 */
export interface ReplicationBatch {
  scenario: unknown;
  fromIndex: number;
  count: number;
}

/** The worker task: one batch of replications of a scenario document. */
export function runReplicationBatch(task: ReplicationBatch): Float64Array {
  return runReplications(validateScenario(task.scenario), task.fromIndex, task.count);
}

export async function simulateInPool(
  pool: WorkerPool,
  doc: unknown,
  options: { replications?: number; seed?: number; trace?: boolean; batchSize?: number } = {},
): Promise<SimulationResult> {
  const base = validateScenario(doc);
  const scenario: Scenario = {
    ...base,
    settings: {
      ...base.settings,
      ...(options.replications !== undefined && { replications: options.replications }),
      ...(options.seed !== undefined && { seed: options.seed }),
    },
  };
  validateScenario(scenario);
  if (options.trace) return simulateScenario(scenario, { trace: true });
  const compiled = compileScenario(scenario);
  const total = scenario.settings.replications;
  const batch = options.batchSize ?? batchSizeFor(total, pool.threads, Number.POSITIVE_INFINITY);
  const parts: Promise<Float64Array>[] = [];
  for (let from = 0; from < total; from += batch) {
    const task: ReplicationBatch = { scenario, fromIndex: from, count: Math.min(batch, total - from) };
    parts.push(pool.run<Float64Array>("replications", task));
  }
  const rows = await Promise.all(parts);
  const all = new Float64Array(rows.reduce((s, r) => s + r.length, 0));
  let at = 0;
  for (const r of rows) {
    all.set(r, at);
    at += r.length;
  }
  return summariseResults(compiled, all, scenario.name ?? "scenario");
}

import { runReplications } from "./replications.ts";
import { validateScenario } from "./scenario.ts";

/**
 * Piscina task: one batch of replications of a scenario (parsed JSON). Replication i uses the
 * stream Rng.stream(seed, i) wherever it runs, so concatenating the batches' rows in index order
 * gives the numbers of a single-threaded run. Returns NODE_METRICS × n + GLOBAL_METRICS values per
 * replication, row-major (the buffer can be transferred back to the main thread).
 */
export interface ReplicationBatch {
  scenario: unknown;
  fromIndex: number;
  count: number;
}

export default function runReplicationBatch(task: ReplicationBatch): Float64Array {
  return runReplications(validateScenario(task.scenario), task.fromIndex, task.count);
}

import type { DemandModel } from "../models/demand/types.ts";
import { compileScenario } from "./engine.ts";
import {
  runReplications,
  type SimulationResult,
  summariseResults,
  traceReplication,
} from "./replications.ts";
import { type Scenario, validateScenario } from "./scenario.ts";

export interface SimulateOptions {
  /** Overrides settings.replications. */
  replications?: number;
  /** Overrides settings.seed. */
  seed?: number;
  /** Adds the per-period trace of replication 0 (on hand, backorders, orders, shipments, demand by node). */
  trace?: boolean;
  /** Demand models by name for forecast-driven policies whose forecaster is {method: "model", model: NAME}. */
  models?: Record<string, DemandModel>;
}

/**
 * Validates a scenario document (parsed JSON), runs its replications and returns a JSON-serialisable
 * summary: per node the mean and standard error over replications of fill rate, cycle service level,
 * on hand, backorders, orders, shipments, holding/shortage/ordering/pipeline cost, bullwhip ratio and
 * net-stock amplification; the total cost per period. Same seed, same numbers.
 */
export function simulateScenario(doc: unknown, options: SimulateOptions = {}): SimulationResult {
  const base = validateScenario(doc);
  const scenario: Scenario = {
    ...base,
    settings: {
      ...base.settings,
      ...(options.replications !== undefined ? { replications: options.replications } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    },
  };
  validateScenario(scenario);
  const compiled = compileScenario(scenario, options.models ? { models: options.models } : {});
  const results = runReplications(compiled, 0, scenario.settings.replications);
  const summary = summariseResults(compiled, results, scenario.name ?? "scenario");
  if (options.trace) {
    const t = traceReplication(compiled, 0);
    const n = compiled.n;
    const pick = (a: Float64Array, j: number) =>
      Array.from({ length: compiled.periods }, (_, k) => a[k * n + j]!);
    summary.trace = Object.fromEntries(
      compiled.nodeIds.map((id, j) => [
        id,
        {
          onHand: pick(t.onHand, j),
          backorders: pick(t.backorders, j),
          orders: pick(t.orders, j),
          shipments: pick(t.shipments, j),
          demand: pick(t.demand, j),
          lostSales: pick(t.lostSales, j),
          cost: pick(t.cost, j),
        },
      ]),
    );
  }
  return summary;
}

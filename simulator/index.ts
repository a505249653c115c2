/**
 * The supply-chain simulator's public face: period-by-period simulation of supply networks under
 * replenishment policies (engine.ts), Monte Carlo replications runnable in batches
 * (replications.ts), scenario JSON + schema (scenario.ts, scenario.schema.json), ready-made
 * scenarios (beer game, Clark–Scarf, dark store), perishables, valuation, metrics.
 */
import { readFileSync } from "node:fs";
import { type Scenario, validateScenario } from "./scenario.ts";

export { type OneForOneResult, type OneForOneSettings, simulateOneForOne } from "./continuous-review.ts";
export {
  type DemandKind,
  type DemandSpec,
  demandFromForecast,
  demandKinds,
  demandMean,
  generateDemand,
  sampleGamma,
  sampleNegativeBinomial,
  samplePoisson,
  standardNormal,
} from "./demand.ts";
export {
  type CompiledNetwork,
  type CompileOptions,
  compileScenario,
  createWorkspace,
  type EngineWorkspace,
  GLOBAL_METRIC_NAMES,
  NODE_METRIC_NAMES,
  NODE_METRICS,
  resultWidth,
  runReplication,
  type Trace,
} from "./engine.ts";
export {
  bullwhipRatio,
  cycleServiceLevel,
  fillRate,
  netStockAmplification,
  periodMean,
  sampleVariance,
} from "./metrics.ts";
export {
  type PerishableStoreConfig,
  type PerishableStoreResult,
  simulatePerishableStore,
  validatePerishableStore,
} from "./perishables.ts";
export { anchoringAdjustmentOrder } from "./policies/anchoring-adjustment.ts";
export { baseStockOrder } from "./policies/base-stock.ts";
export { echelonBaseStockOrder } from "./policies/echelon-base-stock.ts";
export { forecastOrderUpToOrder } from "./policies/forecast-order-up-to.ts";
export { periodicReviewOrder } from "./policies/periodic.ts";
export { proportionalOrderUpToOrder } from "./policies/proportional-order-up-to.ts";
export { rQOrder } from "./policies/r-Q.ts";
export { sSOrder } from "./policies/s-S.ts";
export { type ForecasterSpec, type PolicyKind, type PolicySpec, policyKinds } from "./policies/types.ts";
export {
  type MetricSummary,
  runReplications,
  type SimulationResult,
  summariseColumn,
  summariseResults,
  traceReplication,
} from "./replications.ts";
export {
  type LeadTimeSpec,
  type NodeSettings,
  type Scenario,
  type ScenarioEdge,
  type SimulationSettings,
  validateScenario,
} from "./scenario.ts";
export { type DarkStoreOptions, generateDarkStore } from "./scenarios/dark-store.ts";
export { type SerialSystem, simulateSerialEchelon } from "./serial.ts";
export { type SimulateOptions, simulateScenario } from "./simulate.ts";
export { type PolicyTargets, simulatedVersusTarget, type TargetComparison } from "./validation.ts";
export { type Ledger, type Valuation, type ValuationMethod, valueLedger } from "./valuation.ts";

/** Path of the scenario JSON Schema (for the API/CLI to serve or validate against). */
export const scenarioSchemaUrl = new URL("./scenario.schema.json", import.meta.url);

/** The ready-made JSON scenarios, validated. */
export function readyMadeScenario(name: "beer-game" | "clark-scarf"): Scenario {
  return validateScenario(
    JSON.parse(readFileSync(new URL(`./scenarios/${name}.json`, import.meta.url), "utf8")),
  );
}

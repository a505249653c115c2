import { dirname, isAbsolute, resolve } from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { WorkbenchError } from "../../core/errors.ts";
import { readJsonFile } from "../../datasets/json-file.ts";

/**
 * The planning configuration: what to plan (demand history), where (a network of locations), to what
 * targets, with which model, and the simulation that checks the plan. JSON on disk; its JSON Schema is this
 * TypeBox schema (`workbench plan --schema` prints it).
 *
 * Units: periods of the history's grain (days for daily data). Holding costs per unit per period.
 */
const ServiceTarget = Type.Object(
  {
    /** Fill rate (β): share of demand served from stock, in (0, 1). */
    fillRate: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  },
  { additionalProperties: false },
);

export const PlanConfigSchema = Type.Object(
  {
    demand: Type.Object(
      {
        /** History file in long format (CSV or Parquet) with store_id and sku_id label columns, or… */
        file: Type.Optional(Type.String({ minLength: 1 })),
        /** … a bundled data set: "m5_tiny". */
        dataset: Type.Optional(Type.Literal("m5_tiny")),
        /** Periods at the end of the history held out of the plan (to compare with what happened). */
        holdout: Type.Integer({ minimum: 0, default: 0 }),
      },
      { additionalProperties: false },
    ),
    forecast: Type.Object(
      {
        /**
         * Demand model (see GET /v1/models). Default SBA: fast (hundreds of daily series per CPU-second) and
         * made for intermittent store × SKU demand. `auto` chooses per series by backtest among ETS, ARIMA,
         * Theta, their ensemble, TSB, SBA and seasonal naive, but on long daily histories its ARIMA fits cost
         * about a second per series, and the uncertainty stage backtests it `backtestWindows` times again.
         */
        model: Type.String({ default: "sba" }),
        /** Season length; inferred from the time stamps when absent. */
        season: Type.Optional(Type.Integer({ minimum: 1 })),
        /** Rolling-origin windows whose errors measure demand uncertainty. */
        backtestWindows: Type.Integer({ minimum: 1, default: 8 }),
      },
      { additionalProperties: false, default: {} },
    ),
    network: Type.Object(
      {
        /** The upstream source (a supplier that always delivers after its lead time). */
        supplier: Type.Object(
          { id: Type.String({ minLength: 1 }), leadTime: Type.Integer({ minimum: 0 }) },
          { additionalProperties: false },
        ),
        /** Distribution centres; each serves the stores listed (store ids as in the history's store_id). */
        dcs: Type.Array(
          Type.Object(
            {
              id: Type.String({ minLength: 1 }),
              /** Lead time from the supplier to this DC (periods), and its standard deviation. */
              leadTime: Type.Integer({ minimum: 0 }),
              leadTimeSd: Type.Number({ minimum: 0, default: 0 }),
              holdingCost: Type.Number({ minimum: 0 }),
              stores: Type.Array(
                Type.Object(
                  {
                    id: Type.String({ minLength: 1 }),
                    leadTime: Type.Integer({ minimum: 0 }),
                    leadTimeSd: Type.Number({ minimum: 0, default: 0 }),
                    holdingCost: Type.Number({ minimum: 0 }),
                  },
                  { additionalProperties: false },
                ),
                { minItems: 1 },
              ),
            },
            { additionalProperties: false },
          ),
          { minItems: 1 },
        ),
      },
      { additionalProperties: false },
    ),
    /** Periods between reviews at the stores (periodic review, order-up-to). */
    reviewPeriod: Type.Integer({ minimum: 1, default: 1 }),
    /**
     * Longer review periods a slow mover may be given when whole units of its order-up-to level would
     * overshoot its target at the usual one (e.g. [2, 3, 7]: order it every 2, 3 or 7 days); empty keeps
     * every pair at `reviewPeriod`.
     */
    slowMoverReviewPeriods: Type.Array(Type.Integer({ minimum: 1 }), { default: [] }),
    /** Targets by ABC class; `default` for anything not listed. */
    serviceTargets: Type.Object(
      {
        default: ServiceTarget,
        A: Type.Optional(ServiceTarget),
        B: Type.Optional(ServiceTarget),
        C: Type.Optional(ServiceTarget),
      },
      { additionalProperties: false },
    ),
    simulation: Type.Object(
      {
        periods: Type.Integer({ minimum: 1, default: 364 }),
        warmup: Type.Integer({ minimum: 0, default: 28 }),
        replications: Type.Integer({ minimum: 1, default: 20 }),
        /** Replications are added (up to 200) until a pair's simulation holds about this many units of demand. */
        minDemandUnits: Type.Integer({ minimum: 0, default: 20000 }),
        /** Points of fill rate by which a simulated pair may miss its target before it is corrected. */
        tolerance: Type.Number({ exclusiveMinimum: 0, default: 0.02 }),
      },
      { additionalProperties: false, default: {} },
    ),
    seed: Type.Integer({ default: 1 }),
  },
  { additionalProperties: false },
);

export type PlanConfig = Static<typeof PlanConfigSchema>;

/**
 * Reads and validates a configuration file: defaults filled in, relative paths resolved against the
 * file's folder, errors name the field.
 */
export function loadPlanConfig(path: string): PlanConfig {
  const config = parsePlanConfig(readJsonFile(path), path);
  if (config.demand.file && !isAbsolute(config.demand.file)) {
    config.demand.file = resolve(dirname(path), config.demand.file);
  }
  return config;
}

export function parsePlanConfig(raw: unknown, source = "config"): PlanConfig {
  const withDefaults = Value.Default(PlanConfigSchema, structuredClone(raw));
  const errors = [...Value.Errors(PlanConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const e = errors[0]!;
    const field = e.path.replace(/^\//, "").replaceAll("/", ".") || "(root)";
    throw new WorkbenchError("INVALID_SCENARIO", `${source}: ${field}: ${e.message}`, { field });
  }
  const config = withDefaults as PlanConfig;
  if (!config.demand.file === !config.demand.dataset) {
    throw new WorkbenchError("INVALID_SCENARIO", `${source}: demand: give exactly one of file and dataset`, {
      field: "demand",
    });
  }
  const seen = new Set<string>();
  for (const dc of config.network.dcs) {
    for (const s of dc.stores) {
      if (seen.has(s.id)) {
        throw new WorkbenchError(
          "INVALID_SCENARIO",
          `${source}: network.dcs: store '${s.id}' is served by two DCs`,
          {
            field: "network.dcs",
          },
        );
      }
      seen.add(s.id);
    }
  }
  if (config.simulation.warmup >= config.simulation.periods) {
    throw new WorkbenchError(
      "INVALID_SCENARIO",
      `${source}: simulation.warmup: must be less than simulation.periods`,
      {
        field: "simulation.warmup",
      },
    );
  }
  return config;
}

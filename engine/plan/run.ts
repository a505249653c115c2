import { join, resolve } from "node:path";
import { WorkbenchError } from "../../core/errors.ts";
import { convertDataset } from "../../datasets/convert.ts";
import { loadHistory, seasonLengthOf } from "../../datasets/history.ts";
import { backtestSeries } from "../backtest.ts";
import { forecastSeries } from "../forecast.ts";
import { WorkerPool } from "../pool.ts";
import type { PlanConfig } from "./config.ts";
import { fileFingerprint, RunFolder, valueFingerprint } from "./run-folder.ts";
import { classifyPairs, type PairClasses } from "./stages/classify.ts";
import { type NetworkPlan, placeNetworkStock } from "./stages/network.ts";
import { publishPlan } from "./stages/publish.ts";
import { type SimulationCheck, simulatePlan } from "./stages/simulate.ts";

/**
 * The planning run: history + network + targets → parameters for every SKU × location, proven by
 * simulation before they are published. Stages, each checkpointed in the run folder (see run-folder.ts):
 *
 *  1. history     load and validate the demand history (store_id, sku_id per series), hold out the tail;
 *  2. forecast    forecast every series (with intervals) in the worker pool;
 *  3. uncertainty backtest the model by rolling origin: the errors give each series' demand variance;
 *  4. classify    ABC by value, XYZ by variability, and smooth / erratic / intermittent / lumpy;
 *  5. network     per SKU and DC, place safety stock across DC and stores with the guaranteed-service
 *                 model, and plan every location alone for comparison (the pooling saving);
 *  6. simulate    simulate every store policy against demand drawn from its forecast distribution; pairs
 *                 off target are corrected (order-up-to level moved) or listed with the reason;
 *  7. publish     parameters, network plan, summary, HTML report and manifest.
 *
 * Same configuration, inputs and seed: same outputs, whatever the number of threads. A run killed in a
 * stage resumes from the last finished stage.
 */
export interface PlanOptions {
  output: string;
  threads?: number;
  /** Called when a stage starts or is taken from the folder. */
  onStage?: (stage: string, resumed: boolean) => void;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** For tests of resumption: stop (throw) right after this stage is recorded. */
  stopAfter?: string;
}

export interface PlanSeries {
  seriesIds: string[];
  store: string[];
  sku: string[];
  values: Float64Array;
  offsets: Int32Array;
  /** Held-out tail (for comparison after the fact), same layout. */
  holdoutValues: Float64Array;
  holdoutOffsets: Int32Array;
  price: Float64Array;
  /** Season length of the history's grain (one number, kept in an array so that it stores as JSON). */
  season: number[];
}

export interface PlanResult {
  dir: string;
  series: PlanSeries;
  classes: PairClasses;
  network: NetworkPlan;
  check: SimulationCheck;
  seconds: Record<string, number>;
  resumed: string[];
}

const BUNDLED = resolve(import.meta.dirname, "../../datasets/m5_tiny");

export async function runPlan(config: PlanConfig, options: PlanOptions): Promise<PlanResult> {
  const dir = options.output;
  const inputs: Record<string, string> = {};
  if (config.demand.file) inputs[config.demand.file] = await fileFingerprint(config.demand.file);
  else
    for (const f of ["sales_train.csv", "calendar.csv", "sell_prices.csv"])
      inputs[`m5_tiny/${f}`] = await fileFingerprint(join(BUNDLED, f));
  const pkg = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };
  const folder = new RunFolder(dir, {
    workbench: pkg.version,
    node: process.version,
    seed: config.seed,
    configFingerprint: valueFingerprint(config),
    inputs,
  });
  const seconds: Record<string, number> = {};
  const resumed: string[] = [];
  const pool = new WorkerPool(options.threads === undefined ? {} : { threads: options.threads });

  /** Runs a stage or takes its stored result; `depends` is what the stage's result depends on. */
  async function stage<T>(
    name: string,
    depends: unknown,
    compute: () => Promise<T>,
    encode: (value: T) => Parameters<RunFolder["store"]>[1],
    decode: (stored: ReturnType<RunFolder["load"]>) => T,
  ): Promise<T> {
    const fingerprint = valueFingerprint({ config: folder.manifest.configFingerprint, depends });
    if (folder.isDone(name, fingerprint)) {
      options.onStage?.(name, true);
      resumed.push(name);
      seconds[name] = folder.manifest.stages[name]!.seconds;
      return decode(folder.load(name));
    }
    options.onStage?.(name, false);
    const t = performance.now();
    const value = await compute();
    const files = folder.store(name, encode(value));
    seconds[name] = (performance.now() - t) / 1000;
    folder.markDone(name, fingerprint, seconds[name]!, files);
    if (options.stopAfter === name)
      throw new WorkbenchError("WORKER_FAILED", `stopped after stage '${name}' as asked`);
    return value;
  }

  try {
    const series = await stage(
      "history",
      inputs,
      () => loadPlanSeries(config, dir),
      (s) => ({ ...s }),
      (s) => s as unknown as PlanSeries,
    );
    const season = config.forecast.season ?? series.season[0]!;
    const protection = maxProtection(config);
    const horizon = Math.max(protection, 7);

    const forecastMean = await stage(
      "forecast",
      // means only: the demand uncertainty comes from the backtest stage, so no model spends time on
      // intervals here (conformal ones would refit every series K times)
      { horizon, season, levels: [] },
      async () => {
        const table = await forecastSeries(
          pool,
          series,
          { model: config.forecast.model, horizon, season, levels: [], nonNegative: true },
          (d, n) => options.onProgress?.("forecast", d, n),
        );
        const failed = table.errors.findIndex((e) => e !== null);
        if (failed >= 0) {
          throw new WorkbenchError(
            "INVALID_MODEL_INPUT",
            `series '${series.seriesIds[failed]}': ${table.errors[failed]}`,
            {
              series: series.seriesIds[failed]!,
            },
          );
        }
        return { out: table.out, models: table.modelNames };
      },
      (f) => ({ out: f.out, models: f.models }),
      (s) => ({ out: s.out as Float64Array, models: s.models as string[] }),
    );

    const variance = await stage(
      "uncertainty",
      { horizon, season, windows: config.forecast.backtestWindows },
      async () => {
        const report = await backtestSeries(
          pool,
          series,
          {
            models: [config.forecast.model],
            horizon: Math.min(horizon, 7),
            windows: config.forecast.backtestWindows,
            step: 1,
            season,
            levels: [],
            nonNegative: true,
          },
          (d, n) => options.onProgress?.("uncertainty", d, n),
        );
        const model = config.forecast.model;
        return Float64Array.from(report.perSeries, (p) => p.scores[model]?.mse ?? Number.NaN) as Float64Array;
      },
      (v) => ({ variance: v }),
      (s) => s.variance as Float64Array<ArrayBufferLike>,
    );

    const classes = await stage(
      "classify",
      {},
      async () => classifyPairs(series),
      (c) => ({ ...c }),
      (s) => s as unknown as PairClasses,
    );

    const network = await stage(
      "network",
      { horizon },
      async () => placeNetworkStock(pool, config, series, classes, forecastMean.out, horizon, variance),
      (n) => ({ ...n }),
      (s) => s as unknown as NetworkPlan,
    );

    const check = await stage(
      "simulate",
      {},
      async () => simulatePlan(pool, config, network, (d, n) => options.onProgress?.("simulate", d, n)),
      (c) => ({ ...c }),
      (s) => s as unknown as SimulationCheck,
    );

    await stage(
      "publish",
      {},
      async () => {
        publishPlan(folder, config, series, classes, network, check, forecastMean.models, seconds);
        return { published: true };
      },
      (p) => ({ published: [String(p.published)] }),
      () => ({ published: true }),
    );
    return { dir, series, classes, network, check, seconds, resumed };
  } finally {
    await pool.close();
  }
}

/**
 * Longest protection interval of a store: supplier → DC and DC → store lead times plus the longest review
 * period a pair may get.
 */
export function maxProtection(config: PlanConfig): number {
  const review = Math.max(config.reviewPeriod, ...config.slowMoverReviewPeriods);
  let longest = 0;
  for (const dc of config.network.dcs) {
    for (const s of dc.stores) longest = Math.max(longest, dc.leadTime + s.leadTime + review);
  }
  return longest;
}

async function loadPlanSeries(config: PlanConfig, dir: string): Promise<PlanSeries> {
  let file = config.demand.file;
  if (!file) {
    file = join(dir, "history.parquet");
    await convertDataset("m5", BUNDLED, { output: file, fromFirstSale: true, holdoutLength: 0 });
  }
  const history = await loadHistory(file, { fillGaps: true });
  const store = history.labels.store_id;
  const sku = history.labels.sku_id;
  if (!store || !sku) {
    throw new WorkbenchError(
      "MISSING_COLUMN",
      `${file}: a planning run needs the columns store_id and sku_id`,
      {
        file,
        column: store ? "sku_id" : "store_id",
      },
    );
  }
  const served = new Set(config.network.dcs.flatMap((dc) => dc.stores.map((s) => s.id)));
  const missing = [...new Set(store)].filter((s) => !served.has(s));
  if (missing.length > 0) {
    throw new WorkbenchError(
      "INVALID_SCENARIO",
      `network.dcs: no DC serves store '${missing[0]}' of the history`,
      {
        field: "network.dcs",
      },
    );
  }
  const h = config.demand.holdout;
  const n = history.seriesIds.length;
  const offsets = new Int32Array(n + 1);
  const holdoutOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const len = history.offsets[i + 1]! - history.offsets[i]!;
    const keep = Math.max(1, len - h);
    offsets[i + 1] = offsets[i]! + keep;
    holdoutOffsets[i + 1] = holdoutOffsets[i]! + (len - keep);
  }
  const values = new Float64Array(offsets[n]!);
  const holdoutValues = new Float64Array(holdoutOffsets[n]!);
  const price = new Float64Array(n).fill(1);
  const prices = history.numeric.price;
  for (let i = 0; i < n; i++) {
    const a = history.offsets[i]!;
    const keep = offsets[i + 1]! - offsets[i]!;
    values.set(history.values.subarray(a, a + keep), offsets[i]!);
    holdoutValues.set(history.values.subarray(a + keep, history.offsets[i + 1]!), holdoutOffsets[i]!);
    if (prices) {
      // the last known price of the item in the training part
      for (let k = a + keep - 1; k >= a; k--) {
        if (Number.isFinite(prices[k]!)) {
          price[i] = prices[k]!;
          break;
        }
      }
    }
  }
  return {
    seriesIds: history.seriesIds,
    store,
    sku,
    values,
    offsets,
    holdoutValues,
    holdoutOffsets,
    price,
    season: [seasonLengthOf(history.frequency)],
  };
}

import { WorkbenchError } from "../core/errors.ts";
import { demandModels } from "../models/demand/registry.ts";
import { coverage, mase, pinball, rmsse, smape } from "../models/metrics/index.ts";
import type { BacktestBatch, BacktestBatchResult } from "./backtest-batch.ts";
import { batchSizeFor, type SeriesSet, sliceSeries } from "./forecast.ts";
import type { WorkerPool } from "./pool.ts";

/**
 * Rolling-origin backtests of several models over many series, in the worker pool, and their scores:
 * per series and model (averaged over windows) and per model overall.
 *
 * Per window: sMAPE, MASE (scale: in-sample seasonal naive MAE of that window's training part), RMSSE
 * (M5 scale), absolute errors for a pooled WAPE, bias (mean of forecast − actual), interval coverage and the
 * pinball loss at each interval bound. Overall: means over series of the per-series values (finite ones for
 * MASE/RMSSE, whose scale is zero on constant histories), WAPE and coverage pooled over all points.
 */
export interface BacktestRequest {
  models: string[];
  horizon: number;
  windows: number;
  /** Periods between origins; default the horizon (non-overlapping windows). */
  step?: number;
  season: number;
  levels: number[];
  nonNegative?: boolean;
  /** Shortest training part a window may have; default 2. */
  minTrain?: number;
  batchSize?: number;
}

export interface Scores {
  smape: number;
  /** Mean squared error over all steps and windows: the demand variance a plan uses. */
  mse: number;
  mase: number;
  rmsse: number;
  wape: number;
  bias: number;
  coverage: Record<string, number>;
  pinball: number;
  points: number;
}

export interface BacktestReport {
  settings: Required<Omit<BacktestRequest, "batchSize">>;
  series: number;
  models: Record<string, { overall: Scores; failedSeries: number; firstError: string | null }>;
  perSeries: { id: string; scores: Record<string, Scores | null>; best: string | null }[];
  seconds: number;
}

export function checkBacktestRequest(r: BacktestRequest): void {
  if (r.models.length === 0)
    throw new WorkbenchError("INVALID_ARGUMENT", "--models: give at least one model", { field: "models" });
  for (const m of r.models) {
    if (!demandModels[m]) {
      throw new WorkbenchError(
        "INVALID_ARGUMENT",
        `--models: unknown model '${m}' (known: ${Object.keys(demandModels).join(", ")})`,
        { field: "models" },
      );
    }
  }
  const positive: [string, number | undefined][] = [
    ["--horizon", r.horizon],
    ["--windows", r.windows],
    ["--step", r.step],
    ["--season", r.season],
  ];
  for (const [flag, v] of positive) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) {
      throw new WorkbenchError("INVALID_ARGUMENT", `${flag}: must be an integer ≥ 1, got ${v}`, {
        field: flag.slice(2),
      });
    }
  }
}

export async function backtestSeries(
  pool: WorkerPool,
  series: SeriesSet,
  request: BacktestRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<BacktestReport> {
  checkBacktestRequest(request);
  const t0 = performance.now();
  const settings = {
    models: request.models,
    horizon: request.horizon,
    windows: request.windows,
    step: request.step ?? request.horizon,
    season: request.season,
    levels: request.levels,
    nonNegative: request.nonNegative ?? false,
    minTrain: request.minTrain ?? 2,
  };
  const nSeries = series.seriesIds.length;
  const nModels = settings.models.length;
  const width = 1 + 2 * settings.levels.length;
  const block = settings.horizon * width;
  const perSeriesSize = nModels * settings.windows * block;
  const batchSize = request.batchSize ?? batchSizeFor(nSeries, pool.threads, 200);
  const forecasts = new Float64Array(nSeries * perSeriesSize);
  const errors: (string | null)[] = new Array(nSeries * nModels).fill(null);
  let done = 0;
  const jobs: Promise<void>[] = [];
  for (let start = 0; start < nSeries; start += batchSize) {
    const end = Math.min(nSeries, start + batchSize);
    const { values, offsets } = sliceSeries(series, start, end);
    const batch: BacktestBatch = { ...settings, values, offsets };
    jobs.push(
      pool.run<BacktestBatchResult>("backtest", batch, [values.buffer, offsets.buffer]).then((r) => {
        forecasts.set(r.forecasts, start * perSeriesSize);
        for (let k = 0; k < (end - start) * nModels; k++) errors[start * nModels + k] = r.errors[k] ?? null;
        done += end - start;
        onProgress?.(done, nSeries);
      }),
    );
  }
  await Promise.all(jobs);
  return scoreBacktest(series, settings, forecasts, errors, (performance.now() - t0) / 1000);
}

function scoreBacktest(
  series: SeriesSet,
  settings: BacktestReport["settings"],
  forecasts: Float64Array,
  errors: (string | null)[],
  seconds: number,
): BacktestReport {
  const { horizon, windows, step, levels, models } = settings;
  const width = 1 + 2 * levels.length;
  const block = horizon * width;
  const nModels = models.length;
  const totals = models.map(() => newTotals(levels.length));
  const perSeries: BacktestReport["perSeries"] = [];
  const mean = new Float64Array(horizon);
  const lower = new Float64Array(horizon);
  const upper = new Float64Array(horizon);
  for (let i = 0; i < series.seriesIds.length; i++) {
    const y = series.values.subarray(series.offsets[i]!, series.offsets[i + 1]!);
    const scores: Record<string, Scores | null> = {};
    let best: string | null = null;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let m = 0; m < nModels; m++) {
      const acc = newTotals(levels.length);
      let windowsScored = 0;
      for (let w = 0; w < windows; w++) {
        const origin = y.length - horizon - (windows - 1 - w) * step;
        const base = ((i * nModels + m) * windows + w) * block;
        if (origin < settings.minTrain || Number.isNaN(forecasts[base]!)) continue;
        const actual = y.subarray(origin, origin + horizon);
        const insample = y.subarray(0, origin);
        for (let h = 0; h < horizon; h++) mean[h] = forecasts[base + h * width]!;
        windowsScored++;
        acc.smape += smape(actual, mean);
        acc.mase += safe(() => mase(actual, mean, insample, settings.season));
        acc.rmsse += safe(() => rmsse(actual, mean, insample));
        for (let h = 0; h < horizon; h++) {
          acc.squaredError += (actual[h]! - mean[h]!) ** 2;
          acc.absError += Math.abs(actual[h]! - mean[h]!);
          acc.absActual += Math.abs(actual[h]!);
          acc.error += mean[h]! - actual[h]!;
        }
        for (let l = 0; l < levels.length; l++) {
          for (let h = 0; h < horizon; h++) {
            lower[h] = forecasts[base + h * width + 1 + 2 * l]!;
            upper[h] = forecasts[base + h * width + 2 + 2 * l]!;
          }
          const tail = (1 - levels[l]! / 100) / 2;
          acc.inside[l]! += coverage(actual, lower, upper) * horizon;
          acc.pinball += (pinball(actual, lower, tail) + pinball(actual, upper, 1 - tail)) / 2;
        }
        acc.points += horizon;
      }
      if (windowsScored === 0) {
        scores[models[m]!] = null;
        totals[m]!.failed++;
        continue;
      }
      const s = finish(acc, windowsScored, levels);
      scores[models[m]!] = s;
      addTotals(totals[m]!, acc, windowsScored);
      const key = Number.isFinite(s.mase) ? s.mase : s.smape;
      if (key < bestValue) {
        bestValue = key;
        best = models[m]!;
      }
    }
    perSeries.push({ id: series.seriesIds[i]!, scores, best });
  }
  const firstError = (m: number): string | null => {
    for (let i = 0; i < series.seriesIds.length; i++) {
      const e = errors[i * nModels + m];
      if (e) return `series '${series.seriesIds[i]}': ${e}`;
    }
    return null;
  };
  const modelReports: BacktestReport["models"] = {};
  models.forEach((name, m) => {
    const t = totals[m]!;
    modelReports[name] = {
      overall: {
        smape: t.smapeSum / t.series,
        mse: t.squaredError / t.points,
        mase: t.maseFinite > 0 ? t.maseSum / t.maseFinite : Number.NaN,
        rmsse: t.rmsseFinite > 0 ? t.rmsseSum / t.rmsseFinite : Number.NaN,
        wape: t.absActual > 0 ? (100 * t.absError) / t.absActual : Number.NaN,
        bias: t.error / t.points,
        coverage: Object.fromEntries(levels.map((l, k) => [String(l), t.inside[k]! / t.points])),
        pinball: t.pinballSum / t.series,
        points: t.points,
      },
      failedSeries: t.failed,
      firstError: firstError(m),
    };
  });
  return { settings, series: series.seriesIds.length, models: modelReports, perSeries, seconds };
}

interface WindowTotals {
  smape: number;
  squaredError: number;
  mase: number;
  rmsse: number;
  absError: number;
  absActual: number;
  error: number;
  inside: number[];
  pinball: number;
  points: number;
}

function newTotals(levels: number) {
  return {
    smape: 0,
    squaredError: 0,
    mase: 0,
    rmsse: 0,
    absError: 0,
    absActual: 0,
    error: 0,
    inside: new Array<number>(levels).fill(0),
    pinball: 0,
    points: 0,
    smapeSum: 0,
    maseSum: 0,
    maseFinite: 0,
    rmsseSum: 0,
    rmsseFinite: 0,
    pinballSum: 0,
    series: 0,
    failed: 0,
  };
}

function finish(acc: WindowTotals, windows: number, levels: number[]): Scores {
  return {
    smape: acc.smape / windows,
    mse: acc.squaredError / acc.points,
    mase: acc.mase / windows,
    rmsse: acc.rmsse / windows,
    wape: acc.absActual > 0 ? (100 * acc.absError) / acc.absActual : Number.NaN,
    bias: acc.error / acc.points,
    coverage: Object.fromEntries(levels.map((l, k) => [String(l), acc.inside[k]! / acc.points])),
    pinball: levels.length > 0 ? acc.pinball / windows / levels.length : Number.NaN,
    points: acc.points,
  };
}

function addTotals(t: ReturnType<typeof newTotals>, acc: WindowTotals, windows: number): void {
  t.series++;
  t.smapeSum += acc.smape / windows;
  const maseValue = acc.mase / windows;
  if (Number.isFinite(maseValue)) {
    t.maseSum += maseValue;
    t.maseFinite++;
  }
  const rmsseValue = acc.rmsse / windows;
  if (Number.isFinite(rmsseValue)) {
    t.rmsseSum += rmsseValue;
    t.rmsseFinite++;
  }
  t.squaredError += acc.squaredError;
  t.absError += acc.absError;
  t.absActual += acc.absActual;
  t.error += acc.error;
  t.points += acc.points;
  if (acc.inside.length > 0) t.pinballSum += acc.pinball / windows / acc.inside.length;
  for (let k = 0; k < acc.inside.length; k++) t.inside[k]! += acc.inside[k]!;
}

/** A scale-based metric is undefined on a history too short or constant: NaN, not an exception. */
function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return Number.NaN;
  }
}

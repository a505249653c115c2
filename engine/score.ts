import { WorkbenchError } from "../core/errors.ts";
import type { ForecastColumns } from "../datasets/forecast-io.ts";
import { type DemandHistory, seriesValues } from "../datasets/history.ts";
import { coverage, mase, rmsse, smape, wape } from "../models/metrics/index.ts";

/**
 * Scores forecasts against held-out actuals, series by series, then overall:
 * sMAPE and MASE as means of the per-series values (the M3/M4 convention), WAPE pooled over all points,
 * RMSSE as the unweighted mean of per-series values, interval coverage pooled over all points.
 * MASE and RMSSE need the training history (their scales); without it they are omitted.
 */
export interface SeriesScore {
  seriesId: string;
  steps: number;
  smape: number;
  mase?: number;
  rmsse?: number;
}

export interface ScoreReport {
  series: number;
  points: number;
  smape: number;
  wape: number;
  mase?: number;
  rmsse?: number;
  coverage: Record<string, number>;
  perSeries: SeriesScore[];
}

export function scoreForecasts(
  forecasts: ForecastColumns,
  actual: DemandHistory,
  options: { history?: DemandHistory; season?: number } = {},
): ScoreReport {
  const width = 1 + 2 * forecasts.levels.length;
  const actualIndex = new Map(actual.seriesIds.map((id, i) => [id, i]));
  const historyIndex = options.history ? new Map(options.history.seriesIds.map((id, i) => [id, i])) : null;
  const season = options.season ?? 1;
  const perSeries: SeriesScore[] = [];
  const allActual: number[] = [];
  const allMean: number[] = [];
  const inside = forecasts.levels.map(() => 0);
  for (let i = 0; i < forecasts.seriesIds.length; i++) {
    const id = forecasts.seriesIds[i]!;
    const a = actualIndex.get(id);
    if (a === undefined) {
      throw new WorkbenchError("INVALID_VALUE", `actuals: no held-out values for series '${id}'`, {
        series: id,
      });
    }
    const y = seriesValues(actual, a);
    const steps = Math.min(y.length, forecasts.horizon);
    const yh = y.subarray(0, steps);
    const f = new Float64Array(steps);
    for (let h = 0; h < steps; h++) f[h] = forecasts.out[(i * forecasts.horizon + h) * width]!;
    const score: SeriesScore = { seriesId: id, steps, smape: smape(yh, f) };
    if (historyIndex) {
      const hIdx = historyIndex.get(id);
      if (hIdx === undefined) {
        throw new WorkbenchError("INVALID_VALUE", `history: no training values for series '${id}'`, {
          series: id,
        });
      }
      const insample = seriesValues(options.history!, hIdx);
      score.mase = mase(yh, f, insample, season);
      score.rmsse = rmsse(yh, f, insample);
    }
    perSeries.push(score);
    for (let h = 0; h < steps; h++) {
      allActual.push(yh[h]!);
      allMean.push(f[h]!);
    }
    // interval coverage of this series, counted in points (coverage() is the share of its h steps)
    for (let k = 0; k < forecasts.levels.length; k++) {
      const lower = new Float64Array(steps);
      const upper = new Float64Array(steps);
      for (let h = 0; h < steps; h++) {
        const row = (i * forecasts.horizon + h) * width;
        lower[h] = forecasts.out[row + 1 + 2 * k]!;
        upper[h] = forecasts.out[row + 2 + 2 * k]!;
      }
      inside[k]! += coverage(yh, lower, upper) * steps;
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const finite = (xs: (number | undefined)[]) =>
    xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  const report: ScoreReport = {
    series: perSeries.length,
    points: allActual.length,
    smape: mean(perSeries.map((s) => s.smape)),
    wape: wape(allActual, allMean),
    coverage: Object.fromEntries(forecasts.levels.map((l, k) => [String(l), inside[k]! / allActual.length])),
    perSeries,
  };
  if (historyIndex) {
    report.mase = mean(finite(perSeries.map((s) => s.mase)));
    report.rmsse = mean(finite(perSeries.map((s) => s.rmsse)));
  }
  return report;
}

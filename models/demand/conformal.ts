import { invalidInput } from "../../core/errors.ts";
import { applyNonNegative, isCountSeries } from "./non-negative.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";

/**
 * Split-conformal prediction intervals from rolling-origin residuals, per horizon step.
 *
 * Calibration: for K origins t (the last K with the full horizon after them, t = n − H − (K − 1 − j)·s,
 * j = 0 … K − 1; origins whose training part is shorter than `minTrain` — by default one season, at least
 * 2: a fit on less than a season has not seen every phase and errs unlike the fit on the whole series — or
 * on which the model fails, are left out), the model is fitted on y[0, t) and forecasts H steps, giving the residuals
 * e_{t,h} = y_{t+h−1} − ŷ_{t+h−1|t}. With K_h scores at step h and α = 1 − L/100:
 *
 *   absolute scores (default):  ŷ_{n+h} ± q_h,  q_h = |e|_(k),  k = ⌈(K_h + 1)(1 − α)⌉,
 *   signed scores:              [ŷ_{n+h} + e_(K_h+1−k'), ŷ_{n+h} + e_(k')],  k' = ⌈(K_h + 1)(1 − α/2)⌉,
 *
 * x_(k) the k-th smallest: the finite-sample conformal quantile, which covers a new score exchangeable with
 * the calibration scores with probability ≥ 1 − α (exactly k/(K_h + 1) for continuous absolute scores).
 * Signed scores are two one-sided conformal bounds at α/2 each: they follow skewed errors but need about
 * twice the scores, and on intermittent counts their lower bound lands just above zero and leaves out
 * every zero demand (carparts, Croston: 80/95% coverage 0.70/0.71 against 0.82/0.96 with absolute
 * scores; bench/conformal-coverage.ts --score signed): keep absolute scores for demand with zeros. When the
 * rank exceeds K_h the conformal bound is infinite (too few scores for the level); {@link conformalModel}
 * keeps the model's own bound there.
 *
 * Pooling: with few origins, the scores of neighbouring steps are pooled: step h uses the scores of the
 * 2r + 1 steps of the window centred on h, shifted inwards at the ends of the horizon so that every step
 * pools the same number of steps (min(2r + 1, H)). `pool: "auto"` takes, per level, the smallest r that
 * makes every step's bounds finite (r = 0 when K alone suffices). Pooled scores of different steps are
 * only approximately exchangeable (errors grow with the step): pooling trades a little validity for a
 * finite interval. The flat forecasts of the intermittent-demand models, whose error hardly grows with the
 * step, are where it is safest.
 *
 * Spacing s ("season", the default): one season apart, s = m, when the history holds K origins that far
 * apart, else the widest spacing that fits, s = max(1, min(m, ⌊(n − H − minTrain)/(K − 1)⌋)). Origins a
 * season apart make the scores of step h fall on the same phase of the season (the same weekday for daily
 * data) as step h of the forecast, which a flat forecast's error depends on; consecutive origins would mix
 * all phases into every step's scores. (M5 tiny, croston, K = 20: 95% coverage 0.928 with s = 1, 0.941
 * with s = 7; bench/conformal-coverage.ts.)
 *
 * Sources: Vovk, Gammerman & Shafer (2005), Algorithmic Learning in a Random World, ch. 2 and §4.1
 * (inductive/split conformal prediction, the ⌈(K + 1)(1 − α)⌉-th score); Stankeviciute, Alaa & van der
 * Schaar (2021), "Conformal time-series forecasting", NeurIPS 34 (one calibration set of scores per
 * horizon step); Hyndman & Athanasopoulos, FPP (3rd ed.), §5.5 (intervals from forecast residuals) and
 * §5.10 (time-series cross-validation, the rolling origin).
 */

/** How residuals become nonconformity scores: |e| (symmetric intervals) or e itself (two one-sided bounds). */
export type ConformalScore = "absolute" | "signed";

/** Settings of the conformal calibration (see the formula above). */
export interface ConformalOptions {
  /** Calibration origins K (default {@link defaultCalibrationWindows}). */
  windows?: number;
  /** Periods between consecutive origins, or "season" (default; see the spacing rule above). */
  step?: number | "season";
  /** Neighbouring steps pooled on each side of a step, or "auto" (default; see the formula above). */
  pool?: number | "auto";
  /** Nonconformity score (default "absolute"). */
  score?: ConformalScore;
  /** Shortest training part an origin may have, or "season" (default: max(2, season length)). */
  minTrain?: number | "season";
  /**
   * Non-negative mode: `true` floors the mean and the bounds at zero and makes the bounds whole units for
   * count series (models/demand/non-negative.ts); `"history"` floors at zero only when the history has no
   * negative value (no rounding: the intermittent-demand models' rule); `false` (default) leaves them.
   */
  nonNegative?: boolean | "history";
}

/** Default calibration origins: enough for 80% and 95% absolute-score intervals without pooling. */
export const defaultCalibrationWindows = 20;

/**
 * Rank of the conformal quantile among `count` scores for a central level in percent: k = ⌈(count + 1)·L/100⌉,
 * or Infinity when k > count (the interval is unbounded).
 */
export function conformalRank(count: number, level: number): number {
  // (count + 1)·L is exact in doubles; the tolerance absorbs the division's rounding for levels like 97.5.
  const k = Math.ceil(((count + 1) * level) / 100 - 1e-9);
  return k <= count ? Math.max(1, k) : Number.POSITIVE_INFINITY;
}

/** Rank of the upper order statistic for a level: one-sided at α/2 for signed scores. */
function upperRank(count: number, level: number, score: ConformalScore): number {
  return conformalRank(count, score === "signed" ? 50 + level / 2 : level);
}

export interface ConformalIntervals {
  /** Lower bounds per level (order of `levels`) and step; −Infinity where the scores are too few. */
  lower: Float64Array[];
  /** Upper bounds per level and step; +Infinity where the scores are too few. */
  upper: Float64Array[];
  /** Pooling radius r used per level. */
  radius: Int32Array;
  /** Origins with at least one finite residual. */
  windows: number;
}

/** First step of the pooled window of width `span` for step h of `horizon` (shifted inwards at the ends). */
function windowStart(h: number, radius: number, span: number, horizon: number): number {
  return Math.max(0, Math.min(h - radius, horizon - span));
}

/**
 * Conformal intervals around `mean` from a residual matrix: `residuals[j * horizon + h]` is the signed error
 * y − ŷ of origin j at step h (0-based), NaN where that origin gave no forecast (so the engine's backtest
 * can pass the errors it already has). See the formula above; bounds are ±Infinity where the scores are
 * too few for the level even with the pooling asked for.
 */
export function conformalIntervals(
  mean: Float64Array,
  residuals: Float64Array,
  windows: number,
  levels: readonly number[],
  options: { pool?: number | "auto"; score?: ConformalScore } = {},
): ConformalIntervals {
  const horizon = mean.length;
  const pool = options.pool ?? "auto";
  const score = options.score ?? "absolute";
  if (horizon < 1) throw invalidInput("mean", "must hold at least one step");
  if (!Number.isInteger(windows) || windows < 0)
    throw invalidInput("windows", `must be an integer ≥ 0, got ${windows}`);
  if (residuals.length !== windows * horizon) {
    throw invalidInput(
      "residuals",
      `has ${residuals.length} values; expected windows × horizon = ${windows} × ${horizon}`,
    );
  }
  if (pool !== "auto" && !(Number.isInteger(pool) && pool >= 0))
    throw invalidInput("pool", `must be an integer ≥ 0 or "auto", got ${pool}`);
  for (const level of levels) {
    if (!(level > 0 && level < 100))
      throw invalidInput("levels", `each level must be in (0, 100), got ${level}`);
  }
  // Finite residuals per step, and the origins that gave any.
  const perStep = new Int32Array(horizon);
  let used = 0;
  for (let j = 0; j < windows; j++) {
    let any = false;
    for (let h = 0; h < horizon; h++) {
      if (Number.isFinite(residuals[j * horizon + h]!)) {
        perStep[h] = perStep[h]! + 1;
        any = true;
      }
    }
    if (any) used++;
  }
  const scratch = new Float64Array(windows * horizon);
  const radius = new Int32Array(levels.length);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let l = 0; l < levels.length; l++) {
    const level = levels[l]!;
    let r = pool === "auto" ? 0 : pool;
    if (pool === "auto") {
      // Smallest radius whose pooled count is enough at every step; the whole horizon at most.
      for (; ; r++) {
        const span = Math.min(2 * r + 1, horizon);
        let enough = true;
        for (let h = 0; h < horizon && enough; h++) {
          const a = windowStart(h, r, span, horizon);
          let count = 0;
          for (let g = a; g < a + span; g++) count += perStep[g]!;
          if (upperRank(count, level, score) > count) enough = false;
        }
        if (enough || span === horizon) break;
      }
    }
    radius[l] = r;
    const span = Math.min(2 * r + 1, horizon);
    const lo = new Float64Array(horizon);
    const hi = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      const a = windowStart(h, r, span, horizon);
      let count = 0;
      for (let j = 0; j < windows; j++) {
        for (let g = a; g < a + span; g++) {
          const e = residuals[j * horizon + g]!;
          if (Number.isFinite(e)) scratch[count++] = score === "absolute" ? Math.abs(e) : e;
        }
      }
      const k = upperRank(count, level, score);
      if (k > count) {
        lo[h] = Number.NEGATIVE_INFINITY;
        hi[h] = Number.POSITIVE_INFINITY;
        continue;
      }
      const sorted = scratch.subarray(0, count).sort();
      if (score === "absolute") {
        lo[h] = mean[h]! - sorted[k - 1]!;
        hi[h] = mean[h]! + sorted[k - 1]!;
      } else {
        lo[h] = mean[h]! + sorted[count - k]!;
        hi[h] = mean[h]! + sorted[k - 1]!;
      }
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper, radius, windows: used };
}

/** Signed rolling-origin residuals of a model (`windows` × horizon, NaN for origins left out). */
export function rollingOriginResiduals(
  model: DemandModel,
  y: Float64Array,
  options: ForecastOptions,
  windows: number,
  step: number,
  minTrain: number,
): Float64Array {
  const n = y.length;
  const horizon = options.horizon;
  const residuals = new Float64Array(windows * horizon).fill(Number.NaN);
  // Interval levels are not needed for the calibration fits (and auto-selection skips its own then).
  const calibration: ForecastOptions = { horizon, season: options.season, levels: [] };
  for (let j = 0; j < windows; j++) {
    const origin = n - horizon - (windows - 1 - j) * step;
    if (origin < minTrain) continue;
    const at: ForecastOptions = options.exogenous
      ? {
          ...calibration,
          exogenous: {
            names: options.exogenous.names,
            history: options.exogenous.history.map((x) => x.subarray(0, origin)),
            future: options.exogenous.history.map((x) => x.subarray(origin, origin + horizon)),
          },
        }
      : calibration;
    let mean: Float64Array;
    try {
      mean = model.forecast(y.subarray(0, origin), at).mean;
    } catch {
      // A training part too short (or too degenerate) for this model: the origin gives no scores.
      continue;
    }
    for (let h = 0; h < horizon; h++) residuals[j * horizon + h] = y[origin + h]! - mean[h]!;
  }
  return residuals;
}

/**
 * Spacing of the calibration origins: one season when K origins fit that far apart with `minTrain` values
 * before the first, else the widest that fits (at least 1).
 */
export function seasonalSpacing(
  n: number,
  options: Pick<ForecastOptions, "horizon" | "season">,
  windows: number,
  minTrain: number,
): number {
  const widest = windows > 1 ? Math.floor((n - options.horizon - minTrain) / (windows - 1)) : options.season;
  return Math.max(1, Math.min(options.season, widest));
}

/** A demand model whose intervals are conformal; `base` is the model it wraps. */
export interface ConformalDemandModel extends DemandModel {
  readonly base: DemandModel;
  readonly settings: Readonly<Required<ConformalOptions>>;
}

function checkConformalOptions(o: Required<ConformalOptions>): void {
  if (!(Number.isInteger(o.windows) && o.windows >= 1))
    throw invalidInput("calibrationWindows", `must be an integer ≥ 1, got ${o.windows}`);
  if (o.step !== "season" && !(Number.isInteger(o.step) && o.step >= 1))
    throw invalidInput("step", `must be an integer ≥ 1 or "season", got ${o.step}`);
  if (o.minTrain !== "season" && !(Number.isInteger(o.minTrain) && o.minTrain >= 1))
    throw invalidInput("minTrain", `must be an integer ≥ 1 or "season", got ${o.minTrain}`);
  if (o.pool !== "auto" && !(Number.isInteger(o.pool) && o.pool >= 0))
    throw invalidInput("pool", `must be an integer ≥ 0 or "auto", got ${o.pool}`);
  if (o.score !== "absolute" && o.score !== "signed")
    throw invalidInput("score", `must be "absolute" or "signed", got ${o.score}`);
}

/**
 * Wraps any demand model so that its intervals are split-conformal (see {@link conformalIntervals} and
 * the formula above): the point forecast is the model's own on the whole series; the bounds are
 * ŷ_{n+h} ± q_h from K rolling-origin refits.
 *
 * Fallback: a level and step whose conformal interval would be unbounded — no calibration origin (series
 * shorter than minTrain + H), or too few scores even with the whole horizon pooled — keeps the model's own
 * bounds. Which was used is exposed in `params`: `calibrationWindows` (origins that gave scores),
 * `calibrationStep` (their spacing),
 * `conformal<L>` (steps with conformal bounds at level L) and `poolRadius<L>`; the model name gains
 * "+conformal(K=…)" when any bound is conformal. Calibration is skipped when no level is asked for.
 *
 * Wrapping a conformal model again re-wraps its base (no nested refits), keeping the settings not given.
 */
export function conformalModel(base: DemandModel, options: ConformalOptions = {}): ConformalDemandModel {
  const wrapped = "base" in base && "settings" in base ? (base as ConformalDemandModel) : null;
  const inner = wrapped ? wrapped.base : base;
  // Re-wrapping keeps the earlier settings unless overridden (the registry's non-negative rule, say).
  const earlier: Partial<ConformalOptions> = wrapped?.settings ?? {};
  const pick = <K extends keyof ConformalOptions>(key: K, fallback: Required<ConformalOptions>[K]) =>
    (options[key] ?? earlier[key] ?? fallback) as Required<ConformalOptions>[K];
  const settings: Required<ConformalOptions> = {
    windows: pick("windows", defaultCalibrationWindows),
    step: pick("step", "season"),
    pool: pick("pool", "auto"),
    score: pick("score", "absolute"),
    minTrain: pick("minTrain", "season"),
    nonNegative: pick("nonNegative", false),
  };
  checkConformalOptions(settings);
  return {
    name: inner.name,
    base: inner,
    settings,
    forecast(y: Float64Array, forecastOptions: ForecastOptions): Forecast {
      const own = inner.forecast(y, forecastOptions);
      const { horizon, levels } = forecastOptions;
      if (levels.length === 0) return own;
      const minTrain =
        settings.minTrain === "season" ? Math.max(2, forecastOptions.season) : settings.minTrain;
      const step =
        settings.step === "season"
          ? seasonalSpacing(y.length, forecastOptions, settings.windows, minTrain)
          : settings.step;
      const residuals = rollingOriginResiduals(inner, y, forecastOptions, settings.windows, step, minTrain);
      const q = conformalIntervals(own.mean, residuals, settings.windows, levels, settings);
      const width = 1 + 2 * levels.length;
      const rows = new Float64Array(horizon * width);
      const params: Record<string, number> = {
        ...own.params,
        calibrationWindows: q.windows,
        calibrationStep: step,
      };
      let anyConformal = false;
      for (let l = 0; l < levels.length; l++) {
        let conformalSteps = 0;
        for (let h = 0; h < horizon; h++) {
          const lo = q.lower[l]![h]!;
          const hi = q.upper[l]![h]!;
          const row = h * width;
          rows[row] = own.mean[h]!;
          if (Number.isFinite(lo) && Number.isFinite(hi)) {
            rows[row + 1 + 2 * l] = lo;
            rows[row + 2 + 2 * l] = hi;
            conformalSteps++;
          } else {
            rows[row + 1 + 2 * l] = own.lower[l]![h]!;
            rows[row + 2 + 2 * l] = own.upper[l]![h]!;
          }
        }
        params[`conformal${levels[l]}`] = conformalSteps;
        params[`poolRadius${levels[l]}`] = q.radius[l]!;
        if (conformalSteps > 0) anyConformal = true;
      }
      if (settings.nonNegative === true) applyNonNegative(rows, width, isCountSeries(y));
      else if (settings.nonNegative === "history" && !hasNegative(y)) applyNonNegative(rows, width, false);
      const mean = new Float64Array(horizon);
      const lower = levels.map(() => new Float64Array(horizon));
      const upper = levels.map(() => new Float64Array(horizon));
      for (let h = 0; h < horizon; h++) {
        mean[h] = rows[h * width]!;
        for (let l = 0; l < levels.length; l++) {
          lower[l]![h] = rows[h * width + 1 + 2 * l]!;
          upper[l]![h] = rows[h * width + 2 + 2 * l]!;
        }
      }
      return {
        mean,
        lower,
        upper,
        model: anyConformal ? `${own.model}+conformal(K=${q.windows})` : own.model,
        params,
      };
    },
  };
}

function hasNegative(y: Float64Array): boolean {
  for (let t = 0; t < y.length; t++) if (y[t]! < 0) return true;
  return false;
}

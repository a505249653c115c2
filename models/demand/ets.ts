import { invalidInput, WorkbenchError } from "../../core/errors.ts";
import { NashNelderMeadSearch, nashNelderMead } from "../optim/nash-nelder-mead.ts";
import {
  ADDITIVE,
  etsLikelihood,
  initialStates,
  inUsualRegion,
  isAdmissible,
  LOWER_BOUNDS,
  MULTIPLICATIVE,
  NONE,
  UPPER_BOUNDS,
} from "./ets-core.ts";
import { etsForecastDistribution } from "./ets-intervals.ts";
import { additiveSeasonLanes, multiplicativeSeasonLanes, noSeasonLanes } from "./ets-lanes.ts";
import { EtsObjective } from "./ets-objective.ts";
import { normalQuantileForLevel } from "./intervals.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Exponential smoothing state-space models, ETS(error, trend, season), fitted by maximum likelihood,
 * with automatic model selection by AICc (AutoETS).
 *
 * Source: Hyndman, Koehler, Snyder & Grose (2002), "A state space framework for automatic forecasting
 * using exponential smoothing methods", IJF 18(3):439–454; Hyndman, Koehler, Ord & Snyder (2008),
 * "Forecasting with Exponential Smoothing: the state space approach", Springer, ch. 2 (models), 5
 * (estimation: the concentrated likelihood n·log Σe² [+ 2 Σ log|ŷ| for multiplicative errors]),
 * 6 (prediction distributions) and 7 (selection by AICc). The recursions and likelihood are in
 * `ets-core.ts`, prediction intervals in `ets-intervals.ts`.
 *
 * Behaviour follows R forecast's `ets()` defaults (version 8.x), so that its choices can be compared:
 * - parameters α, β, γ, φ and the initial states are estimated jointly by Nelder–Mead (R's variant,
 *   `models/optim/nash-nelder-mead.ts`, at most 2000 evaluations) inside the usual region (bounds 1e-4 … 0.9999, β ≤ α,
 *   γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98) intersected with the admissible region; the candidates' searches run
 *   side by side, four trial points per pass through the lane loops of `ets-lanes.ts` (the recursion is
 *   latency-bound, so independent recursions overlap), each taking exactly the steps it takes alone;
 * - candidates: errors A and M; trends N, A, Ad (no multiplicative trend unless asked); seasons N, A, M
 *   when the season length is 2…24 and n > m; no additive error with multiplicative season or
 *   multiplicative error with multiplicative trend and additive season; multiplicative errors or
 *   season only for strictly positive data; a candidate with as many parameters as n − 1 is dropped;
 * - a constant series gets simple exponential smoothing with α = 0.99999 started at y_1 (flat forecast,
 *   zero-width intervals), and a series with n ≤ (parameters + 4) gets R's non-optimised fallback:
 *   Holt's and simple exponential smoothing started at y_1 (and y_2 − y_1), α, β ∈ [0, 1] by least squares,
 *   the one with the smaller residual variance kept.
 * AICc = −2·logL + 2k + 2k(k+1)/(n−k−1) with k = estimated parameters + initial states + 1 (σ²);
 * σ² = Σe²/(n − k + 1).
 *
 * Known differences from R 8.20 (measured on all M3 quarterly and monthly series: same model on
 * 753/756 and 1428/1428, point forecasts equal to ≤ 1e-9 where the optimiser takes the same path):
 * - admissibility of seasonal models is decided exactly (Schur–Cohn, unit root of trend-free models
 *   divided out); R's polynomial root finder reports the unit root of trend-free seasonal models as
 *   1 + 1e-10 or more when α and γ are tiny and then rejects the point, which moves its optimum on a few
 *   series (3 quarterly model choices differ; on 4 series with the same model, 3 quarterly and
 *   1 monthly, the forecasts differ by 1e-4 … 4.5e-3 relative);
 * - R's class-1 interval code puts γ on the second seasonal state for models without trend, so its
 *   ETS(A,N,A)/(M,N,A) intervals differ from the textbook ones we compute (point forecasts agree);
 * - the constant-series model is labelled "ETS(A,N,N)" (R labels it "Simple exponential smoothing");
 * - the short-series fallback finds α, β by Nelder–Mead where R uses L-BFGS-B (same criterion).
 *
 * @example
 *   const fit = fitEts(y, 12);                       // AutoETS
 *   const fc = forecastEts(fit, 18, [80, 95]);       // fc.model === fit.model, e.g. "ETS(M,Ad,M)"
 *   const holtWinters = fitEts(y, 12, { error: "M", trend: "A", season: "M", damped: false });
 */
export type EtsErrorType = "A" | "M";
export type EtsTrendType = "N" | "A" | "M";
export type EtsSeasonType = "N" | "A" | "M";

export interface EtsSpec {
  error: EtsErrorType;
  trend: EtsTrendType;
  season: EtsSeasonType;
  damped: boolean;
}

/** A model to fit: any field left out is selected automatically (R's "Z"; damped: both tried). */
export type EtsSpecRequest = Partial<EtsSpec>;

export interface EtsFit {
  /** e.g. "ETS(M,Ad,N)". */
  model: string;
  spec: EtsSpec;
  /** Season length of the model (1 when it has no season). */
  m: number;
  /** Smoothing parameters: alpha always, beta/gamma/phi when the model has them. */
  params: Record<string, number>;
  alpha: number;
  /** 0 without trend. */
  beta: number;
  /** 0 without season. */
  gamma: number;
  /** 1 without damping. */
  phi: number;
  /** Width of one state row: 1 + (trend ? 1 : 0) + (season ? m : 0); layout ℓ, b, s_1 … s_m. */
  stateSize: number;
  /** (n+1) × stateSize states, row 0 the initial state, row n the state the forecasts start from. */
  states: Float64Array;
  /** Innovations: y − ŷ (additive errors) or (y − ŷ)/ŷ (multiplicative errors). */
  residuals: Float64Array;
  /** One-step fitted values ŷ_t. */
  fitted: Float64Array;
  sigma2: number;
  /** R's log-likelihood: −½·(n log Σe² [+ 2 Σ log|ŷ|]). */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Parameters counted in the information criteria (including σ²). */
  nParams: number;
  /** The training series. */
  y: Float64Array;
}

const ERROR_CODE: Record<EtsErrorType, number> = { A: ADDITIVE, M: MULTIPLICATIVE };
const COMPONENT_CODE: Record<EtsTrendType, number> = { N: NONE, A: ADDITIVE, M: MULTIPLICATIVE };

/** ETS model string as R prints it, e.g. ETS(M,Ad,N). */
export function etsModelName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend}${spec.damped ? "d" : ""},${spec.season})`;
}

/**
 * Fits one ETS model (all of `spec` given) or selects among the candidates by AICc (fields left out).
 * Throws WorkbenchError for an empty or non-finite series, a forbidden or impossible model request
 * (multiplicative parts on data with zeros or negatives, a season longer than 24 or of length 1), or
 * when no candidate can be estimated.
 */
export function fitEts(y: Float64Array, season: number, spec: EtsSpecRequest = {}): EtsFit {
  if (y.length < 1) throw invalidInput("y", "series is empty; ETS needs at least one value");
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!))
      throw invalidInput("y", `value at position ${i} is ${y[i]}, not a finite number`);
  }
  if (!Number.isInteger(season) || season < 1)
    throw invalidInput("season", `must be an integer ≥ 1, got ${season}`);
  const n = y.length;
  const fullySpecified =
    spec.error !== undefined &&
    spec.trend !== undefined &&
    spec.season !== undefined &&
    spec.damped !== undefined;
  const nothingSpecified =
    spec.error === undefined &&
    spec.trend === undefined &&
    spec.season === undefined &&
    spec.damped === undefined;
  if (nothingSpecified && isConstant(y)) return simpleSmoothingFit(y, 0.99999);

  let m = season;
  let seasonRequest = spec.season;
  if (m < 1 || n <= m) seasonRequest = "N";
  if (m === 1) {
    if (seasonRequest === "A" || seasonRequest === "M") {
      throw invalidInput("spec.season", `a ${seasonRequest} season needs a season length > 1, got 1`);
    }
    seasonRequest = "N";
  }
  if (m > 24) {
    if (seasonRequest === "A" || seasonRequest === "M") {
      throw invalidInput(
        "season",
        `ETS handles season lengths up to 24, got ${m}; use a decomposition model`,
      );
    }
    seasonRequest = "N";
  }
  if (seasonRequest === "N") m = 1;
  const errorRequest = spec.error;
  const trendRequest = spec.trend;
  if (
    (errorRequest === "A" && (trendRequest === "M" || seasonRequest === "M")) ||
    (errorRequest === "M" && trendRequest === "M" && seasonRequest === "A")
  ) {
    throw invalidInput(
      "spec",
      `ETS(${errorRequest},${trendRequest ?? "Z"},${seasonRequest ?? "Z"}) is a forbidden combination (infinite forecast variance)`,
    );
  }
  let minimum = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) if (y[i]! < minimum) minimum = y[i]!;
  const positive = minimum > 0;
  if (!positive && (errorRequest === "M" || trendRequest === "M" || seasonRequest === "M")) {
    throw invalidInput(
      "y",
      "multiplicative components need strictly positive data; the series has zeros or negatives",
    );
  }
  if (spec.damped === true && trendRequest === "N") {
    throw invalidInput("spec.damped", "a damped model needs a trend");
  }

  // R's guard for tiny series: too few observations for the requested parameters.
  let npars = 2;
  if (trendRequest === "A" || trendRequest === "M") npars += 2;
  if (seasonRequest === "A" || seasonRequest === "M") npars += m;
  if (spec.damped === true) npars += 1;
  if (n <= npars + 4) return tinySeriesFit(y, trendRequest, seasonRequest);

  const errors: EtsErrorType[] = errorRequest === undefined ? ["A", "M"] : [errorRequest];
  const trends: EtsTrendType[] = trendRequest === undefined ? ["N", "A"] : [trendRequest];
  const seasons: EtsSeasonType[] = seasonRequest === undefined ? ["N", "A", "M"] : [seasonRequest];
  const dampings: boolean[] = spec.damped === undefined ? [true, false] : [spec.damped];
  const candidates: EtsCandidate[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const seasonType of seasons) {
        for (const damped of dampings) {
          if (trend === "N" && damped) continue;
          if (error === "A" && (trend === "M" || seasonType === "M")) continue;
          if (error === "M" && trend === "M" && seasonType === "A") continue;
          if (!positive && (error === "M" || trend === "M" || seasonType === "M")) continue;
          const candidate = prepareCandidate(y, seasonType === "N" ? 1 : m, {
            error,
            trend,
            season: seasonType,
            damped,
          });
          if (candidate !== null) candidates.push(candidate);
        }
      }
    }
  }
  runSearches(candidates);
  // in candidate order, so that a tie goes to the earlier model as in R
  let best: EtsFit | null = null;
  for (const candidate of candidates) {
    const fit = finishCandidate(candidate);
    if (fit !== null && fit.aicc < (best?.aicc ?? Number.POSITIVE_INFINITY)) best = fit;
  }
  if (best === null) {
    throw new WorkbenchError(
      "SOLVER_FAILED",
      `y: no ETS model could be estimated${fullySpecified ? ` for ${etsModelName(spec as EtsSpec)}` : ""} (n = ${n}, season ${season})`,
      { field: "y" },
    );
  }
  return best;
}

/** One candidate model under estimation: its objective and its Nelder–Mead search. */
interface EtsCandidate {
  spec: EtsSpec;
  m: number;
  objective: EtsObjective;
  search: NashNelderMeadSearch;
  /** Estimated parameters and initial states. */
  nFree: number;
}

/**
 * Starting point and search for the maximum-likelihood fit of one model; null when R would give up on it
 * (too short, infeasible start).
 */
function prepareCandidate(y: Float64Array, m: number, spec: EtsSpec): EtsCandidate | null {
  const n = y.length;
  const errorType = ERROR_CODE[spec.error];
  const trendType = COMPONENT_CODE[spec.trend];
  const seasonType = COMPONENT_CODE[spec.season];
  const hasTrend = trendType !== NONE;
  const hasSeason = seasonType !== NONE;
  const damped = spec.damped;
  if (hasSeason && n < 4) return null;

  // Starting values as R forecast's initparam(): α near the lower bound scaled by 1/m, β = α/10, …
  const alpha0 = LOWER_BOUNDS[0]! + (0.2 * (UPPER_BOUNDS[0]! - LOWER_BOUNDS[0]!)) / m;
  const start: number[] = [alpha0];
  let beta0 = 0;
  if (hasTrend) {
    const upper = Math.min(UPPER_BOUNDS[1]!, alpha0);
    beta0 = LOWER_BOUNDS[1]! + 0.1 * (upper - LOWER_BOUNDS[1]!);
    if (beta0 < 0 || beta0 > alpha0) beta0 = alpha0 - 1e-3;
    start.push(beta0);
  }
  let gamma0 = 0;
  if (hasSeason) {
    const upper = Math.min(UPPER_BOUNDS[2]!, 1 - alpha0);
    gamma0 = LOWER_BOUNDS[2]! + 0.05 * (upper - LOWER_BOUNDS[2]!);
    if (gamma0 < 0 || gamma0 > 1 - alpha0) gamma0 = 1 - alpha0 - 1e-3;
    start.push(gamma0);
  }
  let phi0 = 1;
  if (damped) {
    phi0 = LOWER_BOUNDS[3]! + 0.99 * (UPPER_BOUNDS[3]! - LOWER_BOUNDS[3]!);
    start.push(phi0);
  }
  const scratch = new Float64Array(2 * m + 6);
  if (
    !inUsualRegion(alpha0, beta0, gamma0, phi0, hasTrend, hasSeason, damped) ||
    !isAdmissible(alpha0, beta0, gamma0, phi0, m, hasTrend, hasSeason, scratch)
  ) {
    return null;
  }
  const init = initialStates(y, m, trendType, seasonType);
  for (let i = 0; i < init.length; i++) start.push(init[i]!);
  const nFree = start.length;
  if (nFree >= n - 1) return null;
  return {
    spec,
    m,
    objective: new EtsObjective(y, m, errorType, trendType, seasonType, damped),
    search: new NashNelderMeadSearch(start, undefined, 2000),
    nFree,
  };
}

const LANES = 4;

/**
 * Runs the Nelder–Mead searches of all candidates to the end, up to four at a time through the lane loops
 * of `ets-lanes.ts` (candidates with the same season type share a loop; multiplicative-trend models run
 * alone). Every search takes exactly the steps it would take alone: only the order in which the
 * independent searches' points are evaluated changes.
 */
function runSearches(candidates: readonly EtsCandidate[]): void {
  let m = 1;
  for (const candidate of candidates) m = Math.max(m, candidate.objective.m);
  const ring = new Float64Array(LANES * m);
  // Models without season share the additive-season loop (zero seasonals, γ = 0), so that up to twelve
  // searches fill the lanes; multiplicative seasons have their own loop; multiplicative trends run alone.
  const additive = candidates.filter(
    (c) => c.objective.trendType !== MULTIPLICATIVE && c.objective.seasonType !== MULTIPLICATIVE,
  );
  const multiplicative = candidates.filter(
    (c) => c.objective.trendType !== MULTIPLICATIVE && c.objective.seasonType === MULTIPLICATIVE,
  );
  const alone = candidates.filter((c) => c.objective.trendType === MULTIPLICATIVE);
  runPool(additive, m === 1 ? NONE : ADDITIVE, LANES, ring, m);
  runPool(multiplicative, MULTIPLICATIVE, LANES, ring, m);
  runPool(alone, NONE, 1, ring, m);
}

/** Runs the searches of `pool` to the end, `width` at a time, through the lane loop of `seasonType`. */
function runPool(
  pool: readonly EtsCandidate[],
  seasonType: number,
  width: number,
  ring: Float64Array,
  m: number,
): void {
  // a candidate keeps its slot (and so its lane) until its search ends: the lane loops' per-lane
  // branches (error type, trend) then stay predictable from one batch to the next
  const slots: (EtsCandidate | null)[] = new Array<EtsCandidate | null>(width).fill(null);
  const lanes: EtsObjective[] = [];
  const searches: NashNelderMeadSearch[] = [];
  let next = 0;
  for (;;) {
    let count = 0;
    for (let s = 0; s < width; s++) {
      let candidate = slots[s] ?? null;
      for (;;) {
        if (candidate === null) {
          if (next === pool.length) break;
          candidate = pool[next++]!;
        }
        const { objective, search } = candidate;
        // points outside the region are answered at once: they cost no recursion
        while (!search.done && !objective.prepare(search.trial)) search.tell(Number.POSITIVE_INFINITY);
        if (!search.done) {
          lanes[count] = objective;
          searches[count] = search;
          count++;
          break;
        }
        candidate = null;
      }
      slots[s] = candidate;
    }
    if (count === 0) return;
    if (count === 1) lanes[0]!.recursion();
    else if (seasonType === NONE) noSeasonLanes(lanes, count);
    else if (seasonType === ADDITIVE) additiveSeasonLanes(lanes, count, ring, m);
    else multiplicativeSeasonLanes(lanes, count, ring, m);
    for (let i = 0; i < count; i++) searches[i]!.tell(lanes[i]!.result());
  }
}

/** The fit at the end of a candidate's search; null when R would drop the model. */
function finishCandidate(candidate: EtsCandidate): EtsFit | null {
  const { spec, m, nFree } = candidate;
  const y = candidate.objective.y;
  const n = y.length;
  const { errorType, trendType, seasonType, hasTrend, hasSeason, damped } = candidate.objective;
  const result = candidate.search.result();
  if (result.fail === 20) return null;
  const p = 1 + (hasTrend ? 1 : 0) + (hasSeason ? m : 0);
  const par = result.x;
  const alpha = par[0]!;
  let i = 1;
  const beta = hasTrend ? par[i++]! : 0;
  const gamma = hasSeason ? par[i++]! : 0;
  const phi = damped ? par[i]! : 1;
  candidate.objective.unpackState(par);
  const states = new Float64Array((n + 1) * p);
  const residuals = new Float64Array(n);
  const lik = etsLikelihood(
    y,
    m,
    errorType,
    trendType,
    seasonType,
    alpha,
    beta,
    gamma,
    phi,
    candidate.objective.x0,
    new Float64Array(Math.max(m, 1)),
    residuals,
    states,
  );
  if (Number.isNaN(lik)) return null;
  // a perfect fit (Σe² = 0) has L = −∞; R's optimiser caps it at −1e10, and so do we for the criteria
  const cappedLik = Math.max(lik, -1e10);
  const params: Record<string, number> = { alpha };
  if (hasTrend) params.beta = beta;
  if (hasSeason) params.gamma = gamma;
  if (damped) params.phi = phi;
  return assembleFit(y, m, spec, params, alpha, beta, gamma, phi, p, states, residuals, cappedLik, nFree);
}

function assembleFit(
  y: Float64Array,
  m: number,
  spec: EtsSpec,
  params: Record<string, number>,
  alpha: number,
  beta: number,
  gamma: number,
  phi: number,
  stateSize: number,
  states: Float64Array,
  residuals: Float64Array,
  lik: number,
  nFree: number,
): EtsFit {
  const n = y.length;
  const fitted = new Float64Array(n);
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const e = residuals[t]!;
    fitted[t] = spec.error === "A" ? y[t]! - e : y[t]! / (1 + e);
    sse += e * e;
  }
  const k = nFree + 1;
  const aic = lik + 2 * k;
  const aicc = aic + (2 * k * (k + 1)) / (n - k - 1);
  const bic = lik + Math.log(n) * k;
  return {
    model: etsModelName(spec),
    spec,
    m,
    params,
    alpha,
    beta,
    gamma,
    phi,
    stateSize,
    states,
    residuals,
    fitted,
    sigma2: sse / (n - nFree),
    logLik: -0.5 * lik,
    aic,
    aicc,
    bic,
    nParams: k,
    y,
  };
}

/** R's is.constant(): all.equal(y, rep(y[1], n)), i.e. mean relative difference below 1.5e-8. */
function isConstant(y: Float64Array): boolean {
  let diff = 0;
  let scale = 0;
  for (let t = 0; t < y.length; t++) {
    diff += Math.abs(y[t]! - y[0]!);
    scale += Math.abs(y[t]!);
  }
  return scale > 0 ? diff / scale < 1.5e-8 : diff < 1.5e-8;
}

/**
 * Holt's linear method (ℓ_0 = y_1, b_0 = y_2 − y_1) or simple exponential smoothing (ℓ_0 = y_1) with
 * given or least-squares α, β ∈ [0, 1]: R's `HoltWintersZZ`, used when the series is too short to
 * estimate a state-space model. σ² is the mean squared residual, as R computes it there.
 */
function simpleSmoothingFit(y: Float64Array, fixedAlpha: number | null, trend = false): EtsFit {
  const n = y.length;
  const p = trend ? 2 : 1;
  const l0 = y[0]!;
  const b0 = trend ? y[1]! - y[0]! : 0;
  const states = new Float64Array((n + 1) * p);
  const residuals = new Float64Array(n);
  const sumOfSquares = (alpha: number, beta: number, keep: boolean): number => {
    let level = l0;
    let growth = b0;
    let sse = 0;
    if (keep) {
      states[0] = level;
      if (trend) states[1] = growth;
    }
    for (let t = 0; t < n; t++) {
      const forecast = level + growth;
      const e = y[t]! - forecast;
      sse += e * e;
      const newLevel = alpha * y[t]! + (1 - alpha) * forecast;
      if (trend) growth = beta * (newLevel - level) + (1 - beta) * growth;
      level = newLevel;
      if (keep) {
        residuals[t] = e;
        states[(t + 1) * p] = level;
        if (trend) states[(t + 1) * p + 1] = growth;
      }
    }
    return sse;
  };
  let alpha = fixedAlpha ?? 0.2;
  let beta = trend ? 0.02 : 0;
  if (fixedAlpha === null) {
    const boxed = (x: Float64Array): number => {
      const a = x[0]!;
      const b = trend ? x[1]! : 0;
      if (a < 0 || a > 1 || b < 0 || b > 1) return Number.POSITIVE_INFINITY;
      return sumOfSquares(a, b, false);
    };
    const result = nashNelderMead(boxed, trend ? [alpha, beta] : [alpha], undefined, 2000);
    if (result.fail !== 20) {
      alpha = result.x[0]!;
      if (trend) beta = result.x[1]!;
    }
  }
  const sse = sumOfSquares(alpha, beta, true);
  const spec: EtsSpec = { error: "A", trend: trend ? "A" : "N", season: "N", damped: false };
  // Holt's β is per unit of level change; the state-space form (and the interval formulas) use α·β.
  const betaStar = alpha * beta;
  const params: Record<string, number> = trend ? { alpha, beta: betaStar } : { alpha };
  const fit = assembleFit(y, 1, spec, params, alpha, betaStar, 0, 1, p, states, residuals, Number.NaN, p + 1);
  fit.sigma2 = sse / n;
  return fit;
}

/** R's fallback for tiny series (n ≤ parameters + 4): Holt or SES, whichever has smaller σ². */
function tinySeriesFit(
  y: Float64Array,
  trendRequest: EtsTrendType | undefined,
  seasonRequest: EtsSeasonType | undefined,
): EtsFit {
  const n = y.length;
  if (trendRequest === "M" || seasonRequest === "A" || seasonRequest === "M") {
    throw invalidInput(
      "y",
      `series of ${n} values is too short to estimate the requested ${trendRequest === "M" ? "multiplicative trend" : "season"}`,
    );
  }
  if (trendRequest === "N") return simpleSmoothingFit(y, null, false);
  if (trendRequest === "A") {
    if (n < 2) throw invalidInput("y", "a trend needs at least two values");
    return simpleSmoothingFit(y, null, true);
  }
  const ses = simpleSmoothingFit(y, null, false);
  if (n < 2) return ses;
  const holt = simpleSmoothingFit(y, null, true);
  return holt.sigma2 < ses.sigma2 ? holt : ses;
}

/**
 * Forecast means and prediction intervals from a fitted ETS model, steps 1..horizon.
 * Means and variances are analytic for Hyndman et al. (2008) classes 1–3 (ch. 6); the other models
 * (multiplicative trend; additive error with multiplicative season) use 5000 simulated sample paths
 * from a fixed seed, as R forecast does (see `ets-intervals.ts`).
 */
export function forecastEts(fit: EtsFit, horizon: number, levels: readonly number[]): Forecast {
  if (!Number.isInteger(horizon) || horizon < 1)
    throw invalidInput("horizon", `must be an integer ≥ 1, got ${horizon}`);
  for (const level of levels) {
    if (!(level > 0 && level < 100))
      throw invalidInput("levels", `each level must be in (0, 100), got ${level}`);
  }
  const distribution = etsForecastDistribution(fit, horizon, levels);
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (let l = 0; l < levels.length; l++) {
    const lo = new Float64Array(horizon);
    const hi = new Float64Array(horizon);
    if (distribution.variance !== null) {
      const z = normalQuantileForLevel(levels[l]!);
      for (let h = 0; h < horizon; h++) {
        const half = z * Math.sqrt(Math.max(distribution.variance[h]!, 0));
        lo[h] = distribution.mean[h]! - half;
        hi[h] = distribution.mean[h]! + half;
      }
    } else {
      lo.set(distribution.lower![l]!);
      hi.set(distribution.upper![l]!);
    }
    lower.push(lo);
    upper.push(hi);
  }
  const params: Record<string, number> = { ...fit.params, sigma2: fit.sigma2 };
  // the short-series fallback has no likelihood (R's HoltWintersZZ neither): no AICc to report
  if (Number.isFinite(fit.aicc)) params.aicc = fit.aicc;
  return { mean: distribution.mean, lower, upper, model: fit.model, params };
}

/** AutoETS behind the DemandModel interface (name "ets"). */
export const etsModel: DemandModel = {
  name: "ets",
  forecast(y: Float64Array, options: ForecastOptions): Forecast {
    checkSeries(y, options);
    return forecastEts(fitEts(y, options.season), options.horizon, options.levels);
  },
};

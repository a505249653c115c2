import { WorkbenchError } from "../../../core/errors.ts";
import { Arena } from "./arena.ts";
import { type ArimaFit, type ArimaSpec, arimaName, tryFitArima } from "./arima.ts";
import { firstDifference, isConstant, ndiffs } from "./kpss.ts";
import { olsResiduals } from "./regression.ts";
import { nsdiffs, seasonalDifference } from "./seasonal-strength.ts";

/**
 * Automatic ARIMA order selection by the stepwise algorithm of Hyndman & Khandakar (2008), "Automatic time
 * series forecasting: the forecast package for R", J. Statistical Software 27(3), §3.2, with the defaults and
 * tie rules of R's `forecast::auto.arima` 8.x:
 *  1. D from the seasonal-strength heuristic (STL strength > 0.64; no test when n ≤ 2m), d from repeated KPSS
 *     tests at 5% on the seasonally differenced series; with regressors both are chosen on the residuals of
 *     a least-squares fit of y on them.
 *  2. Start models ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) with a constant
 *     (an intercept when d + D = 0, a drift when d + D = 1, none otherwise), then (0,d,0)(0,D,0) without.
 *  3. From the best model, vary P, Q, then p, q by ±1 (alone and together) and toggle the constant, moving to
 *     the first neighbour that lowers the AICc, until none does or 94 models were tried. Bounds: p, q ≤ 5,
 *     P, Q ≤ 2, p, q < m when seasonal terms are allowed, each ≤ n/3 (seasonal: n/3m).
 *  4. A model whose AR or MA polynomial has a root of modulus below 1.01 is rejected (AICc = ∞).
 *  5. With `approximation` (default when n > 150 or m > 12), models are compared by CSS plus an offset and
 *     the best ones are refitted by exact ML until one is acceptable.
 */
export interface AutoArimaOptions {
  /** Season length m (1 for none). */
  season: number;
  /** Fix d or D instead of testing. */
  d?: number;
  D?: number;
  maxP?: number;
  maxQ?: number;
  maxSeasonalP?: number;
  maxSeasonalQ?: number;
  maxD?: number;
  maxSeasonalD?: number;
  ic?: "aicc" | "aic" | "bic";
  approximation?: boolean;
  allowDrift?: boolean;
  allowMean?: boolean;
  /** Exogenous regressors over the history (regression with ARIMA errors). */
  xreg?: readonly Float64Array[];
  xregNames?: readonly string[];
  /** Cap on the number of models tried; default 94 as in R. */
  maxModels?: number;
}

export interface CandidateModel {
  spec: ArimaSpec;
  ic: number;
}

export interface AutoArimaResult {
  fit: ArimaFit;
  /** R-style name, e.g. "ARIMA(0,1,1)(0,1,1)[12]". */
  name: string;
  /** Every model tried, in order, with its criterion (Infinity when rejected or failed). */
  tried: CandidateModel[];
}

interface Scored {
  fit: ArimaFit | null;
  ic: number;
}

/**
 * Scores one candidate as R's `myarima` does: information criterion, or Infinity when the fit fails or a
 * root is within 1.01 of the unit circle.
 */
function scoreModel(
  y: Float64Array,
  spec: ArimaSpec,
  ic: "aicc" | "aic" | "bic",
  approximation: boolean,
  offset: number,
  xreg: readonly Float64Array[] | undefined,
  xregNames: readonly string[] | undefined,
  arena: Arena,
): Scored {
  arena.reset();
  const fit = tryFitArima(y, spec, {
    arena,
    method: approximation ? "CSS" : "CSS-ML",
    ...(xreg ? { xreg } : {}),
    ...(xregNames ? { xregNames } : {}),
  });
  if (!fit) return { fit: null, ic: Number.POSITIVE_INFINITY };
  const nStar = fit.nobs;
  const npar = fit.npar;
  let aic = fit.aic;
  if (approximation) aic = offset + nStar * Math.log(fit.sigma2ML) + 2 * npar;
  if (Number.isNaN(aic)) return { fit, ic: Number.POSITIVE_INFINITY };
  const bic = aic + npar * (Math.log(nStar) - 2);
  const aicc = aic + (2 * npar * (npar + 1)) / (nStar - npar - 1);
  if (approximation) {
    fit.aic = aic;
    fit.aicc = aicc;
    fit.bic = bic;
  }
  let value = ic === "bic" ? bic : ic === "aic" ? aic : aicc;
  if (Number.isNaN(value)) value = Number.POSITIVE_INFINITY;
  if (fit.minRoot < 1.01) value = Number.POSITIVE_INFINITY;
  return { fit, ic: value };
}

export function autoArima(y: Float64Array, options: AutoArimaOptions): AutoArimaResult {
  const n = y.length;
  const xreg = options.xreg && options.xreg.length > 0 ? options.xreg : undefined;
  const xregNames = options.xregNames;
  const allowMeanOption = options.allowMean ?? true;
  const allowDriftOption = options.allowDrift ?? true;
  const tried: CandidateModel[] = [];

  if (isConstant(y)) {
    const spec: ArimaSpec = { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: allowMeanOption };
    let mean = 0;
    for (let t = 0; t < n; t++) mean += y[t]!;
    mean /= n;
    const fit = tryFitArima(y, spec, allowMeanOption ? { fixedBeta: Float64Array.of(mean) } : {});
    if (!fit)
      throw new WorkbenchError("SOLVER_FAILED", "y: no ARIMA model could be fitted to a constant series");
    return { fit, name: arimaName(fit), tried };
  }

  let ic = options.ic ?? "aicc";
  let m = Math.round(options.season);
  if (!(m >= 1)) m = 1;
  let maxP = Math.min(options.maxP ?? 5, Math.floor(n / 3));
  let maxQ = Math.min(options.maxQ ?? 5, Math.floor(n / 3));
  let maxSP = Math.min(options.maxSeasonalP ?? 2, Math.floor(n / 3 / m));
  let maxSQ = Math.min(options.maxSeasonalQ ?? 2, Math.floor(n / 3 / m));
  if (n <= 3) ic = "aic";

  // Series for the differencing tests: y, or the residuals of y on the regressors.
  let xx = y;
  let xregTest: Float64Array[] | undefined;
  if (xreg) {
    const varying = xreg.filter((x) => !isConstant(x));
    if (varying.length > 0) {
      xregTest = varying;
      xx = olsResiduals(y, varying, xregNames);
    }
  }

  let D: number;
  if (m === 1) {
    D = 0;
    maxSP = 0;
    maxSQ = 0;
  } else if (options.D !== undefined) {
    D = options.D;
  } else if (xx.length <= 2 * m) {
    D = 0;
  } else {
    D = nsdiffs(xx, m, options.maxSeasonalD ?? 1);
    if (D > 0 && xregTest?.some((x) => isConstant(seasonalDiffTimes(x, m, D)))) D--;
  }
  let dx = D > 0 ? seasonalDiffTimes(xx, m, D) : xx;
  let d: number;
  if (options.d !== undefined) {
    d = options.d;
  } else {
    d = ndiffs(dx, 0.05, options.maxD ?? 2);
    if (d > 0 && xregTest) {
      const dxreg = xregTest.map((x) => diffTimes(D > 0 ? seasonalDiffTimes(x, m, D) : x, d));
      if (dxreg.some((x) => isConstant(x))) d--;
    }
  }
  if (d > 0) dx = diffTimes(dx, d);
  if (dx.length === 0) {
    throw new WorkbenchError(
      "INVALID_MODEL_INPUT",
      `y: ${n} values are not enough for ${d} difference(s) and ${D} seasonal difference(s) of lag ${m}`,
      { field: "y" },
    );
  }
  const seasonM = D > 0 ? m : 1;
  if (isConstant(dx)) {
    let mean = 0;
    for (let t = 0; t < dx.length; t++) mean += dx[t]!;
    mean /= dx.length;
    let fit: ArimaFit | null;
    const base: ArimaSpec = { p: 0, d, q: 0, P: 0, D, Q: 0, m: seasonM, constant: false };
    if (xreg) {
      fit = tryFitArima(y, base, { xreg, ...(xregNames ? { xregNames } : {}) });
    } else if (D > 0 && d === 0) {
      fit = tryFitArima(y, { ...base, constant: true }, { fixedBeta: Float64Array.of(mean / m) });
    } else if (D > 0 && d > 0) {
      fit = tryFitArima(y, base);
    } else if (d === 2) {
      fit = tryFitArima(y, base);
    } else if (d < 2) {
      fit = tryFitArima(y, { ...base, constant: true }, { fixedBeta: Float64Array.of(mean) });
    } else {
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        "y: the data follow a simple polynomial and are not suitable for ARIMA modelling",
        { field: "y" },
      );
    }
    if (!fit) throw new WorkbenchError("SOLVER_FAILED", "y: no suitable ARIMA model found", { field: "y" });
    return { fit, name: arimaName(fit), tried };
  }

  if (m > 1) {
    if (maxSP > 0) maxP = Math.min(maxP, m - 1);
    if (maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  }
  const approximation = options.approximation ?? (n > 150 || m > 12);
  let offset = 0;
  if (approximation) {
    const base = tryFitArima(
      y,
      { p: 0, d, q: 0, P: 0, D, Q: 0, m, constant: d + D === 0 },
      { ...(xreg ? { xreg } : {}), ...(xregNames ? { xregNames } : {}) },
    );
    offset = base ? -2 * base.loglik - n * Math.log(base.sigma2ML) : 0;
  }
  const allowDrift = allowDriftOption && d + D === 1;
  const allowMean = allowMeanOption && d + D === 0;
  let constant = allowDrift || allowMean;

  const maxModels = options.maxModels ?? 94;
  const arena = new Arena();
  const fitModel = (p: number, q: number, P: number, Q: number, c: boolean): Scored => {
    const spec: ArimaSpec = { p, d, q, P, D, Q, m, constant: c };
    const scored = scoreModel(y, spec, ic, approximation, offset, xreg, xregNames, arena);
    tried.push({ spec, ic: scored.ic });
    return scored;
  };
  const isNew = (p: number, q: number, P: number, Q: number, c: boolean): boolean =>
    !tried.some(
      (t) => t.spec.p === p && t.spec.q === q && t.spec.P === P && t.spec.Q === Q && t.spec.constant === c,
    );

  let startP = 2;
  let startQ = 2;
  let startSP = 1;
  let startSQ = 1;
  if (n < 10) {
    startP = Math.min(startP, 1);
    startQ = Math.min(startQ, 1);
    startSP = 0;
    startSQ = 0;
  }
  let p = Math.min(startP, maxP);
  let q = Math.min(startQ, maxQ);
  let P = Math.min(startSP, maxSP);
  let Q = Math.min(startSQ, maxSQ);
  let best = fitModel(p, q, P, Q, constant);
  let fit = fitModel(0, 0, 0, 0, constant);
  if (fit.ic < best.ic) {
    best = fit;
    p = q = P = Q = 0;
  }
  if (maxP > 0 || maxSP > 0) {
    const p1 = maxP > 0 ? 1 : 0;
    const P1 = m > 1 && maxSP > 0 ? 1 : 0;
    fit = fitModel(p1, 0, P1, 0, constant);
    if (fit.ic < best.ic) {
      best = fit;
      p = p1;
      P = P1;
      q = Q = 0;
    }
  }
  if (maxQ > 0 || maxSQ > 0) {
    const q1 = maxQ > 0 ? 1 : 0;
    const Q1 = m > 1 && maxSQ > 0 ? 1 : 0;
    fit = fitModel(0, q1, 0, Q1, constant);
    if (fit.ic < best.ic) {
      best = fit;
      p = P = 0;
      q = q1;
      Q = Q1;
    }
  }
  if (constant) {
    fit = fitModel(0, 0, 0, 0, false);
    if (fit.ic < best.ic) {
      best = fit;
      p = q = P = Q = 0;
      // R leaves `constant` as it was here; the search goes on from the model with the constant.
    }
  }

  // The neighbours, in R's order: seasonal moves first, then non-seasonal, then the constant.
  const moves: ReadonlyArray<readonly [number, number, number, number]> = [
    [0, 0, -1, 0],
    [0, 0, 0, -1],
    [0, 0, 1, 0],
    [0, 0, 0, 1],
    [0, 0, -1, -1],
    [0, 0, -1, 1],
    [0, 0, 1, -1],
    [0, 0, 1, 1],
    [-1, 0, 0, 0],
    [0, -1, 0, 0],
    [1, 0, 0, 0],
    [0, 1, 0, 0],
    [-1, -1, 0, 0],
    [-1, 1, 0, 0],
    [1, -1, 0, 0],
    [1, 1, 0, 0],
  ];
  let k = tried.length;
  let startK = 0;
  outer: while (startK < k && k < maxModels) {
    startK = k;
    for (const [dp, dq, dP, dQ] of moves) {
      const np = p + dp;
      const nq = q + dq;
      const nP = P + dP;
      const nQ = Q + dQ;
      if (np < 0 || nq < 0 || nP < 0 || nQ < 0 || np > maxP || nq > maxQ || nP > maxSP || nQ > maxSQ)
        continue;
      if (!isNew(np, nq, nP, nQ, constant)) continue;
      k++;
      if (k > maxModels) continue outer;
      fit = fitModel(np, nq, nP, nQ, constant);
      if (fit.ic < best.ic) {
        best = fit;
        p = np;
        q = nq;
        P = nP;
        Q = nQ;
        continue outer;
      }
    }
    if (allowDrift || allowMean) {
      if (isNew(p, q, P, Q, !constant)) {
        k++;
        if (k > maxModels) continue;
        fit = fitModel(p, q, P, Q, !constant);
        if (fit.ic < best.ic) {
          best = fit;
          constant = !constant;
        }
      }
    }
  }

  if (approximation && best.fit) {
    const order = tried
      .map((t, i) => ({ t, i }))
      .sort((a, b) => (a.t.ic === b.t.ic ? a.i - b.i : a.t.ic < b.t.ic ? -1 : 1));
    for (const { t } of order) {
      const refit = scoreModel(y, t.spec, ic, false, 0, xreg, xregNames, arena);
      if (refit.ic < Number.POSITIVE_INFINITY) {
        best = refit;
        break;
      }
    }
  }
  if (!best.fit || best.ic === Number.POSITIVE_INFINITY) {
    throw new WorkbenchError("SOLVER_FAILED", "y: no suitable ARIMA model found", { field: "y" });
  }
  return { fit: best.fit, name: arimaName(best.fit), tried };
}

function seasonalDiffTimes(x: Float64Array, m: number, times: number): Float64Array {
  let out = x;
  for (let i = 0; i < times; i++) out = seasonalDifference(out, m);
  return out;
}

function diffTimes(x: Float64Array, times: number): Float64Array {
  let out = x;
  for (let i = 0; i < times; i++) out = firstDifference(out);
  return out;
}

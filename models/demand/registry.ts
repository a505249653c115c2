import { adidaModel } from "./adida.ts";
import { arimaModel } from "./arima.ts";
import { makeAutoSelect } from "./auto.ts";
import { conformalModel } from "./conformal.ts";
import { crostonModel } from "./croston.ts";
import { dotmModel } from "./dotm.ts";
import { driftModel } from "./drift.ts";
import { makeEnsemble } from "./ensemble.ts";
import { etsModel } from "./ets.ts";
import { holtModel } from "./holt.ts";
import { imapaModel } from "./imapa.ts";
import { meanModel } from "./mean.ts";
import { movingAverageModel } from "./moving-average.ts";
import { makeMstlModel } from "./mstl.ts";
import { naiveModel } from "./naive.ts";
import { otmModel } from "./otm.ts";
import { sbaModel } from "./sba.ts";
import { sesModel } from "./ses.ts";
import { snaiveModel } from "./snaive.ts";
import { thetaModel } from "./theta.ts";
import { tsbModel } from "./tsb.ts";
import type { DemandModel } from "./types.ts";

/**
 * The methods without a stochastic model (Croston and its variants, ADIDA, IMAPA, the moving average) get
 * split-conformal intervals from 20 rolling-origin refits (see conformal.ts); their own in-sample intervals
 * remain the fallback for series too short to calibrate. Wrapped here rather than in the model files so
 * that each model file keeps one method (its point forecast and its own intervals, compared with R and
 * closed forms in its tests) and the calibration lives in one place, shared with `--intervals conformal`.
 * The intermittent methods keep their rule of flooring at zero when the history has no negative value.
 */
const intermittent = { nonNegative: "history" } as const;
const croston = conformalModel(crostonModel, intermittent);
const sba = conformalModel(sbaModel, intermittent);
const tsb = conformalModel(tsbModel, intermittent);
const adida = conformalModel(adidaModel, intermittent);
const imapa = conformalModel(imapaModel, intermittent);
const movingAverage = conformalModel(movingAverageModel);

/** ETS, ARIMA and Theta combined with equal weights (see ensemble.ts). */
const ensembleModel = makeEnsemble("ensemble", [etsModel, arimaModel, thetaModel]);

/**
 * `auto`: per series, the candidate with the lowest rolling validation error (see auto.ts). The smooth-demand
 * statistical models and the combination compete with the intermittent-demand methods, so slow movers get
 * Croston-type forecasts where those validate better; the combination stays unless another candidate beats
 * its validation error by 20%.
 */
const autoModel = makeAutoSelect(
  "auto",
  [ensembleModel, etsModel, arimaModel, thetaModel, tsb, sba, snaiveModel],
  2,
  0.2,
);

/** Every demand model by its CLI/API name. */
export const demandModels: Readonly<Record<string, DemandModel>> = Object.freeze({
  naive: naiveModel,
  snaive: snaiveModel,
  mean: meanModel,
  drift: driftModel,
  ma: movingAverage,
  ses: sesModel,
  holt: holtModel,
  ets: etsModel,
  arima: arimaModel,
  theta: thetaModel,
  otm: otmModel,
  dotm: dotmModel,
  mstl: makeMstlModel(etsModel),
  croston,
  sba,
  tsb,
  adida,
  imapa,
  ensemble: ensembleModel,
  auto: autoModel,
});

export function demandModelNames(): string[] {
  return Object.keys(demandModels);
}

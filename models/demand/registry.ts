import { adidaModel } from "./adida.ts";
import { arimaModel } from "./arima.ts";
import { makeAutoSelect } from "./auto.ts";
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
  [ensembleModel, etsModel, arimaModel, thetaModel, tsbModel, sbaModel, snaiveModel],
  2,
  0.2,
);

/** Every demand model by its CLI/API name. */
export const demandModels: Readonly<Record<string, DemandModel>> = Object.freeze({
  naive: naiveModel,
  snaive: snaiveModel,
  mean: meanModel,
  drift: driftModel,
  ma: movingAverageModel,
  ses: sesModel,
  holt: holtModel,
  ets: etsModel,
  arima: arimaModel,
  theta: thetaModel,
  otm: otmModel,
  dotm: dotmModel,
  mstl: makeMstlModel(etsModel),
  croston: crostonModel,
  sba: sbaModel,
  tsb: tsbModel,
  adida: adidaModel,
  imapa: imapaModel,
  ensemble: ensembleModel,
  auto: autoModel,
});

export function demandModelNames(): string[] {
  return Object.keys(demandModels);
}

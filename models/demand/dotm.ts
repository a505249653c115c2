import { thetaModelForecast } from "./otm.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";

/**
 * Dynamic Optimised Theta Model (DOTM): as OTM, but the trend line is re-estimated at every step from the
 * data seen so far, so the forecast adapts to changes in trend:
 *
 *   μ_{t+1} = ℓ_t + (1 − 1/θ) [ A_t (1 − α)^t + B_t (1 − (1 − α)^{t+1}) / α ],
 *   ℓ_{t+1} = α y_{t+1} + (1 − α) ℓ_t,
 *   Ȳ_{t+1} = (t Ȳ_t + y_{t+1}) / (t + 1),
 *   B_{t+1} = [ (t − 1) B_t + 6 (y_{t+1} − Ȳ_t) / (t + 1) ] / (t + 2),
 *   A_{t+1} = Ȳ_{t+1} − B_{t+1} (t + 2) / 2,
 *
 * started at A_1 = y_1, B_1 = 0, μ_1 = y_1 (t counted from 1). ℓ_0, α and θ ≥ 1 minimise the squared
 * one-step errors from t = 3 on; forecasts run the same recursion with μ in place of y. Seasonal data are
 * adjusted first (see OTM). Intervals: σ √(1 + (h − 1) α²), an approximation (see `thetaModelForecast`).
 * The best single method on M3 in the paper (sMAPE 12.90 over the 3003 series).
 *
 * Source: Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler (2016), IJF 32(4):1151–1161, §4.
 */
export function dynamicOptimisedTheta(y: Float64Array, options: ForecastOptions): Forecast {
  return thetaModelForecast(y, options, true);
}

export const dotmModel: DemandModel = { name: "dotm", forecast: dynamicOptimisedTheta };

import { fitEts, forecastEts } from "./ets.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Holt's linear trend method as the state-space model ETS(A,A,N):
 *   ŷ_{t+1} = ℓ_t + b_t,  ℓ_t = ℓ_{t−1} + b_{t−1} + α e_t,  b_t = b_{t−1} + β e_t,  ŷ_{n+h} = ℓ_n + h·b_n,
 *   σ_h² = σ² (1 + Σ_{j=1}^{h−1} (α + jβ)²)   (Hyndman et al. 2008, Table 6.1, class 1).
 * α, β (β ≤ α, both in [1e-4, 0.9999]) and ℓ_0, b_0 by maximum likelihood, as R forecast's `holt()`
 * (which minimises the MSE; same optimum for this model). No damping; season length is ignored.
 * Needs at least two values; series of up to 8 values get ℓ_0 = y_1, b_0 = y_2 − y_1 and least-squares
 * α, β ∈ [0, 1] (R's short-series fallback).
 *
 * Source: Holt (1957/2004), IJF 20(1):5–10; Hyndman et al. (2008), "Forecasting with Exponential
 * Smoothing", §2.2, §5.2.
 */
export function holtLinear(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options, 2);
  const fit = fitEts(y, 1, { error: "A", trend: "A", season: "N", damped: false });
  return forecastEts(fit, options.horizon, options.levels);
}

export const holtModel: DemandModel = { name: "holt", forecast: holtLinear };

import { fitEts, forecastEts } from "./ets.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Simple exponential smoothing as the state-space model ETS(A,N,N):
 *   ŷ_{t+1} = ℓ_t,  ℓ_t = ℓ_{t−1} + α (y_t − ℓ_{t−1}),  forecasts flat at ℓ_n,
 *   σ_h² = σ² (1 + (h − 1) α²)   (Hyndman et al. 2008, Table 6.1, class 1).
 * α ∈ [1e-4, 0.9999] and ℓ_0 by maximum likelihood (n·log Σe², equivalent to least squares here), as
 * R forecast's `ses()` (which minimises the MSE; same optimum for this model).
 * Season length is ignored. A constant series gets α = 0.99999 (flat forecast, zero-width intervals);
 * series of up to 6 values get ℓ_0 = y_1 and least-squares α ∈ [0, 1] (R's short-series fallback).
 *
 * Source: Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing", §2.1, §5.2.
 */
export function simpleExponentialSmoothing(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const fit = fitEts(y, 1, { error: "A", trend: "N", season: "N", damped: false });
  return forecastEts(fit, options.horizon, options.levels);
}

export const sesModel: DemandModel = { name: "ses", forecast: simpleExponentialSmoothing };

import { seasonalNaive } from "./snaive.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";

/**
 * Naive (random walk): ŷ_{n+h} = y_n, with σ_h = σ √h where σ² is the mean squared one-step change.
 * The seasonal naive method with season length 1 (see snaive.ts for the formulas and the source).
 */
export function naive(y: Float64Array, options: ForecastOptions): Forecast {
  return seasonalNaive(y, { ...options, season: 1 });
}

export const naiveModel: DemandModel = { name: "naive", forecast: naive };

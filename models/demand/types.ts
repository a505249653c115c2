/**
 * The one interface every demand model implements.
 *
 * A model receives one series as a Float64Array (oldest first, no missing values) and returns point
 * forecasts and prediction intervals for steps 1..horizon. Models are pure: no I/O, no globals,
 * no randomness unless a seeded Rng is passed in the options.
 */
export interface ForecastOptions {
  /** Number of steps ahead, ≥ 1. */
  horizon: number;
  /** Season length in periods (12 monthly, 4 quarterly, 7 daily, 24 hourly); 1 means none. */
  season: number;
  /** Central coverage levels of the intervals in percent, e.g. [80, 95]. */
  levels: readonly number[];
  /**
   * Exogenous regressors (price, promo, event flags), for models that use them (regression with ARIMA
   * errors); other models ignore them. One array per regressor, over the history (length n) and over
   * the forecast horizon (length horizon), in the order of `names`.
   */
  exogenous?: { names: string[]; history: Float64Array[]; future: Float64Array[] };
}

export interface Forecast {
  /** Point forecast (mean), length horizon. */
  mean: Float64Array;
  /** Lower bounds, one array per level in the order of `levels`. */
  lower: Float64Array[];
  /** Upper bounds, one array per level in the order of `levels`. */
  upper: Float64Array[];
  /** The fitted model's name as a planner reads it, e.g. "ETS(M,Ad,N)" or "SNaive". */
  model: string;
  /** Estimated parameters, by name. */
  params?: Record<string, number>;
}

export interface DemandModel {
  /** The name used on the CLI (`--model NAME`) and the API. */
  readonly name: string;
  forecast(y: Float64Array, options: ForecastOptions): Forecast;
}

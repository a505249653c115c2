import { invalidInput } from "../../core/errors.ts";
import { coefficientNames, forecastArima } from "./arima/arima.ts";
import { autoArima } from "./arima/auto-arima.ts";
import { checkRank } from "./arima/regression.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

export {
  type ArimaFit,
  type ArimaForecast,
  type ArimaOrder,
  type ArimaSpec,
  arimaName,
  fitArima,
  forecastArima,
  tryFitArima,
} from "./arima/arima.ts";
export { type AutoArimaOptions, type AutoArimaResult, autoArima } from "./arima/auto-arima.ts";
export { kpssStatistic, ndiffs } from "./arima/kpss.ts";
export { nsdiffs, seasonalStrength } from "./arima/seasonal-strength.ts";

/**
 * AutoARIMA as a demand model: the stepwise order search of Hyndman & Khandakar (2008) with R's
 * `auto.arima()` defaults (see arima/auto-arima.ts), exact-ML fit, and forecasts with normal intervals from
 * the state-space forecast variance. With `options.exogenous`, a regression with ARIMA errors on those
 * regressors (their future values are needed over the horizon).
 */
export function autoArimaForecast(y: Float64Array, options: ForecastOptions): Forecast {
  checkSeries(y, options);
  const ex = options.exogenous;
  if (ex) {
    if (ex.history.length !== ex.future.length || ex.names.length !== ex.history.length) {
      throw invalidInput("exogenous", "names, history and future must list the same regressors");
    }
    ex.history.forEach((x, i) => {
      if (x.length !== y.length) {
        throw invalidInput(`exogenous.history.${ex.names[i]}`, `has ${x.length} values; y has ${y.length}`);
      }
      checkFinite(x, `exogenous.history.${ex.names[i]}`);
    });
    ex.future.forEach((x, i) => {
      if (x.length < options.horizon) {
        throw invalidInput(
          `exogenous.future.${ex.names[i]}`,
          `has ${x.length} values; horizon is ${options.horizon}`,
        );
      }
      checkFinite(x, `exogenous.future.${ex.names[i]}`);
    });
    // A constant or collinear regressor cannot be told apart from the mean, drift or differencing.
    checkRank(ex.history, ex.names);
  }
  const result = autoArima(y, {
    season: options.season,
    ...(ex && ex.history.length > 0 ? { xreg: ex.history, xregNames: ex.names } : {}),
  });
  const fc = forecastArima(result.fit, options.horizon, options.levels, ex?.future ?? []);
  const params: Record<string, number> = {};
  const names = coefficientNames(result.fit);
  const values = [...result.fit.arma, ...result.fit.beta];
  names.forEach((name, i) => {
    params[name] = values[i]!;
  });
  params.sigma2 = result.fit.sigma2;
  params.aicc = result.fit.aicc;
  return { mean: fc.mean, lower: fc.lower, upper: fc.upper, model: result.name, params };
}

function checkFinite(x: Float64Array, field: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]!))
      throw invalidInput(field, `value at position ${i} is ${x[i]}, not a finite number`);
  }
}

export const arimaModel: DemandModel = { name: "arima", forecast: autoArimaForecast };

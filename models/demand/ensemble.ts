import { WorkbenchError } from "../../core/errors.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";
import { checkSeries } from "./validate.ts";

/**
 * Equal-weight combination of several models: the mean forecast is the average of the members' means,
 * each interval bound the average of the members' bounds (quantile averaging, which keeps the interval
 * calibrated when members are; Lichtendahl, Grushka-Cockayne & Winkler 2013, "Is it better to average
 * probabilities or quantiles?", Management Science 59(7):1594–1611).
 * Combining ETS, ARIMA and Theta is the classic robust benchmark: Makridakis, Spiliotis & Assimakopoulos
 * (2020), "The M4 Competition", IJF 36(1):54–74, where such a combination ranked among the best
 * statistical methods.
 *
 * A member that fails on a series is left out for that series; if every member fails, the first
 * member's error is raised.
 */
export interface EnsembleModel extends DemandModel {
  /**
   * The combination with each member's forecast obtained from `fitMember` (a caller that already holds
   * members' forecasts passes them in: auto's validation reuses them). Members that throw are left out;
   * if all do, the first error is raised.
   */
  combineMembers(fitMember: (member: DemandModel) => Forecast, options: ForecastOptions): Forecast;
}

export function makeEnsemble(name: string, members: readonly DemandModel[]): EnsembleModel {
  if (members.length === 0) throw new WorkbenchError("INVALID_ARGUMENT", `ensemble '${name}': no members`);
  const combineMembers = (fitMember: (member: DemandModel) => Forecast, options: ForecastOptions) => {
    const results: Forecast[] = [];
    let firstError: unknown = null;
    for (const m of members) {
      try {
        results.push(fitMember(m));
      } catch (e) {
        firstError ??= e;
      }
    }
    if (results.length === 0) throw firstError;
    return combineForecasts(results, options);
  };
  return {
    name,
    combineMembers,
    forecast(y: Float64Array, options: ForecastOptions): Forecast {
      checkSeries(y, options);
      return combineMembers((m) => m.forecast(y, options), options);
    },
  };
}

function combineForecasts(results: readonly Forecast[], options: ForecastOptions): Forecast {
  const h = options.horizon;
  const k = results.length;
  const mean = new Float64Array(h);
  const lower = options.levels.map(() => new Float64Array(h));
  const upper = options.levels.map(() => new Float64Array(h));
  for (const r of results) {
    for (let t = 0; t < h; t++) mean[t]! += r.mean[t]! / k;
    for (let l = 0; l < options.levels.length; l++) {
      for (let t = 0; t < h; t++) {
        lower[l]![t]! += r.lower[l]![t]! / k;
        upper[l]![t]! += r.upper[l]![t]! / k;
      }
    }
  }
  return { mean, lower, upper, model: `Ensemble(${results.map((r) => r.model).join(", ")})` };
}

import { WorkbenchError } from "../../core/errors.ts";
import type { ForecastOptions } from "./types.ts";

/**
 * Checks shared by every model: a non-empty series of finite numbers and sane options.
 * Throws a WorkbenchError naming the field and the problem.
 */
export function checkSeries(y: Float64Array, options: ForecastOptions, minLength = 1): void {
  if (y.length < minLength) {
    throw new WorkbenchError(
      "INVALID_MODEL_INPUT",
      `y: series has ${y.length} values; this model needs at least ${minLength}`,
      { field: "y" },
    );
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        `y: value at position ${i} is ${y[i]}, not a finite number`,
        {
          field: "y",
        },
      );
    }
  }
  if (!Number.isInteger(options.horizon) || options.horizon < 1) {
    throw new WorkbenchError(
      "INVALID_MODEL_INPUT",
      `horizon: must be an integer ≥ 1, got ${options.horizon}`,
      {
        field: "horizon",
      },
    );
  }
  if (!Number.isInteger(options.season) || options.season < 1) {
    throw new WorkbenchError("INVALID_MODEL_INPUT", `season: must be an integer ≥ 1, got ${options.season}`, {
      field: "season",
    });
  }
  for (const level of options.levels) {
    if (!(level > 0 && level < 100)) {
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        `levels: each level must be in (0, 100), got ${level}`,
        {
          field: "levels",
        },
      );
    }
  }
}

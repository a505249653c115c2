import { invalidInput } from "../../core/errors.ts";

/**
 * Shared input checks for the accuracy metrics: the actuals and the forecasts must have the same,
 * non-zero length and hold finite numbers. Throws INVALID_MODEL_INPUT naming the field and position.
 */
export function checkPaired(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  forecastField = "forecast",
): void {
  if (actual.length === 0) throw invalidInput("actual", "no values to score");
  if (forecast.length !== actual.length) {
    throw invalidInput(
      forecastField,
      `has ${forecast.length} values but actual has ${actual.length}; they must be the same length`,
    );
  }
  checkFinite(actual, "actual");
  checkFinite(forecast, forecastField);
}

/** Throws INVALID_MODEL_INPUT if any value is NaN or infinite. */
export function checkFinite(values: ArrayLike<number>, field: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw invalidInput(field, `value at position ${i} is ${values[i]}, not a finite number`);
    }
  }
}

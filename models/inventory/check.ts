import { invalidInput } from "../../core/errors.ts";

/**
 * Input guards shared by the single-echelon models: each throws INVALID_MODEL_INPUT naming the field,
 * so that an API caller learns which number is wrong and why.
 */

export function requirePositive(field: string, value: number): void {
  if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw invalidInput(field, `must be a positive finite number, got ${String(value)}`);
  }
}

export function requireNonNegative(field: string, value: number): void {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
    throw invalidInput(field, `must be a non-negative finite number, got ${String(value)}`);
  }
}

/** A probability strictly inside (0, 1): service levels, fill rates, critical ratios. */
export function requireOpenUnit(field: string, value: number): void {
  if (!(typeof value === "number" && value > 0 && value < 1)) {
    throw invalidInput(field, `must lie strictly between 0 and 1, got ${String(value)}`);
  }
}

export function requireNonNegativeInteger(field: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0)) {
    throw invalidInput(field, `must be a non-negative integer, got ${String(value)}`);
  }
}

/**
 * Quantity-discount schedules: breakpoints b_0 = 0 < b_1 < … and one positive unit cost per region
 * [b_j, b_{j+1}).
 */
export function checkPriceBreaks(breakpoints: readonly number[], unitCosts: readonly number[]): void {
  if (breakpoints.length === 0) throw invalidInput("breakpoints", "must list at least one breakpoint (0)");
  if (breakpoints.length !== unitCosts.length) {
    throw invalidInput(
      "unitCosts",
      `needs one unit cost per breakpoint: ${unitCosts.length} costs for ${breakpoints.length} breakpoints`,
    );
  }
  if (breakpoints[0] !== 0) throw invalidInput("breakpoints", `must start at 0, got ${breakpoints[0]}`);
  for (let j = 1; j < breakpoints.length; j++) {
    if (!(breakpoints[j]! > breakpoints[j - 1]!)) {
      throw invalidInput("breakpoints", `must increase strictly; entry ${j} is ${breakpoints[j]}`);
    }
  }
  unitCosts.forEach((c, j) => {
    requirePositive(`unitCosts[${j}]`, c);
  });
}

/**
 * Non-negative mode for demand forecasts: means and interval bounds are floored at zero (demand cannot be
 * negative). For count data — a history whose every value is a whole number — the bounds become whole
 * units too: lower bounds rounded down, upper bounds rounded up, so an interval of counts covers at least
 * what the continuous interval covered; the mean stays fractional (it is an expectation, 0.3 units a day).
 *
 * `rows` holds consecutive forecast rows of `width` numbers: [mean, lower₁, upper₁, lower₂, upper₂, …].
 */
export function isCountSeries(y: Float64Array): boolean {
  for (let t = 0; t < y.length; t++) if (!Number.isInteger(y[t]!)) return false;
  return y.length > 0;
}

export function applyNonNegative(rows: Float64Array, width: number, counts: boolean): void {
  for (let k = 0; k < rows.length; k++) {
    let v = rows[k]!;
    if (v < 0) v = 0;
    const column = k % width;
    if (counts && column > 0) v = column % 2 === 1 ? Math.floor(v) : Math.ceil(v);
    rows[k] = v;
  }
}

import { invalidInput } from "../../core/errors.ts";
import { requireOpenUnit } from "./check.ts";

/**
 * SKU classification for policy choice.
 *
 * ABC (Pareto): items sorted by value (e.g. annual usage value = demand × unit cost), class A while the
 * cumulative share of the total, before adding the item, is below `aShare` (default 80 %), B below
 * `bShare` (95 %), C otherwise; so the item that crosses a threshold joins the higher class.
 * XYZ: coefficient of variation CV = σ/μ of demand per period (population σ): X if CV ≤ xMax (0.5),
 * Y if CV ≤ yMax (1.0), Z otherwise (and Z when μ = 0).
 * Demand pattern (Syntetos, Boylan & Croston 2005): ADI = periods / periods with demand (the mean
 * interval between demands) and CV² of the non-zero demand sizes; cut-offs ADI 1.32 and CV² 0.49 give
 * smooth (low, low), erratic (low ADI, high CV²), intermittent (high ADI, low CV²), lumpy (high, high).
 *
 * Sources: Silver, Pyke & Thomas (2017) §2.4 (ABC); Syntetos, Boylan & Croston, "On the categorization
 * of demand patterns", J. Operational Research Society 56(5), 2005.
 */

export type AbcClass = "A" | "B" | "C";
export type XyzClass = "X" | "Y" | "Z";
export type DemandPattern = "smooth" | "erratic" | "intermittent" | "lumpy" | "no_demand";

export function abcClassification(
  values: ArrayLike<number>,
  options: { aShare?: number; bShare?: number } = {},
): AbcClass[] {
  const aShare = options.aShare ?? 0.8;
  const bShare = options.bShare ?? 0.95;
  requireOpenUnit("aShare", aShare);
  requireOpenUnit("bShare", bShare);
  if (!(bShare > aShare)) throw invalidInput("bShare", `must exceed aShare (${aShare}), got ${bShare}`);
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!(Number.isFinite(v) && v >= 0))
      throw invalidInput(`values[${i}]`, `must be a non-negative number, got ${v}`);
    total += v;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  const classes: AbcClass[] = new Array(n);
  let cumulative = 0;
  for (const i of order) {
    const before = total > 0 ? cumulative / total : 1;
    classes[i] = before < aShare ? "A" : before < bShare ? "B" : "C";
    cumulative += values[i]!;
  }
  return classes;
}

/** Coefficient of variation σ/μ of a demand series (population σ); Infinity when μ = 0. */
export function coefficientOfVariation(series: ArrayLike<number>): number {
  const n = series.length;
  if (n === 0) throw invalidInput("series", "must have at least one period");
  let sum = 0;
  for (let t = 0; t < n; t++) sum += series[t]!;
  const mean = sum / n;
  let ss = 0;
  for (let t = 0; t < n; t++) ss += (series[t]! - mean) ** 2;
  return mean > 0 ? Math.sqrt(ss / n) / mean : Infinity;
}

export function xyzClass(
  series: ArrayLike<number>,
  options: { xMax?: number; yMax?: number } = {},
): XyzClass {
  const xMax = options.xMax ?? 0.5;
  const yMax = options.yMax ?? 1;
  if (!(yMax > xMax && xMax > 0)) throw invalidInput("yMax", `need 0 < xMax < yMax, got ${xMax}, ${yMax}`);
  const cv = coefficientOfVariation(series);
  return cv <= xMax ? "X" : cv <= yMax ? "Y" : "Z";
}

export interface DemandPatternResult {
  pattern: DemandPattern;
  /** Average inter-demand interval: periods / periods with positive demand. */
  adi: number;
  /** Squared coefficient of variation of the positive demand sizes (population σ). */
  cv2: number;
}

export function demandPattern(
  series: ArrayLike<number>,
  options: { adiCutoff?: number; cv2Cutoff?: number } = {},
): DemandPatternResult {
  const adiCutoff = options.adiCutoff ?? 1.32;
  const cv2Cutoff = options.cv2Cutoff ?? 0.49;
  const n = series.length;
  if (n === 0) throw invalidInput("series", "must have at least one period");
  let count = 0;
  let sum = 0;
  for (let t = 0; t < n; t++) {
    const y = series[t]!;
    if (!(Number.isFinite(y) && y >= 0))
      throw invalidInput(`series[${t}]`, `must be a non-negative number, got ${y}`);
    if (y > 0) {
      count++;
      sum += y;
    }
  }
  if (count === 0) return { pattern: "no_demand", adi: Infinity, cv2: Number.NaN };
  const mean = sum / count;
  let ss = 0;
  for (let t = 0; t < n; t++) if (series[t]! > 0) ss += (series[t]! - mean) ** 2;
  const cv2 = ss / count / (mean * mean);
  const adi = n / count;
  const frequent = adi < adiCutoff;
  const steady = cv2 < cv2Cutoff;
  const pattern: DemandPattern = frequent
    ? steady
      ? "smooth"
      : "erratic"
    : steady
      ? "intermittent"
      : "lumpy";
  return { pattern, adi, cv2 };
}

import { abcClassification, demandPattern, xyzClass } from "../../../models/inventory/abc-xyz.ts";
import type { PlanSeries } from "../run.ts";

/**
 * Classes of each SKU × store pair from the last 365 periods of its training history
 * (models/inventory/abc-xyz.ts): ABC by value (units × last price; A = first 80% of value, B = next 15%),
 * XYZ by the coefficient of variation of demand per period, and the demand pattern of Syntetos, Boylan &
 * Croston (smooth, erratic, intermittent, lumpy; no_demand when nothing sold).
 */
export interface PairClasses {
  abc: string[];
  xyz: string[];
  pattern: string[];
  /** Units × price over the window. */
  value: Float64Array;
  meanDemand: Float64Array;
}

const WINDOW = 365;

export function classifyPairs(series: PlanSeries): PairClasses {
  const n = series.seriesIds.length;
  const value = new Float64Array(n);
  const meanDemand = new Float64Array(n);
  const xyz: string[] = new Array(n);
  const pattern: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const end = series.offsets[i + 1]!;
    const window = series.values.subarray(Math.max(series.offsets[i]!, end - WINDOW), end);
    let sum = 0;
    for (let t = 0; t < window.length; t++) sum += window[t]!;
    meanDemand[i] = sum / window.length;
    value[i] = sum * series.price[i]!;
    xyz[i] = xyzClass(window);
    pattern[i] = demandPattern(window).pattern;
  }
  return { abc: abcClassification(value), xyz, pattern, value, meanDemand };
}

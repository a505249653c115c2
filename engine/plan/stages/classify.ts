import type { PlanSeries } from "../run.ts";

/**
 * Classes of each SKU × store pair, from its training history:
 * - ABC by value (units × price over the last 365 periods): A = the pairs making the first 80% of value,
 *   B the next 15%, C the rest (Silver, Pyke & Thomas 2017, §2.4);
 * - XYZ by the coefficient of variation of demand per period: X ≤ 0.5 < Y ≤ 1 < Z;
 * - demand pattern by Syntetos, Boylan & Croston (2005), JORS 56(5):495–503: average inter-demand interval
 *   ADI and squared CV of non-zero sizes CV²: smooth (ADI < 1.32, CV² < 0.49), erratic (ADI < 1.32),
 *   intermittent (CV² < 0.49), lumpy otherwise.
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
    const start = Math.max(series.offsets[i]!, end - WINDOW);
    const len = end - start;
    let sum = 0;
    let sumSq = 0;
    let nonZero = 0;
    let nzSum = 0;
    let nzSumSq = 0;
    for (let t = start; t < end; t++) {
      const y = series.values[t]!;
      sum += y;
      sumSq += y * y;
      if (y !== 0) {
        nonZero++;
        nzSum += y;
        nzSumSq += y * y;
      }
    }
    const mean = sum / len;
    meanDemand[i] = mean;
    value[i] = sum * series.price[i]!;
    const sd = Math.sqrt(Math.max(0, sumSq / len - mean * mean));
    const cv = mean > 0 ? sd / mean : Number.POSITIVE_INFINITY;
    xyz[i] = cv <= 0.5 ? "X" : cv <= 1 ? "Y" : "Z";
    const adi = nonZero > 0 ? len / nonZero : Number.POSITIVE_INFINITY;
    const nzMean = nonZero > 0 ? nzSum / nonZero : 0;
    const cv2 = nonZero > 1 ? Math.max(0, nzSumSq / nonZero - nzMean * nzMean) / (nzMean * nzMean) : 0;
    pattern[i] = adi < 1.32 ? (cv2 < 0.49 ? "smooth" : "erratic") : cv2 < 0.49 ? "intermittent" : "lumpy";
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => value[b]! - value[a]! || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += value[i]!;
  const abc: string[] = new Array(n);
  let cumulative = 0;
  for (const i of order) {
    // a pair is A while the value before it is under 80% (so the top pair is always A)
    abc[i] = total <= 0 || cumulative < 0.8 * total ? "A" : cumulative < 0.95 * total ? "B" : "C";
    cumulative += value[i]!;
  }
  return { abc, xyz, pattern, value, meanDemand };
}

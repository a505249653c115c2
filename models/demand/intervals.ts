import { normalQuantile } from "../inventory/normal-distribution.ts";
import type { ForecastOptions } from "./types.ts";

/**
 * Standard normal quantile for a central interval of `level` percent: z = Φ⁻¹(0.5 + level/200).
 */
export function normalQuantileForLevel(level: number): number {
  return normalQuantile(0.5 + level / 200);
}

/**
 * Normal prediction intervals around a mean path: mean_h ± z_level · sd_h for each requested level.
 * `sd` holds the forecast standard deviation at each step (same length as `mean`).
 */
export function normalIntervals(
  mean: Float64Array,
  sd: Float64Array,
  levels: ForecastOptions["levels"],
): { lower: Float64Array[]; upper: Float64Array[] } {
  const lower: Float64Array[] = [];
  const upper: Float64Array[] = [];
  for (const level of levels) {
    const z = normalQuantileForLevel(level);
    const lo = new Float64Array(mean.length);
    const hi = new Float64Array(mean.length);
    for (let h = 0; h < mean.length; h++) {
      lo[h] = mean[h]! - z * sd[h]!;
      hi[h] = mean[h]! + z * sd[h]!;
    }
    lower.push(lo);
    upper.push(hi);
  }
  return { lower, upper };
}

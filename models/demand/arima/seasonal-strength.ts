import { stlDecompose } from "../stl.ts";
import { isConstant } from "./kpss.ts";

/**
 * Strength of seasonality from an STL decomposition (Wang, Smith & Hyndman 2006, Data Min. Knowl. Disc.
 * 13:335–364; Hyndman & Athanasopoulos, FPP3 §4.3):
 *   F_S = max(0, 1 − Var(R_t) / Var(S_t + R_t)).
 * Needs more than two full seasons (STL's own requirement); returns NaN otherwise.
 */
export function seasonalStrength(y: Float64Array, period: number): number {
  if (period < 2 || y.length <= 2 * period) return Number.NaN;
  const { seasonal, remainder } = stlDecompose(y, period, { sWindow: 11 });
  const varR = variance(remainder, null);
  const varSR = variance(remainder, seasonal);
  return Math.max(0, Math.min(1, 1 - varR / varSR));
}

function variance(a: Float64Array, b: Float64Array | null): number {
  const n = a.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += a[i]! + (b ? b[i]! : 0);
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]! + (b ? b[i]! : 0) - mean;
    s += v * v;
  }
  return s / (n - 1);
}

/** Seasonal differences x_t − x_{t−m}, length n − m. */
export function seasonalDifference(x: Float64Array, m: number): Float64Array {
  const out = new Float64Array(Math.max(x.length - m, 0));
  for (let t = m; t < x.length; t++) out[t - m] = x[t]! - x[t - m]!;
  return out;
}

/**
 * Number of seasonal differences D ≤ maxD by the seasonal-strength heuristic: difference while the strength
 * exceeds 0.64 (R's `forecast::nsdiffs(x, test = "seas")`, the default of `auto.arima` since forecast 8.x).
 */
export function nsdiffs(x: Float64Array, m: number, maxD = 1): number {
  let D = 0;
  if (isConstant(x) || m <= 1 || m >= x.length) return D;
  const strong = (v: Float64Array): boolean => {
    const s = seasonalStrength(v, m);
    return Number.isFinite(s) && s > 0.64;
  };
  let dodiff = strong(x);
  let current = x;
  while (dodiff && D < maxD) {
    D++;
    current = seasonalDifference(current, m);
    if (isConstant(current)) return D;
    dodiff = current.length >= 2 * m && D < maxD ? strong(current) : false;
  }
  return D;
}

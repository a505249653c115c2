import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative } from "./check.ts";

export interface WagnerWhitinInput {
  /** Demand per period d_1..d_T (index 0 = period 1). */
  demand: ArrayLike<number>;
  /** Fixed cost per order, K_t: one value or one per period. */
  fixedCost: number | ArrayLike<number>;
  /** Holding cost per unit of ending inventory, h_t: one value or one per period. */
  holdingCost: number | ArrayLike<number>;
  /** Unit purchase cost c_t (default 0): one value or one per period. */
  unitCost?: number | ArrayLike<number>;
}

export interface WagnerWhitinResult {
  /** Order quantity per period (index 0 = period 1). */
  orderQuantities: Float64Array;
  /** Fixed + holding (+ purchase) cost of the plan. */
  totalCost: number;
}

/**
 * Wagner–Whitin dynamic lot sizing: deterministic time-varying demand, no shortages, zero lead time,
 * holding charged on ending inventory. By the zero-inventory-ordering property an order in period j
 * covers exactly the demand of periods j..t, so with F(0) = 0
 *   F(t) = min_{1≤j≤t} F(j − 1) + K_j + Σ_{k=j..t} d_k (c_j + Σ_{i=j..k−1} h_i),
 * solved forward in O(T²). An interval with no demand costs no order. Ties go to the earliest j.
 *
 * Source: Wagner & Whitin, "Dynamic version of the economic lot size model", Management Science 5(1),
 * 1958; Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., §3.6.
 */
export function wagnerWhitin(input: WagnerWhitinInput): WagnerWhitinResult {
  const T = input.demand.length;
  if (T === 0) throw invalidInput("demand", "must have at least one period");
  const d = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    requireNonNegative(`demand[${t}]`, input.demand[t]!);
    d[t] = input.demand[t]!;
  }
  const K = perPeriod("fixedCost", input.fixedCost, T);
  const h = perPeriod("holdingCost", input.holdingCost, T);
  const c = perPeriod("unitCost", input.unitCost ?? 0, T);
  const best = new Float64Array(T + 1).fill(Infinity); // F(t), t = 0..T
  const lastOrder = new Int32Array(T + 1); // j (1-based) of the last order in the plan for F(t)
  best[0] = 0;
  for (let j = 1; j <= T; j++) {
    let carried = 0; // Σ_{k=j..t} d_k (c_j + Σ_{i=j..k−1} h_i)
    let holdingSum = 0; // Σ_{i=j..t−1} h_i
    let demandSum = 0;
    for (let t = j; t <= T; t++) {
      const dt = d[t - 1]!;
      carried += dt * (c[j - 1]! + holdingSum);
      demandSum += dt;
      const candidate = best[j - 1]! + (demandSum > 0 ? K[j - 1]! : 0) + carried;
      if (candidate < best[t]!) {
        best[t] = candidate;
        lastOrder[t] = j;
      }
      holdingSum += h[t - 1]!;
    }
  }
  const orderQuantities = new Float64Array(T);
  for (let t = T; t > 0; ) {
    const j = lastOrder[t]!;
    let q = 0;
    for (let k = j; k <= t; k++) q += d[k - 1]!;
    orderQuantities[j - 1] = q;
    t = j - 1;
  }
  return { orderQuantities, totalCost: best[T]! };
}

function perPeriod(field: string, value: number | ArrayLike<number>, T: number): Float64Array {
  const out = new Float64Array(T);
  if (typeof value === "number") {
    requireNonNegative(field, value);
    out.fill(value);
    return out;
  }
  if (value.length !== T)
    throw invalidInput(field, `needs ${T} values (one per period), got ${value.length}`);
  for (let t = 0; t < T; t++) {
    requireNonNegative(`${field}[${t}]`, value[t]!);
    out[t] = value[t]!;
  }
  return out;
}

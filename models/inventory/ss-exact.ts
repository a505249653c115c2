import { invalidInput } from "../../core/errors.ts";
import { requireNonNegativeInteger, requirePositive } from "./check.ts";
import { checkPmf, pmfMean, pmfShortfall, poissonPmf } from "./discrete-demand.ts";

export interface SsExactInput {
  /** Holding cost per unit of ending inventory per period, h. */
  holdingCost: number;
  /** Backorder cost per unit short at the end of a period, p. */
  stockoutCost: number;
  /** Fixed cost per order, K. */
  fixedCost: number;
  /** Demand per period: P(D = k), k = 0..N. Give this or `demandMean` (Poisson). */
  pmf?: ArrayLike<number>;
  /** Poisson mean demand per period, used when `pmf` is absent. */
  demandMean?: number;
  /** Lead time in periods (default 0); the one-period cost uses demand over L + 1 periods. */
  leadTime?: number;
}

export interface SsResult {
  /** Reorder point s: order when the inventory position is at or below s. */
  reorderPoint: number;
  /** Order-up-to level S. */
  orderUpToLevel: number;
  /** Long-run expected cost per period c(s, S). */
  cost: number;
}

/**
 * Optimal (s, S) policy for periodic review, discrete i.i.d. demand, backorders, stationary costs:
 * the Zheng–Federgruen (1991) algorithm. With G(y) = h E[(y − D)⁺] + p E[(D − y)⁺] (D over L + 1 periods)
 * and the renewal masses m(0) = 1/(1 − f₀), m(j) = Σ_{l=1..j} f_l m(j − l)/(1 − f₀), M(j) = Σ_{i<j} m(i),
 *   c(s, S) = [K + Σ_{j=0}^{S−s−1} m(j) G(S − j)] / M(S − s).
 * Start at the newsvendor minimiser y*, lower s until c(s, y*) ≤ G(s); then raise S while G(S) ≤ c*,
 * and on each improvement raise s while c(s, S) ≤ G(s + 1). The result is optimal (ZF Theorem).
 *
 * Source: Zheng & Federgruen, "Finding optimal (s, S) policies is about as simple as evaluating a single
 * policy", Operations Research 39(4), 1991; Snyder & Shen, 2nd ed., §4.6 (Algorithm 4.2, eq. 4.71–4.75).
 */
export function ssExact(input: SsExactInput): SsResult {
  const { holdingCost: h, stockoutCost: p, fixedCost: K } = input;
  requirePositive("holdingCost", h);
  requirePositive("stockoutCost", p);
  requirePositive("fixedCost", K);
  const leadTime = input.leadTime ?? 0;
  requireNonNegativeInteger("leadTime", leadTime);
  let periodPmf: Float64Array;
  if (input.pmf !== undefined) periodPmf = checkPmf(input.pmf);
  else if (input.demandMean !== undefined) {
    requirePositive("demandMean", input.demandMean);
    periodPmf = poissonPmf(input.demandMean);
  } else throw invalidInput("pmf", "give the demand masses (pmf) or a Poisson demandMean");
  if (!(periodPmf[0]! < 1)) throw invalidInput("pmf", "demand is always zero: no order is ever needed");
  // Demand over the protection interval L + 1 (Poisson: mean scales; general pmf: convolution).
  const protectionPmf =
    input.pmf === undefined
      ? poissonPmf(input.demandMean! * (leadTime + 1))
      : convolvePower(periodPmf, leadTime + 1);
  const g = periodCost(protectionPmf, h, p);
  const renewal = new RenewalMasses(periodPmf);
  const cost = (s: number, S: number): number => {
    const n = S - s;
    renewal.ensure(n);
    let total = K;
    for (let j = 0; j < n; j++) total += renewal.m[j]! * g(S - j);
    return total / renewal.cumulative(n);
  };

  // y*: the minimiser of the convex G.
  let yStar = Math.floor(pmfMean(protectionPmf));
  while (g(yStar + 1) < g(yStar)) yStar++;
  while (g(yStar - 1) < g(yStar)) yStar--;

  let s = yStar;
  const S0 = yStar;
  do s--;
  while (cost(s, S0) > g(s));
  let bestS = S0;
  let bestCost = cost(s, bestS);
  for (let S = bestS + 1; g(S) <= bestCost; S++) {
    if (cost(s, S) < bestCost) {
      bestS = S;
      while (cost(s, bestS) <= g(s + 1)) s++;
      bestCost = cost(s, bestS);
    }
  }
  return { reorderPoint: s, orderUpToLevel: bestS, cost: bestCost };
}

/** G(y) = h E[(y − D)⁺] + p E[(D − y)⁺] for any integer y (linear outside the support). */
export function periodCost(pmf: Float64Array, h: number, p: number): (y: number) => number {
  const mean = pmfMean(pmf);
  const shortfall = pmfShortfall(pmf, pmf.length);
  return (y: number): number => {
    const b = y < 0 ? mean - y : y < shortfall.length ? shortfall[y]! : 0;
    return h * (y - mean + b) + p * b;
  };
}

/** Renewal masses m(j) of the demand process, grown on demand (O(n²) overall). */
class RenewalMasses {
  m: Float64Array = new Float64Array(64);
  private cum: Float64Array = new Float64Array(65);
  private filled = 0;
  constructor(private readonly pmf: Float64Array) {}

  ensure(n: number): void {
    if (n <= this.filled) return;
    if (n > this.m.length) {
      const size = Math.max(n, 2 * this.m.length);
      const m = new Float64Array(size);
      m.set(this.m.subarray(0, this.filled));
      this.m = m;
      const cum = new Float64Array(size + 1);
      cum.set(this.cum.subarray(0, this.filled + 1));
      this.cum = cum;
    }
    const f = this.pmf;
    const scale = 1 / (1 - f[0]!);
    for (let j = this.filled; j < n; j++) {
      let v = j === 0 ? 1 : 0;
      const top = Math.min(j, f.length - 1);
      for (let l = 1; l <= top; l++) v += f[l]! * this.m[j - l]!;
      this.m[j] = v * scale;
      this.cum[j + 1] = this.cum[j]! + this.m[j]!;
    }
    this.filled = n;
  }

  /** M(n) = Σ_{i<n} m(i). */
  cumulative(n: number): number {
    this.ensure(n);
    return this.cum[n]!;
  }
}

/** Distribution of the sum of `times` i.i.d. copies (times ≥ 1), tail masses below 1e-16 trimmed. */
export function convolvePower(pmf: Float64Array, times: number): Float64Array {
  let out = pmf;
  for (let t = 1; t < times; t++) {
    const next = new Float64Array(out.length + pmf.length - 1);
    for (let i = 0; i < out.length; i++) {
      const a = out[i]!;
      if (a === 0) continue;
      for (let j = 0; j < pmf.length; j++) next[i + j] = next[i + j]! + a * pmf[j]!;
    }
    let top = next.length;
    while (top > 1 && next[top - 1]! < 1e-16) top--;
    out = next.subarray(0, top);
  }
  return out;
}

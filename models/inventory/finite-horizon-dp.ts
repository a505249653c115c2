import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative, requirePositive } from "./check.ts";
import { checkPmf, pmfMean, poissonPmf } from "./discrete-demand.ts";
import { periodCost } from "./ss-exact.ts";

export interface FiniteHorizonInput {
  /** Number of periods T. */
  periods: number;
  /** Fixed cost per order, K ≥ 0 (0 gives base-stock policies). */
  fixedCost: number;
  /** Unit purchase cost c ≥ 0. */
  unitCost?: number;
  /** Holding cost per unit of ending inventory, h. */
  holdingCost: number;
  /** Backorder cost per unit short at the end of a period, p. */
  stockoutCost: number;
  /** Demand per period: Poisson mean, or masses P(D = k); stationary. */
  demand: { poissonMean: number } | { pmf: ArrayLike<number> };
  /** Value of each unit left at the end of the horizon (salvage; negative of a disposal cost), default 0. */
  terminalUnitValue?: number;
}

export interface FiniteHorizonResult {
  /** Per period t (index 0 = first period): order when the inventory level x ≤ s_t, up to S_t. */
  reorderPoints: Int32Array;
  orderUpToLevels: Int32Array;
  /** Optimal expected total cost from period 1 as a function of the starting inventory level. */
  costToGo: (startingInventory: number) => number;
}

/**
 * Finite-horizon stochastic inventory DP, periodic review, zero lead time, backorders:
 *   V_t(x) = min_{y ≥ x} K·1[y > x] + c(y − x) + G(y) + E V_{t+1}(y − D),  V_{T+1}(x) = −v·x⁺ (v = salvage value),
 * with G(y) = h E[(y − D)⁺] + p E[(D − y)⁺]. Writing H_t(y) = cy + G(y) + E V_{t+1}(y − D),
 * S_t = argmin H_t and s_t = max{x : H_t(x) > K + H_t(S_t)}; V_t(x) = −cx + min(H_t(x), K + min_{y≥x} H_t(y)),
 * evaluated with suffix minima in O(states × support) per period. Scarf (1960) proves that (s_t, S_t)
 * is optimal (K-convexity), and with K = 0 it is a base-stock policy.
 *
 * States run over the integers [−d_max − 1, U] with U = T·μ + 8√(Tμ) + d_max + 8, d_max the top of the
 * demand support; below the grid V_{t+1} is extended linearly with slope −c, which is exact where the
 * policy orders (x ≤ s_{t+1}), i.e. whenever s_{t+1} ≥ −d_max − 1.
 *
 * Sources: Scarf, "The optimality of (S, s) policies in the dynamic inventory problem", 1960; Porteus,
 * Foundations of Stochastic Inventory Theory (2002), ch. 4; Snyder & Shen, 2nd ed., §4.5.
 */
export function finiteHorizonPolicy(input: FiniteHorizonInput): FiniteHorizonResult {
  const { periods: T, fixedCost: K, holdingCost: h, stockoutCost: p } = input;
  if (!(Number.isInteger(T) && T >= 1)) throw invalidInput("periods", `must be a positive integer, got ${T}`);
  requireNonNegative("fixedCost", K);
  requirePositive("holdingCost", h);
  requirePositive("stockoutCost", p);
  const c = input.unitCost ?? 0;
  requireNonNegative("unitCost", c);
  const salvage = input.terminalUnitValue ?? 0;
  let pmf: Float64Array;
  if ("poissonMean" in input.demand) {
    requirePositive("demand.poissonMean", input.demand.poissonMean);
    pmf = poissonPmf(input.demand.poissonMean);
  } else pmf = checkPmf(input.demand.pmf, "demand.pmf");
  const dMax = pmf.length - 1;
  const mean = pmfMean(pmf);
  const lo = -dMax - 1;
  const hi = Math.ceil(T * mean + 8 * Math.sqrt(T * mean) + dMax + 8);
  const size = hi - lo + 1;
  const G = periodCost(pmf, h, p);
  let next = new Float64Array(size); // V_{t+1}(x) on the grid
  for (let i = 0; i < size; i++) next[i] = -salvage * Math.max(0, lo + i);
  const reorderPoints = new Int32Array(T);
  const orderUpToLevels = new Int32Array(T);
  const H = new Float64Array(size);
  const suffixMin = new Float64Array(size);
  for (let t = T - 1; t >= 0; t--) {
    const terminalNext = t === T - 1;
    for (let i = 0; i < size; i++) {
      const y = lo + i;
      let expected = 0;
      for (let d = 0; d <= dMax; d++) {
        const z = y - d;
        const v =
          z >= lo ? next[z - lo]! : terminalNext ? -salvage * Math.max(0, z) : next[0]! + c * (lo - z); // ordering region: V(x) = const − c·x
        expected += pmf[d]! * v;
      }
      H[i] = c * y + G(y) + expected;
    }
    let best = 0;
    for (let i = 1; i < size; i++) if (H[i]! < H[best]!) best = i;
    suffixMin[size - 1] = H[size - 1]!;
    for (let i = size - 2; i >= 0; i--) suffixMin[i] = Math.min(H[i]!, suffixMin[i + 1]!);
    const threshold = K + H[best]!;
    let s = lo - 1;
    for (let i = 0; i <= best; i++) if (H[i]! > threshold) s = lo + i;
    reorderPoints[t] = s;
    orderUpToLevels[t] = lo + best;
    const current = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const x = lo + i;
      current[i] = -c * x + Math.min(H[i]!, K + suffixMin[i]!);
    }
    next = current;
  }
  const first = next;
  const costToGo = (x: number): number => {
    if (!Number.isInteger(x)) throw invalidInput("startingInventory", `must be an integer, got ${x}`);
    if (x < lo) return first[0]! + c * (lo - x);
    if (x > hi) throw invalidInput("startingInventory", `is above the state grid's top (${hi})`);
    return first[x - lo]!;
  };
  return { reorderPoints, orderUpToLevels, costToGo };
}

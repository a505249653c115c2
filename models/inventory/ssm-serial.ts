import { invalidInput, WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import { isSerial, validateNetwork } from "./network.ts";
import { normalCdf } from "./normal-distribution.ts";

/**
 * Stochastic-service model of a serial system: optimal echelon base-stock levels by the exact
 * recursion of Clark & Scarf (1960), in the form of Chen & Zheng (1994), "Lower bounds for
 * multi-echelon stochastic inventory systems", Management Science 40(11):1426–1443, as given in
 * Snyder & Shen, Fundamentals of Supply Chain Theory (2nd ed.), §6.2.3, Theorem 6.4:
 *
 *   stages 1 (faces demand, backorders cost p per unit per period) … N (most upstream),
 *   echelon holding costs h_j, local cost at stage 1 h'_1 = Σ_j h_j, lead time L_j into stage j,
 *   C̄_0(x) = (p + h'_1) x⁻,
 *   Ĉ_j(x) = h_j x + C̄_{j−1}(x),
 *   C_j(y) = E[Ĉ_j(y − D_j)],  D_j = demand over L_j periods,
 *   S*_j = argmin_y C_j(y),  C̄_j(x) = C_j(min{S*_j, x}),
 *   optimal expected cost per period = C_N(S*_N).
 *
 * Functions live on one grid x_k = lo + kΔ. Poisson demand uses Δ = 1 and the exact pmf (tail < 1e-13
 * dropped, mass renormalised). Normal demand uses Δ = σ_min / `pointsPerSd` (default 100, σ_min the
 * smallest lead-time-demand sd) and interval probabilities P(d − Δ/2 < D ≤ d + Δ/2) over ±8.5 sd.
 * Below the grid every C̄_j is exactly linear (no stock anywhere: all demand is backordered), so it is
 * extended by its slope; above, C̄_j is flat by construction. Work: O(N · grid · demand points).
 */
export interface ClarkScarfInput {
  /** h_j, stage 1 (downstream) first. */
  echelonHoldingCost: ArrayLike<number>;
  /** L_j, periods (fractional allowed), stage 1 first. */
  leadTime: ArrayLike<number>;
  /** p, backorder cost per unit per period at stage 1. */
  stockoutCost: number;
  demand: { distribution: "normal" | "poisson"; mean: number; sd?: number };
}

export interface ClarkScarfOptions {
  /** Grid points per standard deviation of the smallest lead-time demand (normal demand). */
  pointsPerSd?: number;
}

export interface ClarkScarfResult {
  /** S*_j, stage 1 first. */
  echelonBaseStockLevels: Float64Array;
  /** Local base-stock levels S*_j − S*_{j−1} (S*_0 = 0), stage 1 first. */
  localBaseStockLevels: Float64Array;
  expectedCostPerPeriod: number;
  /** Grid step used. */
  gridStep: number;
}

/** Lead-time demand discretised on multiples of step: first multiple index and probabilities. */
function leadTimeDemand(
  demand: ClarkScarfInput["demand"],
  lead: number,
  step: number,
): { first: number; prob: Float64Array } {
  const mean = demand.mean * lead;
  if (lead === 0 || mean === 0) return { first: 0, prob: Float64Array.of(1) };
  if (demand.distribution === "poisson") {
    // pmf by the recurrence p_k = p_{k−1} λ / k, started in logs to avoid underflow at large λ
    const out: number[] = [];
    let logP = -mean;
    let total = 0;
    for (let k = 0; ; k++) {
      if (k > 0) logP += Math.log(mean / k);
      const p = Math.exp(logP);
      out.push(p);
      total += p;
      if (k > mean && 1 - total < 1e-13) break;
    }
    return { first: 0, prob: Float64Array.from(out, (p) => p / total) };
  }
  const sd = (demand.sd ?? 0) * Math.sqrt(lead);
  if (sd === 0) {
    const m = Math.round(mean / step);
    return { first: m, prob: Float64Array.of(1) };
  }
  const first = Math.floor((mean - 8.5 * sd) / step);
  const last = Math.ceil((mean + 8.5 * sd) / step);
  const prob = new Float64Array(last - first + 1);
  let total = 0;
  let lower = normalCdf(((first - 0.5) * step - mean) / sd);
  for (let m = first; m <= last; m++) {
    const upper = normalCdf(((m + 0.5) * step - mean) / sd);
    prob[m - first] = upper - lower;
    total += upper - lower;
    lower = upper;
  }
  for (let i = 0; i < prob.length; i++) prob[i]! /= total;
  return { first, prob };
}

/** Exact (up to discretisation) optimal echelon base-stock levels of a serial system. */
export function clarkScarfSerial(input: ClarkScarfInput, options: ClarkScarfOptions = {}): ClarkScarfResult {
  const N = input.echelonHoldingCost.length;
  if (N === 0) throw invalidInput("echelonHoldingCost", "needs at least one stage");
  if (input.leadTime.length !== N) {
    throw invalidInput("leadTime", `has ${input.leadTime.length} entries, expected ${N} (one per stage)`);
  }
  for (let j = 0; j < N; j++) {
    const h = input.echelonHoldingCost[j]!;
    const L = input.leadTime[j]!;
    if (!(Number.isFinite(h) && h >= 0))
      throw invalidInput(`echelonHoldingCost[${j}]`, `must be >= 0, got ${h}`);
    if (!(Number.isFinite(L) && L >= 0)) throw invalidInput(`leadTime[${j}]`, `must be >= 0, got ${L}`);
  }
  const p = input.stockoutCost;
  if (!(Number.isFinite(p) && p > 0)) throw invalidInput("stockoutCost", `must be > 0, got ${p}`);
  const { demand } = input;
  if (!(Number.isFinite(demand.mean) && demand.mean >= 0)) throw invalidInput("demand.mean", `must be >= 0`);
  if (demand.distribution === "normal" && !(Number.isFinite(demand.sd) && demand.sd! >= 0)) {
    throw invalidInput("demand.sd", "normal demand needs a standard deviation >= 0");
  }
  if (demand.distribution !== "normal" && demand.distribution !== "poisson") {
    throw invalidInput(
      "demand.distribution",
      `must be "normal" or "poisson", got ${String(demand.distribution)}`,
    );
  }

  let step = 1;
  if (demand.distribution === "normal") {
    let minSd = Number.POSITIVE_INFINITY;
    for (let j = 0; j < N; j++) {
      const s = (demand.sd ?? 0) * Math.sqrt(input.leadTime[j]!);
      if (s > 0 && s < minSd) minSd = s;
    }
    step = Number.isFinite(minSd) ? minSd / (options.pointsPerSd ?? 100) : Math.max(demand.mean, 1) / 100;
  }
  const dists = Array.from({ length: N }, (_, j) => leadTimeDemand(demand, input.leadTime[j]!, step));
  // grid [lo, hi]: below Σ of the lowest demand points all functions are linear; above the largest
  // total lead-time demand no base-stock level is useful
  let lowSum = 0;
  let highSum = 0;
  for (const d of dists) {
    lowSum += Math.min(0, d.first);
    highSum += Math.max(0, d.first + d.prob.length - 1);
  }
  const loIdx = lowSum - 2;
  const K = highSum + 2 - loIdx; // grid points 0..K ↔ index loIdx..loIdx+K
  const hTotal = Array.from(input.echelonHoldingCost).reduce((a, b) => a + b, 0);
  let barPrev = new Float64Array(K + 1); // C̄_{j−1} on the grid
  for (let k = 0; k <= K; k++) {
    const x = (loIdx + k) * step;
    barPrev[k] = (p + hTotal) * Math.max(-x, 0);
  }
  const S = new Float64Array(N);
  let cost = 0;
  const hatC = new Float64Array(K + 1);
  for (let j = 0; j < N; j++) {
    const h = input.echelonHoldingCost[j]!;
    for (let k = 0; k <= K; k++) hatC[k] = h * (loIdx + k) * step + barPrev[k]!;
    const slopeLow = hatC[1]! - hatC[0]!;
    const { first, prob } = dists[j]!;
    const C = new Float64Array(K + 1);
    let best = 0;
    for (let k = 0; k <= K; k++) {
      let acc = 0;
      for (let m = 0; m < prob.length; m++) {
        const q = k - first - m; // grid position of y − d
        let v: number;
        if (q < 0) v = hatC[0]! + q * slopeLow;
        else if (q > K) v = h * (loIdx + q) * step + barPrev[K]!;
        else v = hatC[q]!;
        acc += prob[m]! * v;
      }
      C[k] = acc;
      if (acc < C[best]!) best = k;
    }
    // Poisson levels are integers; a normal level is refined between grid points by the parabola
    // through the three values around the grid minimum (C_j is convex).
    let offset = 0;
    if (demand.distribution === "normal" && best > 0 && best < K) {
      const curvature = C[best - 1]! - 2 * C[best]! + C[best + 1]!;
      if (curvature > 0) offset = (0.5 * (C[best - 1]! - C[best + 1]!)) / curvature;
    }
    S[j] = (loIdx + best + offset) * step;
    cost = C[best]!;
    const bar = new Float64Array(K + 1);
    for (let k = 0; k <= K; k++) bar[k] = C[Math.min(k, best)]!;
    barPrev = bar;
  }
  const local = new Float64Array(N);
  for (let j = 0; j < N; j++) local[j] = S[j]! - (j > 0 ? S[j - 1]! : 0);
  return {
    echelonBaseStockLevels: S,
    localBaseStockLevels: local,
    expectedCostPerPeriod: cost,
    gridStep: step,
  };
}

export interface StochasticServiceSerialOptions extends ClarkScarfOptions {
  /** p, backorder cost per unit per period at the demand stage. */
  stockoutCost: number;
  /** Demand distribution per period at the demand stage (mean and sd from the node). */
  demandDistribution?: "normal" | "poisson";
  /**
   * Whether node holdingCost is local (the Network contract; echelon h_j = local_j − local of its
   * supplier) or already echelon.
   */
  holdingCostKind?: "local" | "echelon";
}

export interface StochasticServiceSerialResult {
  echelonBaseStockLevels: Record<string, number>;
  localBaseStockLevels: Record<string, number>;
  expectedCostPerPeriod: number;
}

/**
 * The Clark–Scarf recursion on a serial {@link Network}: node processingTime = lead time L_j, the
 * one sink is the demand stage (its demandMean and demandSd), edges upstream → downstream.
 */
export function stochasticServiceSerial(
  network: Network,
  options: StochasticServiceSerialOptions,
): StochasticServiceSerialResult {
  const index = validateNetwork(network);
  if (!isSerial(index) && index.nodeCount > 1) {
    throw new WorkbenchError(
      "INVALID_NETWORK",
      "the stochastic-service model here needs a serial line of stages",
      {
        field: "edges",
      },
    );
  }
  const order = Array.from(index.topologicalOrder).reverse(); // demand stage first
  const sink = network.nodes[order[0]!]!;
  if (sink.demandMean === undefined) {
    throw new WorkbenchError("INVALID_NETWORK", `node "${sink.id}": the demand stage needs demandMean`, {
      node: sink.id,
      field: "demandMean",
    });
  }
  const distribution = options.demandDistribution ?? "normal";
  const local = order.map((k) => network.nodes[k]!.holdingCost);
  const echelon =
    options.holdingCostKind === "echelon"
      ? local
      : local.map((h, j) => h - (j + 1 < local.length ? local[j + 1]! : 0));
  echelon.forEach((h, j) => {
    if (h < 0) {
      const id = network.nodes[order[j]!]!.id;
      throw new WorkbenchError(
        "INVALID_NETWORK",
        `node "${id}": echelon holding cost ${h} < 0 (local cost below its supplier's)`,
        {
          node: id,
          field: "holdingCost",
        },
      );
    }
  });
  const demand: ClarkScarfInput["demand"] = { distribution, mean: sink.demandMean };
  if (sink.demandSd !== undefined) demand.sd = sink.demandSd;
  const r = clarkScarfSerial(
    {
      echelonHoldingCost: echelon,
      leadTime: order.map((k) => network.nodes[k]!.processingTime),
      stockoutCost: options.stockoutCost,
      demand,
    },
    options,
  );
  const out: StochasticServiceSerialResult = {
    echelonBaseStockLevels: {},
    localBaseStockLevels: {},
    expectedCostPerPeriod: r.expectedCostPerPeriod,
  };
  order.forEach((k, j) => {
    out.echelonBaseStockLevels[network.nodes[k]!.id] = r.echelonBaseStockLevels[j]!;
    out.localBaseStockLevels[network.nodes[k]!.id] = r.localBaseStockLevels[j]!;
  });
  return out;
}

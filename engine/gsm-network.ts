import { WorkbenchError } from "../core/errors.ts";
import type { Network } from "../core/network.ts";
import { guaranteedServiceTreeStages, treeDynamicProgramme } from "../models/inventory/gsm-tree.ts";
import {
  type GuaranteedServiceOptions,
  type GuaranteedServiceSolution,
  type GuaranteedServiceStages,
  guaranteedServiceSolution,
  guaranteedServiceStages,
  isTree,
  validateNetwork,
} from "../models/inventory/network.ts";
import { type LinearProgram, type LpSolverName, solveLp } from "./lp/index.ts";

/**
 * Guaranteed-service model (Graves & Willems 2000) on a general acyclic network:
 *
 *   minimise Σ_j h_j z_j σ_j √τ_j,   τ_j = SI_j + T_j − S_j ≥ 0,
 *   s.t.     SI_j ≥ S_i + L_ij (arcs i→j),  SI_j ≥ SI_ext_j,  0 ≤ S_j ≤ smax_j.
 *
 * The objective is concave, so a piecewise-linear interpolation of √τ on breakpoints b_0 < … < b_K
 * lies below it; minimising the interpolation is a MILP (one binary per segment, "multiple choice"
 * model, Croxton, Gendron & Magnanti 2003) whose optimum, and HiGHS's dual bound on it, are lower
 * bounds on the GSM optimum, while the true cost of its solution is an upper bound.
 *
 * - `exact` (integer times): breakpoints at every integer τ. At integer data the service-time
 *   polyhedron for fixed segments has integral vertices (difference constraints), so the MILP
 *   optimum is the GSM optimum — the formulation used for the project's Willems cases.
 * - `iterative`: start from a few breakpoints per stage (0, T_j, τmax_j) and add the τ_j of each
 *   solution as new breakpoints (Magnanti, Shen, Shu, Simchi-Levi & Teo 2006, "Inventory placement in
 *   acyclic supply chain networks", Oper. Res. Lett. 34:228–238), until the proven gap
 *   (UB − LB)/UB is below `gap` or time runs out. Works with fractional times too.
 * - `auto`: the Graves–Willems tree DP when the network is a tree with integer times, `iterative`
 *   otherwise (on the Willems chains it proves optimality faster than `exact`: chains 1–15 in < 6 s).
 *
 * Every solution returned is repaired to the "tight" service times SI_j = max(SI_ext_j, max_i S_i + L_ij),
 * S_j = max(0, SI_j + T_j − τ_j), which keeps it feasible and never raises its cost.
 */
export interface GuaranteedServiceNetworkOptions extends GuaranteedServiceOptions {
  method?: "auto" | "exact" | "iterative" | "tree";
  /** Target relative gap (UB − LB) / UB; default 1e-6 for exact, 1e-3 for iterative. */
  gap?: number;
  /** Wall-clock limit for the whole solve, seconds (default 60). */
  timeLimitSeconds?: number;
  /** LP back-end (default HiGHS; the others are far slower on these MILPs). */
  solver?: LpSolverName;
  /** Share of the time limit given to the Lagrangian bound before the MILPs (default 0.25; integer times only). */
  lagrangianShare?: number;
  /** Called after each MILP with the bounds so far (progress display, benches). */
  onIteration?: (progress: GuaranteedServiceNetworkProgress) => void;
}

export interface GuaranteedServiceNetworkProgress {
  iteration: number;
  status: string;
  milpObjective: number;
  lowerBound: number;
  upperBound: number;
  /** Piecewise-linear segments (binaries) in this MILP. */
  segments: number;
  seconds: number;
}

export interface GuaranteedServiceNetworkResult extends GuaranteedServiceSolution {
  /** Proven lower bound on the optimal cost. */
  lowerBound: number;
  /** (cost − lowerBound) / cost, 0 when proven optimal to the solver's tolerance. */
  gap: number;
  method: "tree" | "exact" | "iterative";
  /** MILPs solved. */
  iterations: number;
  /** Time spent on the Lagrangian bound. */
  lagrangianSeconds: number;
  seconds: number;
}

interface Prepared {
  stages: GuaranteedServiceStages;
  weight: Float64Array;
  maxIn: Float64Array;
  maxOut: Float64Array;
  maxTau: Float64Array;
  integerTimes: boolean;
}

function prepare(stages: GuaranteedServiceStages): Prepared {
  const { index } = stages;
  const n = index.nodeCount;
  let integerTimes = true;
  for (let k = 0; k < n; k++) {
    if (
      !Number.isInteger(stages.processingTime[k]!) ||
      !Number.isInteger(stages.externalInboundServiceTime[k]!)
    ) {
      integerTimes = false;
    }
  }
  for (let e = 0; e < index.edgeCount; e++)
    if (!Number.isInteger(index.edgeLeadTime[e]!)) integerTimes = false;
  const weight = new Float64Array(n);
  const maxIn = new Float64Array(n);
  const maxOut = new Float64Array(n);
  const maxTau = new Float64Array(n);
  for (const k of index.topologicalOrder) {
    weight[k] = stages.holdingCost[k]! * stages.demandBoundConstant[k]! * stages.sigma[k]!;
    let m = stages.externalInboundServiceTime[k]!;
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      m = Math.max(m, maxOut[index.edgeUpstream[e]!]! + index.edgeLeadTime[e]!);
    }
    maxIn[k] = m;
    const cap = integerTimes ? Math.floor(stages.maxServiceTime[k]!) : stages.maxServiceTime[k]!;
    maxOut[k] = Math.min(cap, m + stages.processingTime[k]!);
    maxTau[k] = m + stages.processingTime[k]!;
  }
  return { stages, weight, maxIn, maxOut, maxTau, integerTimes };
}

/**
 * Tight service times for target net replenishment times (see the file comment); in integer mode the
 * targets are rounded up first so that S stays integer and no larger than the MILP's.
 */
function tighten(prep: Prepared, tauTarget: Float64Array): { SI: Float64Array; S: Float64Array } {
  const { stages } = prep;
  const { index } = stages;
  const n = index.nodeCount;
  const SI = new Float64Array(n);
  const S = new Float64Array(n);
  for (const k of index.topologicalOrder) {
    let si = stages.externalInboundServiceTime[k]!;
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      si = Math.max(si, S[index.edgeUpstream[e]!]! + index.edgeLeadTime[e]!);
    }
    const target = prep.integerTimes ? Math.ceil(tauTarget[k]! - 1e-6) : Math.max(0, tauTarget[k]!);
    SI[k] = si;
    S[k] = Math.min(prep.maxOut[k]!, Math.max(0, si + stages.processingTime[k]! - target));
  }
  return { SI, S };
}

/**
 * A spanning forest of in-trees: for each stage only the arc from the supplier with the longest
 * possible outbound service time. Returns the forest's stages (σ, z, h of the full network) and the
 * arcs left out.
 */
function spanningForest(prep: Prepared): { forest: GuaranteedServiceStages; relaxed: Int32Array } {
  const { stages } = prep;
  const { index } = stages;
  const n = index.nodeCount;
  const edges: Network["edges"] = [];
  const kept = new Uint8Array(index.edgeCount);
  for (let k = 0; k < n; k++) {
    let best = -1;
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      const reach = prep.maxOut[index.edgeUpstream[e]!]! + index.edgeLeadTime[e]!;
      if (best < 0 || reach > prep.maxOut[index.edgeUpstream[best]!]! + index.edgeLeadTime[best]!) best = e;
    }
    if (best >= 0) {
      kept[best] = 1;
      edges.push({
        upstream: index.ids[index.edgeUpstream[best]!]!,
        downstream: index.ids[k]!,
        leadTime: index.edgeLeadTime[best]!,
      });
    }
  }
  const network: Network = {
    nodes: index.ids.map((id, k) => ({ id, processingTime: stages.processingTime[k]!, holdingCost: 0 })),
    edges,
  };
  const relaxed: number[] = [];
  for (let e = 0; e < index.edgeCount; e++) if (!kept[e]) relaxed.push(e);
  return { forest: { ...stages, index: validateNetwork(network) }, relaxed: Int32Array.from(relaxed) };
}

/**
 * Lagrangian lower bound: the arcs outside the spanning forest are dualised,
 * L(λ) = min_{forest-feasible S, SI} Σ_j h_j z_j σ_j √τ_j + Σ_{(i,j) relaxed} λ_ij (S_i + L_ij − SI_j) ≤ OPT
 * for λ ≥ 0, each L(λ) one tree DP with linear terms (SI ranges kept at the full network's, so the
 * relaxation contains an optimal solution). Subgradient ascent with Polyak steps (Held, Wolfe &
 * Crowder 1974); each DP solution, made feasible by {@link tighten}, is also offered as an upper bound.
 */
function lagrangianBound(
  prep: Prepared,
  deadline: () => boolean,
  upperBound: () => number,
  consider: (SI: Float64Array, S: Float64Array) => void,
  maxIterations: number,
): number {
  const { stages } = prep;
  const { index } = stages;
  const n = index.nodeCount;
  const { forest, relaxed } = spanningForest(prep);
  const m = relaxed.length;
  const lambda = new Float64Array(m);
  const linearOutbound = new Float64Array(n);
  const linearInbound = new Float64Array(n);
  const g = new Float64Array(m);
  let best = 0;
  let theta = 2;
  let sinceImprovement = 0;
  for (let it = 0; it < maxIterations && !deadline(); it++) {
    linearOutbound.fill(0);
    linearInbound.fill(0);
    let constant = 0;
    for (let r = 0; r < m; r++) {
      const e = relaxed[r]!;
      linearOutbound[index.edgeUpstream[e]!]! += lambda[r]!;
      linearInbound[index.edgeDownstream[e]!]! -= lambda[r]!;
      constant += lambda[r]! * index.edgeLeadTime[e]!;
    }
    const dp = treeDynamicProgramme(forest, {
      maxInboundServiceTime: prep.maxIn,
      linearOutbound,
      linearInbound,
    });
    const value = dp.value + constant;
    if (value > best + 1e-9 * Math.abs(best)) {
      best = value;
      sinceImprovement = 0;
    } else if (++sinceImprovement >= 5) {
      theta /= 2;
      sinceImprovement = 0;
    }
    const tau = new Float64Array(n);
    for (let k = 0; k < n; k++) tau[k] = dp.SI[k]! + stages.processingTime[k]! - dp.S[k]!;
    const repaired = tighten(prep, tau);
    consider(repaired.SI, repaired.S);
    let norm = 0;
    for (let r = 0; r < m; r++) {
      const e = relaxed[r]!;
      g[r] = dp.S[index.edgeUpstream[e]!]! + index.edgeLeadTime[e]! - dp.SI[index.edgeDownstream[e]!]!;
      if (lambda[r] === 0 && g[r]! < 0) g[r] = 0;
      norm += g[r]! * g[r]!;
    }
    if (norm === 0) break; // the DP solution satisfies every relaxed arc: L(λ) is optimal
    const step = (theta * Math.max(upperBound() - value, 1e-9 * upperBound())) / norm;
    for (let r = 0; r < m; r++) lambda[r] = Math.max(0, lambda[r]! + step * g[r]!);
    if (theta < 1e-4) break;
  }
  return best;
}

/** A feasible start: the spanning forest solved exactly, made feasible for all arcs. */
function spanningForestSolution(prep: Prepared): { SI: Float64Array; S: Float64Array } {
  const { forest } = spanningForest(prep);
  const dp = treeDynamicProgramme(forest, { maxInboundServiceTime: prep.maxIn });
  const tau = new Float64Array(prep.stages.index.nodeCount);
  for (let k = 0; k < tau.length; k++) tau[k] = dp.SI[k]! + prep.stages.processingTime[k]! - dp.S[k]!;
  return tighten(prep, tau);
}

/** Builds the piecewise-linear MILP for the given breakpoints (breakpoints[k] sorted, from 0 to τmax). */
function buildMilp(
  prep: Prepared,
  breakpoints: Float64Array[],
): { lp: LinearProgram; segmentStart: Int32Array } {
  const { stages, weight } = prep;
  const { index } = stages;
  const n = index.nodeCount;
  // columns: S (n), SI (n), then per weighted stage K binaries y and K continuous δ
  const segmentStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const K = weight[k]! > 0 ? breakpoints[k]!.length - 1 : 0;
    segmentStart[k + 1] = segmentStart[k]! + K;
  }
  const segments = segmentStart[n]!;
  const cols = 2 * n + 2 * segments;
  const yCol = (s: number): number => 2 * n + s;
  const dCol = (s: number): number => 2 * n + segments + s;
  const objective = new Float64Array(cols);
  const columnLower = new Float64Array(cols);
  const columnUpper = new Float64Array(cols).fill(Number.POSITIVE_INFINITY);
  const integer = new Uint8Array(cols);
  for (let k = 0; k < n; k++) {
    columnUpper[k] = prep.maxOut[k]!;
    columnLower[n + k] = stages.externalInboundServiceTime[k]!;
    columnUpper[n + k] = prep.maxIn[k]!;
  }
  for (let s = 0; s < segments; s++) {
    columnUpper[yCol(s)] = 1;
    integer[yCol(s)] = 1;
  }
  const rowStartsList: number[] = [0];
  const colList: number[] = [];
  const valList: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const endRow = (lo: number, hi: number): void => {
    rowStartsList.push(colList.length);
    lower.push(lo);
    upper.push(hi);
  };
  for (let e = 0; e < index.edgeCount; e++) {
    colList.push(n + index.edgeDownstream[e]!, index.edgeUpstream[e]!);
    valList.push(1, -1);
    endRow(index.edgeLeadTime[e]!, Number.POSITIVE_INFINITY);
  }
  for (let k = 0; k < n; k++) {
    const T = stages.processingTime[k]!;
    const K = segmentStart[k + 1]! - segmentStart[k]!;
    if (K === 0) {
      colList.push(n + k, k);
      valList.push(1, -1);
      endRow(-T, Number.POSITIVE_INFINITY);
      continue;
    }
    const b = breakpoints[k]!;
    const w = weight[k]!;
    // SI − S − Σ b_{s−1} y_s − Σ δ_s = −T
    colList.push(n + k, k);
    valList.push(1, -1);
    for (let s = 0; s < K; s++) {
      const g = segmentStart[k]! + s;
      colList.push(yCol(g), dCol(g));
      valList.push(-b[s]!, -1);
      const len = b[s + 1]! - b[s]!;
      objective[yCol(g)] = w * Math.sqrt(b[s]!);
      objective[dCol(g)] = (w * (Math.sqrt(b[s + 1]!) - Math.sqrt(b[s]!))) / len;
      columnUpper[dCol(g)] = len;
    }
    endRow(-T, -T);
    for (let s = 0; s < K; s++) {
      colList.push(yCol(segmentStart[k]! + s));
      valList.push(1);
    }
    endRow(1, 1);
    for (let s = 0; s < K; s++) {
      const g = segmentStart[k]! + s;
      colList.push(dCol(g), yCol(g));
      valList.push(1, -(b[s + 1]! - b[s]!));
      endRow(Number.NEGATIVE_INFINITY, 0);
    }
  }
  return {
    lp: {
      objective,
      columnLower,
      columnUpper,
      integer,
      rowStarts: Int32Array.from(rowStartsList),
      columnIndices: Int32Array.from(colList),
      values: Float64Array.from(valList),
      rowLower: Float64Array.from(lower),
      rowUpper: Float64Array.from(upper),
    },
    segmentStart,
  };
}

function insertSorted(list: Float64Array, value: number, tolerance: number): Float64Array {
  for (let i = 0; i < list.length; i++) if (Math.abs(list[i]! - value) <= tolerance) return list;
  const out = new Float64Array(list.length + 1);
  let j = 0;
  let placed = false;
  for (let i = 0; i < list.length; i++) {
    if (!placed && value < list[i]!) {
      out[j++] = value;
      placed = true;
    }
    out[j++] = list[i]!;
  }
  if (!placed) out[j] = value;
  return out;
}

/** Solves the GSM on an acyclic network; see {@link GuaranteedServiceNetworkOptions}. */
export async function guaranteedServiceNetwork(
  network: Network,
  options: GuaranteedServiceNetworkOptions = {},
): Promise<GuaranteedServiceNetworkResult> {
  const started = performance.now();
  const stages = guaranteedServiceStages(network, options);
  const prep = prepare(stages);
  const n = stages.index.nodeCount;
  const timeLimit = options.timeLimitSeconds ?? 60;
  let method = options.method ?? "auto";
  if (method === "auto") {
    method = prep.integerTimes && isTree(stages.index) ? "tree" : "iterative";
  }
  const elapsed = (): number => (performance.now() - started) / 1000;
  if (method === "tree") {
    const solution = guaranteedServiceTreeStages(stages);
    return {
      ...solution,
      lowerBound: solution.cost,
      gap: 0,
      method: "tree",
      iterations: 0,
      lagrangianSeconds: 0,
      seconds: elapsed(),
    };
  }
  if (method === "exact" && !prep.integerTimes) {
    throw new WorkbenchError(
      "INVALID_MODEL_INPUT",
      "method exact needs whole-period processing, lead and external service times; use iterative",
      { field: "method" },
    );
  }
  const targetGap = options.gap ?? (method === "exact" ? 1e-6 : 1e-3);
  const breakpoints: Float64Array[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const top = prep.maxTau[k]!;
    if (method === "exact") {
      breakpoints[k] = Float64Array.from({ length: Math.max(1, Math.ceil(top)) + 1 }, (_, t) => t);
    } else {
      let b: Float64Array = Float64Array.of(0, Math.max(top, 1e-9));
      b = insertSorted(b, Math.min(stages.processingTime[k]!, top), 1e-9);
      if (prep.integerTimes && top > 1) b = insertSorted(b, 1, 1e-9);
      breakpoints[k] = b;
    }
  }
  let bestCost = Number.POSITIVE_INFINITY;
  let bestSI: Float64Array = new Float64Array(n);
  let bestS: Float64Array = new Float64Array(n);
  const consider = (SI: Float64Array, S: Float64Array): void => {
    let cost = 0;
    for (let k = 0; k < n; k++)
      cost += prep.weight[k]! * Math.sqrt(Math.max(0, SI[k]! + stages.processingTime[k]! - S[k]!));
    if (cost < bestCost) {
      bestCost = cost;
      bestSI = SI;
      bestS = S;
    }
  };
  // Two always-feasible starts, so a MILP stopped without an incumbent still leaves an answer:
  // stock everywhere (S = 0) and stock nowhere but where max service times force it (τ = 0).
  {
    const all = tighten(prep, prep.maxTau);
    consider(all.SI, all.S);
    const none = tighten(prep, new Float64Array(n));
    consider(none.SI, none.S);
    if (prep.integerTimes && method === "iterative") {
      const forest = spanningForestSolution(prep);
      consider(forest.SI, forest.S);
      for (let k = 0; k < n; k++) {
        const t = forest.SI[k]! + stages.processingTime[k]! - forest.S[k]!;
        if (t > 0 && t < prep.maxTau[k]!) breakpoints[k] = insertSorted(breakpoints[k]!, t, 0.5);
      }
    }
  }
  let lowerBound = 0;
  let lagrangianSeconds = 0;
  if (prep.integerTimes && method === "iterative") {
    // A quarter of the time for the Lagrangian bound: strong on near-trees (few arcs off the forest).
    const stop = elapsed() + timeLimit * (options.lagrangianShare ?? 0.25);
    const t0 = elapsed();
    lowerBound = lagrangianBound(
      prep,
      () => elapsed() > stop,
      () => bestCost,
      consider,
      400,
    );
    lagrangianSeconds = elapsed() - t0;
  }
  let iterations = 0;
  // set when a MILP stopped early and its solution added no breakpoint: re-solving the same MILP
  // only makes sense with all the time left
  let stalled = false;
  while (bestCost > 0 && (bestCost - lowerBound) / bestCost > targetGap) {
    const remaining = timeLimit - elapsed();
    if (remaining <= 0.05 && iterations > 0) break;
    const { lp, segmentStart } = buildMilp(prep, breakpoints);
    const result = await solveLp(lp, {
      solver: options.solver ?? "highs",
      // early, coarse MILPs only need to point at where to refine: cap their time
      timeLimitSeconds: Math.max(
        0.1,
        method === "exact" || stalled ? remaining : Math.min(remaining, Math.max(2, remaining / 2)),
      ),
      mipGap: Math.max(targetGap / 4, 1e-9),
    });
    iterations++;
    if (result.status === "infeasible") {
      throw new WorkbenchError(
        "INFEASIBLE",
        "no service times satisfy the max service times and arc lead times",
        {},
      );
    }
    if (result.status === "time_limit") {
      // no incumbent within this slice: try again with the time left (same breakpoints)
      lowerBound = Math.max(lowerBound, result.bestBound ?? 0);
      if (method === "exact" || stalled || timeLimit - elapsed() < 1) break;
      stalled = true;
      continue;
    }
    if (result.status !== "optimal" && result.status !== "feasible") {
      throw new WorkbenchError(
        "SOLVER_FAILED",
        `GSM MILP ended with status ${result.status}${result.message ? ` (${result.message})` : ""}`,
        {},
      );
    }
    const bound =
      result.status === "optimal"
        ? Math.min(result.objective, result.bestBound ?? result.objective)
        : (result.bestBound ?? 0);
    lowerBound = Math.max(lowerBound, bound);
    // τ of the MILP solution, then tight service times and their true cost.
    const tau = new Float64Array(n);
    for (let k = 0; k < n; k++) tau[k] = result.x[n + k]! + stages.processingTime[k]! - result.x[k]!;
    const { SI, S } = tighten(prep, tau);
    consider(SI, S);
    if (options.onIteration) {
      options.onIteration({
        iteration: iterations,
        status: result.status,
        milpObjective: result.objective,
        lowerBound,
        upperBound: bestCost,
        segments: segmentStart[n]!,
        seconds: elapsed(),
      });
    }
    if (method === "exact") break;
    if ((bestCost - lowerBound) / bestCost <= targetGap || bestCost === 0) break;
    // refine: a breakpoint at each stage's τ (MILP's and tightened) where it is not one already
    let added = 0;
    for (let k = 0; k < n; k++) {
      if (segmentStart[k + 1] === segmentStart[k]) continue;
      for (const t of [tau[k]!, SI[k]! + stages.processingTime[k]! - S[k]!]) {
        const v = prep.integerTimes ? Math.round(t) : t;
        if (v <= 0 || v >= prep.maxTau[k]!) continue;
        const before = breakpoints[k]!.length;
        breakpoints[k] = insertSorted(breakpoints[k]!, v, prep.integerTimes ? 0.5 : 1e-7 * (1 + v));
        added += breakpoints[k]!.length - before;
      }
    }
    stalled = added === 0;
    if (added === 0 && result.status === "optimal") {
      // the MILP solution sits on breakpoints, so its interpolated cost is its true cost: optimal
      lowerBound = Math.max(lowerBound, Math.min(bestCost, result.objective));
      break;
    }
  }
  const solution = guaranteedServiceSolution(stages, bestSI, bestS);
  const gap = solution.cost > 0 ? Math.max(0, (solution.cost - lowerBound) / solution.cost) : 0;
  return {
    ...solution,
    // not clamped to the cost: a bound above the cost would be a bug, and tests look for it
    lowerBound,
    gap,
    method,
    iterations,
    lagrangianSeconds,
    seconds: elapsed(),
  };
}

import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import {
  type GuaranteedServiceOptions,
  type GuaranteedServiceSolution,
  type GuaranteedServiceStages,
  guaranteedServiceSolution,
  guaranteedServiceStages,
  requireIntegerTimes,
} from "./network.ts";

/**
 * Guaranteed-service model on a tree (spanning tree: assembly and distribution parts may mix),
 * solved exactly by the dynamic programme of Graves & Willems (2000), "Optimizing strategic safety
 * stock placement in supply chains", MSOM 2(1):68–83, §4.
 *
 *   minimise Σ_j h_j z_j σ_j √(SI_j + T_j − S_j)
 *   s.t.     S_j ≤ SI_j + T_j,  SI_j ≥ S_i + L_ij for every arc i→j,  SI_j ≥ SI_ext_j,
 *            0 ≤ S_j ≤ smax_j,  S_j, SI_j integer.
 *
 * Nodes are labelled by peeling leaves of the undirected tree, so that each node but the last has
 * exactly one neighbour of higher label (its "parent" p). If p is downstream of k the DP keeps
 *   f_k(S) = min cost of k and its lower-labelled subtree given S_k = S,
 * otherwise
 *   g_k(SI) = min cost given SI_k = SI;
 * both come from c_k(S, SI) = h z σ √(SI+T−S) + Σ_{upstream children i} min_{x ≤ SI−L} f_i(x)
 *                                           + Σ_{downstream children d} min_{y ≥ S+L} g_d(y).
 * Service times range over 0..(longest inbound path), so the work is O(Σ_k range_k²) = O(N·R²) with
 * R the largest service-time range; values, arguments and running minima sit in typed-array pools.
 * A forest is solved component by component.
 */
export function guaranteedServiceTree(
  network: Network,
  options: GuaranteedServiceOptions = {},
): GuaranteedServiceSolution {
  return guaranteedServiceTreeStages(guaranteedServiceStages(network, options));
}

/** The same dynamic programme on prepared stages (used by the general-network solver on trees). */
export function guaranteedServiceTreeStages(stages: GuaranteedServiceStages): GuaranteedServiceSolution {
  const { S, SI } = treeDynamicProgramme(stages);
  return guaranteedServiceSolution(stages, SI, S);
}

/** Extra terms for {@link treeDynamicProgramme} (used by Lagrangian bounds on general networks). */
export interface TreeDpExtras {
  /** Upper bounds on SI_k to use instead of the tree's own longest inbound paths (must be ≥ them). */
  maxInboundServiceTime?: Float64Array;
  /** Linear cost per unit of S_k added to stage k. */
  linearOutbound?: Float64Array;
  /** Linear cost per unit of SI_k added to stage k. */
  linearInbound?: Float64Array;
}

/**
 * The Graves–Willems DP returning raw service times and the optimal objective (holding cost plus
 * the extra linear terms), for a forest given by `stages.index`.
 */
export function treeDynamicProgramme(
  stages: GuaranteedServiceStages,
  extras: TreeDpExtras = {},
): { S: Float64Array; SI: Float64Array; value: number } {
  requireIntegerTimes(stages);
  const { index } = stages;
  const n = index.nodeCount;
  const { edgeUpstream: up, edgeDownstream: down } = index;
  const lead = index.edgeLeadTime;

  // Undirected adjacency through edge ids; reject any undirected cycle.
  const degree = new Int32Array(n);
  const parentOf = new Int32Array(n);
  for (let k = 0; k < n; k++) parentOf[k] = k;
  const find = (x: number): number => {
    while (parentOf[x] !== x) {
      parentOf[x] = parentOf[parentOf[x]!]!;
      x = parentOf[x]!;
    }
    return x;
  };
  for (let e = 0; e < index.edgeCount; e++) {
    const a = find(up[e]!);
    const b = find(down[e]!);
    if (a === b) {
      const arc = `${index.ids[up[e]!]}->${index.ids[down[e]!]}`;
      throw new WorkbenchError(
        "INVALID_NETWORK",
        `arc ${arc} closes an undirected cycle: the network is not a tree (use guaranteedServiceNetwork)`,
        { arc },
      );
    }
    parentOf[a] = b;
    degree[up[e]!]!++;
    degree[down[e]!]!++;
  }

  // Service-time ranges in topological order: SI_k ≤ maxIn_k, S_k ≤ maxOut_k.
  const maxIn = new Int32Array(n);
  const maxOut = new Int32Array(n);
  for (const k of index.topologicalOrder) {
    let m = stages.externalInboundServiceTime[k]!;
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      const v = maxOut[up[e]!]! + lead[e]!;
      if (v > m) m = v;
    }
    const override = extras.maxInboundServiceTime?.[k];
    if (override !== undefined && override > m) m = override;
    maxIn[k] = m;
    maxOut[k] = Math.min(Math.floor(stages.maxServiceTime[k]!), m + stages.processingTime[k]!);
  }
  let maxTau = 0;
  for (let k = 0; k < n; k++)
    if (maxIn[k]! + stages.processingTime[k]! > maxTau) maxTau = maxIn[k]! + stages.processingTime[k]!;
  const sqrtTable = new Float64Array(maxTau + 1);
  for (let t = 0; t <= maxTau; t++) sqrtTable[t] = Math.sqrt(t);

  // Peel leaves: order[q] is the q-th node labelled; parentEdge[k] the edge to its parent (-1 at a root).
  const order = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const removed = new Uint8Array(n);
  const remaining = degree.slice();
  const queue = new Int32Array(2 * n + 1); // a node may be queued at degree 1 and again at 0
  let qHead = 0;
  let qTail = 0;
  for (let k = 0; k < n; k++) if (remaining[k]! <= 1) queue[qTail++] = k;
  let labelled = 0;
  while (qHead < qTail) {
    const k = queue[qHead++]!;
    if (removed[k]) continue;
    removed[k] = 1;
    order[labelled++] = k;
    // The one neighbour not yet removed is the parent.
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      const v = up[e]!;
      if (!removed[v]) {
        parentEdge[k] = e;
        if (--remaining[v]! === 1) queue[qTail++] = v;
        else if (remaining[v] === 0) queue[qTail++] = v;
      }
    }
    for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
      const e = index.outEdges[p]!;
      const v = down[e]!;
      if (!removed[v]) {
        parentEdge[k] = e;
        if (--remaining[v]! === 1) queue[qTail++] = v;
        else if (remaining[v] === 0) queue[qTail++] = v;
      }
    }
  }

  // Pools: node k owns [offset_k, offset_k + len_k) with len = maxOut+1 (f-type, indexed by S)
  // or maxIn+1 (g-type, indexed by SI).
  const isF = new Uint8Array(n); // parent downstream of k (or k is a root): keep f_k(S)
  const offset = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const e = parentEdge[k]!;
    isF[k] = e < 0 || up[e] === k ? 1 : 0;
    offset[k + 1] = offset[k]! + (isF[k] ? maxOut[k]! : maxIn[k]!) + 1;
  }
  const total = offset[n]!;
  const ownArg = new Int32Array(total); // f: best SI for S;  g: best S for SI
  const runMin = new Float64Array(total); // f: prefix min over S;  g: suffix min over SI
  const runArg = new Int32Array(total);

  let maxLen = 0;
  for (let k = 0; k < n; k++) maxLen = Math.max(maxLen, maxIn[k]! + 1, maxOut[k]! + 1);
  const inboundTerm = new Float64Array(maxLen); // A_k(SI)
  const outboundTerm = new Float64Array(maxLen); // B_k(S)
  const INF = Number.POSITIVE_INFINITY;

  for (let q = 0; q < n; q++) {
    const k = order[q]!;
    const mi = maxIn[k]!;
    const mo = maxOut[k]!;
    const T = stages.processingTime[k]!;
    const ext = stages.externalInboundServiceTime[k]!;
    const weight = stages.holdingCost[k]! * stages.demandBoundConstant[k]! * stages.sigma[k]!;
    inboundTerm.fill(0, 0, mi + 1);
    for (let si = 0; si < ext && si <= mi; si++) inboundTerm[si] = INF;
    outboundTerm.fill(0, 0, mo + 1);
    const linIn = extras.linearInbound?.[k] ?? 0;
    const linOut = extras.linearOutbound?.[k] ?? 0;
    if (linIn !== 0) for (let si = 0; si <= mi; si++) inboundTerm[si]! += linIn * si;
    if (linOut !== 0) for (let s = 0; s <= mo; s++) outboundTerm[s]! += linOut * s;
    const pe = parentEdge[k]!;
    // Children: upstream neighbours i (f-type) and downstream neighbours d (g-type), except the parent.
    for (let p = index.inStart[k]!; p < index.inStart[k + 1]!; p++) {
      const e = index.inEdges[p]!;
      if (e === pe) continue;
      const i = up[e]!;
      const L = lead[e]!;
      const base = offset[i]!;
      const top = maxOut[i]!;
      for (let si = 0; si <= mi; si++) {
        const x = si - L;
        inboundTerm[si]! += x < 0 ? INF : runMin[base + Math.min(x, top)]!;
      }
    }
    for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
      const e = index.outEdges[p]!;
      if (e === pe) continue;
      const d = down[e]!;
      const L = lead[e]!;
      const base = offset[d]!;
      const top = maxIn[d]!;
      for (let s = 0; s <= mo; s++) {
        const y = s + L;
        outboundTerm[s]! += y > top ? INF : runMin[base + y]!;
      }
    }
    const base = offset[k]!;
    if (isF[k]) {
      // f_k(S) = B(S) + min_{SI ≥ max(ext, S−T)} [w √(SI+T−S) + A(SI)]
      for (let s = 0; s <= mo; s++) {
        let best = INF;
        let arg = -1;
        const lo = Math.max(ext, s - T, 0);
        for (let si = lo; si <= mi; si++) {
          const v = weight * sqrtTable[si + T - s]! + inboundTerm[si]!;
          if (v < best) {
            best = v;
            arg = si;
          }
        }
        ownArg[base + s] = arg;
        const value = best + outboundTerm[s]!;
        if (s === 0 || value < runMin[base + s - 1]!) {
          runMin[base + s] = value;
          runArg[base + s] = s;
        } else {
          runMin[base + s] = runMin[base + s - 1]!;
          runArg[base + s] = runArg[base + s - 1]!;
        }
      }
    } else {
      // g_k(SI) = A(SI) + min_{0 ≤ S ≤ min(SI+T, smax)} [w √(SI+T−S) + B(S)]
      for (let si = 0; si <= mi; si++) {
        let best = INF;
        let arg = -1;
        if (si >= ext) {
          const hi = Math.min(si + T, mo);
          for (let s = 0; s <= hi; s++) {
            const v = weight * sqrtTable[si + T - s]! + outboundTerm[s]!;
            if (v < best) {
              best = v;
              arg = s;
            }
          }
        }
        ownArg[base + si] = arg;
        runMin[base + si] = best + inboundTerm[si]!;
      }
      // suffix minimum over SI ≥ y (ties keep the smallest SI)
      runArg[base + mi] = mi;
      for (let si = mi - 1; si >= 0; si--) {
        if (runMin[base + si]! <= runMin[base + si + 1]!) runArg[base + si] = si;
        else {
          runMin[base + si] = runMin[base + si + 1]!;
          runArg[base + si] = runArg[base + si + 1]!;
        }
      }
    }
  }

  // Top-down: roots first (reverse labelling), then each node from its parent's times.
  const S = new Float64Array(n);
  const SI = new Float64Array(n);
  let value = 0;
  for (let q = n - 1; q >= 0; q--) {
    const k = order[q]!;
    const pe = parentEdge[k]!;
    const base = offset[k]!;
    let s: number;
    let si: number;
    if (pe < 0) {
      s = runArg[base + maxOut[k]!]!;
      value += runMin[base + maxOut[k]!]!;
      if (!Number.isFinite(runMin[base + maxOut[k]!]!)) {
        throw new WorkbenchError(
          "INFEASIBLE",
          `node "${index.ids[k]}": no service times satisfy the constraints`,
          {
            node: index.ids[k]!,
          },
        );
      }
      si = ownArg[base + s]!;
    } else if (isF[k]) {
      const parent = down[pe]!;
      const x = SI[parent]! - lead[pe]!;
      s = runArg[base + Math.min(x, maxOut[k]!)]!;
      si = ownArg[base + s]!;
    } else {
      const parent = up[pe]!;
      si = runArg[base + S[parent]! + lead[pe]!]!;
      s = ownArg[base + si]!;
    }
    S[k] = s;
    SI[k] = si;
  }
  return { S, SI, value };
}

import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import {
  type GuaranteedServiceOptions,
  type GuaranteedServiceSolution,
  guaranteedServiceSolution,
  guaranteedServiceStages,
  isSerial,
  requireIntegerTimes,
} from "./network.ts";

/**
 * Guaranteed-service model on a serial line, by the forward dynamic programme over committed service
 * times of Simpson (1958) as restated by Graves & Willems (2000, §3) and Snyder & Shen,
 * Fundamentals of Supply Chain Theory (2nd ed.), §6.3.3:
 *
 *   stages 1 (most upstream) … N (faces demand),
 *   f_1(S) = min_{SI_ext ≤ SI, S ≤ SI + T_1} h_1 z_1 σ_1 √(SI + T_1 − S),
 *   f_j(S) = min_{SI ≥ max(0, S − T_j)} [h_j z_j σ_j √(SI + T_j − S) + min_{x ≤ SI − L_{j−1,j}} f_{j−1}(x)],
 *   cost = min_{0 ≤ S ≤ smax_N} f_N(S),
 *
 * with integer service times bounded by the cumulative upstream time. O(N·R²) for R that bound.
 */
export function guaranteedServiceSerial(
  network: Network,
  options: GuaranteedServiceOptions = {},
): GuaranteedServiceSolution {
  const stages = guaranteedServiceStages(network, options);
  requireIntegerTimes(stages);
  const { index } = stages;
  const n = index.nodeCount;
  if (!isSerial(index)) {
    throw new WorkbenchError(
      "INVALID_NETWORK",
      `network "${network.id ?? ""}" is not serial (one line of stages); use guaranteedServiceTree or guaranteedServiceNetwork`,
      { field: "edges" },
    );
  }
  const line = index.topologicalOrder; // upstream first
  const leadInto = new Int32Array(n); // lead time on the arc into line[q]
  const maxIn = new Int32Array(n);
  const maxOut = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    const k = line[q]!;
    const p = index.inStart[k]!;
    leadInto[q] = p < index.inStart[k + 1]! ? index.edgeLeadTime[index.inEdges[p]!]! : 0;
    const fromUpstream = q === 0 ? 0 : maxOut[q - 1]! + leadInto[q]!;
    maxIn[q] = Math.max(stages.externalInboundServiceTime[k]!, fromUpstream);
    maxOut[q] = Math.min(Math.floor(stages.maxServiceTime[k]!), maxIn[q]! + stages.processingTime[k]!);
  }
  // prefix minima of f_{q} over S, with arguments, per stage (needed to trace the solution back)
  const offsets = new Int32Array(n + 1);
  for (let q = 0; q < n; q++) offsets[q + 1] = offsets[q]! + maxOut[q]! + 1;
  const prefixMin = new Float64Array(offsets[n]!);
  const prefixArg = new Int32Array(offsets[n]!);
  const bestInbound = new Int32Array(offsets[n]!);
  for (let q = 0; q < n; q++) {
    const k = line[q]!;
    const T = stages.processingTime[k]!;
    const w = stages.holdingCost[k]! * stages.demandBoundConstant[k]! * stages.sigma[k]!;
    const lo0 = stages.externalInboundServiceTime[k]!;
    const base = offsets[q]!;
    for (let s = 0; s <= maxOut[q]!; s++) {
      let best = Number.POSITIVE_INFINITY;
      let arg = -1;
      for (let si = Math.max(lo0, s - T, q === 0 ? 0 : leadInto[q]!); si <= maxIn[q]!; si++) {
        let upstream = 0;
        if (q > 0) {
          const x = Math.min(si - leadInto[q]!, maxOut[q - 1]!);
          upstream = prefixMin[offsets[q - 1]! + x]!;
        }
        const v = w * Math.sqrt(si + T - s) + upstream;
        if (v < best) {
          best = v;
          arg = si;
        }
      }
      bestInbound[base + s] = arg;
      if (s === 0 || best < prefixMin[base + s - 1]!) {
        prefixMin[base + s] = best;
        prefixArg[base + s] = s;
      } else {
        prefixMin[base + s] = prefixMin[base + s - 1]!;
        prefixArg[base + s] = prefixArg[base + s - 1]!;
      }
    }
  }
  const S = new Float64Array(n);
  const SI = new Float64Array(n);
  let limit = maxOut[n - 1]!;
  for (let q = n - 1; q >= 0; q--) {
    const k = line[q]!;
    const s = prefixArg[offsets[q]! + limit]!;
    const si = bestInbound[offsets[q]! + s]!;
    S[k] = s;
    SI[k] = si;
    if (q > 0) limit = Math.min(si - leadInto[q]!, maxOut[q - 1]!);
  }
  return guaranteedServiceSolution(stages, SI, S);
}

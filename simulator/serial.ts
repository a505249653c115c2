import { WorkbenchError } from "../core/errors.ts";
import { Rng } from "../core/rng.ts";
import { standardNormal } from "./demand.ts";

/**
 * Fast path for the most common validation run: a serial chain under echelon base-stock with
 * normal demand at the last stage (Clark & Scarf 1960; Snyder & Shen, Fundamentals of Supply Chain
 * Theory, §6.2). Same timing, cost convention and random numbers as the general engine
 * (engine.ts), so on the same seed the two agree to rounding; this one keeps the whole state of a
 * replication in a few typed arrays and runs the period loop without any indirection.
 *
 * Stages are numbered from the customer: stage 0 faces demand, stage K−1 orders from an ample
 * supplier. leadTimes[k] is the engine lead time into stage k (an order shipped at the end of t
 * arrives at the start of t + L + 1). Costs per period: Σ_k localHolding[k]·onHand[k]
 * + Σ_k pipelineHolding[k]·(in transit into k) + backorderCost·(stage-0 backorders).
 */
export interface SerialSystem {
  echelonBaseStock: Float64Array | number[];
  leadTimes: Int32Array | number[];
  localHolding: Float64Array | number[];
  pipelineHolding: Float64Array | number[];
  backorderCost: number;
  demandMean: number;
  demandSd: number;
  periods: number;
  warmup: number;
  seed: number;
}

/** Mean cost per period of each replication in [fromIndex, fromIndex + count). */
export function simulateSerialEchelon(sys: SerialSystem, fromIndex: number, count: number): Float64Array {
  const K = sys.echelonBaseStock.length;
  if (
    K === 0 ||
    sys.leadTimes.length !== K ||
    sys.localHolding.length !== K ||
    sys.pipelineHolding.length !== K
  ) {
    throw new WorkbenchError(
      "INVALID_SCENARIO",
      "echelonBaseStock: leadTimes, localHolding and pipelineHolding need one entry per stage",
      { field: "echelonBaseStock" },
    );
  }
  const S = Float64Array.from(sys.echelonBaseStock);
  const L = Int32Array.from(sys.leadTimes);
  const h = Float64Array.from(sys.localHolding);
  const ph = Float64Array.from(sys.pipelineHolding);
  let H = 2;
  for (let k = 0; k < K; k++) H = Math.max(H, L[k]! + 2);
  const onHand = new Float64Array(K);
  const transit = new Float64Array(K);
  /** Orders of stage k not yet shipped by stage k + 1. */
  const owed = new Float64Array(K);
  const pipe = new Float64Array(K * H);
  const out = new Float64Array(count);
  const { periods, warmup, demandMean: mu, demandSd: sd, backorderCost: p } = sys;
  for (let r = 0; r < count; r++) {
    const rng = Rng.stream(sys.seed, fromIndex + r);
    // The engine draws all demand first, in period order; so do we, to share the stream.
    const demand = new Float64Array(periods);
    for (let t = 0; t < periods; t++) {
      const d = mu + sd * standardNormal(rng);
      demand[t] = Math.max(d, 0);
    }
    pipe.fill(0);
    transit.fill(0);
    owed.fill(0);
    for (let k = 0; k < K; k++) onHand[k] = Math.max(0, S[k]! - (k > 0 ? S[k - 1]! : 0));
    let backlog = 0;
    let cost = 0;
    for (let t = 0; t < periods; t++) {
      const slot = t % H;
      for (let k = 0; k < K; k++) {
        const i = k * H + slot;
        const x = pipe[i]!;
        if (x !== 0) {
          pipe[i] = 0;
          transit[k]! -= x;
          onHand[k]! += x;
        }
      }
      // Demand at stage 0, oldest backorders first.
      let oh = onHand[0]!;
      if (backlog > 0 && oh > 0) {
        const x = Math.min(backlog, oh);
        backlog -= x;
        oh -= x;
      }
      const dem = demand[t]!;
      if (dem <= oh) oh -= dem;
      else {
        backlog += dem - oh;
        oh = 0;
      }
      onHand[0] = oh;
      // Ship and order, customer side first.
      let childEchelonIP = 0;
      for (let k = 0; k < K; k++) {
        let owedOut = backlog;
        if (k > 0) {
          const due = owed[k - 1]!;
          const avail = onHand[k]!;
          const x = Math.min(due, avail);
          if (x > 0) {
            owed[k - 1] = due - x;
            onHand[k] = avail - x;
            pipe[(k - 1) * H + ((t + 1 + L[k - 1]!) % H)]! += x;
            transit[k - 1]! += x;
          }
          owedOut = owed[k - 1]!;
        }
        const eip = onHand[k]! - owedOut + transit[k]! + owed[k]! + childEchelonIP;
        const q = eip < S[k]! ? S[k]! - eip : 0;
        if (k === K - 1) {
          pipe[k * H + ((t + 1 + L[k]!) % H)]! += q;
          transit[k]! += q;
        } else owed[k]! += q;
        childEchelonIP = eip + q;
      }
      if (t >= warmup) {
        let c = p * backlog;
        for (let k = 0; k < K; k++) c += h[k]! * onHand[k]! + ph[k]! * transit[k]!;
        cost += c;
      }
    }
    out[r] = cost / (periods - warmup);
  }
  return out;
}

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

/**
 * Mean cost per period of each replication in [fromIndex, fromIndex + count). The replications of
 * the batch advance together, period by period (the state of stage k for all replications is one
 * contiguous run of a Float64Array), so every inner loop is a branch-free pass over the batch; each
 * replication still draws its own demand from Rng.stream(seed, index) in period order.
 */
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
  const R = count;
  const S = Float64Array.from(sys.echelonBaseStock);
  const L = Int32Array.from(sys.leadTimes);
  const h = Float64Array.from(sys.localHolding);
  const ph = Float64Array.from(sys.pipelineHolding);
  let H = 2;
  for (let k = 0; k < K; k++) H = Math.max(H, L[k]! + 2);
  const onHand = new Float64Array(K * R);
  const transit = new Float64Array(K * R);
  /** Orders of stage k not yet shipped by stage k + 1. */
  const owed = new Float64Array(K * R);
  const pipe = new Float64Array(K * H * R);
  const backlog = new Float64Array(R);
  const child = new Float64Array(R);
  const cost = new Float64Array(R);
  const { periods, warmup, demandMean: mu, demandSd: sd, backorderCost: p } = sys;
  const rngs = Array.from({ length: R }, (_, r) => Rng.stream(sys.seed, fromIndex + r));
  const B = 256;
  const demand = new Float64Array(B * R);
  for (let k = 0; k < K; k++) onHand.fill(Math.max(0, S[k]! - (k > 0 ? S[k - 1]! : 0)), k * R, (k + 1) * R);
  for (let t0 = 0; t0 < periods; t0 += B) {
    const nb = Math.min(B, periods - t0);
    fillDemandBlock(rngs, demand, R, nb, mu, sd);
    for (let b = 0; b < nb; b++) {
      const t = t0 + b;
      const slot = t % H;
      const w = t >= warmup ? 1 : 0;
      // Stage 0: receive, serve backorders then demand (FIFO), order. One pass over the batch.
      {
        const pb = slot * R;
        const db = b * R;
        const S0 = S[0]!;
        const top = K === 1;
        const ab = (((t + 1 + L[0]!) % H) * R) | 0;
        const h0 = h[0]!;
        const ph0 = top ? ph[0]! : 0;
        for (let r = 0; r < R; r++) {
          const x = pipe[pb + r]!;
          pipe[pb + r] = 0;
          let tr = transit[r]! - x;
          let oh = onHand[r]! + x;
          let bl = backlog[r]!;
          const y = Math.min(bl, oh);
          bl -= y;
          oh -= y;
          const d = demand[db + r]!;
          const served = Math.min(d, oh);
          oh -= served;
          bl += d - served;
          const eip = oh - bl + tr + owed[r]!;
          const q = eip < S0 ? S0 - eip : 0;
          if (top) {
            pipe[ab + r]! += q;
            tr += q;
          } else owed[r]! += q;
          child[r] = eip + q;
          onHand[r] = oh;
          backlog[r] = bl;
          transit[r] = tr;
          cost[r]! += w * (p * bl + h0 * oh + ph0 * tr);
        }
      }
      // Stages 1..K−1: receive, ship to the stage below, order. Stage k−1's in-transit is final
      // once stage k has shipped, so its pipeline cost is added here.
      for (let k = 1; k < K; k++) {
        const sb = k * R;
        const cb = (k - 1) * R;
        const pb = (k * H + slot) * R;
        const ab = ((k - 1) * H + ((t + 1 + L[k - 1]!) % H)) * R;
        const top = k === K - 1;
        const tb = (k * H + ((t + 1 + L[k]!) % H)) * R;
        const Sk = S[k]!;
        const hk = h[k]!;
        const phBelow = ph[k - 1]!;
        const phTop = top ? ph[k]! : 0;
        for (let r = 0; r < R; r++) {
          const x = pipe[pb + r]!;
          pipe[pb + r] = 0;
          let tr = transit[sb + r]! - x;
          let oh = onHand[sb + r]! + x;
          const due = owed[cb + r]!;
          const ship = Math.min(due, oh);
          const left = due - ship;
          owed[cb + r] = left;
          oh -= ship;
          pipe[ab + r]! += ship;
          const trBelow = transit[cb + r]! + ship;
          transit[cb + r] = trBelow;
          const eip = oh - left + tr + owed[sb + r]! + child[r]!;
          const q = eip < Sk ? Sk - eip : 0;
          if (top) {
            pipe[tb + r]! += q;
            tr += q;
          } else owed[sb + r]! += q;
          child[r] = eip + q;
          onHand[sb + r] = oh;
          transit[sb + r] = tr;
          cost[r]! += w * (hk * oh + phBelow * trBelow + phTop * tr);
        }
      }
    }
  }
  const n = periods - warmup;
  for (let r = 0; r < R; r++) cost[r]! /= n;
  return cost;
}

/**
 * Demand for the next block of periods, each replication from its own stream in period order.
 * A function of its own so that the sampler inlines into this small loop.
 */
function fillDemandBlock(
  rngs: Rng[],
  demand: Float64Array,
  R: number,
  nb: number,
  mu: number,
  sd: number,
): void {
  for (let r = 0; r < R; r++) {
    const rng = rngs[r]!;
    for (let b = 0; b < nb; b++) {
      const d = mu + sd * standardNormal(rng);
      demand[b * R + r] = Math.max(d, 0);
    }
  }
}

import { Rng } from "../core/rng.ts";
import { sampleNegativeBinomial, samplePoisson, standardNormal } from "./demand.ts";

/**
 * Many independent single-location (R, S) or (R, s, S) systems at once: the check of a planning run's store policies
 * against demand drawn from each pair's forecast distribution.
 *
 * Timing of period t (as in engine.ts): the order placed L periods ago arrives; demand arrives and is
 * served from on-hand stock after older backorders (first in, first out), the rest backordered; on review
 * periods (t mod R = 0) an order raises the inventory position to S if it is at or below s; holding is counted on end-of-period
 * on-hand stock. Fill rate = demand served from stock on arrival / demand, after the warm-up (NaN when the
 * simulation drew no demand at all).
 * Cycle service level = share of review cycles that end without backorders.
 *
 * Demand of pair i: normal (rounded to units and floored at 0), Poisson or negative binomial with the
 * pair's mean and variance, as its policy assumed (models/inventory/periodic-review.ts). Pair i, replication r
 * draws from `Rng.stream(seed, i · 1000 + r)`: the numbers of a pair do not depend on the other pairs
 * or on how pairs are split into batches, and a pair re-simulated with another S sees the same demand
 * (common random numbers).
 */
const MAX_REPLICATIONS = 1000;

export const FAMILY_CODE = { normal: 0, poisson: 1, "negative-binomial": 2 } as const;

export interface FleetInput {
  orderUpTo: Float64Array;
  /** (s, S) systems: order at a review only when the position is at or below s; absent: s = S − 1 (base stock). */
  reorderPoint?: Float64Array;
  leadTime: Int32Array;
  reviewPeriod: Int32Array;
  mean: Float64Array;
  variance: Float64Array;
  /** FAMILY_CODE per pair. */
  family: Uint8Array;
  /** Global index of the first pair of this batch (for the random streams)… */
  firstPair: number;
  /** …or the global index of every pair, when the batch is not a contiguous run of pairs. */
  pairIndex?: Int32Array;
  periods: number;
  warmup: number;
  replications: number;
  /** Add replications (up to 200) until about this much demand is simulated (default 20,000 units). */
  minDemandUnits?: number;
  seed: number;
}

export interface FleetResult {
  fillRate: Float64Array;
  cycleServiceLevel: Float64Array;
  meanOnHand: Float64Array;
  meanBackorders: Float64Array;
}

export function simulateOrderUpToFleet(input: FleetInput): FleetResult {
  const n = input.orderUpTo.length;
  const { periods, warmup, replications } = input;
  const out: FleetResult = {
    fillRate: new Float64Array(n),
    cycleServiceLevel: new Float64Array(n),
    meanOnHand: new Float64Array(n),
    meanBackorders: new Float64Array(n),
  };
  let maxLead = 0;
  for (let i = 0; i < n; i++) maxLead = Math.max(maxLead, input.leadTime[i]!);
  // ring of arrivals: an order placed at the end of period t arrives at the start of t + L + 1
  const pipeline = new Float64Array(maxLead + 2);
  for (let i = 0; i < n; i++) {
    const S = input.orderUpTo[i]!;
    const s = input.reorderPoint ? input.reorderPoint[i]! : S - 1;
    const L = input.leadTime[i]!;
    const R = input.reviewPeriod[i]!;
    const mu = input.mean[i]!;
    const variance = input.variance[i]!;
    const family = input.family[i]!;
    const sd = Math.sqrt(variance);
    const size = variance > mu ? (mu * mu) / (variance - mu) : 0;
    let demandSum = 0;
    let servedSum = 0;
    let onHandSum = 0;
    let backorderSum = 0;
    let cycles = 0;
    let cyclesOk = 0;
    // Warm-up: at least three order cycles ((S − s)/μ periods each) plus a lead time, so that a slow mover
    // started full at S has forgotten its start; then `periods − warmup` periods are measured for every pair.
    const cycle = mu > 0 ? (S - s) / mu : 0;
    const pairWarmup = Math.max(warmup, Math.min(2 * periods, Math.ceil(3 * cycle) + L + R));
    const horizon = pairWarmup + periods - warmup;
    // Replications: at least `replications`, and enough for `minDemandUnits` (default 20,000) units of demand
    // in all, so that a slow mover's fill rate is measured to about half a point.
    const reps = Math.min(
      200,
      Math.max(
        replications,
        Math.ceil((input.minDemandUnits ?? 20_000) / Math.max(1e-9, mu * (periods - warmup))),
      ),
    );
    const pair = input.pairIndex ? input.pairIndex[i]! : input.firstPair + i;
    for (let r = 0; r < reps; r++) {
      const rng = Rng.stream(input.seed, pair * MAX_REPLICATIONS + r);
      pipeline.fill(0);
      let net = S; // start at the order-up-to level, nothing on order
      let position = S;
      let cycleShort = false;
      for (let t = 0; t < horizon; t++) {
        const slot = t % (L + 2);
        net += pipeline[slot]!;
        pipeline[slot] = 0;
        let d: number;
        if (mu <= 0) d = 0;
        else if (family === 0) d = Math.max(0, Math.round(mu + sd * standardNormal(rng)));
        else if (family === 1 || size <= 0) d = samplePoisson(rng, mu);
        else d = sampleNegativeBinomial(rng, mu, size);
        const served = net > 0 ? Math.min(d, net) : 0;
        net -= d;
        position -= d;
        if (t % R === 0 && position <= s) {
          const order = S - position;
          if (order > 0) {
            position += order;
            const arrival = (t + L + 1) % (L + 2);
            pipeline[arrival] = pipeline[arrival]! + order;
          }
        }
        if (t >= pairWarmup) {
          demandSum += d;
          servedSum += served;
          if (net > 0) onHandSum += net;
          else backorderSum -= net;
          if (net < 0) cycleShort = true;
          if ((t + 1) % R === 0) {
            cycles++;
            if (!cycleShort) cyclesOk++;
            cycleShort = false;
          }
        }
      }
    }
    const counted = reps * (horizon - pairWarmup);
    // no demand in the whole simulation: fill rate is undefined, not perfect
    out.fillRate[i] = demandSum > 0 ? servedSum / demandSum : Number.NaN;
    out.cycleServiceLevel[i] = cycles > 0 ? cyclesOk / cycles : 1;
    out.meanOnHand[i] = onHandSum / counted;
    out.meanBackorders[i] = backorderSum / counted;
  }
  return out;
}

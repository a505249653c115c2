import { WorkbenchError } from "../core/errors.ts";
import { Rng } from "../core/rng.ts";

/**
 * Event-by-event simulation of a continuous-review (S − 1, S) one-for-one base-stock policy with
 * Poisson unit demand and backorders: every demand triggers an order that arrives after a lead time
 * (deterministic, or exponential so that orders may cross). Arrivals serve the oldest backorder
 * first. Time averages are integrated exactly between events.
 *
 * Checks: by Palm's theorem the number of outstanding orders is Poisson(λ E[L]) for any lead-time
 * law (the M/G/∞ queue), so E[on hand] = Σ_{k<S} (S − k) p_k, E[backorders] = E[on hand] − S + λE[L],
 * and the fill rate (fraction of demands met at once, by PASTA) is P(N ≤ S − 1)
 * (Palm 1938; Axsäter, Inventory Control, 3rd ed., 2015, §5.2; Zipkin 2000 §7.2).
 */
export interface OneForOneSettings {
  /** Demand rate per unit time. */
  rate: number;
  /** Base-stock level S (integer, ≥ 0). */
  S: number;
  /** Mean lead time. */
  leadTime: number;
  leadTimeKind: "deterministic" | "exponential";
  horizon: number;
  warmup: number;
  seed: number;
}

export interface OneForOneResult {
  onHand: number;
  backorders: number;
  fillRate: number;
}

/** Replication `index` of the one-for-one system (stream Rng.stream(seed, index)). */
export function simulateOneForOne(s: OneForOneSettings, index: number): OneForOneResult {
  if (!(s.rate > 0))
    throw new WorkbenchError("INVALID_SCENARIO", `rate: must be > 0, got ${s.rate}`, { field: "rate" });
  if (!(s.leadTime >= 0)) {
    throw new WorkbenchError("INVALID_SCENARIO", `leadTime: must be ≥ 0, got ${s.leadTime}`, {
      field: "leadTime",
    });
  }
  if (!Number.isInteger(s.S) || s.S < 0) {
    throw new WorkbenchError("INVALID_SCENARIO", `S: must be a non-negative integer, got ${s.S}`, {
      field: "S",
    });
  }
  const rng = Rng.stream(s.seed, index);
  // Outstanding orders' arrival times in a binary min-heap (a FIFO queue would do for fixed lead
  // times; the heap also handles crossing orders).
  let heap = new Float64Array(64);
  let size = 0;
  const push = (x: number) => {
    if (size === heap.length) {
      const h2 = new Float64Array(size * 2);
      h2.set(heap);
      heap = h2;
    }
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]! <= x) break;
      heap[i] = heap[p]!;
      i = p;
    }
    heap[i] = x;
  };
  const pop = () => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1]! < heap[c]!) c++;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  let onHand = s.S;
  let backorders = 0;
  let t = 0;
  let nextDemand = -Math.log(1 - rng.uniform()) / s.rate;
  let areaOnHand = 0;
  let areaBackorders = 0;
  let demands = 0;
  let filled = 0;
  const end = s.warmup + s.horizon;
  for (;;) {
    const nextArrival = size > 0 ? heap[0]! : Number.POSITIVE_INFINITY;
    const next = Math.min(nextDemand, nextArrival, end);
    // Integrate the post-warm-up part of [t, next).
    const from = Math.max(t, s.warmup);
    if (next > from) {
      areaOnHand += onHand * (next - from);
      areaBackorders += backorders * (next - from);
    }
    t = next;
    if (t >= end) break;
    if (nextArrival <= nextDemand) {
      pop();
      if (backorders > 0) backorders--;
      else onHand++;
    } else {
      if (t >= s.warmup) demands++;
      if (onHand > 0) {
        onHand--;
        if (t >= s.warmup) filled++;
      } else backorders++;
      const L = s.leadTimeKind === "deterministic" ? s.leadTime : -Math.log(1 - rng.uniform()) * s.leadTime;
      push(t + L);
      nextDemand = t - Math.log(1 - rng.uniform()) / s.rate;
    }
  }
  return {
    onHand: areaOnHand / s.horizon,
    backorders: areaBackorders / s.horizon,
    fillRate: filled / demands,
  };
}

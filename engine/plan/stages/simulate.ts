import type { FleetInput, FleetResult } from "../../../simulator/order-up-to-fleet.ts";
import { batchSizeFor } from "../../forecast.ts";
import type { WorkerPool } from "../../pool.ts";
import type { PlanConfig } from "../config.ts";
import type { NetworkPlan } from "./network.ts";

/**
 * Simulated check of every store policy: each pair's (R, S) or (s, S) system runs `replications` × `periods` periods
 * against demand drawn from its forecast distribution (simulator/order-up-to-fleet.ts), in the worker pool.
 * A pair whose simulated fill rate is more than `tolerance` from its target is corrected: s and S move one unit
 * at a time (same random numbers each time, so the fill rate moves monotonically) until it is within the
 * band, for at most 25 units. A pair that cannot reach the band (whole units jump over it, typical of very
 * slow movers) keeps the lowest S that meets the target and is listed with the reason.
 */
export interface SimulationCheck {
  orderUpTo: Float64Array;
  reorderPoint: Float64Array;
  simulatedFillRate: Float64Array;
  simulatedCycleService: Float64Array;
  meanOnHand: Float64Array;
  /** 0 within the band as planned, 1 corrected into the band, 2 outside the band, 3 no demand (see reasons). */
  status: Uint8Array;
  reasons: string[];
}

const MAX_STEPS = 25;

export async function simulatePlan(
  pool: WorkerPool,
  config: PlanConfig,
  plan: NetworkPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<SimulationCheck> {
  const n = plan.mean.length;
  const tol = config.simulation.tolerance;
  const check: SimulationCheck = {
    orderUpTo: plan.orderUpTo.slice(),
    reorderPoint: plan.reorderPoint.slice(),
    simulatedFillRate: new Float64Array(n),
    simulatedCycleService: new Float64Array(n),
    meanOnHand: new Float64Array(n),
    status: new Uint8Array(n),
    reasons: new Array(n).fill(""),
  };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  await simulatePairs(pool, config, plan, all, check, onProgress);
  // Per pair: the last level tried below the band and the first above it, to explain a miss.
  const below = new Float64Array(n).fill(Number.NaN);
  const above = new Float64Array(n).fill(Number.NaN);
  const direction = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const gap = check.simulatedFillRate[i]! - plan.targetFillRate[i]!;
    if (Number.isNaN(gap)) {
      check.status[i] = 3;
      check.reasons[i] = "no demand drawn in the whole simulation: fill rate undefined";
      continue;
    }
    direction[i] = gap < -tol ? 1 : gap > tol && check.orderUpTo[i]! > 0 ? -1 : 0;
  }
  for (let step = 0; step < MAX_STEPS; step++) {
    const moving: number[] = [];
    for (let i = 0; i < n; i++) {
      if (direction[i] === 0) continue;
      if (direction[i] === 1) below[i] = check.simulatedFillRate[i]!;
      else above[i] = check.simulatedFillRate[i]!;
      check.orderUpTo[i] = check.orderUpTo[i]! + direction[i]!;
      check.reorderPoint[i] = check.reorderPoint[i]! + direction[i]!;
      moving.push(i);
    }
    if (moving.length === 0) break;
    await simulatePairs(pool, config, plan, Int32Array.from(moving), check);
    for (const i of moving) {
      const gap = check.simulatedFillRate[i]! - plan.targetFillRate[i]!;
      if (Math.abs(gap) <= tol) {
        direction[i] = 0;
        check.status[i] = 1;
      } else if ((direction[i] === 1 && gap > tol) || (direction[i] === -1 && gap < -tol)) {
        // jumped over the band: keep the level that meets the target
        if (direction[i] === -1) {
          below[i] = check.simulatedFillRate[i]!;
          check.orderUpTo[i] = check.orderUpTo[i]! + 1;
          check.reorderPoint[i] = check.reorderPoint[i]! + 1;
        } else {
          above[i] = check.simulatedFillRate[i]!;
        }
        direction[i] = 0;
        check.status[i] = 2;
        check.reasons[i] =
          `whole units jump over the band: S = ${check.orderUpTo[i]! - 1} gives ${pct(below[i]!)}, S = ${check.orderUpTo[i]} gives ${pct(above[i]!)}; kept ${check.orderUpTo[i]}`;
      } else if (direction[i] === -1 && check.orderUpTo[i] === 0) {
        direction[i] = 0;
        check.status[i] = 2;
        check.reasons[i] = `fill rate ${pct(check.simulatedFillRate[i]!)} above the band even with no stock`;
      }
    }
    if (step === MAX_STEPS - 1) {
      for (let i = 0; i < n; i++) {
        if (direction[i] !== 0) {
          check.status[i] = 2;
          check.reasons[i] = `still off target after ${MAX_STEPS} units: ${pct(check.simulatedFillRate[i]!)}`;
        }
      }
    }
  }
  // Pairs corrected across a jump were re-set to the level above: simulate those levels once more.
  const reset: number[] = [];
  for (let i = 0; i < n; i++)
    if (check.status[i] === 2 && !Number.isNaN(below[i]!) && !Number.isNaN(above[i]!)) reset.push(i);
  if (reset.length > 0) await simulatePairs(pool, config, plan, Int32Array.from(reset), check);
  return check;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

/** Simulates the listed pairs at the given levels in batches across the pool; writes into `check`. */
async function simulatePairs(
  pool: WorkerPool,
  config: PlanConfig,
  plan: NetworkPlan,
  pairs: Int32Array,
  check: SimulationCheck,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const sim = config.simulation;
  // Every pair draws from its own stream (its global index), so batches can be of any size.
  const perTask = batchSizeFor(pairs.length, pool.threads, Number.POSITIVE_INFINITY);
  let done = 0;
  const jobs: Promise<void>[] = [];
  for (let a = 0; a < pairs.length; a += perTask) {
    const idx = pairs.slice(a, Math.min(pairs.length, a + perTask));
    const input: FleetInput = {
      orderUpTo: Float64Array.from(idx, (i) => check.orderUpTo[i]!),
      reorderPoint: Float64Array.from(idx, (i) => check.reorderPoint[i]!),
      leadTime: Int32Array.from(idx, (i) => plan.leadTime[i]!),
      reviewPeriod: Int32Array.from(idx, (i) => plan.reviewPeriod[i]!),
      mean: Float64Array.from(idx, (i) => plan.mean[i]!),
      variance: Float64Array.from(idx, (i) => plan.variance[i]!),
      family: Uint8Array.from(idx, (i) => plan.family[i]!),
      pairIndex: idx,
      firstPair: 0,
      periods: sim.periods,
      warmup: sim.warmup,
      replications: sim.replications,
      minDemandUnits: sim.minDemandUnits,
      seed: config.seed,
    };
    jobs.push(
      pool.run<FleetResult>("fleet", input).then((r) => {
        idx.forEach((i, k) => {
          check.simulatedFillRate[i] = r.fillRate[k]!;
          check.simulatedCycleService[i] = r.cycleServiceLevel[k]!;
          check.meanOnHand[i] = r.meanOnHand[k]!;
        });
        done += idx.length;
        onProgress?.(done, pairs.length);
      }),
    );
  }
  await Promise.all(jobs);
}

import { normalQuantile } from "../../../models/inventory/normal-distribution.ts";
import { periodicReviewPolicy } from "../../../models/inventory/periodic-review.ts";
import { FAMILY_CODE } from "../../../simulator/order-up-to-fleet.ts";
import { batchSizeFor } from "../../forecast.ts";
import type { WorkerPool } from "../../pool.ts";
import type { PlanConfig } from "../config.ts";
import type { PlanSeries } from "../run.ts";
import type { PairClasses } from "./classify.ts";

/**
 * Safety stock across the echelons, per SKU and DC, by the guaranteed-service model (Graves & Willems 2000,
 * "Optimizing strategic safety stock placement in supply chains", M&SOM 2(1):68–83).
 *
 * The DC (processing time L_dc from a reliable supplier, so SI_dc = 0) quotes one service time S to its
 * stores; store j then replenishes with net lead time S + L_j and review period R, and sets its policy for
 * its fill-rate target under its demand class (models/inventory/periodic-review.ts: base stock for fast
 * movers, the cheapest (R, s, S) near the target for slow movers, R among `slowMoverReviewPeriods`). The
 * DC holds the demand bound z·σ_dc·√(L_dc − S) with σ_dc² = Σ_j σ_j² and z = Φ⁻¹ of the highest store target.
 * Total holding cost of safety stock: h_dc·SS_dc + Σ_j h_j·SS_j. On this two-level tree the dynamic programme
 * of Graves & Willems reduces to one decision, S ∈ {0, …, L_dc}, so every value is evaluated (exact).
 * Store safety stock uses the store's own policy rather than z·σ·√τ, so the plan and the published parameters
 * agree. Two plans are kept for comparison: "every location alone" (S = 0: each location covers its own
 * lead time as if its supplier were always on time) and "no pooling" (S = L_dc: the DC holds no safety stock
 * and every store covers the whole supplier lead time itself).
 *
 * Demand per pair (`forecast`: the point forecasts, `horizon` per pair): mean = the forecast's mean over the
 * first L_dc + L_j + R steps; variance = the backtest's mean squared error per period (floored at the mean
 * for counts, where the Poisson is the least variable plausible law).
 */
export interface NetworkPlan {
  /** Per pair (series order). */
  dc: string[];
  mean: Float64Array;
  variance: Float64Array;
  leadTime: Int32Array;
  reviewPeriod: Int32Array;
  targetFillRate: Float64Array;
  orderUpTo: Float64Array;
  /** s of an (s, S) policy (S − 1 for base stock). */
  reorderPoint: Float64Array;
  safetyStock: Float64Array;
  formulaFillRate: Float64Array;
  family: Uint8Array;
  holdingCost: Float64Array;
  /** Per SKU × DC group. */
  groups: {
    sku: string;
    dc: string;
    serviceTime: number;
    dcSafetyStock: number;
    dcBaseStock: number;
    costNetwork: number;
    costAlone: number;
    costNoPooling: number;
  }[];
  costNetwork: number;
  costAlone: number;
  costNoPooling: number;
}

/** One batch of SKU × DC groups for a worker: members of group g are positions memberOffsets[g] … [g+1) − 1. */
export interface GroupBatch {
  memberOffsets: Int32Array;
  /** Per member: demand mean and variance per period, store lead time, fill-rate target, holding cost. */
  mean: Float64Array;
  variance: Float64Array;
  storeLeadTime: Int32Array;
  target: Float64Array;
  holdingCost: Float64Array;
  /** Per group: the DC's lead time from the supplier and its holding cost. */
  dcLeadTime: Int32Array;
  dcHoldingCost: Float64Array;
  reviewPeriod: number;
  slowMoverReviewPeriods: number[];
}

export interface GroupBatchResult {
  /** Per member. */
  leadTime: Int32Array;
  orderUpTo: Float64Array;
  reorderPoint: Float64Array;
  safetyStock: Float64Array;
  formulaFillRate: Float64Array;
  family: Uint8Array;
  reviewPeriod: Int32Array;
  /** Per group: chosen service time, DC safety and base stock, and the three plans' costs. */
  serviceTime: Int32Array;
  dcSafetyStock: Float64Array;
  dcBaseStock: Float64Array;
  costNetwork: Float64Array;
  costAlone: Float64Array;
  costNoPooling: Float64Array;
}

/** The per-group decision of the comment above, for a batch of groups (pure; runs in a worker). */
export function placeGroups(b: GroupBatch): GroupBatchResult {
  const members = b.mean.length;
  const groups = b.dcLeadTime.length;
  const r: GroupBatchResult = {
    leadTime: new Int32Array(members),
    orderUpTo: new Float64Array(members),
    reorderPoint: new Float64Array(members),
    safetyStock: new Float64Array(members),
    formulaFillRate: new Float64Array(members),
    family: new Uint8Array(members),
    reviewPeriod: new Int32Array(members),
    serviceTime: new Int32Array(groups),
    dcSafetyStock: new Float64Array(groups),
    dcBaseStock: new Float64Array(groups),
    costNetwork: new Float64Array(groups),
    costAlone: new Float64Array(groups),
    costNoPooling: new Float64Array(groups),
  };
  for (let g = 0; g < groups; g++) {
    const first = b.memberOffsets[g]!;
    const end = b.memberOffsets[g + 1]!;
    const dcLead = b.dcLeadTime[g]!;
    let dcVariance = 0;
    let dcMean = 0;
    let zTarget = 0;
    for (let i = first; i < end; i++) {
      dcVariance += b.variance[i]!;
      dcMean += b.mean[i]!;
      zTarget = Math.max(zTarget, b.target[i]!);
    }
    const z = normalQuantile(zTarget);
    const dcSigma = Math.sqrt(dcVariance);
    let best: { s: number; cost: number; policies: ReturnType<typeof periodicReviewPolicy>[] } | null = null;
    let alone = 0;
    let noPooling = 0;
    for (let s = 0; s <= dcLead; s++) {
      const policies: ReturnType<typeof periodicReviewPolicy>[] = [];
      let cost = b.dcHoldingCost[g]! * z * dcSigma * Math.sqrt(dcLead - s);
      for (let i = first; i < end; i++) {
        const p = periodicReviewPolicy(
          {
            mean: b.mean[i]!,
            variance: b.variance[i]!,
            leadTime: s + b.storeLeadTime[i]!,
            reviewPeriod: b.reviewPeriod,
            fillRate: b.target[i]!,
          },
          { reviewPeriods: b.slowMoverReviewPeriods },
        );
        policies.push(p);
        cost += b.holdingCost[i]! * Math.max(0, p.safetyStock);
      }
      if (s === 0) alone = cost;
      if (s === dcLead) noPooling = cost;
      if (best === null || cost < best.cost - 1e-12) best = { s, cost, policies };
    }
    const chosen = best!;
    for (let i = first; i < end; i++) {
      const p = chosen.policies[i - first]!;
      r.leadTime[i] = chosen.s + b.storeLeadTime[i]!;
      r.orderUpTo[i] = p.orderUpTo;
      r.reorderPoint[i] = p.reorderPoint;
      r.reviewPeriod[i] = p.reviewPeriod;
      r.safetyStock[i] = p.safetyStock;
      r.formulaFillRate[i] = p.fillRate;
      r.family[i] = FAMILY_CODE[p.family];
    }
    const dcSafetyStock = z * dcSigma * Math.sqrt(dcLead - chosen.s);
    r.serviceTime[g] = chosen.s;
    r.dcSafetyStock[g] = dcSafetyStock;
    r.dcBaseStock[g] = dcMean * (dcLead - chosen.s) + dcSafetyStock;
    r.costNetwork[g] = chosen.cost;
    r.costAlone[g] = alone;
    r.costNoPooling[g] = noPooling;
  }
  return r;
}

/**
 * The network stage: per-pair demand and targets here, the groups' decisions in the worker pool in batches
 * (groups are independent), results gathered in group order so that totals are summed as in one thread.
 */
export async function placeNetworkStock(
  pool: WorkerPool,
  config: PlanConfig,
  series: PlanSeries,
  classes: PairClasses,
  forecast: Float64Array,
  horizon: number,
  backtestVariance: Float64Array,
): Promise<NetworkPlan> {
  const n = series.seriesIds.length;
  const storeOf = new Map<
    string,
    {
      dc: PlanConfig["network"]["dcs"][number];
      store: PlanConfig["network"]["dcs"][number]["stores"][number];
    }
  >();
  for (const dc of config.network.dcs) for (const store of dc.stores) storeOf.set(store.id, { dc, store });
  const plan: NetworkPlan = {
    dc: new Array(n),
    mean: new Float64Array(n),
    variance: new Float64Array(n),
    leadTime: new Int32Array(n),
    reviewPeriod: new Int32Array(n).fill(config.reviewPeriod),
    targetFillRate: new Float64Array(n),
    orderUpTo: new Float64Array(n),
    reorderPoint: new Float64Array(n),
    safetyStock: new Float64Array(n),
    formulaFillRate: new Float64Array(n),
    family: new Uint8Array(n),
    holdingCost: new Float64Array(n),
    groups: [],
    costNetwork: 0,
    costAlone: 0,
    costNoPooling: 0,
  };
  const R = config.reviewPeriod;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const where = storeOf.get(series.store[i]!)!;
    plan.dc[i] = where.dc.id;
    plan.holdingCost[i] = where.store.holdingCost;
    const steps = Math.min(horizon, where.dc.leadTime + where.store.leadTime + R);
    let sum = 0;
    for (let h = 0; h < steps; h++) sum += forecast[i * horizon + h]!;
    const mean = sum / steps;
    plan.mean[i] = mean;
    const mse = backtestVariance[i]!;
    plan.variance[i] = Number.isFinite(mse) ? Math.max(mse, mean) : mean;
    const abc = classes.abc[i] as "A" | "B" | "C";
    plan.targetFillRate[i] = (config.serviceTargets[abc] ?? config.serviceTargets.default).fillRate;
    const key = `${series.sku[i]}\u0000${where.dc.id}`;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  }
  const keys = [...groups.keys()];
  const perTask = batchSizeFor(keys.length, pool.threads, Number.POSITIVE_INFINITY);
  const jobs: Promise<GroupBatchResult>[] = [];
  for (let a = 0; a < keys.length; a += perTask) {
    const batchKeys = keys.slice(a, a + perTask);
    const pairs = batchKeys.flatMap((k) => groups.get(k)!);
    const offsets = new Int32Array(batchKeys.length + 1);
    batchKeys.forEach((k, g) => {
      offsets[g + 1] = offsets[g]! + groups.get(k)!.length;
    });
    const dcs = batchKeys.map((k) => storeOf.get(series.store[groups.get(k)![0]!]!)!.dc);
    const batch: GroupBatch = {
      memberOffsets: offsets,
      mean: Float64Array.from(pairs, (i) => plan.mean[i]!),
      variance: Float64Array.from(pairs, (i) => plan.variance[i]!),
      storeLeadTime: Int32Array.from(pairs, (i) => storeOf.get(series.store[i]!)!.store.leadTime),
      target: Float64Array.from(pairs, (i) => plan.targetFillRate[i]!),
      holdingCost: Float64Array.from(pairs, (i) => plan.holdingCost[i]!),
      dcLeadTime: Int32Array.from(dcs, (d) => d.leadTime),
      dcHoldingCost: Float64Array.from(dcs, (d) => d.holdingCost),
      reviewPeriod: R,
      slowMoverReviewPeriods: config.slowMoverReviewPeriods,
    };
    jobs.push(pool.run<GroupBatchResult>("network", batch));
  }
  const results = await Promise.all(jobs);
  results.forEach((r, t) => {
    const batchKeys = keys.slice(t * perTask, (t + 1) * perTask);
    let m = 0;
    batchKeys.forEach((key, g) => {
      for (const i of groups.get(key)!) {
        plan.leadTime[i] = r.leadTime[m]!;
        plan.orderUpTo[i] = r.orderUpTo[m]!;
        plan.reorderPoint[i] = r.reorderPoint[m]!;
        plan.reviewPeriod[i] = r.reviewPeriod[m]!;
        plan.safetyStock[i] = r.safetyStock[m]!;
        plan.formulaFillRate[i] = r.formulaFillRate[m]!;
        plan.family[i] = r.family[m]!;
        m++;
      }
      const [sku, dcId] = key.split("\u0000") as [string, string];
      plan.groups.push({
        sku,
        dc: dcId,
        serviceTime: r.serviceTime[g]!,
        dcSafetyStock: r.dcSafetyStock[g]!,
        dcBaseStock: r.dcBaseStock[g]!,
        costNetwork: r.costNetwork[g]!,
        costAlone: r.costAlone[g]!,
        costNoPooling: r.costNoPooling[g]!,
      });
      plan.costNetwork += r.costNetwork[g]!;
      plan.costAlone += r.costAlone[g]!;
      plan.costNoPooling += r.costNoPooling[g]!;
    });
  });
  return plan;
}

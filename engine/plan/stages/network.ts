import { normalQuantile } from "../../../models/inventory/normal-distribution.ts";
import { periodicReviewPolicy } from "../../../models/inventory/periodic-review.ts";
import { FAMILY_CODE } from "../../../simulator/order-up-to-fleet.ts";
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
 * movers, the cheapest (R, s, S) near the target for slow movers, R among `slowMoverReviewPeriods`). The DC holds
 * the demand bound z·σ_dc·√(L_dc − S) with σ_dc² = Σ_j σ_j² and z = Φ⁻¹ of the highest store target.
 * Total holding cost of safety stock: h_dc·SS_dc + Σ_j h_j·SS_j. On this two-level tree the dynamic programme
 * of Graves & Willems reduces to one decision, S ∈ {0, …, L_dc}, so every value is evaluated (exact).
 * Store safety stock uses the store's own policy rather than z·σ·√τ, so the plan and the published parameters
 * agree. Two plans are kept for comparison: "every location alone" (S = 0: each location covers its own
 * lead time as if its supplier were always on time) and "no pooling" (S = L_dc: the DC holds no safety stock
 * and every store covers the whole supplier lead time itself).
 *
 * Demand per pair (`forecast`: the point forecasts, `horizon` per pair): mean = the forecast's mean over the first L_dc + L_j + R steps; variance = the backtest's
 * mean squared error per period (floored at the mean for counts, where the Poisson is the least variable
 * plausible law).
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

export function placeNetworkStock(
  config: PlanConfig,
  series: PlanSeries,
  classes: PairClasses,
  forecast: Float64Array,
  horizon: number,
  backtestVariance: Float64Array,
): NetworkPlan {
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
  for (const [key, members] of groups) {
    const [sku, dcId] = key.split("\u0000") as [string, string];
    const dc = config.network.dcs.find((d) => d.id === dcId)!;
    let dcVariance = 0;
    let dcMean = 0;
    let zTarget = 0;
    for (const i of members) {
      dcVariance += plan.variance[i]!;
      dcMean += plan.mean[i]!;
      zTarget = Math.max(zTarget, plan.targetFillRate[i]!);
    }
    const z = normalQuantile(zTarget);
    const dcSigma = Math.sqrt(dcVariance);
    let best: { s: number; cost: number; policies: ReturnType<typeof periodicReviewPolicy>[] } | null = null;
    let alone = 0;
    let noPooling = 0;
    for (let s = 0; s <= dc.leadTime; s++) {
      const policies = members.map((i) =>
        periodicReviewPolicy(
          {
            mean: plan.mean[i]!,
            variance: plan.variance[i]!,
            leadTime: s + storeOf.get(series.store[i]!)!.store.leadTime,
            reviewPeriod: R,
            fillRate: plan.targetFillRate[i]!,
          },
          { reviewPeriods: config.slowMoverReviewPeriods },
        ),
      );
      let cost = dc.holdingCost * z * dcSigma * Math.sqrt(dc.leadTime - s);
      policies.forEach((p, k) => {
        cost += plan.holdingCost[members[k]!]! * Math.max(0, p.safetyStock);
      });
      if (s === 0) alone = cost;
      if (s === dc.leadTime) noPooling = cost;
      if (best === null || cost < best.cost - 1e-12) best = { s, cost, policies };
    }
    const chosen = best!;
    members.forEach((i, k) => {
      const p = chosen.policies[k]!;
      plan.leadTime[i] = chosen.s + storeOf.get(series.store[i]!)!.store.leadTime;
      plan.orderUpTo[i] = p.orderUpTo;
      plan.reorderPoint[i] = p.reorderPoint;
      plan.reviewPeriod[i] = p.reviewPeriod;
      plan.safetyStock[i] = p.safetyStock;
      plan.formulaFillRate[i] = p.fillRate;
      plan.family[i] = FAMILY_CODE[p.family];
    });
    const dcSafetyStock = z * dcSigma * Math.sqrt(dc.leadTime - chosen.s);
    plan.groups.push({
      sku,
      dc: dcId,
      serviceTime: chosen.s,
      dcSafetyStock,
      dcBaseStock: dcMean * (dc.leadTime - chosen.s) + dcSafetyStock,
      costNetwork: chosen.cost,
      costAlone: alone,
      costNoPooling: noPooling,
    });
    plan.costNetwork += chosen.cost;
    plan.costAlone += alone;
    plan.costNoPooling += noPooling;
  }
  return plan;
}

import { WorkbenchError } from "../core/errors.ts";
import { Rng } from "../core/rng.ts";
import { samplePoisson } from "./demand.ts";

/**
 * A store of many perishable SKUs replenished in waves from an ample mother hub, simulated hour by
 * hour with stock held by age (receipt cohorts), FEFO issuing, expiry, waste and a markdown flag.
 * All SKUs advance together, one pass over typed arrays per hour (the dark-store bench: 3,000 SKUs ×
 * 8,760 hours).
 *
 * Timing of hour t: (1) receive orders due (an order placed at the end of hour t′ with lead time L
 * arrives at the start of t′ + L + 1) as a new cohort with expiry t + shelf life; (2) discard
 * cohorts whose expiry ≤ t (waste); (3) Poisson demand λ_s · hourProfile[h] · weekdayProfile[d] is
 * served first-expired-first-out; unmet demand is lost; units sold from a cohort within
 * markdownHours of its expiry are markdown sales at (1 − markdownDiscount) × price; (4) at wave
 * hours, order up to S − (usable stock + orders due), where usable stock excludes units that expire
 * before the new order arrives (a perishable order-up-to rule in the spirit of Nahmias,
 * Perishable Inventory Systems, 2011, ch. 3), S = μ_cover + z √μ_cover with μ_cover the mean demand
 * from now until the next wave's delivery (Poisson safety stock), or a fixed S per SKU.
 * Valuation: FEFO (specific cohort cost) and moving weighted-average cost, COGS and ending value.
 */
export interface PerishableStoreConfig {
  skus: number;
  hours: number;
  warmupHours?: number;
  /** Mean demand per hour at profile 1, per SKU. */
  baseRate: number[];
  /** 24 multipliers of the hourly rate (hour of day). */
  hourProfile: number[];
  /** 7 multipliers (day 0 = first day of the run). */
  weekdayProfile?: number[];
  /** Hours from receipt to expiry, per SKU. */
  shelfLifeHours: number[];
  /** A unit is marked down when it has at most this many hours of life left, per SKU. */
  markdownHours: number[];
  markdownDiscount: number;
  unitCost: number[];
  price: number[];
  /** Relative change of purchase cost per day (e.g. 0.0005 = +0.05%/day), for valuation. */
  costDriftPerDay?: number;
  holdingCostPerUnitHour: number;
  /** Hours of the day at which orders are placed (end of that hour). */
  waveHours: number[];
  /** Lead time from the mother hub in hours (engine convention; 0 = next hour). */
  leadHours: number;
  /** Safety factor z per SKU (ignored where orderUpTo is given). */
  serviceFactor?: number[];
  /** Fixed order-up-to level per SKU, instead of the forecast-driven one. */
  orderUpTo?: number[];
  /** Initial stock per SKU (default: nothing; the first wave fills the shelves). */
  initialStock?: number[];
}

export interface PerishableStoreResult {
  demand: number;
  sold: number;
  lost: number;
  waste: number;
  markdownSold: number;
  received: number;
  fillRate: number;
  /** Waste as a share of units received. */
  wasteRate: number;
  revenue: number;
  holdingCost: number;
  /** Value of units received (post-warm-up). */
  purchases: number;
  cogsFefo: number;
  cogsWac: number;
  wasteValueFefo: number;
  wasteValueWac: number;
  endingUnits: number;
  endingValueFefo: number;
  endingValueWac: number;
  /** Per SKU (post-warm-up): sold, lost, waste, markdown sold, mean on hand. */
  perSku: {
    sold: Float64Array;
    lost: Float64Array;
    waste: Float64Array;
    markdownSold: Float64Array;
    meanOnHand: Float64Array;
  };
}

function bad(field: string, problem: string): never {
  throw new WorkbenchError("INVALID_SCENARIO", `${field}: ${problem}`, { field });
}

export function validatePerishableStore(c: PerishableStoreConfig): void {
  const N = c.skus;
  if (!Number.isInteger(N) || N < 1) bad("skus", `must be a positive integer, got ${N}`);
  if (!Number.isInteger(c.hours) || c.hours < 1) bad("hours", `must be a positive integer, got ${c.hours}`);
  const per = (name: keyof PerishableStoreConfig, min: number) => {
    const a = c[name] as number[] | undefined;
    if (a === undefined) return;
    if (!Array.isArray(a) || a.length !== N) bad(name, `must have one entry per SKU (${N})`);
    a.forEach((v, i) => {
      if (!Number.isFinite(v) || v < min) bad(`${name}[${i}]`, `must be a number ≥ ${min}, got ${v}`);
    });
  };
  per("baseRate", 0);
  per("shelfLifeHours", 1);
  per("markdownHours", 0);
  per("unitCost", 0);
  per("price", 0);
  per("serviceFactor", -10);
  per("orderUpTo", 0);
  per("initialStock", 0);
  if (!Array.isArray(c.hourProfile) || c.hourProfile.length !== 24)
    bad("hourProfile", "must have 24 entries");
  if (c.weekdayProfile !== undefined && c.weekdayProfile.length !== 7)
    bad("weekdayProfile", "must have 7 entries");
  if (!Array.isArray(c.waveHours) || c.waveHours.length === 0) bad("waveHours", "needs at least one wave");
  c.waveHours.forEach((h, i) => {
    if (!Number.isInteger(h) || h < 0 || h > 23) bad(`waveHours[${i}]`, `must be an hour 0–23, got ${h}`);
  });
  if (!Number.isInteger(c.leadHours) || c.leadHours < 0 || c.leadHours > 23) {
    bad("leadHours", `must be an integer 0–23, got ${c.leadHours}`);
  }
  if (c.orderUpTo === undefined && c.serviceFactor === undefined)
    bad("serviceFactor", "or orderUpTo is required");
  if (!(c.markdownDiscount >= 0 && c.markdownDiscount < 1)) bad("markdownDiscount", "must be in [0, 1)");
}

/** Runs replication `index` (stream Rng.stream(seed, index)) of the store. */
export function simulatePerishableStore(
  c: PerishableStoreConfig,
  seed: number,
  index: number,
): PerishableStoreResult {
  validatePerishableStore(c);
  const N = c.skus;
  const T = c.hours;
  const warm = c.warmupHours ?? 0;
  const rng = Rng.stream(seed, index);
  const base = Float64Array.from(c.baseRate);
  const shelf = Int32Array.from(c.shelfLifeHours);
  const mdHours = Int32Array.from(c.markdownHours);
  const cost0 = Float64Array.from(c.unitCost);
  const price = Float64Array.from(c.price);
  const z = c.serviceFactor ? Float64Array.from(c.serviceFactor) : new Float64Array(N);
  const fixedS = c.orderUpTo ? Float64Array.from(c.orderUpTo) : undefined;
  const hourProfile = Float64Array.from(c.hourProfile);
  const week = Float64Array.from(c.weekdayProfile ?? [1, 1, 1, 1, 1, 1, 1]);
  const waves = [...c.waveHours].sort((a, b) => a - b);
  const isWave = new Uint8Array(24);
  for (const w of waves) isWave[w] = 1;
  const L = c.leadHours;
  const drift = c.costDriftPerDay ?? 0;

  // Cohort rings: enough slots for every delivery a SKU's shelf life can hold, plus slack.
  let maxShelf = 1;
  for (let s = 0; s < N; s++) if (shelf[s]! > maxShelf) maxShelf = shelf[s]!;
  const C = Math.min(64, waves.length * Math.ceil(maxShelf / 24) + 3);
  const cQty = new Float64Array(N * C);
  const cExp = new Int32Array(N * C);
  const cCost = new Float64Array(N * C);
  const head = new Int32Array(N);
  const count = new Int32Array(N);
  const onHand = new Float64Array(N);
  const wacCost = new Float64Array(N);
  // Orders due: ring over hours of the lead time.
  const HL = L + 2;
  const due = new Float64Array(N * HL);
  const dueCost = new Float64Array(N * HL);
  const pending = new Float64Array(N);

  const sold = new Float64Array(N);
  const lost = new Float64Array(N);
  const waste = new Float64Array(N);
  const mdSold = new Float64Array(N);
  const ohSum = new Float64Array(N);
  let demandTot = 0;
  let revenue = 0;
  let cogsFefo = 0;
  let cogsWac = 0;
  let received = 0;
  let purchases = 0;
  let wasteFefo = 0;
  let wasteWac = 0;

  const push = (s: number, q: number, expiry: number, unitCost: number) => {
    const o = s * C;
    if (count[s]! === C) {
      // Ring full (very long shelf lives): merge into the newest cohort at a weighted cost.
      const i = o + ((head[s]! + C - 1) % C);
      const tot = cQty[i]! + q;
      cCost[i] = tot > 0 ? (cQty[i]! * cCost[i]! + q * unitCost) / tot : unitCost;
      cQty[i] = tot;
      cExp[i] = expiry;
      return;
    }
    const i = o + ((head[s]! + count[s]!) % C);
    cQty[i] = q;
    cExp[i] = expiry;
    cCost[i] = unitCost;
    count[s]!++;
  };
  if (c.initialStock) {
    for (let s = 0; s < N; s++) {
      const q = c.initialStock[s]!;
      if (q > 0) {
        push(s, q, shelf[s]!, cost0[s]!);
        onHand[s] = q;
        wacCost[s] = cost0[s]!;
      }
    }
  }

  // Mean demand per SKU-unit rate between hour a (inclusive) and b (exclusive), any span.
  const weekHours = 168;
  const cum = new Float64Array(weekHours + 1);
  for (let k = 0; k < weekHours; k++)
    cum[k + 1] = cum[k]! + hourProfile[k % 24]! * week[Math.floor(k / 24) % 7]!;
  const profileSum = (a: number, b: number) => {
    let total = 0;
    const full = Math.floor((b - a) / weekHours);
    total += full * cum[weekHours]!;
    let x = a + full * weekHours;
    while (x < b) {
      const k = x % weekHours;
      const end = Math.min(b, x + (weekHours - k));
      total += cum[k + (end - x)]! - cum[k]!;
      x = end;
    }
    return total;
  };

  for (let t = 0; t < T; t++) {
    const hour = t % 24;
    const day = Math.floor(t / 24);
    const rec = t >= warm;
    const dslot = t % HL;
    // 1. Receive.
    for (let s = 0; s < N; s++) {
      const i = s * HL + dslot;
      const q = due[i]!;
      if (q > 0) {
        const uc = dueCost[i]!;
        due[i] = 0;
        pending[s]! -= q;
        push(s, q, t + shelf[s]!, uc);
        const oh = onHand[s]!;
        wacCost[s] = (oh * wacCost[s]! + q * uc) / (oh + q);
        onHand[s] = oh + q;
        if (rec) {
          received += q;
          purchases += q * uc;
        }
      }
    }
    // 2. Expire, 3. demand FEFO.
    const rateFactor = hourProfile[hour]! * week[day % 7]!;
    for (let s = 0; s < N; s++) {
      const o = s * C;
      while (count[s]! > 0 && cExp[o + head[s]!]! <= t) {
        const i = o + head[s]!;
        const q = cQty[i]!;
        // Waste leaves the books at its cost (FEFO) or at the average (WAC), outside COGS.
        if (rec) {
          waste[s]! += q;
          wasteFefo += q * cCost[i]!;
          wasteWac += q * wacCost[s]!;
        }
        onHand[s]! -= q;
        head[s] = (head[s]! + 1) % C;
        count[s]!--;
      }
      let d = samplePoisson(rng, base[s]! * rateFactor);
      if (d === 0) {
        if (rec) ohSum[s]! += onHand[s]!;
        continue;
      }
      if (rec) demandTot += d;
      let sales = 0;
      let md = 0;
      let cogs = 0;
      while (d > 0 && count[s]! > 0) {
        const i = o + head[s]!;
        const avail = cQty[i]!;
        const take = Math.min(d, avail);
        sales += take;
        cogs += take * cCost[i]!;
        if (cExp[i]! - t <= mdHours[s]!) md += take;
        d -= take;
        if (take === avail) {
          head[s] = (head[s]! + 1) % C;
          count[s]!--;
        } else cQty[i] = avail - take;
      }
      onHand[s]! -= sales;
      if (rec) {
        sold[s]! += sales;
        lost[s]! += d;
        mdSold[s]! += md;
        revenue += price[s]! * (sales - md * c.markdownDiscount);
        cogsFefo += cogs;
        cogsWac += sales * wacCost[s]!;
        ohSum[s]! += onHand[s]!;
      }
    }
    // 4. Order at wave hours.
    if (isWave[hour]) {
      const arrival = t + L + 1;
      // Next wave's delivery: the order must cover demand until then.
      let next = 24;
      for (const w of waves) {
        if (w > hour) {
          next = w - hour;
          break;
        }
      }
      if (next === 24) next = 24 - hour + waves[0]!;
      const factor = profileSum(arrival % weekHours, (arrival % weekHours) + next);
      const leadFactor = profileSum((t + 1) % weekHours, ((t + 1) % weekHours) + L);
      const unitCostToday = 1 + drift * day;
      for (let s = 0; s < N; s++) {
        // Usable stock: cohorts still alive when this order arrives.
        const o = s * C;
        let usable = 0;
        for (let k = 0; k < count[s]!; k++) {
          const i = o + ((head[s]! + k) % C);
          if (cExp[i]! > arrival) usable += cQty[i]!;
        }
        let S: number;
        if (fixedS) S = fixedS[s]!;
        else {
          const mu = base[s]! * (factor + leadFactor);
          S = Math.ceil(mu + z[s]! * Math.sqrt(mu));
        }
        const q = S - usable - pending[s]!;
        if (q > 0) {
          const i = s * HL + (arrival % HL);
          due[i]! += q;
          dueCost[i] = cost0[s]! * unitCostToday;
          pending[s]! += q;
        }
      }
    }
  }
  let endingUnits = 0;
  let endingFefo = 0;
  let endingWac = 0;
  let holdingUnits = 0;
  for (let s = 0; s < N; s++) {
    const o = s * C;
    for (let k = 0; k < count[s]!; k++) {
      const i = o + ((head[s]! + k) % C);
      endingFefo += cQty[i]! * cCost[i]!;
    }
    endingUnits += onHand[s]!;
    endingWac += onHand[s]! * wacCost[s]!;
    holdingUnits += ohSum[s]!;
  }
  const span = T - warm;
  let soldTot = 0;
  let lostTot = 0;
  let wasteTot = 0;
  let mdTot = 0;
  for (let s = 0; s < N; s++) {
    soldTot += sold[s]!;
    lostTot += lost[s]!;
    wasteTot += waste[s]!;
    mdTot += mdSold[s]!;
    ohSum[s]! /= span;
  }
  return {
    demand: demandTot,
    sold: soldTot,
    lost: lostTot,
    waste: wasteTot,
    markdownSold: mdTot,
    received,
    fillRate: demandTot > 0 ? soldTot / demandTot : Number.NaN,
    wasteRate: received > 0 ? wasteTot / received : Number.NaN,
    revenue,
    holdingCost: holdingUnits * c.holdingCostPerUnitHour,
    purchases,
    cogsFefo,
    cogsWac,
    wasteValueFefo: wasteFefo,
    wasteValueWac: wasteWac,
    endingUnits,
    endingValueFefo: endingFefo,
    endingValueWac: endingWac,
    perSku: { sold, lost, waste, markdownSold: mdSold, meanOnHand: ohSum },
  };
}

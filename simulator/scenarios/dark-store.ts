import { WorkbenchError } from "../../core/errors.ts";
import { Rng } from "../../core/rng.ts";
import { standardNormal } from "../demand.ts";
import type { PerishableStoreConfig } from "../perishables.ts";

/**
 * Generator of a quick-commerce dark store: 2,000–3,000 SKUs, hourly demand with an intraday and a
 * weekly profile, four intraday replenishment waves from a mother hub (1-hour transfer), and a mix
 * of shelf lives: fresh produce and bakery (1–3 days), chilled (5–10 days), ambient (long life).
 * SKU rates are log-normal (a long tail of slow movers, as in grocery assortments); prices follow
 * the unit cost with a category margin. Deterministic for a given seed.
 */
export interface DarkStoreOptions {
  skus?: number;
  days?: number;
  seed?: number;
  waveHours?: number[];
  leadHours?: number;
}

// Share of the day's orders by hour: closed 0–6, lunch and evening peaks (quick commerce).
const HOURS = [
  0, 0, 0, 0, 0, 0, 0.3, 0.7, 1, 1.1, 1.2, 1.6, 1.9, 1.6, 1.2, 1.1, 1.3, 1.7, 2.2, 2.4, 2, 1.5, 0.9, 0.5,
];
const WEEK = [0.95, 0.92, 0.95, 1, 1.1, 1.15, 0.93];

export function generateDarkStore(options: DarkStoreOptions = {}): PerishableStoreConfig {
  const N = options.skus ?? 2500;
  if (!Number.isInteger(N) || N < 2000 || N > 3000) {
    throw new WorkbenchError("INVALID_SCENARIO", `skus: a dark store here has 2,000–3,000 SKUs, got ${N}`, {
      field: "skus",
    });
  }
  const rng = Rng.stream(options.seed ?? 7, 0);
  const meanProfile = HOURS.reduce((a, b) => a + b, 0) / 24;
  const baseRate: number[] = [];
  const shelf: number[] = [];
  const markdown: number[] = [];
  const cost: number[] = [];
  const price: number[] = [];
  const z: number[] = [];
  for (let s = 0; s < N; s++) {
    // Daily units ~ log-normal with median 6 and a long right tail.
    const daily = 6 * Math.exp(1.1 * standardNormal(rng));
    baseRate.push(daily / 24 / meanProfile);
    const u = rng.uniform();
    let life: number;
    let margin: number;
    if (u < 0.25) {
      life = 24 * (1 + rng.int(3)); // fresh produce, bakery
      margin = 0.45;
    } else if (u < 0.6) {
      life = 24 * (5 + rng.int(6)); // chilled
      margin = 0.35;
    } else {
      life = 24 * 180; // ambient
      margin = 0.25;
    }
    shelf.push(life);
    markdown.push(life <= 72 ? 8 : life <= 240 ? 24 : 0);
    const c = Math.round(100 * (0.5 + 6 * rng.uniform())) / 100;
    cost.push(c);
    price.push(Math.round((100 * c) / (1 - margin)) / 100);
    // Fast movers get more protection; fresh items less (waste is dear).
    z.push(life <= 72 ? 0.8 : daily > 10 ? 1.6 : 1.2);
  }
  return {
    skus: N,
    hours: 24 * (options.days ?? 365),
    warmupHours: 24 * 7,
    baseRate,
    hourProfile: HOURS,
    weekdayProfile: WEEK,
    shelfLifeHours: shelf,
    markdownHours: markdown,
    markdownDiscount: 0.3,
    unitCost: cost,
    price,
    costDriftPerDay: 0.0003,
    holdingCostPerUnitHour: 0.0005,
    waveHours: options.waveHours ?? [5, 10, 14, 18],
    leadHours: options.leadHours ?? 1,
    serviceFactor: z,
  };
}

import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../core/errors.ts";
import { type PerishableStoreConfig, simulatePerishableStore } from "./perishables.ts";
import { generateDarkStore } from "./scenarios/dark-store.ts";

/** E[(S − D)^+] and E[(D − S)^+] for D ~ Poisson(m), by summing the pmf. */
function poissonShortAndOver(m: number, S: number) {
  let p = Math.exp(-m);
  let leftover = 0;
  for (let k = 0; k < S; k++) {
    leftover += (S - k) * p;
    p *= m / (k + 1);
  }
  return { leftover, short: leftover - (S - m) };
}

const N = 40;
const flat = (x: number) => Array.from({ length: N }, () => x);
// One delivery a day that lives exactly one day: the newsvendor with waste (Nahmias 2011, §2).
const daily = (days: number): PerishableStoreConfig => ({
  skus: N,
  hours: 24 * days,
  baseRate: flat(8 / 24),
  hourProfile: Array.from({ length: 24 }, () => 1),
  shelfLifeHours: flat(24),
  markdownHours: flat(6),
  markdownDiscount: 0.5,
  unitCost: flat(1),
  price: flat(2),
  holdingCostPerUnitHour: 0,
  waveHours: [23],
  leadHours: 0,
  orderUpTo: flat(10),
  initialStock: flat(10),
});

describe("perishable store (stock by age, FEFO, expiry)", () => {
  it("one-day shelf life, daily order up to 10: waste = E[(10 − D)^+], lost = E[(D − 10)^+], D ~ Poisson(8)", () => {
    const days = 1500;
    const r = simulatePerishableStore(daily(days), 3, 0);
    const { leftover, short } = poissonShortAndOver(8, 10);
    const skuDays = N * days;
    // Standard errors from the Poisson(8) day totals: sd of (10 − D)^+ and (D − 10)^+ are below 2.5.
    const se = 2.5 / Math.sqrt(skuDays);
    expect(Math.abs(r.waste / skuDays - leftover)).toBeLessThan(5 * se);
    expect(Math.abs(r.lost / skuDays - short)).toBeLessThan(5 * se);
    expect(Math.abs(r.demand / skuDays - 8)).toBeLessThan(5 * Math.sqrt(8 / skuDays));
  });

  it("conserves units and value under FEFO and weighted-average costing", () => {
    const cfg = { ...generateDarkStore({ skus: 2000, days: 21, seed: 4 }), warmupHours: 0 };
    const r = simulatePerishableStore(cfg, 5, 0);
    expect(r.sold + r.lost).toBe(r.demand);
    expect(r.received - r.sold - r.waste - r.endingUnits).toBe(0);
    // Initial stock is nil, so everything on the books was bought during the run.
    expect(r.cogsFefo + r.wasteValueFefo + r.endingValueFefo).toBeCloseTo(r.purchases, 4);
    expect(r.cogsWac + r.wasteValueWac + r.endingValueWac).toBeCloseTo(r.purchases, 4);
    expect(r.waste).toBeGreaterThan(0);
    expect(r.markdownSold).toBeGreaterThan(0);
    expect(r.markdownSold).toBeLessThanOrEqual(r.sold);
  });

  it("issues the oldest cohort first (FEFO): with rising costs, FEFO expenses less (COGS + waste) and keeps more on the books than WAC", () => {
    const cfg = {
      ...generateDarkStore({ skus: 2000, days: 28, seed: 8 }),
      warmupHours: 0,
      costDriftPerDay: 0.01,
    };
    const r = simulatePerishableStore(cfg, 6, 0);
    // Waste under FEFO is the oldest, cheapest stock, so COGS alone may go either way; the expensed
    // total and the ending value may not (they add up to the same purchases).
    expect(r.cogsFefo + r.wasteValueFefo).toBeLessThan(r.cogsWac + r.wasteValueWac);
    expect(r.endingValueFefo).toBeGreaterThan(r.endingValueWac);
    expect(r.wasteValueFefo).toBeLessThan(r.wasteValueWac);
  });

  it("rejects a malformed store, naming the field", () => {
    const cfg = daily(2);
    expect(() => simulatePerishableStore({ ...cfg, hourProfile: [1, 2] }, 1, 0)).toThrow(WorkbenchError);
    try {
      simulatePerishableStore({ ...cfg, shelfLifeHours: flat(0) }, 1, 0);
    } catch (e) {
      expect((e as WorkbenchError).code).toBe("INVALID_SCENARIO");
      expect((e as WorkbenchError).location.field).toBe("shelfLifeHours[0]");
    }
  });

  it("the dark-store generator makes 2,000–3,000 SKUs, deterministically", () => {
    const a = generateDarkStore({ skus: 2400, days: 7, seed: 1 });
    const b = generateDarkStore({ skus: 2400, days: 7, seed: 1 });
    expect(a.skus).toBe(2400);
    expect(a.baseRate).toEqual(b.baseRate);
    expect(a.hours).toBe(168);
    expect(() => generateDarkStore({ skus: 500 })).toThrow(WorkbenchError);
  });
});

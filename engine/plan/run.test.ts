import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { minMaxFillRate } from "../../models/inventory/periodic-review.ts";
import { FAMILY_CODE } from "../../simulator/order-up-to-fleet.ts";
import { parsePlanConfig } from "./config.ts";
import { runPlan } from "./run.ts";

const FAMILY_NAMES = ["normal", "poisson", "negative-binomial"] as const;
const dir = mkdtempSync(join(tmpdir(), "plan-test-"));

/** A small seeded history: 3 SKUs × 4 stores × 300 days of Poisson-like demand with a weekly pattern. */
function writeHistory(): string {
  const rng = new Rng(11);
  const lines = ["series_id,ts,y,store_id,sku_id,price"];
  const start = Date.UTC(2024, 0, 1);
  for (const sku of ["A1", "B2", "C3"]) {
    const level = sku === "A1" ? 12 : sku === "B2" ? 3 : 0.4;
    for (const store of ["S1", "S2", "S3", "S4"]) {
      for (let t = 0; t < 300; t++) {
        const rate = level * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 7));
        // Poisson draw by inversion (small rates)
        let k = 0;
        let p = Math.exp(-rate);
        let cdf = p;
        const u = rng.uniform();
        while (u > cdf && k < 200) {
          k++;
          p *= rate / k;
          cdf += p;
        }
        const day = new Date(start + t * 86_400_000).toISOString().slice(0, 10);
        lines.push(`${sku}_${store},${day},${k},${store},${sku},${sku === "A1" ? 5 : 2}`);
      }
    }
  }
  const path = join(dir, "history.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const history = writeHistory();
const config = parsePlanConfig({
  demand: { file: history, holdout: 14 },
  forecast: { model: "snaive", backtestWindows: 6 },
  network: {
    supplier: { id: "SUP", leadTime: 0 },
    dcs: [
      {
        id: "DC",
        leadTime: 5,
        holdingCost: 0.01,
        stores: ["S1", "S2", "S3", "S4"].map((id) => ({ id, leadTime: 1, holdingCost: 0.03 })),
      },
    ],
  },
  reviewPeriod: 1,
  slowMoverReviewPeriods: [2, 3, 7],
  serviceTargets: { default: { fillRate: 0.95 }, A: { fillRate: 0.97 } },
  simulation: { periods: 200, warmup: 20, replications: 4 },
  seed: 5,
});

describe("the planning run", () => {
  it("plans every SKU × store, places stock by GSM no worse than either comparison plan, and checks it by simulation", async () => {
    const r = await runPlan(config, { output: join(dir, "clean"), threads: 0 });
    expect(r.series.seriesIds).toHaveLength(12);
    expect(r.network.costNetwork).toBeLessThanOrEqual(r.network.costAlone + 1e-9);
    expect(r.network.costNetwork).toBeLessThanOrEqual(r.network.costNoPooling + 1e-9);
    // every published level meets its target by the formula, and corrections moved only off-target pairs
    for (let i = 0; i < 12; i++) {
      expect(r.network.formulaFillRate[i]).toBeGreaterThanOrEqual(r.network.targetFillRate[i]!);
      if (r.check.status[i] === 0) expect(r.check.orderUpTo[i]).toBe(r.network.orderUpTo[i]);
      // fast movers keep daily review; a slow mover may order every 2, 3 or 7 days, and its planned fill
      // rate is the exact (R, s, S) formula's at its published review period
      expect([1, 2, 3, 7]).toContain(r.network.reviewPeriod[i]);
      if (r.network.family[i] === FAMILY_CODE.normal) expect(r.network.reviewPeriod[i]).toBe(1);
      else {
        const exact = minMaxFillRate(
          {
            mean: r.network.mean[i]!,
            variance: r.network.variance[i]!,
            leadTime: r.network.leadTime[i]!,
            reviewPeriod: r.network.reviewPeriod[i]!,
            family: FAMILY_NAMES[r.network.family[i]!]!,
          },
          r.network.reorderPoint[i]!,
          r.network.orderUpTo[i]!,
        );
        expect(exact.fillRate).toBeCloseTo(r.network.formulaFillRate[i]!, 10);
      }
    }
    const params = readFileSync(join(dir, "clean", "parameters.csv"), "utf8")
      .trim()
      .split("\n");
    expect(params).toHaveLength(13);
    expect(params[0]).toMatch(/^series_id,store_id,sku_id,dc,abc,xyz,pattern,model,/);
    const summary = JSON.parse(readFileSync(join(dir, "clean", "summary.json"), "utf8"));
    expect(summary.pairs).toBe(12);
  });

  it("resumes after a stop from the finished stages, and gives the same outputs as a clean run", async () => {
    const out = join(dir, "resumed");
    await expect(runPlan(config, { output: out, threads: 0, stopAfter: "uncertainty" })).rejects.toThrow(
      /stopped after stage 'uncertainty'/,
    );
    const r = await runPlan(config, { output: out, threads: 2 });
    expect(r.resumed).toEqual(["history", "forecast", "uncertainty"]);
    for (const f of ["parameters.csv", "network.csv"]) {
      expect(readFileSync(join(out, f), "utf8")).toBe(readFileSync(join(dir, "clean", f), "utf8"));
    }
  });

  it("rejects a configuration whose network misses a store of the history, naming the store", async () => {
    const bad = parsePlanConfig({
      ...config,
      network: {
        ...config.network,
        dcs: [{ ...config.network.dcs[0]!, stores: config.network.dcs[0]!.stores.slice(0, 3) }],
      },
    });
    await expect(runPlan(bad, { output: join(dir, "bad"), threads: 0 })).rejects.toThrow(
      /no DC serves store 'S4'/,
    );
  });

  it("names the field of a bad configuration", () => {
    expect(() => parsePlanConfig({ ...config, reviewPeriod: 0 })).toThrow(/reviewPeriod: /);
    expect(() => parsePlanConfig({ ...config, slowMoverReviewPeriods: [2, 0] })).toThrow(
      /slowMoverReviewPeriods\.1: /,
    );
    expect(() => parsePlanConfig({ ...config, serviceTargets: { default: { fillRate: 1.2 } } })).toThrow(
      /serviceTargets\.default\.fillRate/,
    );
    expect(() => parsePlanConfig({ ...config, demand: { holdout: 0 } })).toThrow(
      /demand: give exactly one of file and dataset/,
    );
  });
});

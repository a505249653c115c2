import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { m3Series } from "../models/demand/m3-data.testkit.ts";
import { smape } from "../models/metrics/index.ts";
import { forecastSeries, type SeriesSet } from "./forecast.ts";
import { WorkerPool } from "./pool.ts";

const _shared = resolve(import.meta.dirname, "../../shared");

/** M3 quarterly train and test parts straight from the source CSV (independent of our converter). */
function m3Quarterly(): { set: SeriesSet; test: number[][] } {
  const quarterly = m3Series().filter((s) => s.period === "QUARTERLY");
  const offsets = new Int32Array(quarterly.length + 1);
  quarterly.forEach((s, i) => {
    offsets[i + 1] = offsets[i]! + s.y.length;
  });
  const values = new Float64Array(offsets[quarterly.length]!);
  for (const [i, s] of quarterly.entries()) values.set(s.y, offsets[i]!);
  return {
    set: { seriesIds: quarterly.map((s) => s.id), values, offsets },
    test: quarterly.map((s) => s.test),
  };
}

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("forecastSeries in the worker pool", () => {
  const { set, test } = m3Quarterly();
  const request = { model: "snaive", horizon: 8, season: 4, levels: [80, 95] };

  it("gives identical output inline, with 1 worker and with 2 workers and any batch size", async () => {
    const results = [];
    for (const [threads, batchSize] of [
      [0, 756],
      [1, 100],
      [2, 37],
    ] as const) {
      const pool = new WorkerPool({ threads });
      pools.push(pool);
      results.push(await forecastSeries(pool, set, { ...request, batchSize }));
    }
    expect(results[0]!.out.length).toBe(756 * 8 * 5);
    expect(Array.from(results[1]!.out)).toEqual(Array.from(results[0]!.out));
    expect(Array.from(results[2]!.out)).toEqual(Array.from(results[0]!.out));
    expect(results[2]!.modelNames).toEqual(results[0]!.modelNames);
  });

  it("snaive on M3 quarterly scores sMAPE 11.0651, as R forecast's snaive does on the same series", async () => {
    const pool = new WorkerPool({ threads: 2 });
    pools.push(pool);
    const r = await forecastSeries(pool, set, request);
    let sum = 0;
    for (let i = 0; i < test.length; i++) {
      const mean = new Float64Array(8);
      for (let h = 0; h < 8; h++) mean[h] = r.out[(i * 8 + h) * 5]!;
      sum += smape(test[i]!, mean);
    }
    expect(sum / test.length).toBeCloseTo(11.0651, 4);
  });

  it("reports a failing series with its error and NaN rows instead of stopping the batch", async () => {
    const pool = new WorkerPool({ threads: 0 });
    const bad: SeriesSet = {
      seriesIds: ["ok", "nan"],
      values: Float64Array.from([1, 2, 3, 4, Number.NaN, 1]),
      offsets: Int32Array.from([0, 4, 6]),
    };
    const r = await forecastSeries(pool, bad, { model: "naive", horizon: 2, season: 1, levels: [80] });
    expect(r.errors[0]).toBeNull();
    expect(r.errors[1]).toMatch(/y: value at position 0 is NaN/);
    expect(Number.isNaN(r.out[2 * 3])).toBe(true);
    expect(r.out[0]).toBe(4);
  });

  it("rejects an unknown model and a bad horizon with the flag named", async () => {
    const pool = new WorkerPool({ threads: 0 });
    await expect(forecastSeries(pool, set, { ...request, model: "prophet" })).rejects.toThrow(
      /--model: unknown model 'prophet'/,
    );
    await expect(forecastSeries(pool, set, { ...request, horizon: 0 })).rejects.toThrow(
      /--horizon: must be an integer ≥ 1/,
    );
  });
});

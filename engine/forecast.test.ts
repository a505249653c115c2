import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { m3Series } from "../models/demand/m3-data.testkit.ts";
import { naiveModel } from "../models/demand/naive.ts";
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

  it("--intervals conformal reaches the workers: naive bounds from K rolling origins, own bounds when too short", async () => {
    const long = [12, 15, 11, 14, 18, 13, 16, 20, 14, 17, 19, 15, 21, 18];
    const short = [3, 5, 4];
    const set: SeriesSet = {
      seriesIds: ["long", "short"],
      values: Float64Array.from([...long, ...short]),
      offsets: Int32Array.from([0, long.length, long.length + short.length]),
    };
    const conformal = {
      model: "naive",
      horizon: 2,
      season: 1,
      levels: [80],
      intervals: "conformal" as const,
      calibrationWindows: 6,
    };
    const worker = new WorkerPool({ threads: 1 });
    pools.push(worker);
    const r = await forecastSeries(worker, set, conformal);
    const inline = await forecastSeries(new WorkerPool({ threads: 0 }), set, conformal);
    expect(Array.from(r.out)).toEqual(Array.from(inline.out));
    expect(r.modelNames).toEqual(["Naive+conformal(K=6)", "Naive"]);
    // Naive from origin t forecasts y[t − 1]; 80% with K = 6 takes rank ⌈7 · 0.8⌉ = 6: the largest |error|.
    const n = long.length;
    for (let h = 0; h < 2; h++) {
      let largest = 0;
      for (let t = n - 2 - 5; t <= n - 2; t++)
        largest = Math.max(largest, Math.abs(long[t + h]! - long[t - 1]!));
      expect(r.out[h * 3]).toBe(long[n - 1]);
      expect(r.out[h * 3 + 1]).toBe(long[n - 1]! - largest);
      expect(r.out[h * 3 + 2]).toBe(long[n - 1]! + largest);
    }
    // Three values leave no origin with two training values: the model's own (random-walk) bounds.
    const own = naiveModel.forecast(Float64Array.from(short), { horizon: 2, season: 1, levels: [80] });
    for (let h = 0; h < 2; h++) {
      expect(r.out[6 + h * 3 + 1]).toBe(own.lower[0]![h]);
      expect(r.out[6 + h * 3 + 2]).toBe(own.upper[0]![h]);
    }
    // The default (the model's own intervals) differs for the long series.
    const model = await forecastSeries(worker, set, { model: "naive", horizon: 2, season: 1, levels: [80] });
    expect(model.out[1]).not.toBe(r.out[1]);
  });

  it("rejects an unknown interval method and calibration windows without conformal intervals", async () => {
    const pool = new WorkerPool({ threads: 0 });
    await expect(
      forecastSeries(pool, set, { ...request, intervals: "bootstrap" as "model" }),
    ).rejects.toThrow(/--intervals: must be 'model' or 'conformal', got 'bootstrap'/);
    await expect(forecastSeries(pool, set, { ...request, calibrationWindows: 10 })).rejects.toThrow(
      /--calibration-windows: only used with --intervals conformal/,
    );
    await expect(
      forecastSeries(pool, set, { ...request, intervals: "conformal", calibrationWindows: 0 }),
    ).rejects.toThrow(/--calibration-windows: must be an integer ≥ 1, got 0/);
  });
});

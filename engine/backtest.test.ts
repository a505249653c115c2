import { afterAll, describe, expect, it } from "vitest";
import { backtestSeries } from "./backtest.ts";
import type { SeriesSet } from "./forecast.ts";
import { WorkerPool } from "./pool.ts";

function set(series: number[][]): SeriesSet {
  const offsets = new Int32Array(series.length + 1);
  series.forEach((s, i) => {
    offsets[i + 1] = offsets[i]! + s.length;
  });
  return { seriesIds: series.map((_, i) => `s${i}`), values: Float64Array.from(series.flat()), offsets };
}

const pools: WorkerPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe("backtestSeries (rolling origin)", () => {
  const a = [10, 12, 11, 13, 14, 13, 15, 16, 15, 17];
  const b = [3, 0, 4, 0, 5, 0, 6, 0, 7, 1];
  const data = set([a, b]);

  it("scores the naive method exactly as a brute force over the windows does", async () => {
    const pool = new WorkerPool({ threads: 0 });
    const r = await backtestSeries(pool, data, {
      models: ["naive"],
      horizon: 2,
      windows: 3,
      season: 1,
      levels: [80],
    });
    // brute force for series a: origins 4, 6, 8 (n − h − (windows − 1 − w)·step, step = h = 2)
    let smapeSum = 0;
    let absErr = 0;
    let absAct = 0;
    let err = 0;
    for (const origin of [4, 6, 8]) {
      const last = a[origin - 1]!;
      let s = 0;
      for (let h = 0; h < 2; h++) {
        const y = a[origin + h]!;
        s += (200 * Math.abs(y - last)) / (Math.abs(y) + Math.abs(last));
        absErr += Math.abs(y - last);
        absAct += Math.abs(y);
        err += last - y;
      }
      smapeSum += s / 2;
    }
    const sa = r.perSeries[0]!.scores.naive!;
    expect(sa.smape).toBeCloseTo(smapeSum / 3, 12);
    expect(sa.wape).toBeCloseTo((100 * absErr) / absAct, 12);
    expect(sa.bias).toBeCloseTo(err / 6, 12);
    expect(sa.points).toBe(6);
    // MASE of window 1 (origin 4): MAE / in-sample naive MAE of a[0..4)
    const scale1 = (2 + 1 + 2) / 3;
    const mae1 = (Math.abs(14 - 13) + Math.abs(13 - 13)) / 2;
    const scale2 = (2 + 1 + 2 + 1 + 1) / 5;
    const mae2 = (Math.abs(15 - 13) + Math.abs(16 - 13)) / 2;
    const scale3 = (2 + 1 + 2 + 1 + 1 + 2 + 1) / 7;
    const mae3 = (Math.abs(15 - 16) + Math.abs(17 - 16)) / 2;
    expect(sa.mase).toBeCloseTo((mae1 / scale1 + mae2 / scale2 + mae3 / scale3) / 3, 12);
    expect(r.models.naive!.overall.points).toBe(12);
  });

  it("gives the same report with workers as inline, and picks the better model per series", async () => {
    const request = { models: ["naive", "snaive"], horizon: 2, windows: 3, season: 2, levels: [80, 95] };
    const inline = new WorkerPool({ threads: 0 });
    const workers = new WorkerPool({ threads: 2 });
    pools.push(workers);
    const r0 = await backtestSeries(inline, data, request);
    const r2 = await backtestSeries(workers, data, { ...request, batchSize: 1 });
    expect(r2.perSeries).toEqual(r0.perSeries);
    expect(r2.models).toEqual(r0.models);
    // series b alternates with period 2: the seasonal naive beats the naive there
    expect(r0.perSeries[1]!.best).toBe("snaive");
  });

  it("rejects unknown models and bad window counts with the flag named", async () => {
    const pool = new WorkerPool({ threads: 0 });
    await expect(
      backtestSeries(pool, data, { models: ["nope"], horizon: 2, windows: 1, season: 1, levels: [] }),
    ).rejects.toThrow(/--models: unknown model 'nope'/);
    await expect(
      backtestSeries(pool, data, { models: ["naive"], horizon: 2, windows: 0, season: 1, levels: [] }),
    ).rejects.toThrow(/--windows: must be an integer ≥ 1/);
  });
});

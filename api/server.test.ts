import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seasonalNaive } from "../models/demand/snaive.ts";
import { buildServer } from "./server.ts";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ threads: 0 });
});
afterAll(async () => {
  await app.close();
});

describe("HTTP API", () => {
  it("GET /health answers ok", async () => {
    const r = await app.inject({ method: "GET", url: "/health" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: "ok" });
  });

  it("POST /v1/forecast returns the model's forecasts and intervals (checked against the model called directly)", async () => {
    const values = [3, 5, 4, 6, 4, 6, 5, 7];
    const r = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: { model: "snaive", horizon: 3, season: 2, levels: [90], series: [{ id: "s1", values }] },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const direct = seasonalNaive(Float64Array.from(values), { horizon: 3, season: 2, levels: [90] });
    expect(body.forecasts[0].id).toBe("s1");
    expect(body.forecasts[0].mean).toEqual(Array.from(direct.mean));
    expect(body.forecasts[0].intervals[0].lower).toEqual(Array.from(direct.lower[0]!));
    expect(body.forecasts[0].model).toBe("SNaive[2]");
  });

  it("POST /v1/forecast with conformal intervals: naive bounds are the last value ± the largest |error| of K = 6 origins", async () => {
    const values = [12, 15, 11, 14, 18, 13, 16, 20, 14, 17, 19, 15, 21, 18];
    const r = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: {
        model: "naive",
        horizon: 2,
        levels: [80],
        intervals: "conformal",
        calibrationWindows: 6,
        series: [{ id: "s", values }],
      },
    });
    expect(r.statusCode).toBe(200);
    const f = r.json().forecasts[0];
    expect(f.model).toBe("Naive+conformal(K=6)");
    const n = values.length;
    for (let h = 0; h < 2; h++) {
      // rank ⌈7 · 0.8⌉ = 6 of 6 scores: the largest; origin t forecasts y[t − 1]
      let largest = 0;
      for (let t = n - 7; t <= n - 2; t++)
        largest = Math.max(largest, Math.abs(values[t + h]! - values[t - 1]!));
      expect(f.intervals[0].lower[h]).toBe(values[n - 1]! - largest);
      expect(f.intervals[0].upper[h]).toBe(values[n - 1]! + largest);
    }
    const bad = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: { model: "naive", horizon: 2, intervals: "bootstrap", series: [{ id: "s", values }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.location.field).toBe("intervals");
  });

  it("a missing field is a 400 naming it", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: { series: [{ id: "a", values: [1] }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: "INVALID_ARGUMENT", location: { field: "horizon" } });
  });

  it("a bad value is a 400 naming the path", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: { horizon: 2, series: [{ id: "a", values: [1, "x"] }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.location.field).toBe("series.0.values.1");
  });

  it("an unknown model is a 400 from the engine's catalogue", async () => {
    const r = await app.inject({
      method: "POST",
      url: "/v1/forecast",
      payload: { model: "prophet", horizon: 2, series: [{ id: "a", values: [1, 2] }] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe("INVALID_ARGUMENT");
    expect(r.json().error.message).toMatch(/unknown model 'prophet'/);
  });

  it("an unknown route is a 404 in the same JSON shape", async () => {
    const r = await app.inject({ method: "GET", url: "/v2/nothing" });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe("NOT_FOUND");
  });
});

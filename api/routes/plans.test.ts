import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { splitCsvLine } from "../../datasets/csv-line.ts";
import { buildServer } from "../server.ts";

const dir = mkdtempSync(join(tmpdir(), "api-plans-"));
const runsDir = join(dir, "runs");

/** 2 SKUs × 2 stores × 150 days of seeded Poisson demand. */
function writeHistory(): string {
  const rng = new Rng(3);
  const lines = ["series_id,ts,y,store_id,sku_id"];
  const start = Date.UTC(2024, 0, 1);
  for (const [sku, rate] of [
    ["FAST", 9],
    ["SLOW", 0.3],
  ] as const) {
    for (const store of ["S1", "S2"]) {
      for (let t = 0; t < 150; t++) {
        let k = 0;
        let p = Math.exp(-rate);
        let cdf = p;
        const u = rng.uniform();
        while (u > cdf && k < 100) {
          k++;
          p *= rate / k;
          cdf += p;
        }
        const day = new Date(start + t * 86_400_000).toISOString().slice(0, 10);
        lines.push(`${sku}_${store},${day},${k},${store},${sku}`);
      }
    }
  }
  const path = join(dir, "history.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const config = {
  demand: { file: writeHistory(), holdout: 7 },
  forecast: { model: "snaive", backtestWindows: 3 },
  network: {
    supplier: { id: "SUP", leadTime: 0 },
    dcs: [
      {
        id: "DC",
        leadTime: 4,
        holdingCost: 0.01,
        stores: ["S1", "S2"].map((id) => ({ id, leadTime: 1, holdingCost: 0.02 })),
      },
    ],
  },
  reviewPeriod: 1,
  serviceTargets: { default: { fillRate: 0.95 } },
  simulation: { periods: 120, warmup: 10, replications: 2, minDemandUnits: 500 },
  seed: 9,
};

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({ threads: 0, runsDir });
});
afterAll(async () => {
  await app.close();
});

async function waitFor(id: string): Promise<{ status: string; [k: string]: unknown }> {
  for (let i = 0; i < 600; i++) {
    const r = await app.inject({ method: "GET", url: `/v1/plans/${id}` });
    const body = r.json();
    if (body.status !== "running") return body;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`run ${id} did not finish`);
}

describe("planning runs over HTTP", () => {
  it("POST /v1/plans runs the plan; the parameters served are the run folder's parameters.csv", async () => {
    const started = await app.inject({ method: "POST", url: "/v1/plans", payload: config });
    expect(started.statusCode).toBe(202);
    const { id, links } = started.json();
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(links.parameters).toBe(`/v1/plans/${id}/parameters`);
    const done = await waitFor(id);
    expect(done.status).toBe("done");
    expect(Object.keys(done.stages as object)).toEqual([
      "history",
      "forecast",
      "uncertainty",
      "classify",
      "network",
      "simulate",
      "publish",
    ]);
    expect((done.summary as { pairs: number }).pairs).toBe(4);

    // the file, read independently
    const lines = readFileSync(join(runsDir, id, "parameters.csv"), "utf8")
      .trim()
      .split("\n");
    const header = splitCsvLine(lines[0]!);
    const col = (name: string) => lines.slice(1).map((l) => splitCsvLine(l)[header.indexOf(name)]!);
    const all = (await app.inject({ method: "GET", url: `/v1/plans/${id}/parameters` })).json().parameters;
    expect(all).toHaveLength(4);
    expect(all.map((r: { series_id: string }) => r.series_id)).toEqual(col("series_id"));
    expect(all.map((r: { order_up_to: number }) => r.order_up_to)).toEqual(col("order_up_to").map(Number));
    expect(all.map((r: { simulated_fill_rate: number }) => r.simulated_fill_rate)).toEqual(
      col("simulated_fill_rate").map(Number),
    );

    const s2 = (
      await app.inject({ method: "GET", url: `/v1/plans/${id}/parameters?store=S2&sku=SLOW` })
    ).json().parameters;
    expect(s2).toHaveLength(1);
    expect(s2[0].series_id).toBe("SLOW_S2");

    const network = (await app.inject({ method: "GET", url: `/v1/plans/${id}/network` })).json().network;
    expect(network).toHaveLength(2); // two SKUs at one DC
    const report = await app.inject({ method: "GET", url: `/v1/plans/${id}/report` });
    expect(report.headers["content-type"]).toMatch(/text\/html/);
    expect(report.body).toMatch(/<svg/);

    // the same configuration again is the same run, already done
    const again = await app.inject({ method: "POST", url: "/v1/plans", payload: config });
    expect(again.json()).toMatchObject({ id, status: "done" });
    const list = (await app.inject({ method: "GET", url: "/v1/plans" })).json().plans;
    expect(list.map((p: { id: string }) => p.id)).toContain(id);
  });

  it("a bad configuration is a 422 naming the field; an unknown run a 404", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/v1/plans",
      payload: { ...config, reviewPeriod: 0 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: "INVALID_SCENARIO", location: { field: "reviewPeriod" } });
    const missing = await app.inject({ method: "GET", url: "/v1/plans/0123456789abcdef" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const filter = await app.inject({
      method: "GET",
      url: "/v1/plans/0123456789abcdef/parameters?status=fine",
    });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().error.location.field).toBe("status");
  });

  it("a run that fails reports the error and keeps its configuration and finished stages", async () => {
    const failing = { ...config, forecast: { model: "prophet", backtestWindows: 3 } };
    const started = await app.inject({ method: "POST", url: "/v1/plans", payload: failing });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    const done = await waitFor(id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((done.error as { message: string }).message).toMatch(/prophet/);
    expect(Object.keys(done.stages as object)).toEqual(["history"]);
    const folder = join(runsDir, id);
    expect(JSON.parse(readFileSync(join(folder, "config.json"), "utf8")).forecast.model).toBe("prophet");
    expect(existsSync(join(folder, "stages", "history.values.f64"))).toBe(true);
    const params = await app.inject({ method: "GET", url: `/v1/plans/${id}/parameters` });
    expect(params.statusCode).toBe(404);
    expect(params.json().error.message).toMatch(/status: failed/);
  });

  it("posting a failed run's configuration again retries it: a missing history file, then present", async () => {
    const later = join(dir, "later.csv");
    const retry = { ...config, demand: { file: later, holdout: 7 } };
    const first = await app.inject({ method: "POST", url: "/v1/plans", payload: retry });
    const { id } = first.json();
    const failed = await waitFor(id);
    expect(failed.status).toBe("failed");
    expect((failed.error as { message: string }).message).toMatch(/later\.csv/);
    writeFileSync(later, readFileSync(config.demand.file));
    const again = await app.inject({ method: "POST", url: "/v1/plans", payload: retry });
    expect(again.json().id).toBe(id);
    const done = await waitFor(id);
    expect(done.status).toBe("done");
    expect(existsSync(join(runsDir, id, "error.json"))).toBe(false);
  });
});

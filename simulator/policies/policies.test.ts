import { describe, expect, it } from "vitest";
import { snaiveModel } from "../../models/demand/snaive.ts";
import { compileScenario, resultWidth } from "../engine.ts";
import { runReplications, traceReplication } from "../replications.ts";
import { type PolicySpec, validateScenario } from "../scenario.ts";
import { rQOrder } from "./r-Q.ts";
import { sSOrder } from "./s-S.ts";

function single(policy: PolicySpec, extra: Record<string, unknown> = {}) {
  return compileScenario(
    validateScenario({
      network: { nodes: [{ id: "shop", processingTime: 2, holdingCost: 1 }], edges: [] },
      demand: { shop: { kind: "poisson", mean: 4 } },
      policy: { shop: policy },
      nodeSettings: { shop: { backorderCost: 9, ...extra } },
      settings: { periods: 3000, warmup: 100, replications: 3, seed: 31 },
    }),
    { models: { snaive: snaiveModel } },
  );
}
const results = (policy: PolicySpec, extra: Record<string, unknown> = {}) => {
  const c = single(policy, extra);
  return Array.from(runReplications(c, 0, 3)).slice(0, resultWidth(c) * 3);
};

describe("policies that must coincide on integer demand", () => {
  it("(r, Q) with Q = 1 is base-stock with S = r + 1", () => {
    expect(results({ kind: "rQ", r: 13, Q: 1 })).toEqual(results({ kind: "base-stock", S: 14 }));
  });
  it("(s, S) with s = S − 1 is base-stock S", () => {
    expect(results({ kind: "sS", s: 13, S: 14 })).toEqual(results({ kind: "base-stock", S: 14 }));
  });
  it("periodic review with R = 1 is base-stock", () => {
    expect(results({ kind: "periodic", R: 1, S: 14 })).toEqual(results({ kind: "base-stock", S: 14 }));
  });
  it("a DemandModel forecaster (seasonal naive, season 1) orders exactly like the moving average of one period", () => {
    const viaModel = traceReplication(
      single({
        kind: "forecast-order-up-to",
        forecaster: { method: "model", model: "snaive", window: 8 },
        cover: 3,
      }),
    );
    const viaMa = traceReplication(
      single({ kind: "forecast-order-up-to", forecaster: { method: "moving-average", p: 1 }, cover: 3 }),
    );
    expect(Array.from(viaModel.orders)).toEqual(Array.from(viaMa.orders));
  });
  it("capacity caps every order", () => {
    const t = traceReplication(single({ kind: "base-stock", S: 14 }, { capacity: 3 }));
    expect(Math.max(...t.orders)).toBe(3);
  });
  it("(r, Q) orders the smallest multiple of Q that lifts the position above r; (s, S) orders up to S", () => {
    expect(rQOrder(10, 4, 10)).toBe(4);
    expect(rQOrder(10, 4, 2)).toBe(12);
    expect(rQOrder(10, 4, 11)).toBe(0);
    expect(sSOrder(5, 20, 5)).toBe(15);
    expect(sSOrder(5, 20, 6)).toBe(0);
  });
});

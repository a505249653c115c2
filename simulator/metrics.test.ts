import { describe, expect, it } from "vitest";
import { compileScenario, NODE_METRIC_NAMES, NODE_METRICS, resultWidth } from "./engine.ts";
import {
  bullwhipRatio,
  cycleServiceLevel,
  netStockAmplification,
  periodMean,
  sampleVariance,
} from "./metrics.ts";
import { runReplications, traceReplication } from "./replications.ts";
import { validateScenario } from "./scenario.ts";

describe("metrics", () => {
  it("sample variance of 1..5 is 2.5", () => {
    expect(sampleVariance(Float64Array.from([1, 2, 3, 4, 5]))).toBe(2.5);
  });

  it("the engine's in-loop statistics equal the same metrics recomputed from its trace", () => {
    const scenario = validateScenario({
      network: {
        nodes: [
          { id: "dc", processingTime: 1, holdingCost: 0.5 },
          { id: "shop", processingTime: 0, holdingCost: 1 },
        ],
        edges: [{ upstream: "dc", downstream: "shop", leadTime: 1 }],
      },
      demand: { shop: { kind: "poisson", mean: 6 } },
      policy: {
        dc: { kind: "base-stock", S: 30 },
        shop: {
          kind: "forecast-order-up-to",
          forecaster: { method: "moving-average", p: 3 },
          safetyStock: 4,
        },
      },
      nodeSettings: { shop: { backorderCost: 5 } },
      settings: { periods: 3000, warmup: 200, replications: 1, seed: 12 },
    });
    const c = compileScenario(scenario);
    const stats = runReplications(c, 0, 1);
    const trace = traceReplication(c, 0);
    const n = c.n;
    const column = (a: Float64Array, j: number) =>
      Float64Array.from({ length: c.periods }, (_, t) => a[t * n + j]!);
    const shop = c.nodeIds.indexOf("shop");
    const orders = column(trace.orders, shop);
    const demand = column(trace.demand, shop);
    const onHand = column(trace.onHand, shop);
    const backorders = column(trace.backorders, shop);
    const netStock = onHand.map((x, t) => x - backorders[t]!);
    const at = (name: (typeof NODE_METRIC_NAMES)[number]) =>
      stats[shop * NODE_METRICS + NODE_METRIC_NAMES.indexOf(name)]!;
    expect(resultWidth(c)).toBe(stats.length);
    expect(at("bullwhip")).toBeCloseTo(bullwhipRatio(orders, demand, 200), 9);
    expect(at("netStockAmplification")).toBeCloseTo(netStockAmplification(netStock, demand, 200), 9);
    expect(at("cycleServiceLevel")).toBeCloseTo(cycleServiceLevel(backorders, 200), 12);
    expect(at("meanOnHand")).toBeCloseTo(periodMean(onHand, 200), 9);
    expect(at("bullwhip")).toBeGreaterThan(1);
    // Per-period costs of the trace average to the reported cost per period.
    const dc = c.nodeIds.indexOf("dc");
    const totalCost = Float64Array.from(
      { length: c.periods },
      (_, t) => trace.cost[t * n + shop]! + trace.cost[t * n + dc]!,
    );
    expect(stats[c.n * NODE_METRICS]!).toBeCloseTo(periodMean(totalCost, 200), 9);
  });
});

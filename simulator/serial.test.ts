import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario, NODE_METRICS, resultWidth } from "./engine.ts";
import { runReplications } from "./replications.ts";
import { validateScenario } from "./scenario.ts";
import { simulateSerialEchelon } from "./serial.ts";

describe("serial echelon base-stock fast path", () => {
  it("gives the general engine's cost per period, replication by replication, on the same seed", () => {
    const doc = JSON.parse(readFileSync(new URL("./scenarios/clark-scarf.json", import.meta.url), "utf8"));
    doc.settings = { periods: 3000, warmup: 100, replications: 6, seed: 17 };
    const c = compileScenario(validateScenario(doc));
    const general = runReplications(c, 0, 6);
    const w = resultWidth(c);
    const fast = simulateSerialEchelon(
      {
        echelonBaseStock: [6.484, 12.028, 22.72],
        leadTimes: [0, 0, 1],
        localHolding: [7, 4, 2],
        pipelineHolding: [4, 2, 0],
        backorderCost: 37.12,
        demandMean: 5,
        demandSd: 1,
        periods: 3000,
        warmup: 100,
        seed: 17,
      },
      0,
      6,
    );
    for (let r = 0; r < 6; r++) expect(fast[r]!).toBeCloseTo(general[r * w + c.n * NODE_METRICS]!, 9);
  });
});

import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { compileScenario } from "../simulator/engine.ts";
import { runReplications } from "../simulator/replications.ts";
import { validateScenario } from "../simulator/scenario.ts";
import { simulateScenario } from "../simulator/simulate.ts";
import { WorkerPool } from "./pool.ts";
import { simulateInPool } from "./simulate.ts";

const doc = JSON.parse(
  readFileSync(new URL("../simulator/scenarios/clark-scarf.json", import.meta.url), "utf8"),
);
doc.settings = { periods: 500, warmup: 50, replications: 9, seed: 77 };
const pools: WorkerPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe("replications in the worker pool", () => {
  it("2 threads in batches of 2 give the rows and the summary of one in-process run", async () => {
    const pool = new WorkerPool({ threads: 2 });
    pools.push(pool);
    const whole = runReplications(compileScenario(validateScenario(doc)), 0, 9);
    const rows = await Promise.all(
      [6, 0, 3].map((fromIndex) =>
        pool.run<Float64Array>("replications", { scenario: doc, fromIndex, count: 3 }),
      ),
    );
    expect(Array.from(rows[1]!).concat(Array.from(rows[2]!), Array.from(rows[0]!))).toEqual(
      Array.from(whole),
    );
    const pooled = await simulateInPool(pool, doc, { batchSize: 2 });
    expect(pooled).toEqual(simulateScenario(doc));
  });

  it("rejects an invalid scenario naming the field", async () => {
    const pool = new WorkerPool({ threads: 0 });
    const bad = structuredClone(doc);
    bad.settings.replications = -1;
    await expect(simulateInPool(pool, bad)).rejects.toThrow(/settings\.replications/);
  });
});

import { readFileSync } from "node:fs";
import { Piscina } from "piscina";
import { describe, expect, it } from "vitest";
import { compileScenario, resultWidth } from "./engine.ts";
import { runReplications } from "./replications.ts";
import { validateScenario } from "./scenario.ts";

describe("replications on a piscina pool", () => {
  it("2 worker threads, batches of 3: the same rows as one in-process run", async () => {
    const doc = JSON.parse(readFileSync(new URL("./scenarios/clark-scarf.json", import.meta.url), "utf8"));
    doc.settings = { periods: 500, warmup: 50, replications: 9, seed: 77 };
    const c = compileScenario(validateScenario(doc));
    const whole = runReplications(c, 0, 9);
    const pool = new Piscina({
      filename: new URL("./worker-boot.mjs", import.meta.url).href,
      maxThreads: 2,
      minThreads: 2,
    });
    try {
      const batches = await Promise.all(
        [6, 0, 3].map(
          (fromIndex) => pool.run({ scenario: doc, fromIndex, count: 3 }) as Promise<Float64Array>,
        ),
      );
      const w = resultWidth(c);
      const joined = new Float64Array(9 * w);
      joined.set(batches[1]!, 0);
      joined.set(batches[2]!, 3 * w);
      joined.set(batches[0]!, 6 * w);
      expect(Array.from(joined)).toEqual(Array.from(whole));
    } finally {
      await pool.destroy();
    }
  });
});

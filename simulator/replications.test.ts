import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenario, resultWidth } from "./engine.ts";
import { runReplications } from "./replications.ts";
import { validateScenario } from "./scenario.ts";
import { simulateScenario } from "./simulate.ts";

const clarkScarf = JSON.parse(readFileSync(new URL("./scenarios/clark-scarf.json", import.meta.url), "utf8"));
const short = { ...clarkScarf, settings: { periods: 600, warmup: 100, replications: 12, seed: 42 } };

describe("replications in batches", () => {
  it("splitting 12 replications into batches 0–4, 5–6, 7–11 gives bit-identical results to one run", () => {
    const c = compileScenario(validateScenario(short));
    const whole = runReplications(c, 0, 12);
    const parts = [runReplications(c, 7, 5), runReplications(c, 0, 5), runReplications(c, 5, 2)];
    const joined = new Float64Array(whole.length);
    const w = resultWidth(c);
    joined.set(parts[1]!, 0);
    joined.set(parts[2]!, 5 * w);
    joined.set(parts[0]!, 7 * w);
    expect(Array.from(joined)).toEqual(Array.from(whole));
  });

  it("the same seed gives the same numbers and another seed different ones", () => {
    const a = simulateScenario(short);
    const b = simulateScenario(short);
    const other = simulateScenario(short, { seed: 43 });
    expect(b).toEqual(a);
    expect(other.totalCostPerPeriod.mean).not.toBe(a.totalCostPerPeriod.mean);
  });

  it("simulateScenario returns JSON that survives a round trip, with a trace when asked", () => {
    const r = simulateScenario(short, { replications: 3, trace: true });
    expect(r.replications).toBe(3);
    const back = JSON.parse(JSON.stringify(r));
    expect(back.nodes.stage1.totalCost.mean).toBe(r.nodes.stage1!.totalCost.mean);
    expect(back.trace.stage1.onHand).toHaveLength(600);
    // End-of-period on hand at the retail stage never goes negative.
    expect(Math.min(...back.trace.stage1.onHand)).toBeGreaterThanOrEqual(0);
  });
});

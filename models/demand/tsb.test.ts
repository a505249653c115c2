import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { teunterSyntetosBabai, tsbModel } from "./tsb.ts";

const opts = { horizon: 2, season: 1, levels: [80] };

describe("tsb", () => {
  it("updates probability every period and size at demands, by hand", () => {
    // first demand 4 at position 2: p = 1/2, z = 4; t=3 (0): p = 0.45; t=4 (6): p = 0.45 + 0.1·0.55 = 0.505,
    // z = 4 + 0.1·2 = 4.2
    const f = teunterSyntetosBabai(Float64Array.of(0, 4, 0, 6), opts);
    expect(f.params!.probability).toBeCloseTo(0.505, 14);
    expect(f.params!.size).toBeCloseTo(4.2, 14);
    expect(f.mean[0]).toBeCloseTo(0.505 * 4.2, 14);
  });

  it("decays by (1 − β) per period of no demand (obsolescence)", () => {
    const active = Float64Array.from({ length: 20 }, () => 3);
    const obsolete = Float64Array.from({ length: 30 }, (_, t) => (t < 20 ? 3 : 0));
    const a = teunterSyntetosBabai(active, opts).mean[0]!;
    const b = teunterSyntetosBabai(obsolete, opts).mean[0]!;
    expect(b / a).toBeCloseTo(0.9 ** 10, 12);
  });

  it("rejects β outside (0, 1]", () => {
    expect(() => teunterSyntetosBabai(Float64Array.of(1, 2), opts, 0.1, 0)).toThrow(/beta: smoothing/);
  });

  hardSeriesCases(tsbModel);
});

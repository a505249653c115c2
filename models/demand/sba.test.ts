import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { loadCarparts, loadReference } from "./intermittent-data.testkit.ts";
import { sbaModel, syntetosBoylan } from "./sba.ts";

describe("sba", () => {
  it("is (1 − α/2) times Croston's ratio, by hand", () => {
    const f = syntetosBoylan(Float64Array.of(0, 0, 3, 0, 5), { horizon: 2, season: 1, levels: [80] });
    expect(f.mean[1]).toBeCloseTo((0.95 * 3.2) / 2.9, 14);
  });

  it("is 0.95 times R's croston on carparts (α = 0.1)", () => {
    const reference = loadReference("r_carparts.csv", "croston");
    const series = loadCarparts();
    for (let i = 0; i < series.length; i += 50) {
      const s = series[i]!;
      const f = sbaModel.forecast(s.train, { horizon: 12, season: 12, levels: [] });
      expect(f.mean[0]).toBeCloseTo(0.95 * reference.get(s.id)![0]![0]!, 12);
    }
  });

  // SBA deflates even a constant demand by 1 − α/2 = 0.95 (a known property of the correction).
  hardSeriesCases(sbaModel, 1, 1, 0.95);
});

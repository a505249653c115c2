import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { m3CellSmape } from "./m3-data.testkit.ts";
import { optimisedTheta, otmModel, thetaModelsSeasonalityTest } from "./otm.ts";

describe("otm", () => {
  // Published M3 sMAPE of OTM (Fiorucci et al. 2016; forecTheta's M3 test): yearly 16.60, quarterly 9.14,
  // monthly 14.11, other 4.85, all 13.21. Non-seasonal periods match to 2 decimals; on seasonal ones our
  // fit lands 0.03–0.06 higher (see the report), so those are held to 0.1.
  it("reproduces the published M3 sMAPE of OTM", () => {
    const s = m3CellSmape(optimisedTheta);
    expect(s.get("YEARLY")!.toFixed(2)).toBe("16.60");
    expect(s.get("OTHER")!.toFixed(2)).toBe("4.85");
    expect(Math.abs(s.get("QUARTERLY")! - 9.14)).toBeLessThan(0.1);
    expect(Math.abs(s.get("MONTHLY")! - 14.11)).toBeLessThan(0.1);
    expect(Math.abs(s.get("ALL")! - 13.21)).toBeLessThan(0.1);
  });

  it("tests seasonality only for m ≥ 3 with two full seasons", () => {
    const pattern = [1, 3, 2, 5];
    const y = Float64Array.from({ length: 24 }, (_, t) => 10 + pattern[t % 4]!);
    expect(thetaModelsSeasonalityTest(y, 4)).toBe(true);
    expect(thetaModelsSeasonalityTest(y, 2)).toBe(false);
    expect(thetaModelsSeasonalityTest(y.subarray(0, 7), 4)).toBe(false);
  });

  it("extends a straight line", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const f = optimisedTheta(y, { horizon: 3, season: 1, levels: [95] });
    for (let h = 0; h < 3; h++) expect(Math.abs(f.mean[h]! - (10 + 2 * (30 + h)))).toBeLessThan(0.05);
  });

  hardSeriesCases(otmModel, 1, 3);
  describe("seasonal options", () => {
    hardSeriesCases(otmModel, 12, 3);
  });
});

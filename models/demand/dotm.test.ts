import { describe, expect, it } from "vitest";
import { dotmModel, dynamicOptimisedTheta } from "./dotm.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { m3CellSmape } from "./m3-data.testkit.ts";

describe("dotm", () => {
  // Published M3 sMAPE of DOTM (Fiorucci et al. 2016, and forecTheta's M3 test):
  // yearly 15.94, quarterly 9.28, monthly 13.74, other 4.58, all 12.90.
  it("reproduces the published M3 sMAPE of DOTM to 2 decimals", () => {
    const s = m3CellSmape(dynamicOptimisedTheta);
    expect(s.get("YEARLY")!.toFixed(2)).toBe("15.94");
    expect(s.get("QUARTERLY")!.toFixed(2)).toBe("9.28");
    expect(s.get("MONTHLY")!.toFixed(2)).toBe("13.74");
    expect(s.get("OTHER")!.toFixed(2)).toBe("4.58");
    expect(s.get("ALL")!.toFixed(2)).toBe("12.90");
  });

  it("extends a straight line", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const f = dynamicOptimisedTheta(y, { horizon: 3, season: 1, levels: [95] });
    for (let h = 0; h < 3; h++) expect(Math.abs(f.mean[h]! - (10 + 2 * (30 + h)))).toBeLessThan(0.05);
  });

  hardSeriesCases(dotmModel, 1, 3);
  describe("seasonal options", () => {
    hardSeriesCases(dotmModel, 12, 3);
  });
});

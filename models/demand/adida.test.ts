import { describe, expect, it } from "vitest";
import { adida, adidaModel, averageDemandInterval } from "./adida.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";

const opts = { horizon: 4, season: 1, levels: [80, 95] };

describe("adida", () => {
  it("takes the mean inter-demand interval as the aggregation level", () => {
    expect(averageDemandInterval(Float64Array.of(0, 0, 5, 0, 0, 0, 7, 0))).toBeCloseTo(3.5, 14);
    expect(averageDemandInterval(new Float64Array(4))).toBeNaN();
  });

  it("forecasts a regular demand of 6 every third period as 2 per period", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => (t % 3 === 2 ? 6 : 0));
    const f = adida(y, opts);
    expect(f.model).toBe("ADIDA(3)");
    for (const v of f.mean) expect(v).toBeCloseTo(2, 9);
  });

  it("drops the oldest values that do not fill a bucket", () => {
    // level 2 on 9 values: buckets (2,2) (2,2) (2,2) (2,2) after dropping the first value 100
    const y = Float64Array.of(100, 2, 2, 2, 2, 2, 2, 2, 2);
    expect(adida(y, opts, 2).mean[0]).toBeCloseTo(2, 9);
  });

  hardSeriesCases(adidaModel);
});

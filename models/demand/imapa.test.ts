import { describe, expect, it } from "vitest";
import { adida } from "./adida.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { imapa, imapaModel } from "./imapa.ts";

const opts = { horizon: 3, season: 1, levels: [80] };

describe("imapa", () => {
  it("averages the ADIDA forecasts of levels 1 … round(ADI)", () => {
    const y = Float64Array.of(0, 0, 4, 0, 0, 0, 9, 0, 1, 0, 0, 0, 3, 0, 0, 5, 0, 0, 0, 2, 0, 0, 7);
    // ADI = 23 / 8 → K = 3
    const combined = imapa(y, opts);
    let expected = 0;
    for (let k = 1; k <= 3; k++) expected += adida(y, opts, k).mean[0]! / 3;
    expect(combined.mean[0]).toBeCloseTo(expected, 12);
    expect(combined.model).toBe("IMAPA(1..3)");
  });

  it("forecasts a regular demand of 6 every third period near 2 per period", () => {
    const y = Float64Array.from({ length: 60 }, (_, t) => (t % 3 === 2 ? 6 : 0));
    const f = imapa(y, opts);
    expect(Math.abs(f.mean[0]! - 2)).toBeLessThan(0.5);
  });

  hardSeriesCases(imapaModel);
});

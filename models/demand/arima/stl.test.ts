import { describe, expect, it } from "vitest";
import { m3Train } from "./m3.testkit.ts";
import { stl } from "./stl.ts";

const data = m3Train(["N0700"]);

describe("STL (R's stats::stl, s.window = 11, non-robust)", () => {
  it("matches R's components on M3 N0700", () => {
    // s <- stl(ts(y, frequency = 4), s.window = 11); head(s$time.series[, 1:2], 8)
    const rSeasonal = [
      97.3691820106, 80.4582255732, 37.4994040342, -213.6652341513, 99.2898464189, 75.6128463201,
      33.7087187268, -206.3678271788,
    ];
    const rTrend = [
      6024.32550747, 6302.66579357, 6588.87720221, 6875.35169366, 7203.64264157, 7386.72787526, 7391.52597077,
      7355.05878475,
    ];
    const y = data.get("N0700")!.y;
    const s = stl(y, 4);
    for (let i = 0; i < 8; i++) {
      expect(s.seasonal[i]).toBeCloseTo(rSeasonal[i]!, 6);
      expect(s.trend[i]).toBeCloseTo(rTrend[i]!, 6);
    }
    for (let i = 0; i < y.length; i++)
      expect(s.seasonal[i]! + s.trend[i]! + s.remainder[i]!).toBeCloseTo(y[i]!, 8);
  });
});

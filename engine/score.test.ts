import { describe, expect, it } from "vitest";
import type { DemandHistory } from "../datasets/history.ts";
import { scoreForecasts } from "./score.ts";

function history(ids: string[], series: number[][]): DemandHistory {
  const offsets = new Int32Array(ids.length + 1);
  series.forEach((s, i) => {
    offsets[i + 1] = offsets[i]! + s.length;
  });
  const values = Float64Array.from(series.flat());
  return {
    file: "mem",
    seriesIds: ids,
    offsets,
    values,
    periods: Float64Array.from(values, (_, k) => k),
    frequency: "period",
    timeKind: "integer",
    numeric: {},
    labels: {},
    gaps: { seriesWithGaps: 0, missingPeriods: 0, filled: false },
  };
}

describe("scoreForecasts", () => {
  // two series, horizon 2, one level (80): rows are [mean, lo, hi]
  const forecasts = {
    seriesIds: ["a", "b"],
    horizon: 2,
    levels: [80],
    out: Float64Array.from([10, 8, 12, 10, 9, 11, 0, -1, 1, 4, 3, 5]),
    modelNames: ["m", "m"],
  };
  const actual = history(
    ["b", "a"],
    [
      [1, 4],
      [11, 13],
    ],
  );
  const train = history(
    ["a", "b"],
    [
      [8, 9, 10],
      [2, 0, 2],
    ],
  );

  it("computes sMAPE per series then averages, WAPE and coverage pooled, MASE and RMSSE from the history (by hand)", () => {
    const r = scoreForecasts(forecasts, actual, { history: train, season: 1 });
    const smapeA = (200 * (1 / 21) + 200 * (3 / 23)) / 2;
    const smapeB = (200 * (1 / 1) + 0) / 2;
    expect(r.smape).toBeCloseTo((smapeA + smapeB) / 2, 12);
    expect(r.wape).toBeCloseTo((100 * (1 + 3 + 1 + 0)) / (11 + 13 + 1 + 4), 12);
    // a: 11 in [8,12], 13 not in [9,11]; b: 1 in [-1,1], 4 in [3,5] → 3 of 4
    expect(r.coverage["80"]).toBeCloseTo(0.75, 12);
    // MASE of a: MAE 2 / naive MAE of (8, 9, 10) = 1 → 2
    expect(r.perSeries[0]!.mase).toBeCloseTo(2, 12);
    expect(r.points).toBe(4);
  });

  it("names a series without held-out values", () => {
    expect(() => scoreForecasts(forecasts, history(["a"], [[1, 2]]))).toThrow(
      /no held-out values for series 'b'/,
    );
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { smape } from "./smape.ts";

const m3Dir = new URL("../../../shared/datasets/m3/", import.meta.url);

/** Rows of a CSV whose fields are plain or double-quoted without embedded commas (the M3 files). */
function readCsv(name: string): string[][] {
  const lines = readFileSync(new URL(name, m3Dir), "utf8").trim().split("\n");
  return lines.slice(1).map((line) => line.split(",").map((f) => f.replace(/^"|"$/g, "")));
}

describe("smape", () => {
  it("computes 200|y−f|/(|y|+|f|) averaged, by hand", () => {
    // 200·10/210 = 9.5238…, 200·20/380 = 10.526…; mean = 10.0251…
    expect(smape([100, 200], [110, 180])).toBeCloseTo((2000 / 210 + 4000 / 380) / 2, 12);
  });

  it("is symmetric in actual and forecast and bounded by 200", () => {
    expect(smape([3, 7], [5, 1])).toBeCloseTo(smape([5, 1], [3, 7]), 12);
    expect(smape([0, 5], [4, 0])).toBe(200);
  });

  it("scores a step where actual and forecast are both zero as perfect", () => {
    expect(smape([0, 10], [0, 10])).toBe(0);
  });

  it("rejects length mismatch, empty input and NaN with the field named", () => {
    expect(() => smape([1, 2], [1])).toThrow(/forecast: has 1 values but actual has 2/);
    expect(() => smape([], [])).toThrow(/actual: no values/);
    expect(() => smape([1, Number.NaN], [1, 2])).toThrow(/actual: value at position 1 is NaN/);
  });

  it("reproduces the published M3 sMAPE of the THETA method (8.96 quarterly, 12.76 on all 3003)", () => {
    const test = new Map<string, { period: string; y: number[] }>();
    for (const row of readCsv("m3_series.csv")) {
      test.set(row[0]!, { period: row[1]!, y: row[9]!.split(";").map(Number) });
    }
    const byPeriod = new Map<string, { sum: number; count: number }>();
    let sum = 0;
    let count = 0;
    for (const row of readCsv("m3_original_forecasts.csv")) {
      if (row[0] !== "THETA") continue;
      const series = test.get(row[1]!)!;
      const forecast = row.slice(2, 2 + series.y.length).map(Number);
      const s = smape(series.y, forecast);
      const p = byPeriod.get(series.period) ?? { sum: 0, count: 0 };
      p.sum += s;
      p.count++;
      byPeriod.set(series.period, p);
      sum += s;
      count++;
    }
    expect(count).toBe(3003);
    const quarterly = byPeriod.get("QUARTERLY")!;
    expect(quarterly.count).toBe(756);
    expect((quarterly.sum / quarterly.count).toFixed(2)).toBe("8.96");
    expect((sum / count).toFixed(2)).toBe("12.76");
  });
});

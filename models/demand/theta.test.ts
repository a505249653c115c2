import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { loadCarparts } from "./intermittent-data.testkit.ts";
import { multiplicativeSeasonalIndices, seasonalityTest, thetaForecast, thetaModel } from "./theta.ts";

const shared = new URL("../../../shared/", import.meta.url);

function csvRows(path: string): string[][] {
  const lines = readFileSync(new URL(path, shared), "utf8").trim().split("\n");
  return lines.slice(1).map((l) => l.split(",").map((f) => f.replace(/^"|"$/g, "")));
}

describe("theta (as R forecast's thetaf)", () => {
  it("matches R thetaf's forecasts and intervals on a sample of 151 M3 series of every period", () => {
    const reference = new Map<string, number[][]>();
    for (const period of ["yearly", "quarterly", "monthly", "other"]) {
      for (const c of csvRows(`reference/r_m3_${period}.csv`)) {
        if (c[1] !== "theta") continue;
        const rows = reference.get(c[0]!) ?? [];
        rows.push(c.slice(4, 9).map(Number));
        reference.set(c[0]!, rows);
      }
    }
    const series = csvRows("datasets/m3/m3_series.csv");
    let checked = 0;
    for (let i = 0; i < series.length; i += 20) {
      const row = series[i]!;
      const y = Float64Array.from(row[8]!.split(";").map(Number));
      const f = thetaForecast(y, { horizon: Number(row[7]), season: Number(row[3]), levels: [80, 95] });
      const r = reference.get(row[0]!)!;
      expect(r.length).toBe(f.mean.length);
      for (let h = 0; h < r.length; h++) {
        const [mean, lo80, hi80, lo95, hi95] = r[h]!;
        expect(Math.abs(f.mean[h]! - mean!)).toBeLessThan(1e-9 * Math.abs(mean!));
        // Bounds within 1e-8 of the 95% half-width (R writes 15 significant digits).
        const tolerance = 1e-8 * (hi95! - mean!);
        expect(Math.abs(f.lower[0]![h]! - lo80!)).toBeLessThan(tolerance);
        expect(Math.abs(f.upper[0]![h]! - hi80!)).toBeLessThan(tolerance);
        expect(Math.abs(f.lower[1]![h]! - lo95!)).toBeLessThan(tolerance);
        expect(Math.abs(f.upper[1]![h]! - hi95!)).toBeLessThan(tolerance);
      }
      checked++;
    }
    expect(checked).toBe(151);
  });

  it("detects a clear seasonal pattern and recovers exact multiplicative indices", () => {
    const pattern = [0.8, 1.2, 1.1, 0.9];
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 * pattern[t % 4]!);
    expect(seasonalityTest(y, 4)).toBe(true);
    const idx = multiplicativeSeasonalIndices(y, 4);
    for (let i = 0; i < 4; i++) expect(idx[i]).toBeCloseTo(pattern[i]!, 12);
    const f = thetaForecast(y, { horizon: 8, season: 4, levels: [80] });
    for (let h = 0; h < 8; h++) expect(f.mean[h]).toBeCloseTo(100 * pattern[(40 + h) % 4]!, 6);
  });

  it("falls back to non-seasonal Theta when zero-demand windows make seasonal indices infinite", () => {
    // Before the fallback, 26 carparts series gave NaN forecasts (R's thetaf stops with an error there).
    let nonFinite = 0;
    for (const s of loadCarparts()) {
      const f = thetaForecast(s.train, { horizon: 12, season: 12, levels: [95] });
      for (const a of [f.mean, f.lower[0]!, f.upper[0]!]) if (a.some((v) => !Number.isFinite(v))) nonFinite++;
    }
    expect(nonFinite).toBe(0);
  });

  hardSeriesCases(thetaModel, 1);
  describe("seasonal options", () => {
    hardSeriesCases(thetaModel, 12);
  });
});

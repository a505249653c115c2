import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { forecastArima } from "./arima.ts";
import { autoArima } from "./auto-arima.ts";
import { m3Train, rArimaReference } from "./m3.testkit.ts";

/**
 * Against R forecast 8.20's auto.arima() (stepwise defaults) on M3, from ../shared/reference: the chosen
 * order string, and the forecasts where the order agrees. The first 60 quarterly and 20 monthly series in
 * file order keep the test fast; bench/arima-m3.ts runs all of them.
 */
function compare(period: "quarterly" | "monthly", count: number) {
  const reference = rArimaReference(period);
  const ids = [...reference.keys()].sort().slice(0, count);
  const data = m3Train(ids);
  let same = 0;
  let maxRelWhenSame = 0;
  for (const id of ids) {
    const s = data.get(id)!;
    const ref = reference.get(id)!;
    const result = autoArima(s.y, { season: period === "quarterly" ? 4 : 12 });
    if (result.name !== ref.model) continue;
    same++;
    const fc = forecastArima(result.fit, s.h);
    for (let h = 0; h < s.h; h++) {
      maxRelWhenSame = Math.max(
        maxRelWhenSame,
        Math.abs(fc.mean[h]! - ref.mean[h]!) / Math.abs(ref.mean[h]!),
      );
    }
  }
  return { share: same / ids.length, maxRelWhenSame };
}

describe("auto.arima against R's choices on M3", () => {
  it("quarterly: same order for at least 90% of 60 series, forecasts within 1% where it matches", () => {
    const { share, maxRelWhenSame } = compare("quarterly", 60);
    expect(share).toBeGreaterThanOrEqual(0.9);
    expect(maxRelWhenSame).toBeLessThan(0.01);
  });

  it("monthly: same order for at least 85% of 20 series, forecasts within 1% where it matches", () => {
    const { share, maxRelWhenSame } = compare("monthly", 20);
    expect(share).toBeGreaterThanOrEqual(0.85);
    expect(maxRelWhenSame).toBeLessThan(0.01);
  });
});

describe("stepwise search", () => {
  const y = m3Train(["N0800"]).get("N0800")!.y;

  it("starts with R's five models and never exceeds the order bounds", () => {
    // N0800: D = 1 from the seasonal strength (0.81 > 0.64) and d = 0, as in R's choice ARIMA(0,0,0)(0,1,0)[4];
    // d + D = 1, so the start models carry a drift.
    const result = autoArima(y, { season: 4 });
    const first = result.tried
      .slice(0, 5)
      .map((t) => [t.spec.p, t.spec.q, t.spec.P, t.spec.Q, t.spec.constant]);
    expect(first).toEqual([
      [2, 2, 1, 1, true],
      [0, 0, 0, 0, true],
      [1, 0, 1, 0, true],
      [0, 1, 0, 1, true],
      [0, 0, 0, 0, false],
    ]);
    for (const t of result.tried) {
      expect(t.spec.d).toBe(0);
      expect(t.spec.D).toBe(1);
      expect(t.spec.p).toBeLessThanOrEqual(3);
      expect(t.spec.q).toBeLessThanOrEqual(3);
      expect(t.spec.P).toBeLessThanOrEqual(2);
      expect(t.spec.Q).toBeLessThanOrEqual(2);
    }
    // The chosen model has the smallest AICc of all those tried.
    const best = Math.min(...result.tried.map((t) => t.ic));
    expect(result.fit.aicc).toBeCloseTo(best, 8);
  });

  it("honours a fixed d and D", () => {
    const result = autoArima(y, { season: 4, d: 1, D: 0 });
    expect(result.fit.order.d).toBe(1);
    expect(result.fit.order.D).toBe(0);
  });

  it("with the CSS approximation, still returns an exact-ML refit of an acceptable model", () => {
    const result = autoArima(y, { season: 4, approximation: true });
    expect(result.fit.method).toBe("CSS-ML");
    expect(Number.isFinite(result.fit.aicc)).toBe(true);
    expect(result.fit.minRoot).toBeGreaterThanOrEqual(1.01);
  });
});

describe("long series: CSS approximation during the search, exact refit (M4 hourly H1, n = 700, m = 24)", () => {
  it("chooses R's model and forecasts as R does", () => {
    // R 4.2.2, forecast 8.20: a <- auto.arima(ts(H1, frequency = 24)) → "ARIMA(2,0,2)(2,1,0)[24] with drift";
    // forecast(a, h = 48, level = 95): mean 609.9103 531.6361 496.9640, upper 632.7862 570.6851 (R took 53 s).
    const text = readFileSync(
      new URL("../../../../shared/datasets/m4_hourly/Hourly-train.csv", import.meta.url),
      "utf8",
    );
    const row = text.split("\n")[1]!.split(",").slice(1);
    const y = new Float64Array(
      row
        .map((s) => s.replace(/"/g, ""))
        .filter((s) => s !== "" && s !== "NA")
        .map(Number),
    );
    expect(y.length).toBe(700);
    const result = autoArima(y, { season: 24 });
    expect(result.name).toBe("ARIMA(2,0,2)(2,1,0)[24] with drift");
    const fc = forecastArima(result.fit, 48, [95]);
    const rMean = [609.9103, 531.6361, 496.964];
    const rUpper = [632.7862, 570.6851];
    for (let h = 0; h < 3; h++) expect(Math.abs(fc.mean[h]! - rMean[h]!) / rMean[h]!).toBeLessThan(1e-4);
    for (let h = 0; h < 2; h++)
      expect(Math.abs(fc.upper[0]![h]! - rUpper[h]!) / rUpper[h]!).toBeLessThan(1e-4);
  });
});

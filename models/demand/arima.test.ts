import { describe, expect, it } from "vitest";
import { isWorkbenchError } from "../../core/errors.ts";
import { arimaModel } from "./arima.ts";
import { expectWellFormed, hardSeriesCases } from "./hard-series.testkit.ts";

describe("arima demand model", () => {
  it("is registered under the name 'arima' and returns R-style model names", () => {
    expect(arimaModel.name).toBe("arima");
    const y = Float64Array.from({ length: 40 }, (_, i) => 100 + 2 * i + 10 * Math.sin(i * 1.3));
    const f = arimaModel.forecast(y, { horizon: 6, season: 4, levels: [80, 95] });
    expectWellFormed(f, { horizon: 6, season: 4, levels: [80, 95] });
    expect(f.model).toMatch(/^ARIMA\(\d,\d,\d\)/);
    // Wider level, wider interval.
    for (let h = 0; h < 6; h++)
      expect(f.upper[1]![h]! - f.lower[1]![h]!).toBeGreaterThan(f.upper[0]![h]! - f.lower[0]![h]!);
  });

  it("short series follow R: length 2 and 3 give the mean with R's interval", () => {
    // auto.arima(ts(c(10, 11), frequency = 4)) → ARIMA(0,0,0) with non-zero mean; forecast(h = 5, level = 95):
    // mean 10.5, upper 11.885904. For c(10, 11, 12): mean 11, upper 12.959964.
    const f2 = arimaModel.forecast(Float64Array.of(10, 11), { horizon: 5, season: 4, levels: [95] });
    expect(f2.model).toBe("ARIMA(0,0,0) with non-zero mean");
    expect(f2.mean[0]).toBeCloseTo(10.5, 10);
    expect(f2.upper[0]![0]).toBeCloseTo(11.885904, 5);
    const f3 = arimaModel.forecast(Float64Array.of(10, 11, 12), { horizon: 5, season: 4, levels: [95] });
    expect(f3.mean[0]).toBeCloseTo(11, 10);
    expect(f3.upper[0]![0]).toBeCloseTo(12.959964, 5);
  });

  it("rejects exogenous regressors whose lengths do not fit, naming the field", () => {
    const y = Float64Array.from({ length: 30 }, (_, i) => i + Math.sin(i));
    let caught: unknown;
    try {
      arimaModel.forecast(y, {
        horizon: 4,
        season: 1,
        levels: [80],
        exogenous: { names: ["promo"], history: [new Float64Array(29)], future: [new Float64Array(4)] },
      });
    } catch (e) {
      caught = e;
    }
    expect(isWorkbenchError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/exogenous\.history\.promo: has 29 values/);
  });

  it("rejects a constant regressor, naming it", () => {
    const y = Float64Array.from({ length: 30 }, (_, i) => i + Math.sin(i));
    expect(() =>
      arimaModel.forecast(y, {
        horizon: 4,
        season: 1,
        levels: [80],
        exogenous: {
          names: ["store_open"],
          history: [new Float64Array(30).fill(1)],
          future: [new Float64Array(4).fill(1)],
        },
      }),
    ).toThrow(/exogenous\.store_open: is constant/);
  });

  describe("hard series (season 4)", () => {
    hardSeriesCases(arimaModel, 4);
  });
  describe("hard series (no season)", () => {
    hardSeriesCases(arimaModel, 1);
  });
});

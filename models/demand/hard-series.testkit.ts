import { expect, it } from "vitest";
import { isWorkbenchError } from "../../core/errors.ts";
import type { DemandModel, Forecast, ForecastOptions } from "./types.ts";

/** Checks every returned array has `horizon` finite values and the bounds bracket the mean. */
export function expectWellFormed(f: Forecast, options: ForecastOptions): void {
  expect(f.mean.length).toBe(options.horizon);
  expect(f.lower.length).toBe(options.levels.length);
  expect(f.upper.length).toBe(options.levels.length);
  for (let i = 0; i < options.levels.length; i++) {
    for (let h = 0; h < options.horizon; h++) {
      expect(Number.isFinite(f.mean[h]!)).toBe(true);
      expect(f.lower[i]![h]!).toBeLessThanOrEqual(f.mean[h]! + 1e-9 * Math.abs(f.mean[h]!));
      expect(f.upper[i]![h]!).toBeGreaterThanOrEqual(f.mean[h]! - 1e-9 * Math.abs(f.mean[h]!));
    }
  }
}

/**
 * The hard series every model must survive: constant, all zeros, lengths 1–3, huge values, NaN.
 * `minLength` is the shortest series the model forecasts (shorter ones must fail with a clear error);
 * `constantFactor` is what the model multiplies a constant level by (1 except for deliberately
 * deflated methods such as SBA's 1 − α/2). Registers one `it` per case in the calling `describe`.
 */
export function hardSeriesCases(model: DemandModel, season = 1, minLength = 1, constantFactor = 1): void {
  const options: ForecastOptions = { horizon: 5, season, levels: [80, 95] };

  it("forecasts a constant series as that constant", () => {
    const f = model.forecast(new Float64Array(40).fill(7.5), options);
    expectWellFormed(f, options);
    for (const v of f.mean) expect(v).toBeCloseTo(7.5 * constantFactor, 6);
  });

  it("forecasts an all-zero series as zero", () => {
    const f = model.forecast(new Float64Array(40), options);
    expectWellFormed(f, options);
    for (const v of f.mean) expect(Math.abs(v)).toBeLessThan(1e-9);
  });

  for (const n of [1, 2, 3]) {
    it(`handles a series of length ${n}`, () => {
      const y = Float64Array.from({ length: n }, (_, i) => 10 + i);
      if (n < minLength) {
        expect(() => model.forecast(y, options)).toThrow(/y: series has \d+ values/);
      } else {
        const f = model.forecast(y, options);
        expectWellFormed(f, options);
        for (const v of f.mean) expect(v).toBeGreaterThanOrEqual(5);
        for (const v of f.mean) expect(v).toBeLessThanOrEqual(20);
      }
    });
  }

  it("stays finite and on scale with huge values", () => {
    const y = Float64Array.from({ length: 36 }, (_, i) => 1e15 * (1 + 0.01 * Math.sin(i) + 0.001 * i));
    const f = model.forecast(y, options);
    expectWellFormed(f, options);
    for (const v of f.mean) expect(v / 1e15).toBeGreaterThan(0.9);
    for (const v of f.mean) expect(v / 1e15).toBeLessThan(1.2);
  });

  it("rejects NaN with an error naming the position", () => {
    const y = Float64Array.from({ length: 30 }, (_, i) => i + 1);
    y[17] = Number.NaN;
    let caught: unknown;
    try {
      model.forecast(y, options);
    } catch (e) {
      caught = e;
    }
    expect(isWorkbenchError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/y: value at position 17 is NaN/);
  });
}

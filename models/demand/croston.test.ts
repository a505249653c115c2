import { describe, expect, it } from "vitest";
import { croston, crostonModel, empiricalIntervals, sesErrorGrowth } from "./croston.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";
import { loadCarparts, loadM5Tiny, loadReference } from "./intermittent-data.testkit.ts";

const opts = { horizon: 3, season: 1, levels: [80, 95] };

describe("croston", () => {
  it("equals R's croston (alpha 0.1) on a sample of carparts series", () => {
    const reference = loadReference("r_carparts.csv", "croston");
    const series = loadCarparts();
    expect(series.length).toBe(reference.size);
    let checked = 0;
    for (let i = 0; i < series.length; i += 25) {
      const s = series[i]!;
      const r = reference.get(s.id)!;
      const f = croston(s.train, { horizon: 12, season: 12, levels: [80] });
      for (let h = 0; h < 12; h++) expect(Math.abs(f.mean[h]! - r[h]![0]!)).toBeLessThan(1e-12);
      checked++;
    }
    expect(checked).toBeGreaterThan(90);
  });

  it("equals R's croston on a sample of M5 tiny series (daily, from the first sale)", () => {
    const reference = loadReference("r_m5_tiny.csv", "croston");
    const series = loadM5Tiny();
    for (let i = 0; i < series.length; i += 7) {
      const s = series[i]!;
      const r = reference.get(s.id)!;
      const f = croston(s.train, { horizon: 28, season: 7, levels: [80] });
      expect(Math.abs(f.mean[27]! - r[27]![0]!)).toBeLessThan(1e-12 * Math.max(1, r[27]![0]!));
    }
  });

  it("smooths sizes and intervals at demands only, by hand", () => {
    // sizes 3, 5 → 3 + 0.1·2 = 3.2; intervals 3, 2 → 3 − 0.1 = 2.9
    const f = croston(Float64Array.of(0, 0, 3, 0, 5), opts);
    expect(f.mean[0]).toBeCloseTo(3.2 / 2.9, 14);
    expect(f.params).toMatchObject({ size: 3.2, interval: 2.9 });
  });

  it("builds empirical intervals from one-step error quantiles times the SES growth, by hand", () => {
    // errors −1, 0, 1, 2, 6 (sorted); 80%: q_0.1 = −0.6, q_0.9 = 4.4
    const mean = Float64Array.of(2, 2, 2);
    const growth = sesErrorGrowth(3, 0.5);
    expect([...growth]).toEqual([1, Math.sqrt(1.25), Math.sqrt(1.5)]);
    const { lower, upper } = empiricalIntervals(mean, Float64Array.of(6, -1, 2, 0, 1), [80], false, growth);
    expect(lower[0]![0]).toBeCloseTo(1.4, 12);
    expect(upper[0]![0]).toBeCloseTo(6.4, 12);
    expect(upper[0]![2]).toBeCloseTo(2 + 4.4 * Math.sqrt(1.5), 12);
    // non-negative demand: the lower bound is cut at zero
    const cut = empiricalIntervals(
      Float64Array.of(0.5),
      Float64Array.of(-3, 1, 4),
      [95],
      true,
      Float64Array.of(1),
    );
    expect(cut.lower[0]![0]).toBe(0);
  });

  it("grows per aggregation bucket when k periods make one smoothing step", () => {
    expect([...sesErrorGrowth(5, 0.2, 2)]).toEqual([1, 1, Math.sqrt(1.04), Math.sqrt(1.04), Math.sqrt(1.08)]);
  });

  it("rejects a smoothing constant outside (0, 1]", () => {
    expect(() => croston(Float64Array.of(1, 0, 2), opts, 1.5)).toThrow(/alpha: smoothing constant/);
  });

  hardSeriesCases(crostonModel);
});

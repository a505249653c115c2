import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import {
  conformalIntervals,
  conformalModel,
  conformalRank,
  defaultCalibrationWindows,
  rollingOriginResiduals,
  seasonalSpacing,
} from "./conformal.ts";
import { croston } from "./croston.ts";
import { meanModel } from "./mean.ts";
import { naiveModel } from "./naive.ts";
import { demandModels } from "./registry.ts";
import type { DemandModel } from "./types.ts";

/**
 * Brute-force conformal bound from the p-value definition (Vovk et al. 2005, §2.2), with no ranks or
 * sorting: a candidate value v is in the prediction set when p(v) = (1 + #{s_i ≥ v}) / (K + 1) > a, with
 * a = (100 − L)/100 (two-sided absolute scores) or (100 − L)/200 (one side of signed scores), compared in
 * integers so that no rounding decides. The set is [.., sup]; p is a step function that only drops just
 * above a score, so its sup is the largest score still accepted, or +∞ when even a value above every score
 * is accepted (p = 1/(K + 1) > a).
 */
function bruteForceSup(scores: number[], level: number, sides: 1 | 2): number {
  const accepted = (v: number) =>
    (1 + scores.filter((s) => s >= v).length) * 100 * (3 - sides) > (100 - level) * (scores.length + 1);
  if (accepted(Math.max(...scores) + 1)) return Number.POSITIVE_INFINITY;
  let sup = Number.NEGATIVE_INFINITY;
  for (const v of scores) if (accepted(v) && v > sup) sup = v;
  return sup;
}

/** A residual matrix of `windows` × `horizon` heavy-tailed draws (ties impossible). */
function residualMatrix(rng: Rng, windows: number, horizon: number): Float64Array {
  const r = new Float64Array(windows * horizon);
  for (let i = 0; i < r.length; i++) r[i] = rng.normal() / (0.3 + rng.uniform());
  return r;
}

/** Poisson draw by inversion (Knuth); fine for small means. */
function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.uniform();
  while (p > limit) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

/** 4-sigma binomial tolerance for a share estimated from `n` independent trials. */
function tolerance(p: number, n: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / n);
}

describe("conformal rank", () => {
  it("is ⌈(K + 1)·L/100⌉, infinite when above K", () => {
    expect(conformalRank(19, 95)).toBe(19); // 20 · 0.95 = 19 exactly
    expect(conformalRank(18, 95)).toBe(Number.POSITIVE_INFINITY); // 19 · 0.95 = 18.05 → 19 > 18
    expect(conformalRank(20, 80)).toBe(17); // 21 · 0.8 = 16.8
    expect(conformalRank(4, 80)).toBe(4);
    expect(conformalRank(3, 80)).toBe(Number.POSITIVE_INFINITY);
    expect(conformalRank(39, 97.5)).toBe(39);
  });
});

describe("conformalIntervals", () => {
  const levels = [50, 80, 90, 95];

  it("absolute scores: half-width per step equals the brute-force p-value bound", () => {
    const rng = new Rng(11);
    for (const windows of [3, 9, 19, 23, 40]) {
      const horizon = 5;
      const residuals = residualMatrix(rng, windows, horizon);
      const mean = Float64Array.from([1, 2, 3, 4, 5]);
      const r = conformalIntervals(mean, residuals, windows, levels, { pool: 0 });
      for (let l = 0; l < levels.length; l++) {
        for (let h = 0; h < horizon; h++) {
          const scores: number[] = [];
          for (let j = 0; j < windows; j++) scores.push(Math.abs(residuals[j * horizon + h]!));
          const sup = bruteForceSup(scores, levels[l]!, 2);
          expect(r.upper[l]![h]!).toBe(mean[h]! + sup);
          expect(r.lower[l]![h]!).toBe(mean[h]! - sup);
        }
      }
    }
  });

  it("signed scores: each bound equals the brute-force one-sided bound at α/2", () => {
    const rng = new Rng(12);
    for (const windows of [9, 19, 39, 60]) {
      const horizon = 3;
      const residuals = residualMatrix(rng, windows, horizon);
      const mean = new Float64Array(horizon).fill(10);
      const r = conformalIntervals(mean, residuals, windows, levels, { pool: 0, score: "signed" });
      for (let l = 0; l < levels.length; l++) {
        for (let h = 0; h < horizon; h++) {
          const e: number[] = [];
          for (let j = 0; j < windows; j++) e.push(residuals[j * horizon + h]!);
          const up = bruteForceSup(e, levels[l]!, 1);
          const down = -bruteForceSup(
            e.map((v) => -v),
            levels[l]!,
            1,
          );
          if (Number.isFinite(up) && Number.isFinite(down)) {
            expect(r.upper[l]![h]!).toBe(10 + up);
            expect(r.lower[l]![h]!).toBe(10 + down);
          } else {
            expect(r.upper[l]![h]!).toBe(Number.POSITIVE_INFINITY);
            expect(r.lower[l]![h]!).toBe(Number.NEGATIVE_INFINITY);
          }
        }
      }
    }
  });

  it("pools the fewest neighbouring steps that make the level finite, shifting the window at the ends", () => {
    const rng = new Rng(13);
    const windows = 5;
    const horizon = 6;
    const residuals = residualMatrix(rng, windows, horizon);
    const mean = new Float64Array(horizon);
    const r = conformalIntervals(mean, residuals, windows, [80, 95], { pool: "auto" });
    // 80%: K = 5 needs ⌈6·0.8⌉ = 5 ≤ 5, no pooling; 95%: 5 steps pooled (25 scores, rank 25 > 15 for 3 steps).
    expect(Array.from(r.radius)).toEqual([0, 2]);
    for (let h = 0; h < horizon; h++) {
      const first = Math.max(0, Math.min(h - 2, horizon - 5));
      const scores: number[] = [];
      for (let j = 0; j < windows; j++) {
        for (let g = first; g < first + 5; g++) scores.push(Math.abs(residuals[j * horizon + g]!));
      }
      expect(r.upper[1]![h]!).toBe(bruteForceSup(scores, 95, 2));
    }
    // Too few scores even with the whole horizon pooled: unbounded.
    const few = conformalIntervals(new Float64Array(3), residualMatrix(rng, 2, 3), 2, [95]);
    expect(Array.from(few.upper[0]!)).toEqual([Infinity, Infinity, Infinity]);
    expect(Array.from(few.lower[0]!)).toEqual([-Infinity, -Infinity, -Infinity]);
  });

  it("skips NaN residuals (origins without a forecast) and counts the origins that gave scores", () => {
    const residuals = Float64Array.from([Number.NaN, Number.NaN, 1, -2, 3, 4, -5, 6]);
    const r = conformalIntervals(new Float64Array(2), residuals, 4, [50], { pool: 0 });
    expect(r.windows).toBe(3);
    // Step 1 scores {1, 3, 5}: rank ⌈4 · 0.5⌉ = 2 → 3; step 2 {2, 4, 6} → 4.
    expect(Array.from(r.upper[0]!)).toEqual([3, 4]);
  });

  it("rejects a residual matrix of the wrong size and a bad level, naming the field", () => {
    expect(() => conformalIntervals(new Float64Array(2), new Float64Array(5), 3, [80])).toThrow(/residuals:/);
    expect(() => conformalIntervals(new Float64Array(2), new Float64Array(6), 3, [100])).toThrow(/levels:/);
  });
});

describe("conformalModel", () => {
  it("rolling-origin residuals of the naive method are y[t + h] − y[t − 1]", () => {
    const y = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6]);
    const r = rollingOriginResiduals(naiveModel, y, { horizon: 2, season: 1, levels: [] }, 3, 1, 2);
    // Origins 4, 5, 6 (= n − 2 − 2, …, n − 2).
    expect(Array.from(r)).toEqual([5 - 1, 9 - 1, 9 - 5, 2 - 5, 2 - 9, 6 - 9]);
  });

  it("spaces the origins one season apart when K fit, else as wide as fits; skips training parts under a season", () => {
    // ⌊(n − H − minTrain)/(K − 1)⌋ = ⌊(200 − 5 − 7)/19⌋ = 9 ≥ 7; ⌊(60 − 5 − 7)/19⌋ = 2.
    expect(seasonalSpacing(200, { horizon: 5, season: 7 }, 20, 7)).toBe(7);
    expect(seasonalSpacing(60, { horizon: 5, season: 7 }, 20, 7)).toBe(2);
    expect(seasonalSpacing(20, { horizon: 5, season: 7 }, 20, 7)).toBe(1);
    const y = Float64Array.from({ length: 60 }, (_, t) => 10 + (t % 7) + (t % 3));
    const f = conformalModel(naiveModel).forecast(y, { horizon: 5, season: 7, levels: [80] });
    expect(f.params?.calibrationStep).toBe(2);
    // Origins 55 − 2·19 = 17 … 55 all hold at least one season (7): all 20 give scores.
    expect(f.params?.calibrationWindows).toBe(20);
    const short = y.subarray(0, 20); // origins 15, 14, … down to 7 (n − H − minTrain = 8 → 9 origins)
    const g = conformalModel(naiveModel).forecast(short, { horizon: 5, season: 7, levels: [80] });
    expect(g.params?.calibrationStep).toBe(1);
    expect(g.params?.calibrationWindows).toBe(9);
  });

  it("covers exchangeable data at the exact conformal rate k/(K + 1) (normal noise around a known constant)", () => {
    // A model that ignores the history: its scores are i.i.d., so coverage is exactly ⌈(K + 1)L⌉/(K + 1).
    const known: DemandModel = {
      name: "known",
      forecast: (_y, o) => ({
        mean: new Float64Array(o.horizon).fill(5),
        lower: o.levels.map(() => new Float64Array(o.horizon)),
        upper: o.levels.map(() => new Float64Array(o.horizon)),
        model: "Known",
      }),
    };
    const K = 20;
    const horizon = 4;
    const model = conformalModel(known, { windows: K, pool: 0 });
    const rng = new Rng(2026);
    const series = 4000;
    const covered = [0, 0];
    for (let i = 0; i < series; i++) {
      const y = new Float64Array(40);
      for (let t = 0; t < y.length; t++) y[t] = 5 + rng.normal();
      const future = 5 + rng.normal();
      const h = i % horizon; // one step per series keeps the trials independent
      const f = model.forecast(y, { horizon, season: 1, levels: [80, 95] });
      for (let l = 0; l < 2; l++) if (future >= f.lower[l]![h]! && future <= f.upper[l]![h]!) covered[l]!++;
    }
    for (const [l, level] of [80, 95].entries()) {
      const exact = conformalRank(K, level) / (K + 1); // 17/21, 20/21
      expect(Math.abs(covered[l]! / series - exact)).toBeLessThan(tolerance(exact, series));
    }
  });

  it("covers i.i.d. Poisson demand at least at the level with Croston refitted at every origin (registry default)", () => {
    const model = demandModels.croston!;
    const rng = new Rng(7);
    const series = 1500;
    const horizon = 6;
    const covered = [0, 0];
    for (let i = 0; i < series; i++) {
      const y = new Float64Array(60);
      for (let t = 0; t < y.length; t++) y[t] = poisson(rng, 0.8);
      const h = i % horizon;
      const future = poisson(rng, 0.8);
      const f = model.forecast(y, { horizon, season: 1, levels: [80, 95] });
      expect(f.model).toBe(`Croston+conformal(K=${defaultCalibrationWindows})`);
      for (let l = 0; l < 2; l++) if (future >= f.lower[l]![h]! && future <= f.upper[l]![h]!) covered[l]!++;
    }
    for (const [l, level] of [80, 95].entries()) {
      const p = level / 100;
      expect(covered[l]! / series).toBeGreaterThan(p - tolerance(p, series));
    }
  });

  it("keeps the point forecast, and the model's own bounds for a series too short to calibrate", () => {
    const y = Float64Array.from([0, 2, 0, 0, 3, 0, 1, 0, 0, 2, 0, 4, 0, 0, 1, 0, 0, 2, 0, 1, 0, 3, 0, 0]);
    const options = { horizon: 3, season: 1, levels: [80, 95] };
    const own = croston(y, options);
    const f = demandModels.croston!.forecast(y, options);
    expect(Array.from(f.mean)).toEqual(Array.from(own.mean));
    expect(f.params?.calibrationWindows).toBe(20);
    expect(f.params?.conformal80).toBe(3);
    // Too short: n − H = 1 < minTrain 2, no origin.
    const short = y.subarray(0, 4);
    const ownShort = croston(short, options);
    const fShort = demandModels.croston!.forecast(short, options);
    expect(fShort.model).toBe("Croston");
    expect(fShort.params?.calibrationWindows).toBe(0);
    expect(fShort.lower.map((a) => Array.from(a))).toEqual(ownShort.lower.map((a) => Array.from(a)));
    expect(fShort.upper.map((a) => Array.from(a))).toEqual(ownShort.upper.map((a) => Array.from(a)));
  });

  it("falls back per level: 80% conformal and 95% the model's own with 6 origins and no pooling", () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => 10 + Math.sin(t) * 3);
    const model = conformalModel(meanModel, { windows: 6, pool: 0 });
    const options = { horizon: 2, season: 1, levels: [80, 95] };
    const f = model.forecast(y, options);
    const own = meanModel.forecast(y, options);
    expect(f.params?.conformal80).toBe(2);
    expect(f.params?.conformal95).toBe(0);
    expect(Array.from(f.upper[1]!)).toEqual(Array.from(own.upper[1]!));
    // 80%: ⌈7·0.8⌉ = 6th smallest of the 6 scores of step 1, i.e. the largest.
    const residuals = rollingOriginResiduals(meanModel, y, options, 6, 1, 2);
    let largest = 0;
    for (let j = 0; j < 6; j++) largest = Math.max(largest, Math.abs(residuals[j * 2]!));
    expect(f.upper[0]![0]! - f.mean[0]!).toBeCloseTo(largest, 12);
  });

  it("non-negative mode floors at zero and gives whole-unit bounds for counts; 'history' only floors", () => {
    const y = Float64Array.from([0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 3, 0, 0, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0, 1]);
    const options = { horizon: 4, season: 1, levels: [80, 95] };
    const counts = conformalModel(meanModel, { nonNegative: true }).forecast(y, options);
    const floored = conformalModel(meanModel, { nonNegative: "history" }).forecast(y, options);
    const raw = conformalModel(meanModel).forecast(y, options);
    expect(Math.min(...raw.lower[0]!)).toBeLessThan(0);
    for (let l = 0; l < 2; l++) {
      for (let h = 0; h < 4; h++) {
        expect(counts.lower[l]![h]!).toBe(Math.floor(Math.max(0, raw.lower[l]![h]!)));
        expect(counts.upper[l]![h]!).toBe(Math.ceil(raw.upper[l]![h]!));
        expect(floored.lower[l]![h]!).toBe(Math.max(0, raw.lower[l]![h]!));
        expect(floored.upper[l]![h]!).toBe(raw.upper[l]![h]!);
      }
    }
  });

  it("re-wrapping unwraps the base and keeps earlier settings; the series is not mutated", () => {
    const once = conformalModel(naiveModel, { nonNegative: "history", windows: 8 });
    const twice = conformalModel(once, { windows: 12 });
    expect(twice.base).toBe(naiveModel);
    expect(twice.settings.nonNegative).toBe("history");
    expect(twice.settings.windows).toBe(12);
    const y = Float64Array.from([4, 2, 5, 3, 6, 1, 7, 2, 8, 3, 5, 4, 6, 2, 5, 3, 6, 4]);
    const copy = Float64Array.from(y);
    twice.forecast(y, { horizon: 3, season: 1, levels: [80] });
    expect(Array.from(y)).toEqual(Array.from(copy));
    expect(() => conformalModel(naiveModel, { windows: 0 })).toThrow(
      /calibrationWindows: must be an integer ≥ 1/,
    );
  });
});

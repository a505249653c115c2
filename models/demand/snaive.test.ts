import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { naive } from "./naive.ts";
import { seasonalNaive } from "./snaive.ts";

const shared = resolve(import.meta.dirname, "../../../shared");

/** R forecast 8.20 `snaive()` on M4 hourly (msts periods 24 and 168, so lag 168), from ../shared/reference. */
function rSnaive(): Map<string, { mean: number[]; lo80: number[]; hi95: number[] }> {
  const out = new Map<string, { mean: number[]; lo80: number[]; hi95: number[] }>();
  const lines = readFileSync(resolve(shared, "reference/r_m4_hourly.csv"), "utf8").split("\n");
  for (const line of lines) {
    if (!line.includes('"snaive"')) continue;
    const f = line.split(",");
    const id = f[0]!.replaceAll('"', "");
    if (!["H1", "H2", "H100", "H250", "H414"].includes(id)) continue;
    const e = out.get(id) ?? { mean: [], lo80: [], hi95: [] };
    e.mean.push(Number(f[4]));
    e.lo80.push(Number(f[5]));
    e.hi95.push(Number(f[8]));
    out.set(id, e);
  }
  return out;
}

function m4Train(ids: string[]): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const line of readFileSync(resolve(shared, "datasets/m4_hourly/Hourly-train.csv"), "utf8").split(
    "\n",
  )) {
    const f = line.split(",").map((s) => s.replaceAll('"', ""));
    if (ids.includes(f[0]!))
      out.set(
        f[0]!,
        Float64Array.from(
          f
            .slice(1)
            .filter((s) => s !== "")
            .map(Number),
        ),
      );
  }
  return out;
}

describe("seasonalNaive", () => {
  const ref = rSnaive();
  const train = m4Train([...ref.keys()]);

  it("equals R's snaive means and 80/95% intervals on five M4 hourly series (lag 168, h 48)", () => {
    expect(ref.size).toBe(5);
    for (const [id, r] of ref) {
      const f = seasonalNaive(train.get(id)!, { horizon: 48, season: 168, levels: [80, 95] });
      for (let h = 0; h < 48; h++) {
        expect(f.mean[h]).toBe(r.mean[h]);
        expect(f.lower[0]![h]).toBeCloseTo(r.lo80[h]!, 6);
        expect(f.upper[1]![h]).toBeCloseTo(r.hi95[h]!, 6);
      }
    }
  });

  it("widens intervals by √(k+1) after each full season (closed form)", () => {
    const y = Float64Array.from([1, 5, 2, 6, 2, 7]); // m = 2: residuals 1, 1, 0, 1 → σ = √(3/4)
    const f = seasonalNaive(y, { horizon: 5, season: 2, levels: [80] });
    expect(Array.from(f.mean)).toEqual([2, 7, 2, 7, 2]);
    const sigma = Math.sqrt(3 / 4);
    const z = 1.2815515655446004;
    expect(f.upper[0]![0]! - f.mean[0]!).toBeCloseTo(z * sigma, 12);
    expect(f.upper[0]![2]! - f.mean[2]!).toBeCloseTo(z * sigma * Math.SQRT2, 12);
    expect(f.upper[0]![4]! - f.mean[4]!).toBeCloseTo(z * sigma * Math.sqrt(3), 12);
  });

  it("falls back to naive when the series is shorter than a season, and handles length 1", () => {
    const f = seasonalNaive(Float64Array.from([3, 4]), { horizon: 2, season: 12, levels: [95] });
    expect(f.model).toBe("Naive");
    expect(Array.from(f.mean)).toEqual([4, 4]);
    const one = naive(Float64Array.from([7]), { horizon: 3, season: 1, levels: [80] });
    expect(Array.from(one.mean)).toEqual([7, 7, 7]);
    expect(Array.from(one.lower[0]!)).toEqual([7, 7, 7]);
  });

  it("rejects a NaN with a message naming its position, and does not mutate the input", () => {
    const y = Float64Array.from([1, Number.NaN, 3]);
    expect(() => seasonalNaive(y, { horizon: 1, season: 1, levels: [] })).toThrow(
      /y: value at position 1 is NaN/,
    );
    const z = Float64Array.from([1, 2, 3]);
    seasonalNaive(z, { horizon: 2, season: 1, levels: [80] });
    expect(Array.from(z)).toEqual([1, 2, 3]);
  });
});

import { describe, expect, it } from "vitest";
import { m3Train } from "./m3.testkit.ts";
import { nsdiffs, seasonalStrength } from "./seasonal-strength.ts";

// R 4.2.2, forecast 8.20: forecast:::seas.heuristic(ts(x, frequency = m)) and nsdiffs(ts(x, frequency = m)).
const rStrength: Record<string, { m: number; strength: number; nsdiffs: number }> = {
  N0646: { m: 4, strength: 0.143642327784, nsdiffs: 0 },
  N0700: { m: 4, strength: 0.189745713859, nsdiffs: 0 },
  N0800: { m: 4, strength: 0.807907296683, nsdiffs: 1 },
  N1402: { m: 12, strength: 0.227584688873, nsdiffs: 0 },
  N1500: { m: 12, strength: 0.369275194907, nsdiffs: 0 },
  N2000: { m: 12, strength: 0.350903508325, nsdiffs: 0 },
};
const data = m3Train(Object.keys(rStrength));

describe("seasonal strength and nsdiffs", () => {
  for (const [id, ref] of Object.entries(rStrength)) {
    it(`M3 ${id}: strength and D equal R's seas.heuristic / nsdiffs`, () => {
      const y = data.get(id)!.y;
      expect(seasonalStrength(y, ref.m)).toBeCloseTo(ref.strength, 8);
      expect(nsdiffs(y, ref.m)).toBe(ref.nsdiffs);
    });
  }

  it("a pure seasonal pattern plus a little trend has strength near 1 and needs D = 1", () => {
    const y = Float64Array.from({ length: 48 }, (_, i) => [10, 30, 20, 50][i % 4]! + 0.01 * i);
    expect(seasonalStrength(y, 4)).toBeGreaterThan(0.99);
    expect(nsdiffs(y, 4)).toBe(1);
  });

  it("is undefined with two seasons or fewer (STL needs more)", () => {
    expect(Number.isNaN(seasonalStrength(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), 4))).toBe(true);
    expect(nsdiffs(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8), 4)).toBe(0);
  });
});

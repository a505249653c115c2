import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { solveLp } from "../../engine/lp/index.ts";
import { slotSkus, slotSkusLp } from "./slotting.ts";

interface SlotCase {
  id: string;
  inputs: { pick_freq: number[]; slot_travel: number[] };
  expected: { optimal_cost: number; assignment_sku_to_slot: number[] };
}
const slotCase = (
  JSON.parse(readFileSync(new URL("../../../shared/cases/simulation.json", import.meta.url), "utf8")) as {
    cases: SlotCase[];
  }
).cases.find((c) => c.id === "slot_rearrangement_5x5")!;

/** Brute force over every injective SKU → slot map; Infinity when none is feasible. */
function bruteForce(f: number[], t: number[], fits: (i: number, k: number) => boolean): number {
  const n = f.length;
  const used = new Array<boolean>(t.length).fill(false);
  let best = Infinity;
  const go = (i: number, cost: number): void => {
    if (cost >= best) return;
    if (i === n) {
      best = cost;
      return;
    }
    for (let k = 0; k < t.length; k++) {
      if (used[k] || !fits(i, k)) continue;
      used[k] = true;
      go(i + 1, cost + f[i]! * t[k]!);
      used[k] = false;
    }
  };
  go(0, 0);
  return best;
}

describe("slotSkus", () => {
  it("solves slot_rearrangement_5x5 exactly (cost and assignment)", () => {
    const r = slotSkus({ pickFrequency: slotCase.inputs.pick_freq, slotTravel: slotCase.inputs.slot_travel });
    expect(r.cost).toBe(slotCase.expected.optimal_cost);
    expect(Array.from(r.slotOfSku)).toEqual(slotCase.expected.assignment_sku_to_slot);
    expect(r.method).toBe("sort");
  });

  it("matches a brute force with zones and cube limits on random small instances", () => {
    const rng = new Rng(11);
    let checked = 0;
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + rng.int(5);
      const m = n + rng.int(3);
      const f = Array.from({ length: n }, () => rng.int(8));
      const t = Array.from({ length: m }, () => 1 + rng.int(9));
      const skuCube = Array.from({ length: n }, () => 1 + rng.int(3));
      const slotCube = Array.from({ length: m }, () => 1 + rng.int(3));
      const skuZone = Array.from({ length: n }, () => rng.int(2));
      const slotZone = Array.from({ length: m }, () => rng.int(2));
      const best = bruteForce(f, t, (i, k) => skuZone[i] === slotZone[k] && skuCube[i]! <= slotCube[k]!);
      const input = { pickFrequency: f, slotTravel: t, skuCube, slotCube, skuZone, slotZone };
      if (best === Infinity) {
        expect(() => slotSkus(input)).toThrow(/skuZone|skuCube/);
        continue;
      }
      const r = slotSkus(input);
      expect(r.cost).toBe(best);
      const slotsUsed = new Set(r.slotOfSku);
      expect(slotsUsed.size).toBe(n);
      for (let i = 0; i < n; i++) {
        const k = r.slotOfSku[i]!;
        expect(skuZone[i]).toBe(slotZone[k]);
        expect(skuCube[i]).toBeLessThanOrEqual(slotCube[k]!);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("with cube limits on 150 SKUs equals the HiGHS assignment LP", async () => {
    const rng = new Rng(5);
    const n = 150;
    const f = Array.from({ length: n }, () => 1 + Math.floor(200 * rng.uniform() ** 2));
    const t = Array.from({ length: n + 20 }, () => 1 + 50 * rng.uniform());
    const skuCube = Array.from({ length: n }, () => 1 + rng.int(3));
    const slotCube = Array.from({ length: n + 20 }, (_, k) => (k < n ? skuCube[k]! : 3));
    const input = { pickFrequency: f, slotTravel: t, skuCube, slotCube };
    const exact = slotSkus(input);
    const lp = await slotSkusLp(input, solveLp);
    expect(lp.status).toBe("optimal");
    expect(exact.cost).toBeCloseTo(lp.cost, 6);
  });

  it("rejects a negative pick frequency and a zone without enough slots", () => {
    expect(() => slotSkus({ pickFrequency: [1, -2], slotTravel: [1, 2] })).toThrow(/pickFrequency\[1\]/);
    expect(() =>
      slotSkus({ pickFrequency: [1, 2], slotTravel: [1, 2], skuZone: [0, 0], slotZone: [0, 1] }),
    ).toThrow(/zone 0/);
  });
});

describe("slotSkusLp with shared cube capacity", () => {
  it("matches a brute force over all SKU → slot maps (several SKUs per slot)", async () => {
    const rng = new Rng(21);
    for (let trial = 0; trial < 15; trial++) {
      const n = 5;
      const m = 3;
      const f = Array.from({ length: n }, () => 1 + rng.int(10));
      const t = Array.from({ length: m }, () => 1 + rng.int(10));
      const skuCube = Array.from({ length: n }, () => 1 + rng.int(3));
      const slotCube = Array.from({ length: m }, () => 3 + rng.int(4));
      let best = Infinity;
      for (let code = 0; code < m ** n; code++) {
        const load = new Array<number>(m).fill(0);
        let cost = 0;
        let c = code;
        for (let i = 0; i < n; i++) {
          const k = c % m;
          c = Math.floor(c / m);
          load[k]! += skuCube[i]!;
          cost += f[i]! * t[k]!;
        }
        if (load.every((l, k) => l <= slotCube[k]!)) best = Math.min(best, cost);
      }
      const r = await slotSkusLp({ pickFrequency: f, slotTravel: t, skuCube, slotCube }, solveLp, {
        capacity: "cube",
      });
      if (best === Infinity) expect(r.status).toBe("infeasible");
      else {
        expect(r.status).toBe("optimal");
        expect(r.cost).toBeCloseTo(best, 9);
      }
    }
  });
});

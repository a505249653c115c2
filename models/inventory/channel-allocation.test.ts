import { describe, expect, it } from "vitest";
import { Rng } from "../../core/rng.ts";
import { allocateChannelStock, expectedShortfall, type SalesChannel } from "./channel-allocation.ts";

/** Brute force: every split of the pool (Σ x ≤ N within buffers and caps), cost by direct summation. */
function bruteForce(pool: number, channels: SalesChannel[]): number {
  const C = channels.length;
  let best = Infinity;
  const x = new Array<number>(C).fill(0);
  const cost = (c: number, units: number): number => {
    const ch = channels[c]!;
    const theta = ch.oversellShare ?? 0;
    const w = theta * ch.oversellCost + (1 - theta) * ch.lostSaleCost;
    const d = ch.demand;
    let short = 0;
    if (d.distribution === "poisson") {
      // direct sum of (k − x)⁺ P(D = k) up to a far tail
      let mass = Math.exp(-d.mean);
      for (let k = 0; k < 200; k++) {
        if (k > units) short += (k - units) * mass;
        mass *= d.mean / (k + 1);
      }
    } else {
      // midpoint-rule integral of (y − x)⁺ φ
      const step = d.sd / 400;
      for (let y = units; y < d.mean + 12 * d.sd; y += step) {
        const mid = y + step / 2;
        const z = (mid - d.mean) / d.sd;
        short += (mid - units) * (Math.exp(-0.5 * z * z) / (d.sd * Math.sqrt(2 * Math.PI))) * step;
      }
    }
    return w * short;
  };
  const go = (c: number, left: number, acc: number): void => {
    if (c === C) {
      best = Math.min(best, acc);
      return;
    }
    const lo = channels[c]!.buffer ?? 0;
    const hi = Math.min(left, channels[c]!.maxAllocation ?? Infinity);
    for (let units = lo; units <= hi; units++) {
      x[c] = units;
      go(c + 1, left - units, acc + cost(c, units));
    }
  };
  go(0, pool, 0);
  return best;
}

describe("allocateChannelStock", () => {
  it("matches a brute force over all splits (Poisson channels, buffers, caps)", () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 25; trial++) {
      const channels: SalesChannel[] = Array.from({ length: 3 }, (_, c) => ({
        name: `ch${c}`,
        demand: { distribution: "poisson" as const, mean: 0.5 + 6 * rng.uniform() },
        oversellCost: 1 + 10 * rng.uniform(),
        lostSaleCost: 1 + 10 * rng.uniform(),
        oversellShare: rng.uniform(),
        buffer: rng.int(2),
        ...(rng.uniform() < 0.3 ? { maxAllocation: 3 + rng.int(3) } : {}),
      }));
      const pool = 4 + rng.int(10);
      const r = allocateChannelStock(pool, channels);
      expect(r.expectedCost).toBeCloseTo(bruteForce(pool, channels), 9);
      const used = r.allocation.reduce((a, b) => a + b, 0);
      expect(used + r.unallocated).toBe(pool);
    }
  });

  it("matches a brute force with normal channels", () => {
    const channels: SalesChannel[] = [
      {
        name: "web",
        demand: { distribution: "normal", mean: 6, sd: 2 },
        oversellCost: 8,
        lostSaleCost: 3,
        oversellShare: 0.5,
      },
      {
        name: "marketplace",
        demand: { distribution: "normal", mean: 4, sd: 3 },
        oversellCost: 12,
        lostSaleCost: 2,
        oversellShare: 0.8,
      },
      {
        name: "store",
        demand: { distribution: "normal", mean: 3, sd: 1 },
        oversellCost: 0,
        lostSaleCost: 5,
        buffer: 1,
      },
    ];
    const r = allocateChannelStock(10, channels);
    expect(r.expectedCost).toBeCloseTo(bruteForce(10, channels), 5);
  });

  it("splits oversell and lost sales by the oversell share", () => {
    const ch: SalesChannel = {
      name: "m",
      demand: { distribution: "poisson", mean: 5 },
      oversellCost: 4,
      lostSaleCost: 1,
      oversellShare: 0.25,
    };
    const r = allocateChannelStock(3, [ch]);
    const short = expectedShortfall(ch.demand, 3);
    expect(r.expectedOversell[0]).toBeCloseTo(0.25 * short, 12);
    expect(r.expectedLostSales[0]).toBeCloseTo(0.75 * short, 12);
    expect(r.expectedCost).toBeCloseTo((0.25 * 4 + 0.75 * 1) * short, 12);
  });

  it("rejects buffers that exceed the pool and a share outside [0, 1], naming the field", () => {
    const ch: SalesChannel = {
      name: "a",
      demand: { distribution: "poisson", mean: 2 },
      oversellCost: 1,
      lostSaleCost: 1,
    };
    expect(() => allocateChannelStock(1, [{ ...ch, buffer: 2 }])).toThrow(/pool/);
    expect(() => allocateChannelStock(5, [{ ...ch, oversellShare: 1.5 }])).toThrow(/oversellShare/);
    expect(() => allocateChannelStock(5, [{ ...ch, lostSaleCost: -1 }])).toThrow(
      /channels\[0\] \(a\)\.lostSaleCost/,
    );
  });
});

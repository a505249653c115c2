import { describe, expect, it } from "vitest";
import { Rng } from "../core/rng.ts";
import { type Ledger, valueLedger } from "./valuation.ts";

// Receipts 100 @ 10 (expires day 30), 100 @ 12 (expires day 20), then an issue of 150.
const ledger: Ledger = {
  kind: Int8Array.from([1, 1, -1]),
  quantity: Float64Array.from([100, 100, 150]),
  unitCost: Float64Array.from([10, 12, 0]),
  expiry: Float64Array.from([30, 20, 0]),
};

describe("inventory valuation (hand-worked example)", () => {
  it("FIFO: COGS 100·10 + 50·12 = 1,600; ending 50·12 = 600", () => {
    expect(valueLedger(ledger, "fifo")).toEqual({
      cogs: 1600,
      issuedQuantity: 150,
      endingQuantity: 50,
      endingValue: 600,
    });
  });
  it("FEFO: the lot expiring on day 20 goes first: 100·12 + 50·10 = 1,700; ending 500", () => {
    expect(valueLedger(ledger, "fefo")).toEqual({
      cogs: 1700,
      issuedQuantity: 150,
      endingQuantity: 50,
      endingValue: 500,
    });
  });
  it("WAC: average 11, COGS 1,650, ending 550", () => {
    expect(valueLedger(ledger, "wac")).toEqual({
      cogs: 1650,
      issuedQuantity: 150,
      endingQuantity: 50,
      endingValue: 550,
    });
  });
  it("COGS + ending value = receipts' value for every method on a random ledger", () => {
    const rng = new Rng(11);
    const n = 400;
    const l: Ledger = {
      kind: new Int8Array(n),
      quantity: new Float64Array(n),
      unitCost: new Float64Array(n),
      expiry: new Float64Array(n),
    };
    let stock = 0;
    let bought = 0;
    for (let i = 0; i < n; i++) {
      const receipt = stock < 5 || rng.uniform() < 0.5;
      l.kind[i] = receipt ? 1 : -1;
      const q = receipt ? 1 + rng.int(20) : Math.min(stock, 1 + rng.int(15));
      l.quantity[i] = q;
      l.unitCost[i] = receipt ? 5 + rng.uniform() : 0;
      l.expiry![i] = i + rng.int(50);
      if (receipt) bought += q * l.unitCost[i]!;
      stock += receipt ? q : -q;
    }
    for (const m of ["fifo", "fefo", "wac"] as const) {
      const v = valueLedger(l, m);
      expect(v.cogs + v.endingValue).toBeCloseTo(bought, 6);
      expect(v.endingQuantity).toBeCloseTo(stock, 9);
    }
  });
  it("an issue beyond the stock on hand names the event", () => {
    const l: Ledger = {
      kind: Int8Array.from([1, -1]),
      quantity: Float64Array.from([5, 6]),
      unitCost: Float64Array.from([1, 0]),
    };
    expect(() => valueLedger(l, "fifo")).toThrow(/quantity\[1\]/);
    expect(() => valueLedger(l, "wac")).toThrow(/quantity\[1\]/);
  });
});

import { describe, expect, it } from "vitest";
import { Arena } from "./arena.ts";

describe("Arena", () => {
  it("hands out disjoint zeroed views, grows past its size, and reuses memory after reset", () => {
    const arena = new Arena(8);
    const a = arena.take(5);
    const b = arena.take(3);
    a.fill(1);
    expect([...b]).toEqual([0, 0, 0]);
    const big = arena.take(20);
    expect(big.length).toBe(20);
    expect([...a]).toEqual([1, 1, 1, 1, 1]);
    arena.reset();
    const c = arena.take(4);
    expect([...c]).toEqual([0, 0, 0, 0]);
  });
});

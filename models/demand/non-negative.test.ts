import { describe, expect, it } from "vitest";
import { applyNonNegative, isCountSeries } from "./non-negative.ts";

describe("non-negative mode", () => {
  it("floors at zero, and rounds count bounds outwards to whole units (mean left fractional)", () => {
    const rows = Float64Array.from([0.4, -0.7, 1.2, -2, 2.01, -0.1, -0.5, 0.3, -1, 0.9]);
    applyNonNegative(rows, 5, true);
    expect(Array.from(rows)).toEqual([0.4, 0, 2, 0, 3, 0, 0, 1, 0, 1]);
    const cont = Float64Array.from([0.4, -0.7, 1.2]);
    applyNonNegative(cont, 3, false);
    expect(Array.from(cont)).toEqual([0.4, 0, 1.2]);
  });

  it("recognises count series", () => {
    expect(isCountSeries(Float64Array.from([0, 3, 1]))).toBe(true);
    expect(isCountSeries(Float64Array.from([0, 2.5]))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { abcClassification, coefficientOfVariation, demandPattern, xyzClass } from "./abc-xyz.ts";

describe("abcClassification", () => {
  it("classifies by cumulative value share (hand-worked example)", () => {
    // total 1000; sorted 500 (0→50%), 300 (50→80%), 100 (80→90%), 60 (90→96%), 40 (96→100%)
    const values = [100, 500, 40, 300, 60];
    expect(abcClassification(values)).toEqual(["B", "A", "C", "A", "B"]);
  });

  it("does not mutate its input and rejects negative values", () => {
    const values = [3, 1, 2];
    abcClassification(values);
    expect(values).toEqual([3, 1, 2]);
    expect(() => abcClassification([1, -1])).toThrow(/values\[1\]/);
    expect(() => abcClassification([1], { aShare: 0.9, bShare: 0.8 })).toThrow(/bShare/);
  });
});

describe("xyzClass", () => {
  it("uses CV = σ/μ with population σ", () => {
    expect(coefficientOfVariation([10, 10, 10])).toBe(0);
    // [2, 4, 6]: μ = 4, σ = √(8/3) → CV ≈ 0.408
    expect(coefficientOfVariation([2, 4, 6])).toBeCloseTo(Math.sqrt(8 / 3) / 4, 14);
    expect(xyzClass([2, 4, 6])).toBe("X");
    expect(xyzClass([0, 4, 8, 0])).toBe("Z"); // μ = 3, σ = √11 → CV ≈ 1.106
    expect(xyzClass([1, 3, 5])).toBe("Y"); // μ = 3, σ = √(8/3) → CV ≈ 0.544
  });
});

describe("demandPattern (Syntetos–Boylan)", () => {
  it("computes ADI and CV² and the four classes", () => {
    const smooth = demandPattern([5, 6, 5, 4, 6, 5]);
    expect(smooth.pattern).toBe("smooth");
    expect(smooth.adi).toBe(1);
    const intermittent = demandPattern([0, 5, 0, 0, 5, 0, 6, 0]);
    expect(intermittent.adi).toBeCloseTo(8 / 3, 14);
    // sizes 5, 5, 6: variance 2/9, mean 16/3
    expect(intermittent.cv2).toBeCloseTo(2 / 9 / (16 / 3) ** 2, 14);
    expect(intermittent.pattern).toBe("intermittent");
    expect(demandPattern([1, 20, 1, 30, 2, 1]).pattern).toBe("erratic");
    expect(demandPattern([0, 1, 0, 0, 40, 0, 0, 2]).pattern).toBe("lumpy");
    expect(demandPattern([0, 0, 0]).pattern).toBe("no_demand");
  });
});

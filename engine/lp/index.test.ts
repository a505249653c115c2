import { describe, expect, it } from "vitest";
import { WorkbenchError } from "../../core/errors.ts";
import { type LinearProgram, type LpSolverName, solveLp } from "./index.ts";

/** Builds CSR arrays from dense rows (test convenience only). */
function fromDense(rows: number[][]): Pick<LinearProgram, "rowStarts" | "columnIndices" | "values"> {
  const starts = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => {
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    });
    starts.push(cols.length);
  }
  return {
    rowStarts: Int32Array.from(starts),
    columnIndices: Int32Array.from(cols),
    values: Float64Array.from(vals),
  };
}

// Wyndor Glass (Hillier & Lieberman, Introduction to Operations Research, §3.1):
// max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18, x, y ≥ 0; optimum 36 at (2, 6).
const wyndor: LinearProgram = {
  sense: "maximize",
  objective: Float64Array.of(3, 5),
  ...fromDense([
    [1, 0],
    [0, 2],
    [3, 2],
  ]),
  rowLower: Float64Array.of(-Infinity, -Infinity, -Infinity),
  rowUpper: Float64Array.of(4, 12, 18),
};

// Free variable, equality row and a finite upper bound: min x + 10 s.t. x + y = 1, 0 ≤ y ≤ 3, x free.
// Closed form: y = 3, x = −2, objective 8.
const freeVariable: LinearProgram = {
  objective: Float64Array.of(1, 0),
  objectiveOffset: 10,
  columnLower: Float64Array.of(-Infinity, 0),
  columnUpper: Float64Array.of(Infinity, 3),
  ...fromDense([[1, 1]]),
  rowLower: Float64Array.of(1),
  rowUpper: Float64Array.of(1),
};

// 0-1 knapsack; the optimum is found below by enumerating all 2^8 subsets.
const values = [15, 10, 9, 5, 13, 7, 11, 6];
const weights = [8, 5, 6, 3, 7, 4, 6, 3];
const capacity = 20;
const knapsack: LinearProgram = {
  sense: "maximize",
  objective: Float64Array.from(values),
  columnUpper: new Float64Array(values.length).fill(1),
  integer: new Uint8Array(values.length).fill(1),
  ...fromDense([weights]),
  rowLower: Float64Array.of(-Infinity),
  rowUpper: Float64Array.of(capacity),
};
function knapsackBruteForce(): number {
  let best = 0;
  for (let mask = 0; mask < 1 << values.length; mask++) {
    let v = 0;
    let w = 0;
    for (let i = 0; i < values.length; i++) {
      if (mask & (1 << i)) {
        v += values[i]!;
        w += weights[i]!;
      }
    }
    if (w <= capacity && v > best) best = v;
  }
  return best;
}

// Infeasible: x + y ≥ 5 with x, y ≤ 2.
const infeasible: LinearProgram = {
  objective: Float64Array.of(1, 1),
  columnUpper: Float64Array.of(2, 2),
  ...fromDense([[1, 1]]),
  rowLower: Float64Array.of(5),
  rowUpper: Float64Array.of(Infinity),
};

// Unbounded: max x s.t. x − y ≤ 1, x, y ≥ 0.
const unbounded: LinearProgram = {
  sense: "maximize",
  objective: Float64Array.of(1, 0),
  ...fromDense([[1, -1]]),
  rowLower: Float64Array.of(-Infinity),
  rowUpper: Float64Array.of(1),
};

const solvers: LpSolverName[] = ["highs", "glpk", "jsls"];

describe.each(solvers)("solveLp with %s", (solver) => {
  it("solves the Wyndor Glass LP: objective 36 at (2, 6)", async () => {
    const r = await solveLp(wyndor, { solver });
    expect(r.status).toBe("optimal");
    expect(r.solver).toBe(solver);
    expect(r.objective).toBeCloseTo(36, 7);
    expect(r.x[0]).toBeCloseTo(2, 7);
    expect(r.x[1]).toBeCloseTo(6, 7);
  });

  it("handles a free variable, an equality row, an upper bound and an offset", async () => {
    const r = await solveLp(freeVariable, { solver });
    expect(r.status).toBe("optimal");
    expect(r.x[0]).toBeCloseTo(-2, 7);
    expect(r.x[1]).toBeCloseTo(3, 7);
    expect(r.objective).toBeCloseTo(8, 7);
  });

  it("solves a 0-1 knapsack MIP to the brute-force optimum", async () => {
    const r = await solveLp(knapsack, { solver, timeLimitSeconds: 10 });
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(knapsackBruteForce(), 6);
    let w = 0;
    for (let j = 0; j < weights.length; j++) {
      expect(Math.abs(r.x[j]! - Math.round(r.x[j]!))).toBeLessThan(1e-6);
      w += weights[j]! * Math.round(r.x[j]!);
    }
    expect(w).toBeLessThanOrEqual(capacity);
    if (solver === "highs") {
      expect(r.bestBound).toBeCloseTo(knapsackBruteForce(), 4);
      expect(r.gap).toBeLessThan(1e-5);
    }
  });

  it("reports an infeasible problem as status infeasible", async () => {
    const r = await solveLp(infeasible, { solver });
    expect(r.status).toBe("infeasible");
    expect(r.x.length).toBe(0);
    expect(Number.isNaN(r.objective)).toBe(true);
  });

  it("reports an unbounded problem as status unbounded", async () => {
    const r = await solveLp(unbounded, { solver });
    expect(r.status).toBe("unbounded");
  });
});

describe("solveLp input checks", () => {
  it("names the field of a malformed problem", async () => {
    const bad = { ...wyndor, rowUpper: Float64Array.of(4, 12) };
    expect(() => solveLp(bad)).toThrow(WorkbenchError);
    expect(() => solveLp(bad)).toThrow(/rowUpper/);
    const badIndex = { ...wyndor, columnIndices: Int32Array.of(0, 1, 0, 7) };
    expect(() => solveLp(badIndex)).toThrow(/columnIndices.*outside/);
    expect(() => solveLp(wyndor, { timeLimitSeconds: -1 })).toThrow(/timeLimitSeconds/);
  });
});

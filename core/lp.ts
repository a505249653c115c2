/**
 * One small interface to linear and mixed-integer programs, shared by every LP back-end.
 *
 * A problem is held in a compact columnar form so that a model with thousands of variables travels
 * without per-variable objects:
 *
 *   minimise (or maximise)  c·x + offset
 *   subject to              rowLower ≤ A x ≤ rowUpper
 *                           columnLower ≤ x ≤ columnUpper,  x_j integer where integer[j] = 1.
 *
 * A is stored row-wise in CSR arrays: the coefficients of row i are `values[k]` at columns
 * `columnIndices[k]` for k in [rowStarts[i], rowStarts[i+1]). Use ±Infinity for a missing bound.
 */
export interface LinearProgram {
  /** "minimize" (default) or "maximize". */
  sense?: "minimize" | "maximize";
  /** Objective coefficients c, one per variable; its length is the number of variables. */
  objective: Float64Array;
  /** Constant added to the objective. */
  objectiveOffset?: number;
  /** Lower bound of each variable (default 0). */
  columnLower?: Float64Array;
  /** Upper bound of each variable (default +Infinity). */
  columnUpper?: Float64Array;
  /** 1 where the variable must be integer (default: all continuous). */
  integer?: Uint8Array;
  /** CSR row starts, length rows + 1, rowStarts[0] = 0. */
  rowStarts: Int32Array;
  /** CSR column index of each coefficient. */
  columnIndices: Int32Array;
  /** CSR coefficient values. */
  values: Float64Array;
  /** Lower bound of each row activity (−Infinity for none). */
  rowLower: Float64Array;
  /** Upper bound of each row activity (+Infinity for none). */
  rowUpper: Float64Array;
}

/**
 * How a solve ended.
 * - optimal: proven optimal (for a MIP: within the requested gap);
 * - feasible: a solution is returned but optimality is not proven (time limit reached with an incumbent);
 * - infeasible: no point satisfies the constraints;
 * - unbounded: the objective can improve without limit;
 * - time_limit: the time limit was reached without any solution;
 * - error: the solver failed (numerical trouble, bad model); `message` says what it reported.
 */
export type LpStatus = "optimal" | "feasible" | "infeasible" | "unbounded" | "time_limit" | "error";

export type LpSolverName = "highs" | "glpk" | "jsls";

export interface LpOptions {
  /** Back-end: HiGHS (wasm, default), GLPK (glpk.js, wasm) or javascript-lp-solver (pure JS). */
  solver?: LpSolverName;
  /** Wall-clock limit in seconds. */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which branch and bound may stop (default 1e-6). */
  mipGap?: number;
}

export interface LpResult {
  status: LpStatus;
  /** Objective value c·x + offset of the returned solution (NaN when there is none). */
  objective: number;
  /** Variable values (empty when there is no solution). */
  x: Float64Array;
  /** For a MIP: the best proven bound on the optimum, when the back-end reports it. */
  bestBound?: number;
  /** For a MIP: relative gap |objective − bestBound| / max(1, |objective|), when known. */
  gap?: number;
  /** Which back-end produced the result. */
  solver: LpSolverName;
  /** What the back-end said, for status "error" or extra detail. */
  message?: string;
}

/** Number of variables and rows of a problem. */
export function problemSize(problem: LinearProgram): { columns: number; rows: number } {
  return { columns: problem.objective.length, rows: problem.rowStarts.length - 1 };
}

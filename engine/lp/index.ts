import { invalidInput } from "../../core/errors.ts";
import type { LinearProgram, LpOptions, LpResult } from "../../core/lp.ts";
import { solveWithGlpk } from "./glpk.ts";
import { solveWithHighs } from "./highs.ts";
import { solveWithJsls } from "./jsls.ts";

export type { LinearProgram, LpOptions, LpResult, LpSolverName, LpStatus } from "../../core/lp.ts";
export { problemSize } from "../../core/lp.ts";

/**
 * Checks that a problem's arrays agree (lengths, CSR starts, column indices, bounds) and throws a
 * WorkbenchError naming the field otherwise: the back-ends' own messages on a malformed model are
 * obscure or absent.
 */
export function checkLinearProgram(problem: LinearProgram): void {
  const n = problem.objective.length;
  const m = problem.rowStarts.length - 1;
  if (m < 0) throw invalidInput("rowStarts", "must have rows + 1 entries (at least one)");
  if (problem.rowStarts[0] !== 0) throw invalidInput("rowStarts", "must start at 0");
  const nnz = problem.rowStarts[m]!;
  if (problem.columnIndices.length !== nnz || problem.values.length !== nnz) {
    throw invalidInput(
      "columnIndices",
      `columnIndices (${problem.columnIndices.length}) and values (${problem.values.length}) must both have rowStarts[rows] = ${nnz} entries`,
    );
  }
  for (let i = 0; i < m; i++) {
    if (problem.rowStarts[i + 1]! < problem.rowStarts[i]!) {
      throw invalidInput("rowStarts", `decreases at row ${i}`);
    }
  }
  for (let k = 0; k < nnz; k++) {
    const j = problem.columnIndices[k]!;
    if (j < 0 || j >= n) throw invalidInput("columnIndices", `entry ${k} is ${j}, outside 0..${n - 1}`);
    if (!Number.isFinite(problem.values[k]!)) throw invalidInput("values", `entry ${k} is not finite`);
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(problem.objective[j]!))
      throw invalidInput("objective", `coefficient ${j} is not finite`);
  }
  const columnArrays = [
    ["columnLower", problem.columnLower],
    ["columnUpper", problem.columnUpper],
    ["integer", problem.integer],
  ] as const;
  for (const [field, array] of columnArrays) {
    if (array !== undefined && array.length !== n)
      throw invalidInput(field, `has ${array.length} entries, expected ${n}`);
  }
  if (problem.rowLower.length !== m)
    throw invalidInput("rowLower", `has ${problem.rowLower.length} entries, expected ${m}`);
  if (problem.rowUpper.length !== m)
    throw invalidInput("rowUpper", `has ${problem.rowUpper.length} entries, expected ${m}`);
  for (let i = 0; i < m; i++) {
    const lo = problem.rowLower[i]!;
    const hi = problem.rowUpper[i]!;
    if (Number.isNaN(lo) || Number.isNaN(hi)) throw invalidInput("rowLower", `row ${i} has a NaN bound`);
    if (lo > hi) throw invalidInput("rowLower", `row ${i}: lower bound ${lo} exceeds upper bound ${hi}`);
  }
  if (problem.columnLower !== undefined || problem.columnUpper !== undefined) {
    for (let j = 0; j < n; j++) {
      const lo = problem.columnLower?.[j] ?? 0;
      const hi = problem.columnUpper?.[j] ?? Infinity;
      if (Number.isNaN(lo) || Number.isNaN(hi))
        throw invalidInput("columnLower", `variable ${j} has a NaN bound`);
      if (lo > hi)
        throw invalidInput("columnLower", `variable ${j}: lower bound ${lo} exceeds upper bound ${hi}`);
    }
  }
}

/**
 * Solves a linear or mixed-integer program with the chosen back-end (HiGHS by default).
 * Infeasible, unbounded and time-limited outcomes come back as a status, not as an exception;
 * a malformed problem throws INVALID_MODEL_INPUT naming the field.
 *
 * @example
 * // max 3x + 5y  s.t.  x ≤ 4,  2y ≤ 12,  3x + 2y ≤ 18  →  x = 2, y = 6, objective 36
 * const r = await solveLp({ sense: "maximize", objective: Float64Array.of(3, 5),
 *   rowStarts: Int32Array.of(0, 1, 2, 4), columnIndices: Int32Array.of(0, 1, 0, 1),
 *   values: Float64Array.of(1, 2, 3, 2), rowLower: Float64Array.of(-Infinity, -Infinity, -Infinity),
 *   rowUpper: Float64Array.of(4, 12, 18) });
 */
export function solveLp(problem: LinearProgram, options: LpOptions = {}): Promise<LpResult> {
  checkLinearProgram(problem);
  if (options.timeLimitSeconds !== undefined && !(options.timeLimitSeconds > 0)) {
    throw invalidInput("timeLimitSeconds", `must be positive, got ${options.timeLimitSeconds}`);
  }
  if (options.mipGap !== undefined && !(options.mipGap >= 0)) {
    throw invalidInput("mipGap", `must be non-negative, got ${options.mipGap}`);
  }
  switch (options.solver ?? "highs") {
    case "highs":
      return solveWithHighs(problem, options);
    case "glpk":
      return solveWithGlpk(problem, options);
    case "jsls":
      return solveWithJsls(problem, options);
    default:
      throw invalidInput("solver", `unknown LP solver "${String(options.solver)}"; use highs, glpk or jsls`);
  }
}

import type { Model, SolveResult } from "javascript-lp-solver";
import * as jslsModule from "javascript-lp-solver";
import type { LinearProgram, LpOptions, LpResult, LpStatus } from "../../core/lp.ts";

// The package's typings are CommonJS-style while Node loads its ESM build, whose default export is
// the solver object; TypeScript (NodeNext) types the default import differently, hence the cast.
const lpSolver = jslsModule.default as unknown as { Solve(model: Model): SolveResult };

/**
 * javascript-lp-solver back-end (pure JavaScript dense-tableau simplex with branch and cut; the
 * solver the product brief names). Suited to small models: its tableau is dense, so memory and time
 * grow with rows × columns.
 *
 * The JSON model knows only non-negative or free ("unrestricted") variables, so a finite non-zero
 * lower bound and any finite upper bound become extra constraint rows. A variable with lower bound
 * −∞ is declared unrestricted. It reports neither a MIP bound nor a gap.
 */
export function solveWithJsls(problem: LinearProgram, options: LpOptions = {}): Promise<LpResult> {
  const n = problem.objective.length;
  const m = problem.rowStarts.length - 1;
  const objectiveKey = "__objective";
  const variables: Model["variables"] = {};
  const constraints: Model["constraints"] = {};
  const ints: Record<string, 1> = {};
  const unrestricted: Record<string, 1> = {};
  const names: string[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const name = `x${j}`;
    names[j] = name;
    const coefficients: Record<string, number> = { [objectiveKey]: problem.objective[j]! };
    const lower = problem.columnLower?.[j] ?? 0;
    const upper = problem.columnUpper?.[j] ?? Infinity;
    if (lower === -Infinity) unrestricted[name] = 1;
    else if (lower !== 0) {
      if (lower < 0) unrestricted[name] = 1;
      constraints[`lb${j}`] = { min: lower };
      coefficients[`lb${j}`] = 1;
    }
    if (upper < Infinity) {
      constraints[`ub${j}`] = { max: upper };
      coefficients[`ub${j}`] = 1;
    }
    if (problem.integer?.[j] === 1) ints[name] = 1;
    variables[name] = coefficients;
  }
  for (let i = 0; i < m; i++) {
    const lower = problem.rowLower[i]!;
    const upper = problem.rowUpper[i]!;
    if (lower === -Infinity && upper === Infinity) continue;
    const key = `r${i}`;
    constraints[key] =
      lower === upper
        ? { equal: lower }
        : { ...(lower > -Infinity ? { min: lower } : {}), ...(upper < Infinity ? { max: upper } : {}) };
    for (let k = problem.rowStarts[i]!; k < problem.rowStarts[i + 1]!; k++) {
      const coefficients = variables[names[problem.columnIndices[k]!]!]!;
      coefficients[key] = (coefficients[key] ?? 0) + problem.values[k]!;
    }
  }
  const model: Model = {
    optimize: objectiveKey,
    opType: problem.sense === "maximize" ? "max" : "min",
    constraints,
    variables,
    ...(Object.keys(ints).length > 0 ? { ints } : {}),
    ...(Object.keys(unrestricted).length > 0 ? { unrestricted } : {}),
    options: {
      tolerance: options.mipGap ?? 0,
      ...(options.timeLimitSeconds !== undefined ? { timeout: options.timeLimitSeconds * 1000 } : {}),
    },
  };
  const started = performance.now();
  const out = lpSolver.Solve(model);
  const seconds = (performance.now() - started) / 1000;
  let status: LpStatus;
  if (out.bounded === false) status = "unbounded";
  else if (!out.feasible) status = "infeasible";
  // The solver does not say whether its timeout cut the search short; a run that used the whole
  // budget is reported as feasible, not optimal.
  else if (options.timeLimitSeconds !== undefined && seconds >= 0.99 * options.timeLimitSeconds)
    status = "feasible";
  else status = "optimal";
  const withX = status === "optimal" || status === "feasible";
  const x = new Float64Array(withX ? n : 0);
  if (withX) {
    for (let j = 0; j < n; j++) {
      const v = out[names[j]!];
      x[j] = typeof v === "number" ? v : 0;
    }
  }
  return Promise.resolve({
    status,
    objective: withX ? (out.result as number) + (problem.objectiveOffset ?? 0) : Number.NaN,
    x,
    solver: "jsls",
  });
}

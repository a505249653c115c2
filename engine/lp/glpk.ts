import GLPK, { type GLPK as GlpkRuntime, type LP } from "glpk.js/node";
import type { LinearProgram, LpOptions, LpResult, LpStatus } from "../../core/lp.ts";

/**
 * GLPK back-end (npm `glpk.js`, GLPK 5 compiled to WebAssembly): simplex for LPs, branch and cut
 * (glp_intopt) for MIPs. Source: Makhorin, GNU Linear Programming Kit reference manual.
 *
 * glpk.js takes a JSON model with named variables, so the CSR problem is expanded into per-row term
 * lists here; this costs allocations proportional to the number of coefficients. glpk.js does not
 * report the MIP's best bound, so `bestBound` and `gap` stay undefined for this back-end.
 */

let runtime: Promise<GlpkRuntime> | undefined;

function loadGlpk(): Promise<GlpkRuntime> {
  runtime ??= GLPK();
  return runtime;
}

function boundType(g: GlpkRuntime, lower: number, upper: number): { type: number; lb: number; ub: number } {
  const hasLower = lower > -Infinity;
  const hasUpper = upper < Infinity;
  if (hasLower && hasUpper) {
    return { type: lower === upper ? g.GLP_FX : g.GLP_DB, lb: lower, ub: upper };
  }
  if (hasLower) return { type: g.GLP_LO, lb: lower, ub: 0 };
  if (hasUpper) return { type: g.GLP_UP, lb: 0, ub: upper };
  return { type: g.GLP_FR, lb: 0, ub: 0 };
}

export async function solveWithGlpk(problem: LinearProgram, options: LpOptions = {}): Promise<LpResult> {
  const g = await loadGlpk();
  const n = problem.objective.length;
  const m = problem.rowStarts.length - 1;
  const names: string[] = new Array(n);
  for (let j = 0; j < n; j++) names[j] = `x${j}`;
  const objectiveVars: { name: string; coef: number }[] = [];
  for (let j = 0; j < n; j++) objectiveVars.push({ name: names[j]!, coef: problem.objective[j]! });
  const subjectTo: LP["subjectTo"] = [];
  for (let i = 0; i < m; i++) {
    const vars: { name: string; coef: number }[] = [];
    for (let k = problem.rowStarts[i]!; k < problem.rowStarts[i + 1]!; k++) {
      vars.push({ name: names[problem.columnIndices[k]!]!, coef: problem.values[k]! });
    }
    subjectTo.push({ name: `r${i}`, vars, bnds: boundType(g, problem.rowLower[i]!, problem.rowUpper[i]!) });
  }
  const bounds: NonNullable<LP["bounds"]> = [];
  for (let j = 0; j < n; j++) {
    const lower = problem.columnLower?.[j] ?? 0;
    const upper = problem.columnUpper?.[j] ?? Infinity;
    bounds.push({ name: names[j]!, ...boundType(g, lower, upper) });
  }
  const generals: string[] = [];
  if (problem.integer !== undefined) {
    for (let j = 0; j < n; j++) if (problem.integer[j] === 1) generals.push(names[j]!);
  }
  const lp: LP = {
    name: "workbench",
    objective: {
      direction: problem.sense === "maximize" ? g.GLP_MAX : g.GLP_MIN,
      name: "objective",
      vars: objectiveVars,
    },
    subjectTo,
    bounds,
    ...(generals.length > 0 ? { generals } : {}),
  };
  const solveOptions = {
    msglev: g.GLP_MSG_OFF,
    presol: true,
    mipgap: options.mipGap ?? 1e-6,
    ...(options.timeLimitSeconds !== undefined ? { tmlim: options.timeLimitSeconds } : {}),
  };
  let out = g.solve(lp, solveOptions);
  if (out.result.status === g.GLP_UNDEF && generals.length === 0) {
    // GLPK's LP presolver stops with an undefined status on infeasible and unbounded LPs alike;
    // the simplex without presolve reports which one it is.
    out = g.solve(lp, { ...solveOptions, presol: false });
  }
  const code = out.result.status;
  let status: LpStatus;
  if (code === g.GLP_OPT) status = "optimal";
  else if (code === g.GLP_FEAS) status = "feasible";
  else if (code === g.GLP_NOFEAS || code === g.GLP_INFEAS) status = "infeasible";
  else if (code === g.GLP_UNBND) status = "unbounded";
  else if (options.timeLimitSeconds !== undefined && out.time >= options.timeLimitSeconds)
    status = "time_limit";
  else status = "error";
  const withX = status === "optimal" || status === "feasible";
  const x = new Float64Array(withX ? n : 0);
  if (withX) for (let j = 0; j < n; j++) x[j] = out.result.vars[names[j]!] ?? 0;
  const result: LpResult = {
    status,
    objective: withX ? out.result.z + (problem.objectiveOffset ?? 0) : Number.NaN,
    x,
    solver: "glpk",
  };
  if (status === "error") result.message = `GLPK status ${code}`;
  return result;
}

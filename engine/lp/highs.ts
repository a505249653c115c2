import type { Highs } from "highs";
import * as highsModule from "highs";
import type { LinearProgram, LpOptions, LpResult, LpStatus } from "../../core/lp.ts";

/**
 * HiGHS back-end (npm `highs`, the HiGHS solver compiled to WebAssembly).
 *
 * The problem is passed through HiGHS's structured API in CSR form (no LP text is built), so large
 * models cost one copy into wasm memory. Source: Huangfu & Hall, "Parallelizing the dual revised simplex
 * method", Math. Prog. Comp. 2018; https://highs.dev.
 */

// `highs` ships CommonJS typings while Node loads its ESM build, whose default export is the loader;
// TypeScript (NodeNext) types the default import as the CommonJS exports object, hence the cast.
const highsLoader = highsModule.default as unknown as () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/** The wasm runtime is loaded once per process; later solves reuse it. */
function loadHighs(): Promise<Highs> {
  runtime ??= highsLoader();
  return runtime;
}

export async function solveWithHighs(problem: LinearProgram, options: LpOptions = {}): Promise<LpResult> {
  const highs = await loadHighs();
  const n = problem.objective.length;
  const m = problem.rowStarts.length - 1;
  const inf = highs.infinity;
  const clamp = (v: Float64Array | undefined, fill: number): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const b = v === undefined ? fill : v[j]!;
      out[j] = b === Infinity ? inf : b === -Infinity ? -inf : b;
    }
    return out;
  };
  const rowBound = (v: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const b = v[i]!;
      out[i] = b === Infinity ? inf : b === -Infinity ? -inf : b;
    }
    return out;
  };
  let isMip = false;
  let integrality: Int32Array | undefined;
  if (problem.integer !== undefined) {
    integrality = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      if (problem.integer[j] === 1) {
        integrality[j] = highs.constants.variableType.integer;
        isMip = true;
      }
    }
  }
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false, mip_rel_gap: options.mipGap ?? 1e-6 });
    if (options.timeLimitSeconds !== undefined) model.options.set("time_limit", options.timeLimitSeconds);
    model.passModel({
      numCols: n,
      numRows: m,
      sense:
        problem.sense === "maximize"
          ? highs.constants.objectiveSense.maximize
          : highs.constants.objectiveSense.minimize,
      offset: problem.objectiveOffset ?? 0,
      colCost: problem.objective,
      colLower: clamp(problem.columnLower, 0),
      colUpper: clamp(problem.columnUpper, Infinity),
      rowLower: rowBound(problem.rowLower),
      rowUpper: rowBound(problem.rowUpper),
      matrix: {
        format: "csr",
        numRows: m,
        numCols: n,
        starts: problem.rowStarts,
        indices: problem.columnIndices,
        values: problem.values,
      },
      ...(isMip && integrality !== undefined ? { integrality } : {}),
    });
    const codes = highs.constants.modelStatus;
    let run = model.run();
    if (run.modelStatus === codes.unboundedOrInfeasible) {
      // Presolve can prove "infeasible or unbounded" without saying which; the simplex without
      // presolve tells them apart.
      model.options.set("presolve", "off");
      run = model.run();
    }
    const hasSolution = (model.info.get("primal_solution_status") as number) === 2;
    let status: LpStatus;
    switch (run.modelStatus) {
      case codes.optimal:
        status = "optimal";
        break;
      case codes.infeasible:
        status = "infeasible";
        break;
      case codes.unbounded:
        status = "unbounded";
        break;
      case codes.timeLimit:
      case codes.iterationLimit:
      case codes.interrupted:
      case codes.solutionLimit:
        status = hasSolution ? "feasible" : "time_limit";
        break;
      default:
        status = "error";
    }
    const withX = status === "optimal" || status === "feasible";
    const result: LpResult = {
      status,
      objective: withX ? model.getObjectiveValue() : Number.NaN,
      x: withX ? Float64Array.from(model.getSolution().colValue) : new Float64Array(0),
      solver: "highs",
    };
    if (isMip && withX) {
      const bound = model.info.get("mip_dual_bound") as number;
      result.bestBound = bound;
      result.gap = Math.abs(result.objective - bound) / Math.max(1, Math.abs(result.objective));
    }
    if (status === "error") result.message = `HiGHS model status ${run.modelStatus}`;
    return result;
  } finally {
    model.dispose();
  }
}

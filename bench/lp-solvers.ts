/**
 * The three LP back-ends behind engine/lp on the same problems: objective, status, time, ratio to HiGHS.
 * Run: node --import tsx bench/lp-solvers.ts
 */
import { Rng } from "../core/rng.ts";
import { type LinearProgram, type LpSolverName, solveLp } from "../engine/lp/index.ts";

function fromRows(
  rows: { cols: number[]; vals: number[] }[],
): Pick<LinearProgram, "rowStarts" | "columnIndices" | "values"> {
  const starts = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const r of rows) {
    cols.push(...r.cols);
    vals.push(...r.vals);
    starts.push(cols.length);
  }
  return {
    rowStarts: Int32Array.from(starts),
    columnIndices: Int32Array.from(cols),
    values: Float64Array.from(vals),
  };
}

/** Balanced transportation LP with `s` sources and `d` sinks, random costs. */
function transportation(s: number, d: number, seed: number): LinearProgram {
  const rng = new Rng(seed);
  const n = s * d;
  const supply = Array.from({ length: s }, () => 50 + rng.int(50));
  const total = supply.reduce((a, b) => a + b, 0);
  const demand = Array.from({ length: d }, () => total / d);
  const rows: { cols: number[]; vals: number[] }[] = [];
  for (let i = 0; i < s; i++)
    rows.push({ cols: Array.from({ length: d }, (_, j) => i * d + j), vals: new Array(d).fill(1) });
  for (let j = 0; j < d; j++)
    rows.push({ cols: Array.from({ length: s }, (_, i) => i * d + j), vals: new Array(s).fill(1) });
  return {
    objective: Float64Array.from({ length: n }, () => 1 + 20 * rng.uniform()),
    ...fromRows(rows),
    rowLower: Float64Array.from([...supply.map(() => -Infinity), ...demand]),
    rowUpper: Float64Array.from([...supply, ...demand.map(() => Infinity)]),
  };
}

/** Uncapacitated facility location MIP: f facilities (binary open), c customers (assignment ≤ open). */
function facilityLocation(f: number, c: number, seed: number): LinearProgram {
  const rng = new Rng(seed);
  const n = f + f * c;
  const objective = new Float64Array(n);
  for (let i = 0; i < f; i++) objective[i] = 50 + 100 * rng.uniform();
  for (let k = f; k < n; k++) objective[k] = 1 + 30 * rng.uniform();
  const integer = new Uint8Array(n);
  integer.fill(1, 0, f);
  const rows: { cols: number[]; vals: number[] }[] = [];
  for (let j = 0; j < c; j++)
    rows.push({ cols: Array.from({ length: f }, (_, i) => f + i * c + j), vals: new Array(f).fill(1) });
  for (let i = 0; i < f; i++)
    for (let j = 0; j < c; j++) rows.push({ cols: [f + i * c + j, i], vals: [1, -1] });
  return {
    objective,
    columnUpper: new Float64Array(n).fill(1),
    integer,
    ...fromRows(rows),
    rowLower: Float64Array.from([...new Array(c).fill(1), ...new Array(f * c).fill(-Infinity)]),
    rowUpper: Float64Array.from([...new Array(c).fill(1), ...new Array(f * c).fill(0)]),
  };
}

const wyndor: LinearProgram = {
  sense: "maximize",
  objective: Float64Array.of(3, 5),
  rowStarts: Int32Array.of(0, 1, 2, 4),
  columnIndices: Int32Array.of(0, 1, 0, 1),
  values: Float64Array.of(1, 2, 3, 2),
  rowLower: Float64Array.of(-Infinity, -Infinity, -Infinity),
  rowUpper: Float64Array.of(4, 12, 18),
};

const problems: [string, LinearProgram][] = [
  ["Wyndor LP (2 vars)", wyndor],
  ["transportation LP 20x20 (400 vars)", transportation(20, 20, 1)],
  ["transportation LP 60x60 (3600 vars)", transportation(60, 60, 2)],
  ["facility location MIP 8x25 (208 vars)", facilityLocation(8, 25, 3)],
  ["facility location MIP 15x40 (615 vars)", facilityLocation(15, 40, 4)],
];
const solvers: LpSolverName[] = ["highs", "glpk", "jsls"];

// warm up the wasm loaders so that load time is not charged to the first problem
await solveLp(wyndor, { solver: "highs" });
await solveLp(wyndor, { solver: "glpk" });

console.log(
  `${"problem".padEnd(40)} ${"solver".padEnd(6)} ${"status".padEnd(9)} ${"objective".padStart(14)} ${"ms".padStart(10)} ${"vs highs".padStart(9)}`,
);
for (const [name, problem] of problems) {
  let highsMs = Number.NaN;
  for (const solver of solvers) {
    const reps = problem.objective.length < 100 ? 20 : 1;
    const start = performance.now();
    let result = await solveLp(problem, { solver, timeLimitSeconds: 120 });
    for (let i = 1; i < reps; i++) result = await solveLp(problem, { solver, timeLimitSeconds: 120 });
    const ms = (performance.now() - start) / reps;
    if (solver === "highs") highsMs = ms;
    console.log(
      `${name.padEnd(40)} ${solver.padEnd(6)} ${result.status.padEnd(9)} ${result.objective.toFixed(4).padStart(14)} ${ms.toFixed(2).padStart(10)} ${(ms / highsMs).toFixed(2).padStart(8)}x`,
    );
  }
}

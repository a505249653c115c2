import { invalidInput, WorkbenchError } from "../../core/errors.ts";
import type { LinearProgram, LpOptions, LpResult, LpStatus } from "../../core/lp.ts";

/**
 * SKU → slot assignment (slotting) minimising expected picker travel: SKU i picked f_i times per period,
 * slot k costing t_k travel per pick (e.g. round-trip distance from the depot), so a plan costs
 * Σ_i f_i · t_slot(i). Slots may carry a zone (temperature class, hazard area) that must equal the SKU's,
 * and a cube; a SKU fits a slot when its cube is at most the slot's.
 *
 * Unit capacity (one SKU per slot, `slotSkus`) is an assignment problem and is solved exactly:
 * - without cube limits, within each zone by the rearrangement inequality (Hardy, Littlewood & Pólya
 *   1952, Thm 368): most-picked SKU to the cheapest slot, i.e. Heskett's (1963) cube-per-order-index rule
 *   for equal cubes; O(n log n);
 * - with cube limits, by shortest augmenting paths with potentials (the Hungarian method of Kuhn 1955
 *   in the form of Jonker & Volgenant 1987) on a sparse candidate graph, with an LP-duality certificate
 *   over all fitting pairs that adds missing pairs until the sparse optimum is the full optimum; costs
 *   f_i·t_k are computed on the fly on typed arrays (no n×m matrix is stored).
 *
 * Shared cube capacity (several SKUs per slot up to its cube, `slotSkusLp`) is a generalized assignment
 * problem (NP-hard); it is solved as a MIP on HiGHS through engine/lp, optionally restricted to the
 * compatible slots nearest in travel rank to each SKU's frequency rank, to keep the model small (then
 * optimal only over that restriction).
 * The solver comes in as a parameter (engine/lp's `solveLp`), keeping models/ free of engine/.
 * Its unit-capacity form is the assignment LP, whose optimum is integral (totally unimodular).
 *
 * Sources: Heskett, "Cube-per-order index — a key to warehouse stock location", Transportation and
 * Distribution Management 3, 1963; Kuhn, "The Hungarian method for the assignment problem", Naval
 * Research Logistics Quarterly 2, 1955; Jonker & Volgenant, "A shortest augmenting path algorithm for
 * dense and sparse linear assignment problems", Computing 38, 1987.
 */
export interface SlottingInput {
  /** Picks per period of each SKU, f_i ≥ 0. */
  pickFrequency: ArrayLike<number>;
  /** Travel cost per pick of each slot, t_k ≥ 0. */
  slotTravel: ArrayLike<number>;
  /** Cube of each SKU's storage need (optional; with slotCube). */
  skuCube?: ArrayLike<number>;
  /** Cube of each slot (optional; with skuCube). */
  slotCube?: ArrayLike<number>;
  /** Zone code of each SKU (optional; with slotZone): a SKU only goes to a slot of the same zone. */
  skuZone?: ArrayLike<number>;
  /** Zone code of each slot. */
  slotZone?: ArrayLike<number>;
}

export interface SlottingResult {
  /** Slot index of each SKU. */
  slotOfSku: Int32Array;
  /** Σ_i f_i t_slot(i). */
  cost: number;
  /** How it was solved: rearrangement sort, Hungarian assignment, or the LP/MIP. */
  method: "sort" | "assignment" | "lp";
}

interface Prepared {
  n: number;
  m: number;
  freq: Float64Array;
  travel: Float64Array;
  skuCube: Float64Array | undefined;
  slotCube: Float64Array | undefined;
  skuZone: Int32Array;
  slotZone: Int32Array;
}

function toFloat(field: string, values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(Number.isFinite(v) && v >= 0))
      throw invalidInput(`${field}[${i}]`, `must be a non-negative number, got ${v}`);
    out[i] = v;
  }
  return out;
}

function prepare(input: SlottingInput): Prepared {
  const freq = toFloat("pickFrequency", input.pickFrequency);
  const travel = toFloat("slotTravel", input.slotTravel);
  const n = freq.length;
  const m = travel.length;
  if (n === 0) throw invalidInput("pickFrequency", "must list at least one SKU");
  if ((input.skuCube === undefined) !== (input.slotCube === undefined)) {
    throw invalidInput(
      input.skuCube === undefined ? "skuCube" : "slotCube",
      "give skuCube and slotCube together",
    );
  }
  if ((input.skuZone === undefined) !== (input.slotZone === undefined)) {
    throw invalidInput(
      input.skuZone === undefined ? "skuZone" : "slotZone",
      "give skuZone and slotZone together",
    );
  }
  const skuCube = input.skuCube === undefined ? undefined : toFloat("skuCube", input.skuCube);
  const slotCube = input.slotCube === undefined ? undefined : toFloat("slotCube", input.slotCube);
  if (skuCube !== undefined && skuCube.length !== n)
    throw invalidInput("skuCube", `needs ${n} values, got ${skuCube.length}`);
  if (slotCube !== undefined && slotCube.length !== m)
    throw invalidInput("slotCube", `needs ${m} values, got ${slotCube.length}`);
  const skuZone = Int32Array.from(input.skuZone ?? new Int32Array(n));
  const slotZone = Int32Array.from(input.slotZone ?? new Int32Array(m));
  if (skuZone.length !== n) throw invalidInput("skuZone", `needs ${n} values, got ${skuZone.length}`);
  if (slotZone.length !== m) throw invalidInput("slotZone", `needs ${m} values, got ${slotZone.length}`);
  return { n, m, freq, travel, skuCube, slotCube, skuZone, slotZone };
}

/** Indices 0..count−1 grouped by zone code. */
function groupByZone(zones: Int32Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < zones.length; i++) {
    const z = zones[i]!;
    let g = groups.get(z);
    if (g === undefined) {
      g = [];
      groups.set(z, g);
    }
    g.push(i);
  }
  return groups;
}

/**
 * Exact unit-capacity slotting (one SKU per slot): see the module comment. Throws INFEASIBLE naming the
 * zone when its SKUs cannot all be placed.
 *
 * @example slotSkus({ pickFrequency: [120, 80, 45], slotTravel: [10, 4, 7] }).slotOfSku // → [1, 2, 0]
 */
export function slotSkus(input: SlottingInput): SlottingResult {
  const data = prepare(input);
  const slotOfSku = new Int32Array(data.n).fill(-1);
  const skuGroups = groupByZone(data.skuZone);
  const slotGroups = groupByZone(data.slotZone);
  let usedHungarian = false;
  for (const [zone, skus] of skuGroups) {
    const slots = slotGroups.get(zone) ?? [];
    if (slots.length < skus.length) {
      throw new WorkbenchError(
        "INFEASIBLE",
        `skuZone: zone ${zone} has ${skus.length} SKUs but only ${slots.length} slots`,
        { field: "skuZone" },
      );
    }
    if (data.skuCube === undefined) {
      // Rearrangement inequality: pair frequencies in decreasing order with travel in increasing order.
      const bySku = Int32Array.from(skus).sort((a, b) => data.freq[b]! - data.freq[a]! || a - b);
      const bySlot = Int32Array.from(slots).sort((a, b) => data.travel[a]! - data.travel[b]! || a - b);
      for (let r = 0; r < bySku.length; r++) slotOfSku[bySku[r]!] = bySlot[r]!;
    } else {
      usedHungarian = true;
      // Least-picked SKUs first: each new SKU is then the most-picked so far, and its augmenting path
      // pushes a few less-picked SKUs one step down instead of sweeping every column (the optimum does
      // not depend on the order; at 3,000 SKUs this order was measured ~10x faster than the reverse).
      const bySku = Int32Array.from(skus).sort((a, b) => data.freq[a]! - data.freq[b]! || a - b);
      assignZone(data, bySku, Int32Array.from(slots), slotOfSku, zone);
    }
  }
  return { slotOfSku, cost: planCost(data, slotOfSku), method: usedHungarian ? "assignment" : "sort" };
}

function planCost(data: Prepared, slotOfSku: Int32Array): number {
  let cost = 0;
  for (let i = 0; i < data.n; i++) cost += data.freq[i]! * data.travel[slotOfSku[i]!]!;
  return cost;
}

/**
 * Exact min-cost assignment of a zone's SKUs (rows) to its slots (columns) with cube limits, cost
 * f_i t_k. Shortest augmenting paths with potentials (Dijkstra on reduced costs, a binary heap and
 * early exit at the first free slot; Jonker & Volgenant 1987) on a sparse candidate graph: each SKU
 * starts with the `window` fitting slots nearest, in travel rank, to its own frequency rank (where the
 * unconstrained optimum would put it). SKUs arrive in increasing frequency order. Optimality for the full problem is then certified by LP duality:
 * every fitting pair must have reduced cost f_i t_k − u_i − v_k ≥ 0 (with v ≤ 0, v = 0 on empty slots);
 * violating pairs are added and the solve repeated. An infeasible candidate graph doubles the window.
 */
function assignZone(
  data: Prepared,
  skus: Int32Array,
  slots: Int32Array,
  slotOfSku: Int32Array,
  zone: number,
): void {
  const n = skus.length;
  const m = slots.length;
  const f = new Float64Array(n);
  const cube = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    f[i] = data.freq[skus[i]!]!;
    cube[i] = data.skuCube![skus[i]!]!;
  }
  // Slots in increasing travel order; SKUs are passed in increasing frequency order, so SKU i has
  // frequency rank n − 1 − i and its unconstrained slot is travel rank ≈ (n − 1 − i)·m/n.
  const order = Int32Array.from(slots).sort((a, b) => data.travel[a]! - data.travel[b]! || a - b);
  const t = new Float64Array(m);
  const cap = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    t[j] = data.travel[order[j]!]!;
    cap[j] = data.slotCube![order[j]!]!;
  }
  let window = Math.min(m, 64);
  let extra: Int32Array[] = Array.from({ length: n }, () => new Int32Array(0));
  for (;;) {
    const graph = candidateGraph(f, cube, t, cap, window, extra);
    const solved = shortestAugmentingPaths(graph, f, t, n, m);
    if (solved === undefined) {
      if (window >= m) {
        throw new WorkbenchError(
          "INFEASIBLE",
          `skuCube: in zone ${zone} the SKUs cannot all be placed — not enough slots with room for the SKUs that need them`,
          { field: "skuCube" },
        );
      }
      window = Math.min(m, window * 2);
      continue;
    }
    const { u, v, columnOfRow } = solved;
    // Certificate over every fitting pair; collect violators per SKU.
    let violations = 0;
    const added: Int32Array[] = new Array(n);
    const scale = 1e-9 * (1 + Math.abs(f[0]!) * Math.abs(t[m - 1]!));
    for (let i = 0; i < n; i++) {
      const list: number[] = [];
      const fi = f[i]!;
      const ui = u[i]!;
      const ci = cube[i]!;
      for (let j = 0; j < m; j++) {
        if (ci <= cap[j]! && fi * t[j]! - ui - v[j]! < -scale) list.push(j);
      }
      violations += list.length;
      added[i] = list.length === 0 ? extra[i]! : Int32Array.from([...extra[i]!, ...list]);
    }
    if (violations === 0) {
      for (let i = 0; i < n; i++) slotOfSku[skus[i]!] = order[columnOfRow[i]!]!;
      return;
    }
    extra = added;
  }
}

interface CandidateGraph {
  start: Int32Array;
  column: Int32Array;
}

/** Per SKU: the `window` fitting slots nearest its rank in travel order, plus any extra columns. */
function candidateGraph(
  f: Float64Array,
  cube: Float64Array,
  t: Float64Array,
  cap: Float64Array,
  window: number,
  extra: Int32Array[],
): CandidateGraph {
  const n = f.length;
  const m = t.length;
  const start = new Int32Array(n + 1);
  const columns: number[] = [];
  const seen = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    start[i] = columns.length;
    const centre = Math.min(m - 1, Math.floor(((n - 1 - i) * m) / n));
    let lo = centre;
    let hi = centre + 1;
    let taken = 0;
    while (taken < window && (lo >= 0 || hi < m)) {
      // alternate outward from the centre rank
      for (const j of [lo, hi]) {
        if (j < 0 || j >= m || taken >= window) continue;
        if (cube[i]! <= cap[j]! && seen[j] !== i) {
          seen[j] = i;
          columns.push(j);
          taken++;
        }
      }
      lo--;
      hi++;
    }
    for (const j of extra[i]!) {
      if (seen[j] !== i) {
        seen[j] = i;
        columns.push(j);
      }
    }
  }
  start[n] = columns.length;
  return { start, column: Int32Array.from(columns) };
}

/**
 * Successive shortest augmenting paths with potentials on a sparse bipartite graph. Returns the
 * assignment and duals, or undefined when some row cannot be matched within the graph.
 */
function shortestAugmentingPaths(
  graph: CandidateGraph,
  f: Float64Array,
  t: Float64Array,
  n: number,
  m: number,
): { u: Float64Array; v: Float64Array; columnOfRow: Int32Array } | undefined {
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const rowOfColumn = new Int32Array(m).fill(-1);
  const columnOfRow = new Int32Array(n).fill(-1);
  const dist = new Float64Array(m).fill(Infinity);
  const previousRow = new Int32Array(m);
  const done = new Uint8Array(m);
  const touched = new Int32Array(m);
  const finalised = new Int32Array(m);
  let heapKey = new Float64Array(1024);
  let heapColumn = new Int32Array(1024);
  for (let s = 0; s < n; s++) {
    let touchedCount = 0;
    let finalisedCount = 0;
    let heapSize = 0;
    const push = (key: number, column: number): void => {
      if (heapSize === heapKey.length) {
        const k = new Float64Array(heapSize * 2);
        k.set(heapKey);
        heapKey = k;
        const c = new Int32Array(heapSize * 2);
        c.set(heapColumn);
        heapColumn = c;
      }
      let at = heapSize++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heapKey[parent]! <= key) break;
        heapKey[at] = heapKey[parent]!;
        heapColumn[at] = heapColumn[parent]!;
        at = parent;
      }
      heapKey[at] = key;
      heapColumn[at] = column;
    };
    const relax = (row: number, base: number): void => {
      const fr = f[row]!;
      const ur = u[row]!;
      for (let e = graph.start[row]!; e < graph.start[row + 1]!; e++) {
        const j = graph.column[e]!;
        if (done[j] === 1) continue;
        const d = base + fr * t[j]! - ur - v[j]!;
        if (d < dist[j]!) {
          if (dist[j] === Infinity) touched[touchedCount++] = j;
          dist[j] = d;
          previousRow[j] = row;
          push(d, j);
        }
      }
    };
    relax(s, 0);
    let freeColumn = -1;
    let reach = 0;
    while (heapSize > 0) {
      const key = heapKey[0]!;
      const j = heapColumn[0]!;
      // pop
      heapSize--;
      if (heapSize > 0) {
        const lastKey = heapKey[heapSize]!;
        const lastColumn = heapColumn[heapSize]!;
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= heapSize) break;
          if (child + 1 < heapSize && heapKey[child + 1]! < heapKey[child]!) child++;
          if (heapKey[child]! >= lastKey) break;
          heapKey[at] = heapKey[child]!;
          heapColumn[at] = heapColumn[child]!;
          at = child;
        }
        heapKey[at] = lastKey;
        heapColumn[at] = lastColumn;
      }
      if (done[j] === 1 || key > dist[j]!) continue;
      done[j] = 1;
      finalised[finalisedCount++] = j;
      if (rowOfColumn[j] === -1) {
        freeColumn = j;
        reach = key;
        break;
      }
      relax(rowOfColumn[j]!, key);
    }
    if (freeColumn < 0) return undefined;
    // Potentials: keep every candidate reduced cost ≥ 0 and matched arcs tight.
    u[s] = u[s]! + reach;
    for (let q = 0; q < finalisedCount; q++) {
      const j = finalised[q]!;
      const shift = reach - dist[j]!;
      v[j] = v[j]! - shift;
      const r = rowOfColumn[j]!;
      if (r >= 0) u[r] = u[r]! + shift;
    }
    // Augment along the path back to s.
    let j = freeColumn;
    for (;;) {
      const r = previousRow[j]!;
      const next = columnOfRow[r]!;
      rowOfColumn[j] = r;
      columnOfRow[r] = j;
      if (r === s) break;
      j = next;
    }
    for (let q = 0; q < touchedCount; q++) {
      const c = touched[q]!;
      dist[c] = Infinity;
      done[c] = 0;
    }
  }
  return { u, v, columnOfRow };
}

export interface SlottingLpOptions extends Pick<LpOptions, "timeLimitSeconds" | "mipGap" | "solver"> {
  /**
   * "unit": one SKU per slot (the assignment LP, integral); "cube": several SKUs share a slot up to its
   * cube (needs skuCube and slotCube; a MIP). Default "unit".
   */
  capacity?: "unit" | "cube";
  /**
   * Keep only this many compatible slots per SKU, those nearest in travel rank to the SKU's frequency
   * rank within its zone (default: all, which is exact; fewer is optimal only over the restriction).
   */
  candidatesPerSku?: number;
}

export interface SlottingLpResult extends SlottingResult {
  status: LpStatus;
  /** Relative MIP gap reported by the solver (cube capacity). */
  gap?: number;
  /** Number of assignment variables in the model. */
  variables: number;
}

/** The LP solver is passed in (engine/lp's `solveLp`) so that models/ does not depend on engine/. */
export type LpSolve = (problem: LinearProgram, options: LpOptions) => Promise<LpResult>;

/**
 * Slotting as an LP/MIP: x_ik ∈ {0,1} for compatible pairs, Σ_k x_ik = 1 per SKU, and per slot
 * Σ_i x_ik ≤ 1 (unit) or Σ_i cube_i x_ik ≤ cube_k (cube). Minimises Σ f_i t_k x_ik.
 * See the module comment for exactness.
 *
 * @example
 * import { solveLp } from "../../engine/lp/index.ts";
 * await slotSkusLp(input, solveLp, { capacity: "cube", timeLimitSeconds: 30 });
 */
export async function slotSkusLp(
  input: SlottingInput,
  solve: LpSolve,
  options: SlottingLpOptions = {},
): Promise<SlottingLpResult> {
  const data = prepare(input);
  const capacity = options.capacity ?? "unit";
  if (capacity === "cube" && data.skuCube === undefined) {
    throw invalidInput("skuCube", 'capacity "cube" needs skuCube and slotCube');
  }
  const limit = options.candidatesPerSku ?? data.m;
  if (!(Number.isInteger(limit) && limit >= 1)) {
    throw invalidInput("candidatesPerSku", `must be a positive integer, got ${limit}`);
  }
  // Candidate pairs per zone: the SKU of frequency rank r takes the `limit` compatible slots nearest
  // to travel rank r (where the unconstrained optimum would put it), as in the exact assignment.
  const pairSku: number[] = [];
  const pairSlot: number[] = [];
  const slotGroups = groupByZone(data.slotZone);
  const candidates: number[][] = Array.from({ length: data.n }, () => []);
  for (const [zone, skus] of groupByZone(data.skuZone)) {
    const slots = Int32Array.from(slotGroups.get(zone) ?? []).sort(
      (a, b) => data.travel[a]! - data.travel[b]! || a - b,
    );
    const bySku = Int32Array.from(skus).sort((a, b) => data.freq[b]! - data.freq[a]! || a - b);
    const mz = slots.length;
    for (let r = 0; r < bySku.length; r++) {
      const i = bySku[r]!;
      const centre = Math.min(mz - 1, Math.floor((r * mz) / bySku.length));
      const list = candidates[i]!;
      for (let lo = centre, hi = centre + 1; list.length < limit && (lo >= 0 || hi < mz); lo--, hi++) {
        for (const at of [lo, hi]) {
          if (at < 0 || at >= mz || list.length >= limit) continue;
          const k = slots[at]!;
          if (data.skuCube === undefined || data.skuCube[i]! <= data.slotCube![k]!) list.push(k);
        }
      }
    }
  }
  for (let i = 0; i < data.n; i++) {
    const list = candidates[i]!;
    if (list.length === 0) {
      throw new WorkbenchError("INFEASIBLE", `skuZone: SKU ${i} has no compatible slot (zone and cube)`, {
        field: "skuZone",
      });
    }
    for (const k of list) {
      pairSku.push(i);
      pairSlot.push(k);
    }
  }
  const p = pairSku.length;
  const objective = new Float64Array(p);
  for (let q = 0; q < p; q++) objective[q] = data.freq[pairSku[q]!]! * data.travel[pairSlot[q]!]!;
  // Rows: n SKU rows (= 1), then m slot rows. Pairs are already grouped by SKU.
  const rows = data.n + data.m;
  const rowStarts = new Int32Array(rows + 1);
  const columnIndices = new Int32Array(2 * p);
  const values = new Float64Array(2 * p);
  let nz = 0;
  let q = 0;
  for (let i = 0; i < data.n; i++) {
    rowStarts[i] = nz;
    while (q < p && pairSku[q] === i) {
      columnIndices[nz] = q;
      values[nz] = 1;
      nz++;
      q++;
    }
  }
  const perSlot = new Int32Array(data.m + 1);
  for (let r = 0; r < p; r++) perSlot[pairSlot[r]! + 1]!++;
  for (let k = 0; k < data.m; k++) perSlot[k + 1] = perSlot[k + 1]! + perSlot[k]!;
  const fill = perSlot.slice(0, data.m);
  for (let r = 0; r < p; r++) {
    const k = pairSlot[r]!;
    const at = nz + fill[k]!;
    columnIndices[at] = r;
    values[at] = capacity === "cube" ? data.skuCube![pairSku[r]!]! : 1;
    fill[k] = fill[k]! + 1;
  }
  for (let k = 0; k < data.m; k++) rowStarts[data.n + k] = nz + perSlot[k]!;
  rowStarts[rows] = 2 * p;
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let i = 0; i < data.n; i++) {
    rowLower[i] = 1;
    rowUpper[i] = 1;
  }
  for (let k = 0; k < data.m; k++) {
    rowLower[data.n + k] = -Infinity;
    rowUpper[data.n + k] = capacity === "cube" ? data.slotCube![k]! : 1;
  }
  const result = await solve(
    {
      objective,
      columnUpper: new Float64Array(p).fill(1),
      ...(capacity === "cube" ? { integer: new Uint8Array(p).fill(1) } : {}),
      rowStarts,
      columnIndices,
      values,
      rowLower,
      rowUpper,
    },
    {
      ...(options.solver !== undefined ? { solver: options.solver } : {}),
      ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
      ...(options.mipGap !== undefined ? { mipGap: options.mipGap } : {}),
    },
  );
  const slotOfSku = new Int32Array(data.n).fill(-1);
  if (result.status === "optimal" || result.status === "feasible") {
    for (let r = 0; r < p; r++) if (result.x[r]! > 0.5) slotOfSku[pairSku[r]!] = pairSlot[r]!;
  }
  const out: SlottingLpResult = {
    slotOfSku,
    cost: slotOfSku[0]! >= 0 ? planCost(data, slotOfSku) : Number.NaN,
    method: "lp",
    status: result.status,
    variables: p,
  };
  if (result.gap !== undefined) out.gap = result.gap;
  return out;
}

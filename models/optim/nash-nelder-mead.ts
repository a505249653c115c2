/**
 * Nelder–Mead minimisation in the variant of J. C. Nash, Compact Numerical Methods for Computers
 * (2nd ed., 1990), Algorithm 19 — the variant behind R's `optim(method = "Nelder-Mead")` and the
 * optimiser that R forecast's `ets()` calls through its C entry point (reflection 1, contraction ½,
 * expansion 2).
 *
 * It differs from a textbook Nelder–Mead on purpose: the start simplex moves one coordinate per vertex by
 * the same step, 10% of the largest |x0_i| (0.1 if all are 0); the stopping rule is
 * f_high ≤ f_low + tol·(|f(x0)| + tol) with the tolerance fixed at the start; a failed contraction shrinks
 * towards the best vertex, and the search stops when the simplex no longer shrinks; the budget counts
 * function evaluations. Models that must reproduce R's fitted parameters (ets, thetaf's SES, OTM/DOTM)
 * need these exact steps, since R stops wherever this search stops, not at the true optimum.
 *
 * Non-finite function values count as 1e35, so an objective signals "outside the region" by returning
 * Infinity. The default tolerance √ε is R's `reltol`.
 *
 * The search is also available as a resumable object, {@link NashNelderMeadSearch}: it proposes one
 * point at a time (`trial`) and is told its value (`tell`). A caller that runs several searches at once
 * (ETS fits every candidate model) can then evaluate their trial points together — the recursions of
 * different searches are independent, so the processor overlaps them — and each search still takes
 * exactly the steps of `nashNelderMead`.
 */
export interface NashNelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  /** 0 converged, 1 evaluation budget exhausted, 10 simplex failed to shrink, 20 f(x0) not finite. */
  fail: number;
}

const BIG = 1.0e35;

// What the value passed to `tell` belongs to.
const START = 0;
const VERTEX = 1;
const REFLECTION = 2;
const EXPANSION = 3;
const CONTRACTION = 4;
const FINISHED = 5;

/**
 * Nash's Nelder–Mead as a state machine: read `trial`, evaluate it, pass the value to `tell`, until
 * `done`; then `result()`. Allocation-free after construction.
 */
export class NashNelderMeadSearch {
  /** The point whose value the search needs next (do not modify it). */
  readonly trial: Float64Array;
  /** True when the search has stopped; `trial` is then meaningless. */
  done = false;
  private readonly n: number;
  private readonly x0: Float64Array;
  // simplex[j*n + i]: coordinate i of vertex j, j = 0…n
  private readonly simplex: Float64Array;
  private readonly values: Float64Array;
  private readonly centroid: Float64Array;
  private readonly told = new Float64Array(1);
  private readonly relativeTolerance: number;
  private readonly maxEvaluations: number;
  private convergenceTolerance = 0;
  private phase = START;
  private evaluations = 0;
  private fail = 0;
  private low = 0;
  private high = 0;
  private vLow = 0;
  private vHigh = 0;
  private vReflect = 0;
  private oldSize = 0;
  /** Vertex being (re)evaluated in the VERTEX phase. */
  private vertex = 0;

  constructor(x0: ArrayLike<number>, relativeTolerance = Math.sqrt(Number.EPSILON), maxEvaluations = 500) {
    const n = x0.length;
    this.n = n;
    this.x0 = Float64Array.from(x0);
    this.simplex = new Float64Array((n + 1) * n);
    this.values = new Float64Array(n + 1);
    this.centroid = new Float64Array(n);
    this.trial = Float64Array.from(x0);
    this.relativeTolerance = relativeTolerance;
    this.maxEvaluations = maxEvaluations;
  }

  /** Gives the search f(trial) and moves it to its next trial point (or to `done`). */
  tell(value: number): void {
    // small enough to be inlined by the caller: the value reaches the steps through a typed array,
    // not as an argument (V8 boxes floating-point arguments of calls it does not inline)
    this.told[0] = value;
    this.advance();
  }

  private advance(): void {
    if (this.phase === START) {
      this.start(this.told[0]!);
      return;
    }
    this.evaluations++;
    if (!Number.isFinite(this.told[0]!)) this.told[0] = BIG;
    switch (this.phase) {
      case VERTEX:
        this.values[this.vertex] = this.told[0]!;
        this.nextVertex(this.vertex + 1);
        break;
      case REFLECTION:
        this.reflected();
        break;
      case EXPANSION:
        this.expanded();
        break;
      case CONTRACTION:
        this.contracted();
        break;
    }
  }

  /** Best vertex, its value, the evaluations used and the failure code, as `nashNelderMead` returns. */
  result(): NashNelderMeadResult {
    const n = this.n;
    if (this.fail === 20) return { x: this.x0.slice(), value: this.vLow, evaluations: 1, fail: 20 };
    const low = this.low;
    return {
      x: this.simplex.slice(low * n, low * n + n),
      value: this.values[low]!,
      evaluations: this.evaluations,
      fail: this.fail,
    };
  }

  private start(fx: number): void {
    const n = this.n;
    const x0 = this.x0;
    const simplex = this.simplex;
    if (!Number.isFinite(fx)) {
      this.vLow = fx;
      this.fail = 20;
      this.finish();
      return;
    }
    this.evaluations = 1;
    this.convergenceTolerance = this.relativeTolerance * (Math.abs(fx) + this.relativeTolerance);
    this.values[0] = fx;
    for (let i = 0; i < n; i++) simplex[i] = x0[i]!;
    let step = 0;
    for (let i = 0; i < n; i++) if (0.1 * Math.abs(x0[i]!) > step) step = 0.1 * Math.abs(x0[i]!);
    if (step === 0) step = 0.1;
    let size = 0;
    for (let j = 1; j <= n; j++) {
      for (let i = 0; i < n; i++) simplex[j * n + i] = x0[i]!;
      let tryStep = step;
      while (simplex[j * n + j - 1] === x0[j - 1]) {
        simplex[j * n + j - 1] = x0[j - 1]! + tryStep;
        tryStep *= 10;
      }
      size += tryStep;
    }
    this.oldSize = size;
    this.low = 0;
    this.nextVertex(0);
  }

  /** (Re)evaluates the vertices from `from` on, skipping the best one; then starts an iteration. */
  private nextVertex(from: number): void {
    const n = this.n;
    let j = from;
    if (j === this.low) j++;
    if (j <= n) {
      this.vertex = j;
      this.phase = VERTEX;
      const trial = this.trial;
      const simplex = this.simplex;
      for (let i = 0; i < n; i++) trial[i] = simplex[j * n + i]!;
      return;
    }
    this.iterate();
  }

  /** One Nelder–Mead iteration up to its reflection: best and worst vertex, stopping test, centroid. */
  private iterate(): void {
    const n = this.n;
    const values = this.values;
    const simplex = this.simplex;
    let low = this.low;
    let vLow = values[low]!;
    let vHigh = vLow;
    let high = low;
    for (let j = 0; j <= n; j++) {
      if (j !== low) {
        const v = values[j]!;
        if (v < vLow) {
          low = j;
          vLow = v;
        }
        if (v > vHigh) {
          high = j;
          vHigh = v;
        }
      }
    }
    this.low = low;
    this.high = high;
    this.vLow = vLow;
    this.vHigh = vHigh;
    if (vHigh <= vLow + this.convergenceTolerance) {
      this.finish();
      return;
    }
    // centroid of all vertices but the highest; per coordinate the additions run in R's order
    // (−x_high, then vertices 0…n), summed in registers, four coordinates at a time so that their
    // (independent) chains of additions overlap
    const centroid = this.centroid;
    const trial = this.trial;
    const h = high * n;
    const end = (n + 1) * n;
    let i0 = 0;
    for (; i0 + 3 < n; i0 += 4) {
      let sum0 = -simplex[h + i0]!;
      let sum1 = -simplex[h + i0 + 1]!;
      let sum2 = -simplex[h + i0 + 2]!;
      let sum3 = -simplex[h + i0 + 3]!;
      for (let j = i0; j < end; j += n) {
        sum0 += simplex[j]!;
        sum1 += simplex[j + 1]!;
        sum2 += simplex[j + 2]!;
        sum3 += simplex[j + 3]!;
      }
      centroid[i0] = sum0 / n;
      centroid[i0 + 1] = sum1 / n;
      centroid[i0 + 2] = sum2 / n;
      centroid[i0 + 3] = sum3 / n;
    }
    for (; i0 < n; i0++) {
      let sum = -simplex[h + i0]!;
      for (let j = i0; j < end; j += n) sum += simplex[j]!;
      centroid[i0] = sum / n;
    }
    for (let i = 0; i < n; i++) trial[i] = 2 * centroid[i]! - simplex[h + i]!;
    this.phase = REFLECTION;
  }

  private reflected(): void {
    const fx = this.told[0]!;
    this.vReflect = fx;
    const n = this.n;
    const trial = this.trial;
    const centroid = this.centroid;
    if (fx < this.vLow) {
      // expansion; the centroid keeps the reflected point meanwhile
      for (let i = 0; i < n; i++) {
        const expanded = 2 * trial[i]! - centroid[i]!;
        centroid[i] = trial[i]!;
        trial[i] = expanded;
      }
      this.phase = EXPANSION;
      return;
    }
    const simplex = this.simplex;
    const h = this.high * n;
    if (fx < this.vHigh) {
      for (let i = 0; i < n; i++) simplex[h + i] = trial[i]!;
      this.values[this.high] = fx;
    }
    for (let i = 0; i < n; i++) trial[i] = 0.5 * simplex[h + i]! + 0.5 * centroid[i]!;
    this.phase = CONTRACTION;
  }

  private expanded(): void {
    const fx = this.told[0]!;
    const n = this.n;
    const simplex = this.simplex;
    const h = this.high * n;
    if (fx < this.vReflect) {
      for (let i = 0; i < n; i++) simplex[h + i] = this.trial[i]!;
      this.values[this.high] = fx;
    } else {
      for (let i = 0; i < n; i++) simplex[h + i] = this.centroid[i]!;
      this.values[this.high] = this.vReflect;
    }
    this.endIteration(false);
  }

  private contracted(): void {
    const fx = this.told[0]!;
    const n = this.n;
    const simplex = this.simplex;
    const high = this.high;
    const h = high * n;
    if (fx < this.values[high]!) {
      for (let i = 0; i < n; i++) simplex[h + i] = this.trial[i]!;
      this.values[high] = fx;
      this.endIteration(false);
    } else if (this.vReflect >= this.vHigh) {
      // shrink towards the best vertex; stop if the simplex did not get smaller
      const l = this.low * n;
      let size = 0;
      for (let j = 0; j <= n; j++) {
        if (j !== this.low) {
          for (let i = 0; i < n; i++) {
            const v = 0.5 * (simplex[j * n + i]! - simplex[l + i]!) + simplex[l + i]!;
            simplex[j * n + i] = v;
            size += Math.abs(v - simplex[l + i]!);
          }
        }
      }
      if (size < this.oldSize) {
        this.oldSize = size;
        this.endIteration(true);
      } else {
        this.fail = 10;
        this.finish();
      }
    } else {
      this.endIteration(false);
    }
  }

  /** The loop condition of Nash's algorithm: continue while the budget is not exceeded. */
  private endIteration(recompute: boolean): void {
    if (this.evaluations > this.maxEvaluations) {
      this.finish();
      return;
    }
    if (recompute) this.nextVertex(0);
    else this.iterate();
  }

  private finish(): void {
    if (this.fail !== 20 && this.evaluations > this.maxEvaluations) this.fail = 1;
    this.phase = FINISHED;
    this.done = true;
  }
}

/** Minimises f from x0 with {@link NashNelderMeadSearch}, evaluating one point at a time. */
export function nashNelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  relativeTolerance = Math.sqrt(Number.EPSILON),
  maxEvaluations = 500,
): NashNelderMeadResult {
  const search = new NashNelderMeadSearch(x0, relativeTolerance, maxEvaluations);
  while (!search.done) search.tell(f(search.trial));
  return search.result();
}

import { WorkbenchError } from "../core/errors.ts";
import { Rng } from "../core/rng.ts";
import type { DemandModel } from "../models/demand/types.ts";
import { type DemandSpec, demandMean, generateDemand } from "./demand.ts";
import { anchoringAdjustmentOrder } from "./policies/anchoring-adjustment.ts";
import { baseStockOrder } from "./policies/base-stock.ts";
import { echelonBaseStockOrder } from "./policies/echelon-base-stock.ts";
import { forecastOrderUpToOrder } from "./policies/forecast-order-up-to.ts";
import { periodicReviewOrder } from "./policies/periodic.ts";
import { proportionalOrderUpToOrder } from "./policies/proportional-order-up-to.ts";
import { rQOrder } from "./policies/r-Q.ts";
import { sSOrder } from "./policies/s-S.ts";
import { POLICY_CODE, type PolicySpec } from "./policies/types.ts";
import type { LeadTimeSpec, Scenario } from "./scenario.ts";

/**
 * The period-by-period engine for supply networks (serial, distribution, assembly, general acyclic).
 *
 * Timing of period t (every node, in this order):
 *  1. Receive: shipments due at t arrive (an order placed at the end of period t′ with lead time L
 *     arrives at the start of t′ + L + 1); orders delayed by an information delay become visible
 *     upstream. Assembly nodes turn components into units: min over inbound arcs of stock/units.
 *  2. Demand: external demand arrives; stock serves the oldest backorders first, then the new
 *     demand (FIFO); what is left is backordered, or lost under lost sales.
 *  3. Fill and order, downstream nodes first: each node ships what its customers have ordered (all
 *     of it if it has the stock, else a proportional share: rationing among internal customers),
 *     then reviews its inventory position and orders from its parents (or the outside supplier,
 *     which always ships in full).
 *  4. Costs on end-of-period stock: holding on on-hand, backorder cost per unit backordered (external
 *     backorders and customers' orders still unshipped), pipeline
 *     holding on units in transit, lost-sale cost per unit lost, fixed cost K per order.
 *
 * Inventory position (IP) of node j, in its own units: on hand − external backorders − unshipped
 * customer orders + min over inbound arcs of (received components + in transit + unshipped by parent
 * + orders still in the information delay) / units per parent. Echelon IP adds the children's
 * echelon IPs (Clark & Scarf 1960).
 *
 * State is held in Float64Arrays indexed by node or arc (rings of length H for the pipelines); one
 * replication runs at a time and reuses the buffers, so the period loop allocates nothing.
 */

/** Per-node results of one replication, in this order (see {@link NODE_METRIC_NAMES}). */
export const NODE_METRIC_NAMES = [
  "fillRate",
  "cycleServiceLevel",
  "meanOnHand",
  "meanBackorders",
  "meanOrder",
  "orderFrequency",
  "meanShipped",
  "holdingCost",
  "shortageCost",
  "orderingCost",
  "pipelineCost",
  "totalCost",
  "bullwhip",
  "localBullwhip",
  "netStockAmplification",
  "meanLostSales",
  "orderVariance",
  "netStockVariance",
] as const;
export const NODE_METRICS = NODE_METRIC_NAMES.length;
export const GLOBAL_METRIC_NAMES = ["totalCostPerPeriod", "demandVariance"] as const;
export const GLOBAL_METRICS = GLOBAL_METRIC_NAMES.length;

// Accumulator slots per node (sums over post-warm-up periods).
const A_DEMAND = 0;
const A_FILLED = 1;
const A_LOST = 2;
const A_ONHAND = 3;
const A_BACKLOG = 4;
const A_ORD = 5;
const A_ORD_SQ = 6;
const A_ORD_N = 7;
const A_SHIPPED = 8;
const A_HOLD = 9;
const A_SHORT = 10;
const A_ORDERING = 11;
const A_PIPE = 12;
const A_NOSTOCKOUT = 13;
const A_INC = 14;
const A_INC_SQ = 15;
const A_NS = 16;
const A_NS_SQ = 17;
const A_REF_ORD = 18;
const A_REF_INC = 19;
const A_REF_NS = 20;
const NA = 21;

const LT_FIXED = 0;
const LT_UNIFORM = 1;
const LT_DISCRETE = 2;

const F_CONSTANT = 0;
const F_MA = 1;
const F_SES = 2;
const F_AR1 = 3;
const F_MODEL = 4;

/** The scenario turned into typed arrays, ready for {@link runReplication}. */
export interface CompiledNetwork {
  nodeIds: string[];
  n: number;
  m: number;
  periods: number;
  warmup: number;
  seed: number;
  replications: number;
  /** Ring length of the pipelines. */
  H: number;
  arcUp: Int32Array;
  arcDown: Int32Array;
  arcUnits: Float64Array;
  arcLeadKind: Int32Array;
  arcLeadA: Int32Array;
  arcLeadB: Int32Array;
  /** Offsets into leadCdf/leadValues for discrete lead times. */
  arcLeadOffset: Int32Array;
  leadCdf: Float64Array;
  leadValues: Int32Array;
  arcOrderDelay: Int32Array;
  arcPipeCost: Float64Array;
  arcInitTransit: Float64Array;
  arcInitOrders: Float64Array;
  inStart: Int32Array;
  inArcs: Int32Array;
  outStart: Int32Array;
  outArcs: Int32Array;
  holding: Float64Array;
  backorderCost: Float64Array;
  lostSaleCost: Float64Array;
  orderingCost: Float64Array;
  lostSales: Uint8Array;
  capacity: Float64Array;
  initialInventory: Float64Array;
  policyCode: Int32Array;
  /** Six parameters per node; meaning depends on the policy (see compile). */
  policyParams: Float64Array;
  forecasterCode: Int32Array;
  forecasterParams: Float64Array;
  maOffset: Int32Array;
  maLength: number;
  models: (DemandModel | undefined)[];
  /** Demand node indices and their specs. */
  demandNodes: Int32Array;
  demandSpecs: DemandSpec[];
  meanBelow: Float64Array;
}

const PP = 6;
const FP = 4;

function leadBounds(spec: LeadTimeSpec): { min: number; max: number } {
  if (typeof spec === "number") return { min: spec, max: spec };
  if (spec.kind === "uniform") return { min: spec.min, max: spec.max };
  return { min: Math.min(...spec.values), max: Math.max(...spec.values) };
}

export interface CompileOptions {
  /** Demand models by name, for forecasters of method "model" named in JSON. */
  models?: Record<string, DemandModel>;
}

/** Turns a validated scenario into typed arrays (topological node order, upstream first). */
export function compileScenario(scenario: Scenario, options: CompileOptions = {}): CompiledNetwork {
  const nodesIn = scenario.network.nodes;
  const edges = scenario.network.edges;
  const idIndex = new Map<string, number>();
  nodesIn.forEach((nd, i) => {
    idIndex.set(nd.id, i);
  });
  // Kahn's algorithm: upstream before downstream.
  const indeg = new Int32Array(nodesIn.length);
  for (const e of edges) indeg[idIndex.get(e.downstream)!]!++;
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < nodesIn.length; i++) if (indeg[i] === 0) queue.push(i);
  while (queue.length > 0) {
    const u = queue.shift()!;
    order.push(u);
    for (const e of edges) {
      if (idIndex.get(e.upstream) !== u) continue;
      const d = idIndex.get(e.downstream)!;
      if (--indeg[d]! === 0) queue.push(d);
    }
  }
  if (order.length !== nodesIn.length) {
    throw new WorkbenchError("INVALID_NETWORK", "network.edges: the network has a cycle", {
      field: "network.edges",
    });
  }
  const n = order.length;
  const pos = new Map<string, number>();
  order.forEach((orig, k) => {
    pos.set(nodesIn[orig]!.id, k);
  });
  const nodes = order.map((orig) => nodesIn[orig]!);
  const settings = scenario.nodeSettings ?? {};

  // Arcs: the network's edges, then one outside-supplier arc per node without parents.
  interface ArcDraft {
    up: number;
    down: number;
    units: number;
    lead: LeadTimeSpec;
    delay: number;
    pipeCost: number;
    initTransit: number;
    initOrders: number;
  }
  const drafts: ArcDraft[] = [];
  const hasParent = new Uint8Array(n);
  for (const e of edges) {
    const down = pos.get(e.downstream)!;
    hasParent[down] = 1;
    drafts.push({
      up: pos.get(e.upstream)!,
      down,
      units: e.unitsPerParent ?? 1,
      lead: e.leadTimeDistribution ?? e.leadTime ?? nodes[down]!.processingTime,
      delay: e.orderDelay ?? 0,
      pipeCost: e.pipelineHoldingCost ?? 0,
      initTransit: e.initialInTransit ?? 0,
      initOrders: e.initialOrdersInTransit ?? 0,
    });
  }
  for (let j = 0; j < n; j++) {
    if (hasParent[j]) continue;
    const s = settings[nodes[j]!.id] ?? {};
    drafts.push({
      up: -1,
      down: j,
      units: 1,
      lead: s.supplyLeadTime ?? nodes[j]!.processingTime,
      delay: 0,
      pipeCost: s.supplyPipelineHoldingCost ?? 0,
      initTransit: s.initialSupplyInTransit ?? 0,
      initOrders: 0,
    });
  }
  const m = drafts.length;
  let H = 2;
  const arcUp = new Int32Array(m);
  const arcDown = new Int32Array(m);
  const arcUnits = new Float64Array(m);
  const arcLeadKind = new Int32Array(m);
  const arcLeadA = new Int32Array(m);
  const arcLeadB = new Int32Array(m);
  const arcLeadOffset = new Int32Array(m);
  const cdf: number[] = [];
  const vals: number[] = [];
  const arcOrderDelay = new Int32Array(m);
  const arcPipeCost = new Float64Array(m);
  const arcInitTransit = new Float64Array(m);
  const arcInitOrders = new Float64Array(m);
  drafts.forEach((a, k) => {
    arcUp[k] = a.up;
    arcDown[k] = a.down;
    arcUnits[k] = a.units;
    const { min, max } = leadBounds(a.lead);
    H = Math.max(H, max + 2, a.delay + 1);
    if (typeof a.lead === "number") {
      arcLeadKind[k] = LT_FIXED;
      arcLeadA[k] = a.lead;
    } else if (a.lead.kind === "uniform") {
      arcLeadKind[k] = LT_UNIFORM;
      arcLeadA[k] = min;
      arcLeadB[k] = max;
    } else {
      arcLeadKind[k] = LT_DISCRETE;
      arcLeadOffset[k] = cdf.length;
      arcLeadA[k] = a.lead.values.length;
      let c = 0;
      a.lead.values.forEach((v, i) => {
        c += (a.lead as { probabilities: number[] }).probabilities[i]!;
        cdf.push(c);
        vals.push(v);
      });
    }
    arcOrderDelay[k] = a.delay;
    arcPipeCost[k] = a.pipeCost;
    arcInitTransit[k] = a.initTransit;
    arcInitOrders[k] = a.initOrders;
  });
  const csr = (key: "down" | "up") => {
    const start = new Int32Array(n + 1);
    for (const a of drafts) if (a[key] >= 0) start[a[key] + 1]!++;
    for (let j = 0; j < n; j++) start[j + 1]! += start[j]!;
    const fill = start.slice(0, n);
    const list = new Int32Array(start[n]!);
    drafts.forEach((a, k) => {
      if (a[key] >= 0) list[fill[a[key]]!++] = k;
    });
    return { start, list };
  };
  const inCsr = csr("down");
  const outCsr = csr("up");

  // Mean demand reaching each node (external + what its children pass up), downstream first.
  const demandNodes: number[] = [];
  const demandSpecs: DemandSpec[] = [];
  const meanBelow = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const spec = scenario.demand[nodes[j]!.id];
    if (spec) {
      demandNodes.push(j);
      demandSpecs.push(spec);
      meanBelow[j] = demandMean(spec);
    }
  }
  for (let j = n - 1; j >= 0; j--) {
    for (let k = outCsr.start[j]!; k < outCsr.start[j + 1]!; k++) {
      const a = outCsr.list[k]!;
      meanBelow[j]! += arcUnits[a]! * meanBelow[arcDown[a]!]!;
    }
  }

  const holding = new Float64Array(n);
  const backorderCost = new Float64Array(n);
  const lostSaleCost = new Float64Array(n);
  const orderingCost = new Float64Array(n);
  const lostSales = new Uint8Array(n);
  const capacity = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const initialInventory = new Float64Array(n);
  const policyCode = new Int32Array(n);
  const policyParams = new Float64Array(n * PP);
  const forecasterCode = new Int32Array(n);
  const forecasterParams = new Float64Array(n * FP);
  const maOffset = new Int32Array(n);
  let maLength = 0;
  const models: (DemandModel | undefined)[] = new Array(n).fill(undefined);
  const policies: PolicySpec[] = nodes.map((nd) => scenario.policy[nd.id]!);
  const minLead = (j: number) => {
    let L = Number.POSITIVE_INFINITY;
    for (let k = inCsr.start[j]!; k < inCsr.start[j + 1]!; k++) {
      const a = inCsr.list[k]!;
      L = Math.min(L, leadBounds(drafts[a]!.lead).min + drafts[a]!.delay);
    }
    return Number.isFinite(L) ? L : 0;
  };
  for (let j = 0; j < n; j++) {
    const nd = nodes[j]!;
    const s = settings[nd.id] ?? {};
    holding[j] = nd.holdingCost;
    backorderCost[j] = s.backorderCost ?? 0;
    lostSaleCost[j] = s.lostSaleCost ?? 0;
    orderingCost[j] = s.orderingCost ?? 0;
    lostSales[j] = s.lostSales ? 1 : 0;
    if (s.capacity !== undefined) capacity[j] = s.capacity;
    const p = policies[j]!;
    policyCode[j] = POLICY_CODE[p.kind];
    const o = j * PP;
    let init = 0;
    switch (p.kind) {
      case "base-stock":
        policyParams[o] = p.S;
        init = p.S;
        break;
      case "echelon-base-stock": {
        policyParams[o] = p.S;
        let below = 0;
        for (let k = outCsr.start[j]!; k < outCsr.start[j + 1]!; k++) {
          const c = policies[arcDown[outCsr.list[k]!]!]!;
          if (c.kind === "echelon-base-stock") below += arcUnits[outCsr.list[k]!]! * c.S;
        }
        init = Math.max(0, p.S - below);
        break;
      }
      case "sS":
        policyParams[o] = p.s;
        policyParams[o + 1] = p.S;
        init = p.S;
        break;
      case "rQ":
        policyParams[o] = p.r;
        policyParams[o + 1] = p.Q;
        init = p.r + p.Q;
        break;
      case "periodic":
        policyParams[o] = p.R;
        policyParams[o + 1] = p.S;
        policyParams[o + 2] = p.phase ?? 0;
        init = p.S;
        break;
      case "forecast-order-up-to":
      case "proportional-order-up-to": {
        const cover = p.cover ?? minLead(j) + 1;
        policyParams[o] = cover;
        policyParams[o + 1] = p.safetyStock ?? 0;
        policyParams[o + 2] = p.allowNegativeOrders ? 1 : 0;
        if (p.kind === "proportional-order-up-to") policyParams[o + 3] = p.Ti;
        init = cover * meanBelow[j]! + (p.safetyStock ?? 0);
        const f = p.forecaster;
        const fo = j * FP;
        switch (f.method) {
          case "constant":
            forecasterCode[j] = F_CONSTANT;
            forecasterParams[fo] = f.value;
            break;
          case "moving-average":
            forecasterCode[j] = F_MA;
            forecasterParams[fo] = f.p;
            forecasterParams[fo + 1] = f.initial ?? meanBelow[j]!;
            maOffset[j] = maLength;
            maLength += f.p;
            break;
          case "exponential-smoothing":
            forecasterCode[j] = F_SES;
            forecasterParams[fo] = f.alpha;
            forecasterParams[fo + 1] = f.initial ?? meanBelow[j]!;
            break;
          case "ar1": {
            forecasterCode[j] = F_AR1;
            forecasterParams[fo] = f.mean;
            forecasterParams[fo + 1] = f.phi;
            let a = 0;
            let pw = 1;
            for (let k = 1; k <= cover; k++) {
              pw *= f.phi;
              a += pw;
            }
            forecasterParams[fo + 2] = a;
            break;
          }
          case "model": {
            forecasterCode[j] = F_MODEL;
            const model = typeof f.model === "string" ? options.models?.[f.model] : f.model;
            if (!model) {
              throw new WorkbenchError(
                "INVALID_SCENARIO",
                `policy.${nd.id}.forecaster.model: unknown demand model ${JSON.stringify(f.model)}`,
                { field: `policy.${nd.id}.forecaster.model`, node: nd.id },
              );
            }
            models[j] = model;
            forecasterParams[fo] = f.window;
            forecasterParams[fo + 1] = f.refitEvery ?? 1;
            forecasterParams[fo + 2] = f.season ?? 1;
            maOffset[j] = maLength;
            maLength += f.window;
            break;
          }
        }
        break;
      }
      case "anchoring-adjustment":
        policyParams[o] = p.theta;
        policyParams[o + 1] = p.alphaS;
        policyParams[o + 2] = p.beta;
        policyParams[o + 3] = p.desiredStock;
        policyParams[o + 4] = p.initialExpectation;
        init = p.desiredStock;
        break;
    }
    initialInventory[j] = s.initialInventory ?? init;
  }

  return {
    nodeIds: nodes.map((nd) => nd.id),
    n,
    m,
    periods: scenario.settings.periods,
    warmup: scenario.settings.warmup,
    seed: scenario.settings.seed,
    replications: scenario.settings.replications,
    H,
    arcUp,
    arcDown,
    arcUnits,
    arcLeadKind,
    arcLeadA,
    arcLeadB,
    arcLeadOffset,
    leadCdf: Float64Array.from(cdf),
    leadValues: Int32Array.from(vals),
    arcOrderDelay,
    arcPipeCost,
    arcInitTransit,
    arcInitOrders,
    inStart: inCsr.start,
    inArcs: inCsr.list,
    outStart: outCsr.start,
    outArcs: outCsr.list,
    holding,
    backorderCost,
    lostSaleCost,
    orderingCost,
    lostSales,
    capacity,
    initialInventory,
    policyCode,
    policyParams,
    forecasterCode,
    forecasterParams,
    maOffset,
    maLength,
    models,
    demandNodes: Int32Array.from(demandNodes),
    demandSpecs,
    meanBelow,
  };
}

/**
 * Per-period trace of one replication: arrays of length periods × n, index t·n + node. End-of-period
 * on hand and backorders (external), the order placed, units shipped to customers, and the demand
 * the node saw (external demand plus orders from downstream nodes), lost sales, and the period's
 * cost at the node (holding + shortage + ordering + pipeline).
 */
export interface Trace {
  onHand: Float64Array;
  backorders: Float64Array;
  orders: Float64Array;
  shipments: Float64Array;
  demand: Float64Array;
  lostSales: Float64Array;
  cost: Float64Array;
}

/** Reusable buffers for one replication at a time. */
export interface EngineWorkspace {
  demand: Float64Array[];
  onHand: Float64Array;
  backlog: Float64Array;
  incoming: Float64Array;
  shippedNow: Float64Array;
  lostNow: Float64Array;
  echelonIP: Float64Array;
  orderNow: Float64Array;
  fLevel: Float64Array;
  fLast: Float64Array;
  fCache: Float64Array;
  maRing: Float64Array;
  maPos: Int32Array;
  shipPipe: Float64Array;
  orderPipe: Float64Array;
  transit: Float64Array;
  orderTransit: Float64Array;
  owed: Float64Array;
  compBuf: Float64Array;
  acc: Float64Array;
  /** [consumer-demand shift, Σ shifted demand, Σ squares, total cost]. */
  sums: Float64Array;
}

export function createWorkspace(c: CompiledNetwork): EngineWorkspace {
  const { n, m, H } = c;
  return {
    demand: c.demandSpecs.map(() => new Float64Array(c.periods)),
    onHand: new Float64Array(n),
    backlog: new Float64Array(n),
    incoming: new Float64Array(n),
    shippedNow: new Float64Array(n),
    lostNow: new Float64Array(n),
    echelonIP: new Float64Array(n),
    orderNow: new Float64Array(n),
    fLevel: new Float64Array(n),
    fLast: new Float64Array(n),
    fCache: new Float64Array(n),
    maRing: new Float64Array(Math.max(1, c.maLength)),
    maPos: new Int32Array(n),
    shipPipe: new Float64Array(m * H),
    orderPipe: new Float64Array(m * H),
    transit: new Float64Array(m),
    orderTransit: new Float64Array(m),
    owed: new Float64Array(m),
    compBuf: new Float64Array(m),
    acc: new Float64Array(n * NA),
    sums: new Float64Array(4),
  };
}

function drawLead(c: CompiledNetwork, a: number, rng: Rng): number {
  const kind = c.arcLeadKind[a]!;
  if (kind === LT_FIXED) return c.arcLeadA[a]!;
  if (kind === LT_UNIFORM) return c.arcLeadA[a]! + rng.int(c.arcLeadB[a]! - c.arcLeadA[a]! + 1);
  const off = c.arcLeadOffset[a]!;
  const len = c.arcLeadA[a]!;
  const u = rng.uniform();
  for (let i = 0; i < len - 1; i++) if (u < c.leadCdf[off + i]!) return c.leadValues[off + i]!;
  return c.leadValues[off + len - 1]!;
}

/**
 * Runs replication `index` (random stream Rng.stream(seed, index)) and writes its
 * NODE_METRICS × n + GLOBAL_METRICS results into `out` at `offset`. Optionally records a trace.
 */
export function runReplication(
  c: CompiledNetwork,
  index: number,
  out: Float64Array,
  offset: number,
  ws: EngineWorkspace = createWorkspace(c),
  trace?: Trace,
): void {
  const { n, m, H, periods, warmup } = c;
  const rng = Rng.stream(c.seed, index);
  for (let d = 0; d < c.demandSpecs.length; d++) generateDemand(c.demandSpecs[d]!, rng, ws.demand[d]!);
  const { onHand, backlog, fLevel, fLast, fCache, maRing } = ws;
  const { maPos, shipPipe, orderPipe, transit, orderTransit, owed, compBuf, acc } = ws;
  const { arcOrderDelay, arcLeadKind, arcLeadA } = c;
  const { policyCode, policyParams, forecasterCode, forecasterParams } = c;

  // Initial state: stock at the policy's level, pipelines filled with the given per-slot flows.
  shipPipe.fill(0);
  orderPipe.fill(0);
  acc.fill(0);
  backlog.fill(0);
  owed.fill(0);
  compBuf.fill(0);
  for (let j = 0; j < n; j++) {
    onHand[j] = c.initialInventory[j]!;
    const fo = j * FP;
    const code = forecasterCode[j]!;
    if (code === F_MA) {
      const p = forecasterParams[fo]!;
      const o = c.maOffset[j]!;
      for (let k = 0; k < p; k++) maRing[o + k] = forecasterParams[fo + 1]!;
      maPos[j] = 0;
      fLevel[j] = forecasterParams[fo + 1]! * p;
    } else if (code === F_SES) {
      fLevel[j] = forecasterParams[fo + 1]!;
    } else if (code === F_AR1) {
      fLast[j] = forecasterParams[fo]!;
    } else if (code === F_MODEL) {
      const o = c.maOffset[j]!;
      const w = forecasterParams[fo]!;
      for (let k = 0; k < w; k++) maRing[o + k] = c.meanBelow[j]!;
      maPos[j] = 0;
      fCache[j] = Number.NaN;
    }
    if (policyCode[j] === 7) fLevel[j] = policyParams[j * PP + 4]!;
  }
  for (let a = 0; a < m; a++) {
    // Shipments made at the end of periods −L−1..−1 arrive at the start of periods 0..L.
    let tr = 0;
    const L = arcLeadKind[a] === LT_FIXED ? arcLeadA[a]! : 0;
    for (let k = 0; k <= L; k++) {
      shipPipe[a * H + (k % H)] = c.arcInitTransit[a]!;
      tr += c.arcInitTransit[a]!;
    }
    transit[a] = tr;
    // Orders placed at the end of periods −d..−1 become visible at the start of periods 0..d−1.
    let ot = 0;
    for (let k = 0; k < arcOrderDelay[a]!; k++) {
      orderPipe[a * H + (k % H)] = c.arcInitOrders[a]!;
      ot += c.arcInitOrders[a]!;
    }
    orderTransit[a] = ot;
  }
  ws.sums.fill(0);
  periodLoop(c, ws, rng, trace);
  const sums = ws.sums;
  writeResults(n, periods - warmup, acc, sums[1]!, sums[2]!, sums[3]!, out, offset);
}

/**
 * The period loop of one replication. Its own function, ending with the loop: V8 optimises it on the
 * stack (OSR) and would otherwise deoptimise at the first cold instruction after the loop, once per
 * replication.
 */
function periodLoop(c: CompiledNetwork, ws: EngineWorkspace, rng: Rng, trace: Trace | undefined): void {
  const { n, m, H, periods, warmup } = c;
  const {
    onHand,
    backlog,
    incoming,
    shippedNow,
    lostNow,
    echelonIP,
    orderNow,
    fLevel,
    fLast,
    fCache,
    maRing,
  } = ws;
  const { maPos, shipPipe, orderPipe, transit, orderTransit, owed, compBuf, acc } = ws;
  const { arcUp, arcDown, arcUnits, arcOrderDelay, arcPipeCost, arcLeadKind, arcLeadA } = c;
  const { inStart, inArcs, outStart, outArcs, policyCode, policyParams, forecasterCode, forecasterParams } =
    c;
  const { holding, backorderCost, lostSaleCost, orderingCost, lostSales, capacity, demandNodes } = c;

  const ref = warmup; // first recorded period gives the shift for the variance sums
  // Consumer-demand sums and the total cost live in the workspace, so nothing runs after the loop.
  const sums = ws.sums;

  for (let t = 0; t < periods; t++) {
    const slot = t % H;
    const record = t >= warmup;
    // 1. Receive.
    for (let j = 0; j < n; j++) {
      incoming[j] = 0;
      shippedNow[j] = 0;
      lostNow[j] = 0;
    }
    for (let a = 0; a < m; a++) {
      const i = a * H + slot;
      const x = shipPipe[i]!;
      if (x !== 0) {
        shipPipe[i] = 0;
        transit[a]! -= x;
        compBuf[a]! += x;
      }
      const y = orderPipe[i]!;
      if (y !== 0) {
        orderPipe[i] = 0;
        orderTransit[a]! -= y;
        owed[a]! += y;
        incoming[arcUp[a]!]! += y;
      }
    }
    for (let j = 0; j < n; j++) {
      const s = inStart[j]!;
      const e = inStart[j + 1]!;
      if (e - s === 1 && arcUnits[inArcs[s]!] === 1) {
        const a = inArcs[s]!;
        onHand[j]! += compBuf[a]!;
        compBuf[a] = 0;
      } else {
        let k = Number.POSITIVE_INFINITY;
        for (let q = s; q < e; q++) {
          const a = inArcs[q]!;
          const can = compBuf[a]! / arcUnits[a]!;
          if (can < k) k = can;
        }
        if (k > 0 && Number.isFinite(k)) {
          onHand[j]! += k;
          for (let q = s; q < e; q++) compBuf[inArcs[q]!]! -= k * arcUnits[inArcs[q]!]!;
        }
      }
    }
    // 2. External demand, FIFO.
    let dTotal = 0;
    for (let d = 0; d < demandNodes.length; d++) {
      const j = demandNodes[d]!;
      const dem = ws.demand[d]![t]!;
      dTotal += dem;
      incoming[j]! += dem;
      let oh = onHand[j]!;
      let bl = backlog[j]!;
      if (bl > 0 && oh > 0) {
        const x = Math.min(bl, oh);
        bl -= x;
        oh -= x;
      }
      const served = dem < oh ? dem : Math.max(oh, 0);
      oh -= served;
      const short = dem - served;
      if (short > 0) {
        if (lostSales[j]) lostNow[j] = short;
        else bl += short;
      }
      onHand[j] = oh;
      backlog[j] = bl;
      if (record) {
        const o = j * NA;
        acc[o + A_DEMAND]! += dem;
        acc[o + A_FILLED]! += served;
        acc[o + A_LOST]! += lostNow[j]!;
      }
    }
    // 3. Ship and order, downstream first.
    for (let j = n - 1; j >= 0; j--) {
      // Ship to customers (children): full, or rationed in proportion to what each is owed.
      const os = outStart[j]!;
      const oe = outStart[j + 1]!;
      let owedOut = 0;
      if (oe > os) {
        let due = 0;
        for (let q = os; q < oe; q++) due += owed[outArcs[q]!]!;
        if (due > 0) {
          const avail = onHand[j]!;
          const ratio = avail >= due ? 1 : avail > 0 ? avail / due : 0;
          if (ratio > 0) {
            for (let q = os; q < oe; q++) {
              const a = outArcs[q]!;
              const x = owed[a]! * ratio;
              if (x === 0) continue;
              owed[a]! -= x;
              onHand[j]! -= x;
              shippedNow[j]! += x;
              const L = arcLeadKind[a] === LT_FIXED ? arcLeadA[a]! : drawLead(c, a, rng);
              shipPipe[a * H + ((t + 1 + L) % H)]! += x;
              transit[a]! += x;
            }
          }
          for (let q = os; q < oe; q++) owedOut += owed[outArcs[q]!]!;
        }
      }
      // Inventory position.
      let inbound = Number.POSITIVE_INFINITY;
      const is = inStart[j]!;
      const ie = inStart[j + 1]!;
      for (let q = is; q < ie; q++) {
        const a = inArcs[q]!;
        const v = (compBuf[a]! + transit[a]! + owed[a]! + orderTransit[a]!) / arcUnits[a]!;
        if (v < inbound) inbound = v;
      }
      if (!Number.isFinite(inbound)) inbound = 0;
      const netStock = onHand[j]! - backlog[j]! - owedOut;
      const ip = netStock + inbound;
      let eip = ip;
      for (let q = os; q < oe; q++) {
        const a = outArcs[q]!;
        eip += echelonIP[arcDown[a]!]! * arcUnits[a]!;
      }
      // Forecaster sees this period's incoming demand.
      const inc = incoming[j]!;
      const fo = j * FP;
      const fcode = forecasterCode[j]!;
      const pcode = policyCode[j]!;
      if (pcode === 5 || pcode === 6) {
        if (fcode === F_MA) {
          const p = forecasterParams[fo]!;
          const o = c.maOffset[j]! + maPos[j]!;
          fLevel[j]! += inc - maRing[o]!;
          maRing[o] = inc;
          maPos[j] = maPos[j]! + 1 === p ? 0 : maPos[j]! + 1;
        } else if (fcode === F_SES) {
          const alpha = forecasterParams[fo]!;
          fLevel[j] = alpha * inc + (1 - alpha) * fLevel[j]!;
        } else if (fcode === F_AR1) {
          fLast[j] = inc;
        } else if (fcode === F_MODEL) {
          const w = forecasterParams[fo]!;
          const o = c.maOffset[j]!;
          maRing[o + maPos[j]!] = inc;
          maPos[j] = maPos[j]! + 1 === w ? 0 : maPos[j]! + 1;
          const every = forecasterParams[fo + 1]!;
          if (Number.isNaN(fCache[j]!) || t % every === 0) {
            fCache[j] = modelForecastSum(c, ws, j, Math.max(1, policyParams[j * PP]!));
          }
        }
      } else if (pcode === 7) {
        const theta = policyParams[j * PP]!;
        fLevel[j] = theta * inc + (1 - theta) * fLevel[j]!;
      }
      // Policy.
      const po = j * PP;
      let q = 0;
      switch (pcode) {
        case 0:
          q = baseStockOrder(policyParams[po]!, ip);
          break;
        case 1:
          q = echelonBaseStockOrder(policyParams[po]!, eip);
          break;
        case 2:
          q = sSOrder(policyParams[po]!, policyParams[po + 1]!, ip);
          break;
        case 3:
          q = rQOrder(policyParams[po]!, policyParams[po + 1]!, ip);
          break;
        case 4:
          // The order placed at the end of period t is the review "at the start of period t + 1".
          q = periodicReviewOrder(t + 1, policyParams[po]!, policyParams[po + 2]!, policyParams[po + 1]!, ip);
          break;
        case 5:
        case 6: {
          const cover = policyParams[po]!;
          let perPeriod: number;
          let overCover: number;
          if (fcode === F_CONSTANT) {
            perPeriod = forecasterParams[fo]!;
            overCover = cover * perPeriod;
          } else if (fcode === F_MA) {
            perPeriod = fLevel[j]! / forecasterParams[fo]!;
            overCover = cover * perPeriod;
          } else if (fcode === F_SES) {
            perPeriod = fLevel[j]!;
            overCover = cover * perPeriod;
          } else if (fcode === F_AR1) {
            const mu = forecasterParams[fo]!;
            const dev = fLast[j]! - mu;
            perPeriod = mu + forecasterParams[fo + 1]! * dev;
            overCover = cover * mu + forecasterParams[fo + 2]! * dev;
          } else {
            overCover = fCache[j]!;
            perPeriod = overCover / cover;
          }
          const target = overCover + policyParams[po + 1]!;
          const neg = policyParams[po + 2] === 1;
          q =
            pcode === 5
              ? forecastOrderUpToOrder(target, ip, neg)
              : proportionalOrderUpToOrder(perPeriod, target, ip, policyParams[po + 3]!, neg);
          break;
        }
        case 7:
          q = anchoringAdjustmentOrder(
            fLevel[j]!,
            policyParams[po + 1]!,
            policyParams[po + 3]!,
            netStock,
            policyParams[po + 2]!,
            inbound,
          );
          break;
      }
      if (q > capacity[j]!) q = capacity[j]!;
      orderNow[j] = q;
      // The parent adds this node's echelon position after the order (the order is now on its books).
      echelonIP[j] = eip + q;
      // Place the order on every inbound arc (units per parent for assemblies).
      if (q !== 0) {
        for (let k = is; k < ie; k++) {
          const a = inArcs[k]!;
          const amount = q * arcUnits[a]!;
          const up = arcUp[a]!;
          if (up < 0) {
            const L = arcLeadKind[a] === LT_FIXED ? arcLeadA[a]! : drawLead(c, a, rng);
            shipPipe[a * H + ((t + 1 + L) % H)]! += amount;
            transit[a]! += amount;
          } else if (arcOrderDelay[a] === 0) {
            // A cancellation (negative order) cannot take back more than is still unshipped.
            const o = owed[a]! + amount;
            const placed = o < 0 ? -owed[a]! : amount;
            owed[a]! += placed;
            incoming[up]! += placed;
          } else if (amount > 0) {
            // Delayed orders cannot be cancelled: a negative order on such an arc is dropped, and
            // the next review, which recomputes the position from the state, makes up for it.
            orderPipe[a * H + ((t + arcOrderDelay[a]!) % H)]! += amount;
            orderTransit[a]! += amount;
          }
        }
      }
    }
    // 4. Costs and statistics on end-of-period state, once every node has shipped and ordered.
    if (record) {
      for (let j = 0; j < n; j++) {
        const o = j * NA;
        const oh = onHand[j]!;
        const bl = backlog[j]!;
        const q = orderNow[j]!;
        const inc = incoming[j]!;
        let owedOut = 0;
        for (let k = outStart[j]!; k < outStart[j + 1]!; k++) owedOut += owed[outArcs[k]!]!;
        let pipe = 0;
        for (let k = inStart[j]!; k < inStart[j + 1]!; k++) {
          const a = inArcs[k]!;
          pipe += arcPipeCost[a]! * (transit[a]! + compBuf[a]!);
        }
        const hold = holding[j]! * oh;
        const shortC = backorderCost[j]! * (bl + owedOut) + lostSaleCost[j]! * lostNow[j]!;
        const ordC = q > 0 ? orderingCost[j]! : 0;
        acc[o + A_ONHAND]! += oh;
        acc[o + A_BACKLOG]! += bl;
        acc[o + A_SHIPPED]! += shippedNow[j]!;
        acc[o + A_HOLD]! += hold;
        acc[o + A_SHORT]! += shortC;
        acc[o + A_ORDERING]! += ordC;
        acc[o + A_PIPE]! += pipe;
        sums[3]! += hold + shortC + ordC + pipe;
        if (q > 0) acc[o + A_ORD_N]!++;
        if (bl <= 1e-9 && owedOut <= 1e-9 && lostNow[j] === 0) acc[o + A_NOSTOCKOUT]!++;
        // Shifted sums keep the variances exact for large means (Chan, Golub & LeVeque 1983).
        const ns = oh - bl - owedOut;
        if (t === ref) {
          acc[o + A_REF_ORD] = q;
          acc[o + A_REF_INC] = inc;
          acc[o + A_REF_NS] = ns;
        }
        const dq = q - acc[o + A_REF_ORD]!;
        const di = inc - acc[o + A_REF_INC]!;
        const dn = ns - acc[o + A_REF_NS]!;
        acc[o + A_ORD]! += dq;
        acc[o + A_ORD_SQ]! += dq * dq;
        acc[o + A_INC]! += di;
        acc[o + A_INC_SQ]! += di * di;
        acc[o + A_NS]! += dn;
        acc[o + A_NS_SQ]! += dn * dn;
      }
      if (t === ref) sums[0] = dTotal;
      const dd = dTotal - sums[0]!;
      sums[1]! += dd;
      sums[2]! += dd * dd;
    }
    if (trace) {
      const base = t * n;
      for (let j = 0; j < n; j++) {
        trace.onHand[base + j] = onHand[j]!;
        trace.backorders[base + j] = backlog[j]!;
        trace.orders[base + j] = orderNow[j]!;
        trace.shipments[base + j] = shippedNow[j]!;
        trace.demand[base + j] = incoming[j]!;
        trace.lostSales[base + j] = lostNow[j]!;
        let owedOut = 0;
        for (let k = outStart[j]!; k < outStart[j + 1]!; k++) owedOut += owed[outArcs[k]!]!;
        let pipe = 0;
        for (let k = inStart[j]!; k < inStart[j + 1]!; k++) {
          const a = inArcs[k]!;
          pipe += arcPipeCost[a]! * (transit[a]! + compBuf[a]!);
        }
        trace.cost[base + j] =
          holding[j]! * onHand[j]! +
          backorderCost[j]! * (backlog[j]! + owedOut) +
          lostSaleCost[j]! * lostNow[j]! +
          (orderNow[j]! > 0 ? orderingCost[j]! : 0) +
          pipe;
      }
    }
  }
}

/**
 * Turns one replication's accumulators into its results row. A function of its own: the period
 * loop's optimised code then never meets this cold code (which would deoptimise it at the end of
 * every replication).
 */
function writeResults(
  n: number,
  N: number,
  acc: Float64Array,
  dSum: number,
  dSq: number,
  totalCost: number,
  out: Float64Array,
  offset: number,
): void {
  const variance = (s1: number, s2: number) => (N > 1 ? (s2 - (s1 * s1) / N) / (N - 1) : 0);
  const varD = variance(dSum, dSq);
  for (let j = 0; j < n; j++) {
    const o = j * NA;
    const r = offset + j * NODE_METRICS;
    const dem = acc[o + A_DEMAND]!;
    const varO = variance(acc[o + A_ORD]!, acc[o + A_ORD_SQ]!);
    const varI = variance(acc[o + A_INC]!, acc[o + A_INC_SQ]!);
    const varNs = variance(acc[o + A_NS]!, acc[o + A_NS_SQ]!);
    const cost = acc[o + A_HOLD]! + acc[o + A_SHORT]! + acc[o + A_ORDERING]! + acc[o + A_PIPE]!;
    out[r] = dem > 0 ? acc[o + A_FILLED]! / dem : Number.NaN;
    out[r + 1] = acc[o + A_NOSTOCKOUT]! / N;
    out[r + 2] = acc[o + A_ONHAND]! / N;
    out[r + 3] = acc[o + A_BACKLOG]! / N;
    out[r + 4] = acc[o + A_ORD]! / N + acc[o + A_REF_ORD]!;
    out[r + 5] = acc[o + A_ORD_N]! / N;
    out[r + 6] = acc[o + A_SHIPPED]! / N;
    out[r + 7] = acc[o + A_HOLD]! / N;
    out[r + 8] = acc[o + A_SHORT]! / N;
    out[r + 9] = acc[o + A_ORDERING]! / N;
    out[r + 10] = acc[o + A_PIPE]! / N;
    out[r + 11] = cost / N;
    out[r + 12] = varD > 0 ? varO / varD : Number.NaN;
    out[r + 13] = varI > 0 ? varO / varI : Number.NaN;
    out[r + 14] = varD > 0 ? varNs / varD : Number.NaN;
    out[r + 15] = acc[o + A_LOST]! / N;
    out[r + 16] = varO;
    out[r + 17] = varNs;
  }
  out[offset + n * NODE_METRICS] = totalCost / N;
  out[offset + n * NODE_METRICS + 1] = varD;
}

/** Sum of a DemandModel's mean forecasts over the cover, fitted on the node's recent window. */
function modelForecastSum(c: CompiledNetwork, ws: EngineWorkspace, j: number, cover: number): number {
  const fo = j * FP;
  const w = c.forecasterParams[fo]!;
  const o = c.maOffset[j]!;
  const start = ws.maPos[j]!;
  const y = new Float64Array(w);
  for (let k = 0; k < w; k++) y[k] = ws.maRing[o + ((start + k) % w)]!;
  const f = c.models[j]!.forecast(y, { horizon: cover, season: c.forecasterParams[fo + 2]!, levels: [] });
  let s = 0;
  for (let k = 0; k < cover; k++) s += f.mean[k]!;
  return s;
}

export function resultWidth(c: CompiledNetwork): number {
  return c.n * NODE_METRICS + GLOBAL_METRICS;
}

import { WorkbenchError } from "../../core/errors.ts";
import type { Network } from "../../core/network.ts";
import { normalQuantile } from "./normal-distribution.ts";

/**
 * Validation and indexing of a supply {@link Network} (core/network.ts) for the multi-echelon models.
 *
 * A network is valid when node ids are unique and non-empty, every edge names known nodes, no edge
 * repeats, the directed graph is acyclic, and times, costs and demand figures are finite and
 * non-negative. Every violation is a `WorkbenchError("INVALID_NETWORK")` whose message and location
 * name the node or the arc ("A->B"); a cycle is reported with the nodes on it, in order.
 *
 * The index is columnar (typed arrays in CSR form, edges grouped by upstream and by downstream node),
 * so the dynamic programmes and the MILP builder walk it without per-node objects.
 */
export interface NetworkIndex {
  /** Node ids in input order; node k of every array below is `ids[k]`. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Upstream and downstream node of each edge, in input order. */
  readonly edgeUpstream: Int32Array;
  readonly edgeDownstream: Int32Array;
  /** Transport lead time on each edge (0 when absent). */
  readonly edgeLeadTime: Float64Array;
  /** Edges into node k: `inEdges[inStart[k] .. inStart[k+1])` (edge indices). */
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  /** Edges out of node k: `outEdges[outStart[k] .. outStart[k+1])`. */
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  /** Nodes so that every edge goes from an earlier to a later position (Kahn's algorithm). */
  readonly topologicalOrder: Int32Array;
}

function invalid(message: string, location: { node?: string; arc?: string; field?: string }): WorkbenchError {
  return new WorkbenchError("INVALID_NETWORK", message, location);
}

function checkNonNegative(value: number | undefined, id: string, field: string): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalid(`node "${id}": ${field} must be a finite number, got ${String(value)}`, {
      node: id,
      field,
    });
  }
  if (value < 0) {
    throw invalid(`node "${id}": ${field} must be >= 0, got ${value}`, { node: id, field });
  }
}

/**
 * Checks a network and builds its index. Throws `WorkbenchError("INVALID_NETWORK")` naming the node or
 * arc at fault (unknown node in an edge, duplicate id or arc, self-loop or longer cycle with its
 * nodes listed, negative or non-finite time, cost or demand figure).
 *
 * Max service times are not judged here: a negative one makes a guaranteed-service problem
 * infeasible, which the GSM models report as `INFEASIBLE`.
 */
export function validateNetwork(network: Network): NetworkIndex {
  if (network === null || typeof network !== "object" || !Array.isArray(network.nodes)) {
    throw invalid("network: nodes must be an array", { field: "nodes" });
  }
  if (!Array.isArray(network.edges)) throw invalid("network: edges must be an array", { field: "edges" });
  const n = network.nodes.length;
  const ids: string[] = new Array(n);
  const indexOf = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const node = network.nodes[k]!;
    const id = node?.id;
    if (typeof id !== "string" || id.length === 0) {
      throw invalid(`node #${k}: id must be a non-empty string`, { field: `nodes[${k}].id` });
    }
    if (indexOf.has(id)) throw invalid(`node "${id}": duplicate node id`, { node: id });
    indexOf.set(id, k);
    ids[k] = id;
    if (typeof node.processingTime !== "number") {
      throw invalid(`node "${id}": processingTime is required`, { node: id, field: "processingTime" });
    }
    if (typeof node.holdingCost !== "number") {
      throw invalid(`node "${id}": holdingCost is required`, { node: id, field: "holdingCost" });
    }
    checkNonNegative(node.processingTime, id, "processingTime");
    checkNonNegative(node.holdingCost, id, "holdingCost");
    checkNonNegative(node.processingTimeSd, id, "processingTimeSd");
    checkNonNegative(node.demandMean, id, "demandMean");
    checkNonNegative(node.demandSd, id, "demandSd");
    checkNonNegative(node.stageCost, id, "stageCost");
    if (node.serviceLevel !== undefined && !(node.serviceLevel > 0 && node.serviceLevel < 1)) {
      throw invalid(`node "${id}": serviceLevel must be in (0, 1), got ${node.serviceLevel}`, {
        node: id,
        field: "serviceLevel",
      });
    }
  }
  const m = network.edges.length;
  const edgeUpstream = new Int32Array(m);
  const edgeDownstream = new Int32Array(m);
  const edgeLeadTime = new Float64Array(m);
  const seen = new Set<string>();
  for (let e = 0; e < m; e++) {
    const edge = network.edges[e]!;
    const arc = `${edge?.upstream}->${edge?.downstream}`;
    const u = indexOf.get(edge?.upstream);
    const v = indexOf.get(edge?.downstream);
    if (u === undefined) throw invalid(`arc ${arc}: unknown upstream node "${edge?.upstream}"`, { arc });
    if (v === undefined) throw invalid(`arc ${arc}: unknown downstream node "${edge?.downstream}"`, { arc });
    if (u === v)
      throw invalid(`arc ${arc}: cycle through node "${ids[u]}" (self-loop)`, { arc, node: ids[u]! });
    if (seen.has(arc)) throw invalid(`arc ${arc}: duplicate arc`, { arc });
    seen.add(arc);
    const lead = edge.leadTime ?? 0;
    if (!Number.isFinite(lead) || lead < 0)
      throw invalid(`arc ${arc}: leadTime must be >= 0, got ${lead}`, { arc });
    const units = edge.unitsPerParent;
    if (units !== undefined && !(Number.isFinite(units) && units > 0)) {
      throw invalid(`arc ${arc}: unitsPerParent must be > 0, got ${units}`, { arc });
    }
    edgeUpstream[e] = u;
    edgeDownstream[e] = v;
    edgeLeadTime[e] = lead;
  }
  const inStart = new Int32Array(n + 1);
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    inStart[edgeDownstream[e]! + 1]!++;
    outStart[edgeUpstream[e]! + 1]!++;
  }
  for (let k = 0; k < n; k++) {
    inStart[k + 1]! += inStart[k]!;
    outStart[k + 1]! += outStart[k]!;
  }
  const inEdges = new Int32Array(m);
  const outEdges = new Int32Array(m);
  const inFill = inStart.slice(0, n);
  const outFill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    inEdges[inFill[edgeDownstream[e]!]!++] = e;
    outEdges[outFill[edgeUpstream[e]!]!++] = e;
  }
  // Kahn's algorithm; the nodes it cannot place lie on or behind a cycle.
  const indegree = new Int32Array(n);
  for (let k = 0; k < n; k++) indegree[k] = inStart[k + 1]! - inStart[k]!;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let k = 0; k < n; k++) if (indegree[k] === 0) order[tail++] = k;
  while (head < tail) {
    const k = order[head++]!;
    for (let p = outStart[k]!; p < outStart[k + 1]!; p++) {
      const v = edgeDownstream[outEdges[p]!]!;
      if (--indegree[v]! === 0) order[tail++] = v;
    }
  }
  if (tail < n) {
    const cycle = findCycle(n, indegree, inStart, inEdges, edgeUpstream).map((k) => ids[k]!);
    const first = cycle[0]!;
    throw invalid(`network has a cycle: ${[...cycle, first].join(" -> ")}`, {
      node: first,
      arc: `${first}->${cycle[1] ?? first}`,
    });
  }
  return {
    ids,
    indexOf,
    nodeCount: n,
    edgeCount: m,
    edgeUpstream,
    edgeDownstream,
    edgeLeadTime,
    inStart,
    inEdges,
    outStart,
    outEdges,
    topologicalOrder: order,
  };
}

/**
 * Finds a cycle among the nodes Kahn's algorithm could not place: each of them still has an unplaced
 * predecessor, so walking predecessors must revisit a node; the revisited stretch, reversed, is a cycle.
 */
function findCycle(
  n: number,
  indegree: Int32Array,
  inStart: Int32Array,
  inEdges: Int32Array,
  edgeUpstream: Int32Array,
): number[] {
  let k = 0;
  while (k < n && indegree[k] === 0) k++;
  const position = new Int32Array(n).fill(-1);
  const path: number[] = [];
  while (position[k] === -1) {
    position[k] = path.length;
    path.push(k);
    for (let p = inStart[k]!; p < inStart[k + 1]!; p++) {
      const u = edgeUpstream[inEdges[p]!]!;
      if (indegree[u]! > 0) {
        k = u;
        break;
      }
    }
  }
  return path.slice(position[k]!).reverse();
}

/** Node ids in a topological order (upstream before downstream). Validates the network. */
export function topologicalOrder(network: Network): string[] {
  const index = validateNetwork(network);
  return Array.from(index.topologicalOrder, (k) => index.ids[k]!);
}

/**
 * Whether the network is a tree in the sense of Graves & Willems (2000): its underlying undirected
 * graph is connected and has no cycle (|E| = |V| − 1); edge directions are free (assembly and
 * distribution parts may mix).
 */
export function isTree(index: NetworkIndex): boolean {
  const n = index.nodeCount;
  if (n === 0 || index.edgeCount !== n - 1) return false;
  return componentCount(index) === 1;
}

function componentCount(index: NetworkIndex): number {
  const n = index.nodeCount;
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let components = n;
  for (let e = 0; e < index.edgeCount; e++) {
    const a = find(index.edgeUpstream[e]!);
    const b = find(index.edgeDownstream[e]!);
    if (a !== b) {
      parent[a] = b;
      components--;
    }
  }
  return components;
}

/** Whether every edge leaves from a distinct upstream node and enters a distinct node, in one line. */
export function isSerial(index: NetworkIndex): boolean {
  if (!isTree(index)) return false;
  for (let k = 0; k < index.nodeCount; k++) {
    if (index.inStart[k + 1]! - index.inStart[k]! > 1 || index.outStart[k + 1]! - index.outStart[k]! > 1)
      return false;
  }
  return true;
}

/**
 * A demand stage faces external demand: a positive demand mean or standard deviation (Willems'
 * files list some end stages with zero demand; they are sinks, not demand stages).
 */
export function isDemandStage(network: Network, k: number): boolean {
  const node = network.nodes[k]!;
  return (node.demandMean ?? 0) > 0 || (node.demandSd ?? 0) > 0;
}

/** Counts used to check an import against its source (and shown by the CLI). */
export interface NetworkStructure {
  nodes: number;
  arcs: number;
  demandStages: number;
  sourceStages: number;
  sinkStages: number;
  /** Number of arcs on the longest directed path. */
  longestPathArcs: number;
  isTree: boolean;
}

export function networkStructure(
  network: Network,
  index: NetworkIndex = validateNetwork(network),
): NetworkStructure {
  const n = index.nodeCount;
  let demandStages = 0;
  let sourceStages = 0;
  let sinkStages = 0;
  for (let k = 0; k < n; k++) {
    if (isDemandStage(network, k)) demandStages++;
    if (index.inStart[k + 1] === index.inStart[k]) sourceStages++;
    if (index.outStart[k + 1] === index.outStart[k]) sinkStages++;
  }
  const depth = new Int32Array(n);
  let longest = 0;
  for (const k of index.topologicalOrder) {
    for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
      const v = index.edgeDownstream[index.outEdges[p]!]!;
      if (depth[k]! + 1 > depth[v]!) depth[v] = depth[k]! + 1;
    }
    if (depth[k]! > longest) longest = depth[k]!;
  }
  return {
    nodes: n,
    arcs: index.edgeCount,
    demandStages,
    sourceStages,
    sinkStages,
    longestPathArcs: longest,
    isTree: isTree(index),
  };
}

/**
 * Demand-bound standard deviation per stage: σ_j = sqrt(Σ_{d ∈ D(j)} σ_d²), D(j) the demand stages
 * reachable downstream of j (j included), each counted once, demands independent (Graves & Willems
 * 2000, §2; the Willems 2008 convention of the project cases). Units per parent are not applied:
 * with one unit per parent and several paths to a demand stage, the convention counts it once.
 *
 * Trees use the additive recursion σ_j² = σ_own² + Σ_children σ_c² (reachable sets of distinct
 * successors are disjoint in a tree); other networks use one bitset of demand stages per node.
 */
export function demandBoundSigma(
  network: Network,
  index: NetworkIndex = validateNetwork(network),
): Float64Array {
  const n = index.nodeCount;
  const sigma = new Float64Array(n);
  const order = index.topologicalOrder;
  if (isTree(index) || index.edgeCount === 0) {
    const variance = new Float64Array(n);
    for (let k = 0; k < n; k++) variance[k] = (network.nodes[k]!.demandSd ?? 0) ** 2;
    for (let q = n - 1; q >= 0; q--) {
      const k = order[q]!;
      for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
        variance[k]! += variance[index.edgeDownstream[index.outEdges[p]!]!]!;
      }
      sigma[k] = Math.sqrt(variance[k]!);
    }
    return sigma;
  }
  const demandNodes: number[] = [];
  for (let k = 0; k < n; k++) if ((network.nodes[k]!.demandSd ?? 0) > 0) demandNodes.push(k);
  const words = Math.ceil(demandNodes.length / 32);
  const bits = new Uint32Array(n * words);
  demandNodes.forEach((k, b) => {
    bits[k * words + (b >>> 5)]! |= 1 << (b & 31);
  });
  for (let q = n - 1; q >= 0; q--) {
    const k = order[q]!;
    const base = k * words;
    for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
      const vBase = index.edgeDownstream[index.outEdges[p]!]! * words;
      for (let w = 0; w < words; w++) bits[base + w]! |= bits[vBase + w]!;
    }
    let variance = 0;
    for (let w = 0; w < words; w++) {
      let word = bits[base + w]!;
      while (word !== 0) {
        const b = 31 - Math.clz32(word);
        word &= ~(1 << b);
        variance += network.nodes[demandNodes[w * 32 + b]!]!.demandSd! ** 2;
      }
    }
    sigma[k] = Math.sqrt(variance);
  }
  return sigma;
}

/** Inputs of the guaranteed-service model that the network does not carry. */
export interface GuaranteedServiceOptions {
  /**
   * Safety factor z of the demand bound z·σ·√τ: one number for every stage, or one per node id.
   * Default: Φ⁻¹ of the highest serviceLevel among the demand stages reachable downstream of each
   * stage (this is the uniform z of the Willems cases when all demand stages share a level).
   */
  demandBoundConstant?: number | Readonly<Record<string, number>>;
  /** Inbound service time quoted by outside suppliers, per node id (default 0; SI_j ≥ this). */
  externalInboundServiceTime?: Readonly<Record<string, number>>;
}

/** One guaranteed-service instance in typed arrays (stage k = node k of the index). */
export interface GuaranteedServiceStages {
  readonly index: NetworkIndex;
  /** T_j, processing time. */
  readonly processingTime: Float64Array;
  /** h_j, holding cost per unit per period. */
  readonly holdingCost: Float64Array;
  /** z_j, safety factor. */
  readonly demandBoundConstant: Float64Array;
  /** σ_j, demand-bound standard deviation. */
  readonly sigma: Float64Array;
  /** Upper bound on S_j (Infinity when none). */
  readonly maxServiceTime: Float64Array;
  /** Lower bound on SI_j. */
  readonly externalInboundServiceTime: Float64Array;
}

/**
 * Gathers T, h, z, σ, max and external-inbound service times for the guaranteed-service models.
 * A negative max service time cannot be met (S_j ≥ 0): `WorkbenchError("INFEASIBLE")` naming the node.
 */
export function guaranteedServiceStages(
  network: Network,
  options: GuaranteedServiceOptions = {},
): GuaranteedServiceStages {
  const index = validateNetwork(network);
  const n = index.nodeCount;
  const sigma = demandBoundSigma(network, index);
  const processingTime = new Float64Array(n);
  const holdingCost = new Float64Array(n);
  const z = new Float64Array(n);
  const maxServiceTime = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const externalInbound = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const node = network.nodes[k]!;
    processingTime[k] = node.processingTime;
    holdingCost[k] = node.holdingCost;
    if (node.maxServiceTime !== undefined) {
      if (!Number.isFinite(node.maxServiceTime) || node.maxServiceTime < 0) {
        throw new WorkbenchError(
          "INFEASIBLE",
          `node "${node.id}": maxServiceTime ${node.maxServiceTime} cannot be met (service times are >= 0)`,
          { node: node.id, field: "maxServiceTime" },
        );
      }
      maxServiceTime[k] = node.maxServiceTime;
    }
  }
  const external = options.externalInboundServiceTime ?? {};
  for (const [id, value] of Object.entries(external)) {
    const k = index.indexOf.get(id);
    if (k === undefined) {
      throw invalid(`externalInboundServiceTime: unknown node "${id}"`, {
        node: id,
        field: "externalInboundServiceTime",
      });
    }
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`node "${id}": externalInboundServiceTime must be >= 0, got ${value}`, {
        node: id,
        field: "externalInboundServiceTime",
      });
    }
    externalInbound[k] = value;
  }
  const zOption = options.demandBoundConstant;
  if (typeof zOption === "number") {
    if (!Number.isFinite(zOption)) throw invalid(`demandBoundConstant must be finite, got ${zOption}`, {});
    z.fill(zOption);
  } else {
    // Highest service level reachable downstream, then z = Φ⁻¹(level).
    const level = new Float64Array(n);
    for (let q = n - 1; q >= 0; q--) {
      const k = index.topologicalOrder[q]!;
      let best = network.nodes[k]!.serviceLevel ?? 0;
      for (let p = index.outStart[k]!; p < index.outStart[k + 1]!; p++) {
        const v = index.edgeDownstream[index.outEdges[p]!]!;
        if (level[v]! > best) best = level[v]!;
      }
      level[k] = best;
    }
    for (let k = 0; k < n; k++) {
      const own = zOption?.[index.ids[k]!];
      if (own !== undefined) z[k] = own;
      else if (level[k]! > 0) {
        if (!(level[k]! < 1)) {
          throw invalid(`node "${index.ids[k]}": service level ${level[k]} must be in (0, 1)`, {
            node: index.ids[k]!,
            field: "serviceLevel",
          });
        }
        z[k] = normalQuantile(level[k]!);
      } else if (sigma[k]! > 0) {
        throw invalid(`node "${index.ids[k]}": no demandBoundConstant and no serviceLevel downstream`, {
          node: index.ids[k]!,
          field: "demandBoundConstant",
        });
      }
    }
  }
  return {
    index,
    processingTime,
    holdingCost,
    demandBoundConstant: z,
    sigma,
    maxServiceTime,
    externalInboundServiceTime: externalInbound,
  };
}

/**
 * Safety stock of each stage for given service times: z_j σ_j √(SI_j + T_j − S_j), and its holding
 * cost h_j times that (Graves & Willems 2000, eq. (3)). Net replenishment times below 0 are an error
 * (the service times violate S_j ≤ SI_j + T_j).
 */
export function guaranteedServiceCost(
  stages: GuaranteedServiceStages,
  inboundServiceTimes: Float64Array,
  committedServiceTimes: Float64Array,
): { safetyStock: Float64Array; cost: number } {
  const n = stages.index.nodeCount;
  const safetyStock = new Float64Array(n);
  let cost = 0;
  for (let k = 0; k < n; k++) {
    const tau = inboundServiceTimes[k]! + stages.processingTime[k]! - committedServiceTimes[k]!;
    if (tau < -1e-9) {
      throw new WorkbenchError(
        "INFEASIBLE",
        `node "${stages.index.ids[k]}": net replenishment time ${tau} < 0`,
        {
          node: stages.index.ids[k]!,
        },
      );
    }
    safetyStock[k] = stages.demandBoundConstant[k]! * stages.sigma[k]! * Math.sqrt(Math.max(0, tau));
    cost += stages.holdingCost[k]! * safetyStock[k]!;
  }
  return { safetyStock, cost };
}

/** Optimal (or best found) service times of a guaranteed-service problem, keyed by node id. */
export interface GuaranteedServiceSolution {
  /** S_j, outbound service time each stage commits to its customers. */
  committedServiceTimes: Record<string, number>;
  /** SI_j, inbound service time each stage plans with. */
  inboundServiceTimes: Record<string, number>;
  /** Net replenishment time τ_j = SI_j + T_j − S_j. */
  netReplenishmentTimes: Record<string, number>;
  /** z_j σ_j √τ_j, units. */
  safetyStock: Record<string, number>;
  /** Σ_j h_j z_j σ_j √τ_j. */
  cost: number;
}

/** Packs service-time vectors into a {@link GuaranteedServiceSolution} (recomputing the cost exactly). */
export function guaranteedServiceSolution(
  stages: GuaranteedServiceStages,
  inboundServiceTimes: Float64Array,
  committedServiceTimes: Float64Array,
): GuaranteedServiceSolution {
  const { safetyStock, cost } = guaranteedServiceCost(stages, inboundServiceTimes, committedServiceTimes);
  const out: GuaranteedServiceSolution = {
    committedServiceTimes: {},
    inboundServiceTimes: {},
    netReplenishmentTimes: {},
    safetyStock: {},
    cost,
  };
  const ids = stages.index.ids;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    out.committedServiceTimes[id] = committedServiceTimes[k]!;
    out.inboundServiceTimes[id] = inboundServiceTimes[k]!;
    out.netReplenishmentTimes[id] =
      inboundServiceTimes[k]! + stages.processingTime[k]! - committedServiceTimes[k]!;
    out.safetyStock[id] = safetyStock[k]!;
  }
  return out;
}

/**
 * Checks that the times of a GSM instance are whole periods (the dynamic programmes and the exact
 * MILP enumerate integer service times; max service times are floored by their callers).
 */
export function requireIntegerTimes(stages: GuaranteedServiceStages): void {
  const { index } = stages;
  for (let k = 0; k < index.nodeCount; k++) {
    const t = stages.processingTime[k]!;
    if (!Number.isInteger(t)) {
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        `node "${index.ids[k]}": processingTime ${t} is not a whole number of periods (integer service times); use guaranteedServiceNetwork, which allows fractional times`,
        { node: index.ids[k]!, field: "processingTime" },
      );
    }
    if (!Number.isInteger(stages.externalInboundServiceTime[k]!)) {
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        `node "${index.ids[k]}": externalInboundServiceTime must be a whole number of periods`,
        { node: index.ids[k]!, field: "externalInboundServiceTime" },
      );
    }
  }
  for (let e = 0; e < index.edgeCount; e++) {
    if (!Number.isInteger(index.edgeLeadTime[e]!)) {
      const arc = `${index.ids[index.edgeUpstream[e]!]}->${index.ids[index.edgeDownstream[e]!]}`;
      throw new WorkbenchError(
        "INVALID_MODEL_INPUT",
        `arc ${arc}: leadTime must be a whole number of periods`,
        {
          arc,
          field: "leadTime",
        },
      );
    }
  }
}

/** One stage as the stockpyl-style GSM cases (shared/cases/inventory.json) write it. */
export interface StageListEntry {
  index: number | string;
  name?: string | null;
  processing_time: number;
  local_holding_cost: number;
  demand_bound_constant?: number | null;
  external_inbound_cst?: number | null;
  external_outbound_cst?: number | null;
  demand_mean?: number | null;
  demand_sd?: number | null;
}

/**
 * Maps a stage list with (upstream, downstream) index pairs — the layout of the gsm_serial and
 * gsm_tree cases — onto a {@link Network} and {@link GuaranteedServiceOptions}: node id = String(index),
 * T = processing_time, h = local_holding_cost, z = demand_bound_constant, SI_ext = external_inbound_cst,
 * max service time = external_outbound_cst, demand mean/sd as given (null = not a demand stage).
 */
export function networkFromStageList(
  stages: readonly StageListEntry[],
  edges: readonly (readonly [number | string, number | string])[],
): { network: Network; options: GuaranteedServiceOptions } {
  const z: Record<string, number> = {};
  const external: Record<string, number> = {};
  const nodes = stages.map((s) => {
    const id = String(s.index);
    if (s.demand_bound_constant != null) z[id] = s.demand_bound_constant;
    if (s.external_inbound_cst != null) external[id] = s.external_inbound_cst;
    const node: Network["nodes"][number] = {
      id,
      processingTime: s.processing_time,
      holdingCost: s.local_holding_cost,
    };
    if (s.demand_mean != null) node.demandMean = s.demand_mean;
    if (s.demand_sd != null) node.demandSd = s.demand_sd;
    if (s.external_outbound_cst != null) node.maxServiceTime = s.external_outbound_cst;
    return node;
  });
  return {
    network: { nodes, edges: edges.map(([u, d]) => ({ upstream: String(u), downstream: String(d) })) },
    options: { demandBoundConstant: z, externalInboundServiceTime: external },
  };
}

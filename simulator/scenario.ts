import { WorkbenchError } from "../core/errors.ts";
import type { Network, NetworkEdge, NetworkNode } from "../core/network.ts";
import { type DemandSpec, demandKinds } from "./demand.ts";
import { type ForecasterSpec, type PolicySpec, policyKinds } from "./policies/types.ts";

/**
 * A simulation scenario: network + demand per demand node + policy per node + settings.
 * Its JSON Schema is simulator/scenario.schema.json; {@link validateScenario} enforces the same rules
 * (plus the ones a schema cannot say: ids that exist, no cycles) and names the failing field.
 *
 * Lead-time convention (the engine's timing: receive, demand, fill backorders, order): an order
 * placed at the end of period t with lead time L is received at the start of period t + L + 1, so
 * L = 0 is next-period delivery and a base-stock level protects L + 1 periods of demand (Zipkin 2000).
 * Models whose stage lead time L covers L periods of demand (Clark–Scarf / Chen–Zheng, the
 * guaranteed-service model) map to L − 1 here.
 */
export type LeadTimeSpec =
  | number
  | { kind: "uniform"; min: number; max: number }
  | { kind: "discrete"; values: number[]; probabilities: number[] };

export interface ScenarioEdge extends NetworkEdge {
  /** Random lead time on the arc (overrides `leadTime`); integer periods. */
  leadTimeDistribution?: Exclude<LeadTimeSpec, number>;
  /** Periods before an order placed on this arc is seen by the upstream node (beer game: 2). */
  orderDelay?: number;
  /** Holding cost per unit per period of stock in transit on this arc (default 0). */
  pipelineHoldingCost?: number;
  /** Units in transit per period slot at start (fills every lead-time slot). */
  initialInTransit?: number;
  /** Orders in the information delay per slot at start. */
  initialOrdersInTransit?: number;
}

export interface NodeSettings {
  /** Cost per unit backordered per period (end of period): external backorders and unshipped orders of downstream nodes. */
  backorderCost?: number;
  /** Unmet external demand is lost instead of backordered. */
  lostSales?: boolean;
  /** Cost per unit of lost sale. */
  lostSaleCost?: number;
  /** Fixed cost K per order placed. */
  orderingCost?: number;
  /** Largest order per period (production or purchasing capacity). */
  capacity?: number;
  /** On hand at the start (default: the policy's order-up-to level, local share for echelon). */
  initialInventory?: number;
  /** Lead time from the outside supplier (source nodes); default the node's processingTime. */
  supplyLeadTime?: LeadTimeSpec;
  /** Holding cost of stock in transit from the outside supplier (default 0). */
  supplyPipelineHoldingCost?: number;
  /** Units in transit from the outside supplier per slot at start. */
  initialSupplyInTransit?: number;
}

export interface SimulationSettings {
  periods: number;
  warmup: number;
  replications: number;
  seed: number;
}

export interface Scenario {
  name?: string;
  description?: string;
  network: { id?: string; nodes: NetworkNode[]; edges: ScenarioEdge[] };
  /** External demand by node id. */
  demand: Record<string, DemandSpec>;
  /** Replenishment policy by node id (every node needs one). */
  policy: Record<string, PolicySpec>;
  nodeSettings?: Record<string, NodeSettings>;
  settings: SimulationSettings;
}

function fail(field: string, problem: string): never {
  throw new WorkbenchError("INVALID_SCENARIO", `${field}: ${problem}`, { field });
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function num(o: Record<string, unknown>, key: string, path: string, opts: NumOpts = {}): number | undefined {
  const v = o[key];
  if (v === undefined) {
    if (opts.required) fail(`${path}.${key}`, "is required");
    return undefined;
  }
  if (typeof v !== "number" || !Number.isFinite(v))
    fail(`${path}.${key}`, `must be a finite number, got ${JSON.stringify(v)}`);
  if (opts.integer && !Number.isInteger(v)) fail(`${path}.${key}`, `must be an integer, got ${v}`);
  if (opts.min !== undefined && v < opts.min) fail(`${path}.${key}`, `must be ≥ ${opts.min}, got ${v}`);
  if (opts.gt !== undefined && v <= opts.gt) fail(`${path}.${key}`, `must be > ${opts.gt}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) fail(`${path}.${key}`, `must be ≤ ${opts.max}, got ${v}`);
  if (opts.lt !== undefined && v >= opts.lt) fail(`${path}.${key}`, `must be < ${opts.lt}, got ${v}`);
  return v;
}
interface NumOpts {
  required?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
  gt?: number;
  lt?: number;
}

function numArray(o: Record<string, unknown>, key: string, path: string, min?: number): number[] {
  const v = o[key];
  if (!Array.isArray(v) || v.length === 0) fail(`${path}.${key}`, "must be a non-empty array of numbers");
  v.forEach((x, i) => {
    if (typeof x !== "number" || !Number.isFinite(x)) fail(`${path}.${key}[${i}]`, "must be a finite number");
    if (min !== undefined && x < min) fail(`${path}.${key}[${i}]`, `must be ≥ ${min}, got ${x}`);
  });
  return v as number[];
}

function validateLeadTime(v: unknown, path: string): void {
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 0) fail(path, `must be a non-negative integer, got ${v}`);
    return;
  }
  if (!isObject(v)) fail(path, "must be an integer or a lead-time distribution object");
  if (v.kind === "uniform") {
    const lo = num(v, "min", path, { required: true, integer: true, min: 0 })!;
    num(v, "max", path, { required: true, integer: true, min: lo });
  } else if (v.kind === "discrete") {
    const values = numArray(v, "values", path, 0);
    const p = numArray(v, "probabilities", path, 0);
    values.forEach((x, i) => {
      if (!Number.isInteger(x)) fail(`${path}.values[${i}]`, "must be an integer");
    });
    if (p.length !== values.length) fail(`${path}.probabilities`, "must have one entry per value");
    const s = p.reduce((a, b) => a + b, 0);
    if (Math.abs(s - 1) > 1e-9) fail(`${path}.probabilities`, `must sum to 1, sum is ${s}`);
  } else {
    fail(`${path}.kind`, `must be "uniform" or "discrete", got ${JSON.stringify(v.kind)}`);
  }
}

function validateDemand(v: unknown, path: string): void {
  if (!isObject(v)) fail(path, "must be an object");
  const kind = v.kind;
  if (typeof kind !== "string" || !(demandKinds as readonly string[]).includes(kind)) {
    fail(`${path}.kind`, `must be one of ${demandKinds.join(", ")}, got ${JSON.stringify(kind)}`);
  }
  switch (kind) {
    case "normal":
      num(v, "mean", path, { required: true });
      num(v, "sd", path, { required: true, min: 0 });
      break;
    case "poisson":
      num(v, "mean", path, { required: true, min: 0 });
      break;
    case "negative-binomial":
      num(v, "mean", path, { required: true, min: 0 });
      num(v, "size", path, { required: true, gt: 0 });
      break;
    case "ar1":
      num(v, "mean", path, { required: true });
      num(v, "phi", path, { required: true, gt: -1, lt: 1 });
      num(v, "sd", path, { required: true, min: 0 });
      break;
    case "constant":
      num(v, "value", path, { required: true, min: 0 });
      break;
    case "step":
      num(v, "before", path, { required: true, min: 0 });
      num(v, "after", path, { required: true, min: 0 });
      num(v, "at", path, { required: true, integer: true, min: 0 });
      break;
    case "history":
      numArray(v, "values", path, 0);
      if (v.mode !== undefined && v.mode !== "replay" && v.mode !== "bootstrap") {
        fail(`${path}.mode`, `must be "replay" or "bootstrap"`);
      }
      break;
    case "forecast": {
      const m = numArray(v, "mean", path, 0);
      if (Array.isArray(v.sd)) {
        const sd = numArray(v, "sd", path, 0);
        if (sd.length !== m.length) fail(`${path}.sd`, "must have one entry per forecast mean");
      } else num(v, "sd", path, { min: 0 });
      break;
    }
  }
}

function validateForecaster(v: unknown, path: string): void {
  if (!isObject(v)) fail(path, "must be an object");
  switch (v.method) {
    case "constant":
      num(v, "value", path, { required: true });
      break;
    case "moving-average":
      num(v, "p", path, { required: true, integer: true, min: 1 });
      num(v, "initial", path);
      break;
    case "exponential-smoothing":
      num(v, "alpha", path, { required: true, gt: 0, max: 1 });
      num(v, "initial", path);
      break;
    case "ar1":
      num(v, "mean", path, { required: true });
      num(v, "phi", path, { required: true, gt: -1, lt: 1 });
      break;
    case "model":
      if (typeof v.model !== "string" && !isObject(v.model))
        fail(`${path}.model`, "must name a demand model");
      num(v, "window", path, { required: true, integer: true, min: 2 });
      num(v, "refitEvery", path, { integer: true, min: 1 });
      num(v, "season", path, { integer: true, min: 1 });
      break;
    default:
      fail(
        `${path}.method`,
        `must be one of constant, moving-average, exponential-smoothing, ar1, model; got ${JSON.stringify(v.method)}`,
      );
  }
}

function validatePolicy(v: unknown, path: string): void {
  if (!isObject(v)) fail(path, "must be an object");
  const kind = v.kind;
  if (typeof kind !== "string" || !(policyKinds as readonly string[]).includes(kind)) {
    fail(`${path}.kind`, `must be one of ${policyKinds.join(", ")}, got ${JSON.stringify(kind)}`);
  }
  switch (kind) {
    case "base-stock":
    case "echelon-base-stock":
      num(v, "S", path, { required: true });
      break;
    case "sS": {
      const s = num(v, "s", path, { required: true })!;
      const S = num(v, "S", path, { required: true })!;
      if (S < s) fail(`${path}.S`, `must be ≥ s (${s}), got ${S}`);
      break;
    }
    case "rQ":
      num(v, "r", path, { required: true });
      num(v, "Q", path, { required: true, gt: 0 });
      break;
    case "periodic":
      num(v, "R", path, { required: true, integer: true, min: 1 });
      num(v, "S", path, { required: true });
      num(v, "phase", path, { integer: true, min: 0 });
      break;
    case "forecast-order-up-to":
    case "proportional-order-up-to":
      if (kind === "proportional-order-up-to") num(v, "Ti", path, { required: true, min: 1 });
      validateForecaster(v.forecaster, `${path}.forecaster`);
      num(v, "cover", path, { integer: true, min: 1 });
      num(v, "safetyStock", path);
      if (v.allowNegativeOrders !== undefined && typeof v.allowNegativeOrders !== "boolean") {
        fail(`${path}.allowNegativeOrders`, "must be a boolean");
      }
      break;
    case "anchoring-adjustment":
      num(v, "theta", path, { required: true, min: 0, max: 1 });
      num(v, "alphaS", path, { required: true, min: 0 });
      num(v, "beta", path, { required: true, min: 0 });
      num(v, "desiredStock", path, { required: true });
      num(v, "initialExpectation", path, { required: true, min: 0 });
      break;
  }
}

/**
 * Checks a parsed scenario document and returns it typed. Throws WorkbenchError("INVALID_SCENARIO")
 * whose message and location name the offending field (e.g. `policy.retailer.S: is required`).
 */
export function validateScenario(doc: unknown): Scenario {
  if (!isObject(doc)) fail("(root)", "a scenario must be a JSON object");
  if (!isObject(doc.network)) fail("network", "is required and must be an object");
  const net = doc.network;
  if (!Array.isArray(net.nodes) || net.nodes.length === 0) fail("network.nodes", "must be a non-empty array");
  if (!Array.isArray(net.edges)) fail("network.edges", "must be an array");
  const ids = new Set<string>();
  net.nodes.forEach((n: unknown, i: number) => {
    const p = `network.nodes[${i}]`;
    if (!isObject(n)) fail(p, "must be an object");
    if (typeof n.id !== "string" || n.id === "") fail(`${p}.id`, "must be a non-empty string");
    if (ids.has(n.id)) fail(`${p}.id`, `duplicate node id "${n.id}"`);
    ids.add(n.id);
    num(n, "processingTime", p, { required: true, integer: true, min: 0 });
    num(n, "holdingCost", p, { required: true, min: 0 });
  });
  const parents = new Map<string, string[]>();
  for (const id of ids) parents.set(id, []);
  net.edges.forEach((e: unknown, i: number) => {
    const p = `network.edges[${i}]`;
    if (!isObject(e)) fail(p, "must be an object");
    if (typeof e.upstream !== "string" || !ids.has(e.upstream)) {
      fail(`${p}.upstream`, `unknown node ${JSON.stringify(e.upstream)}`);
    }
    if (typeof e.downstream !== "string" || !ids.has(e.downstream)) {
      fail(`${p}.downstream`, `unknown node ${JSON.stringify(e.downstream)}`);
    }
    if (e.upstream === e.downstream) fail(p, `arc ${e.upstream}->${e.downstream} is a self-loop`);
    num(e, "unitsPerParent", p, { gt: 0 });
    num(e, "leadTime", p, { integer: true, min: 0 });
    if (e.leadTimeDistribution !== undefined)
      validateLeadTime(e.leadTimeDistribution, `${p}.leadTimeDistribution`);
    num(e, "orderDelay", p, { integer: true, min: 0 });
    num(e, "pipelineHoldingCost", p, { min: 0 });
    num(e, "initialInTransit", p, { min: 0 });
    num(e, "initialOrdersInTransit", p, { min: 0 });
    parents.get(e.downstream)!.push(e.upstream);
  });
  // Cycle check (depth-first, colours): a cyclic network has no period-by-period order of nodes.
  const colour = new Map<string, number>();
  const visit = (id: string, trail: string[]): void => {
    const c = colour.get(id) ?? 0;
    if (c === 2) return;
    if (c === 1) fail("network.edges", `cycle through nodes ${[...trail, id].join(" -> ")}`);
    colour.set(id, 1);
    for (const u of parents.get(id)!) visit(u, [...trail, id]);
    colour.set(id, 2);
  };
  for (const id of ids) visit(id, []);

  if (!isObject(doc.demand)) fail("demand", "is required and must be an object keyed by node id");
  if (Object.keys(doc.demand).length === 0) fail("demand", "at least one node needs external demand");
  for (const [id, spec] of Object.entries(doc.demand)) {
    if (!ids.has(id)) fail(`demand.${id}`, "is not a node of the network");
    validateDemand(spec, `demand.${id}`);
  }
  if (!isObject(doc.policy)) fail("policy", "is required and must be an object keyed by node id");
  for (const [id, spec] of Object.entries(doc.policy)) {
    if (!ids.has(id)) fail(`policy.${id}`, "is not a node of the network");
    validatePolicy(spec, `policy.${id}`);
  }
  for (const id of ids) if (doc.policy[id] === undefined) fail(`policy.${id}`, "every node needs a policy");
  if (doc.nodeSettings !== undefined) {
    if (!isObject(doc.nodeSettings)) fail("nodeSettings", "must be an object keyed by node id");
    for (const [id, s] of Object.entries(doc.nodeSettings)) {
      const p = `nodeSettings.${id}`;
      if (!ids.has(id)) fail(p, "is not a node of the network");
      if (!isObject(s)) fail(p, "must be an object");
      num(s, "backorderCost", p, { min: 0 });
      num(s, "lostSaleCost", p, { min: 0 });
      num(s, "orderingCost", p, { min: 0 });
      num(s, "capacity", p, { min: 0 });
      num(s, "initialInventory", p, { min: 0 });
      num(s, "supplyPipelineHoldingCost", p, { min: 0 });
      num(s, "initialSupplyInTransit", p, { min: 0 });
      if (s.lostSales !== undefined && typeof s.lostSales !== "boolean")
        fail(`${p}.lostSales`, "must be a boolean");
      if (s.supplyLeadTime !== undefined) validateLeadTime(s.supplyLeadTime, `${p}.supplyLeadTime`);
    }
  }
  if (!isObject(doc.settings)) fail("settings", "is required and must be an object");
  const st = doc.settings;
  const periods = num(st, "periods", "settings", { required: true, integer: true, min: 1 })!;
  const warmup = num(st, "warmup", "settings", { required: true, integer: true, min: 0 })!;
  if (warmup >= periods) fail("settings.warmup", `must be < periods (${periods}), got ${warmup}`);
  num(st, "replications", "settings", { required: true, integer: true, min: 1 });
  num(st, "seed", "settings", { required: true, integer: true, min: 0 });
  return doc as unknown as Scenario;
}

export type { DemandSpec, ForecasterSpec, Network, PolicySpec };

import { isAbsolute, resolve } from "node:path";
import { WorkbenchError } from "../core/errors.ts";
import { readJsonFile } from "../datasets/json-file.ts";
import { baseStockWithLeadTime } from "../models/inventory/base-stock.ts";
import { economicOrderQuantity } from "../models/inventory/eoq.ts";
import { eoqAllUnitsDiscount } from "../models/inventory/eoq-all-units-discount.ts";
import { eoqWithBackorders } from "../models/inventory/eoq-backorders.ts";
import { eoqIncrementalDiscount } from "../models/inventory/eoq-incremental-discount.ts";
import { economicProductionQuantity } from "../models/inventory/epq.ts";
import { newsvendorPoisson } from "../models/inventory/newsvendor-discrete.ts";
import { newsvendorExplicitProfit } from "../models/inventory/newsvendor-explicit.ts";
import { newsvendorNormal } from "../models/inventory/newsvendor-normal.ts";
import { rqEil } from "../models/inventory/rq-eil.ts";
import { rqPoissonExact } from "../models/inventory/rq-poisson-exact.ts";
import { ssExact } from "../models/inventory/ss-exact.ts";
import { wagnerWhitin } from "../models/inventory/wagner-whitin.ts";
import type { WorkerPool } from "./pool.ts";
import { solveNetworkCase } from "./solve-network.ts";

/**
 * `workbench solve`: one optimisation problem `{id, model, inputs}` (or a list of them) in the format of
 * the project's known-answer cases, solved by the model of that name; the answer uses the field names of
 * the case's `expected`. Inputs are snake_case as in the cases; every other field is ignored.
 */
export interface Problem {
  id: string;
  model: string;
  inputs: Record<string, unknown>;
}

export interface SolveContext {
  /** Folder that `shared/…` dataset paths resolve against (the parent of the repository root). */
  sharedParent: string;
}

type Solver = (
  inputs: Record<string, unknown>,
  context: SolveContext,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

function num(inputs: Record<string, unknown>, field: string): number {
  const v = inputs[field];
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `inputs.${field}: expected a number, got ${JSON.stringify(v)}`,
      {
        field: `inputs.${field}`,
      },
    );
  }
  return v;
}

function numbers(inputs: Record<string, unknown>, field: string): number[] {
  const v = inputs[field];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
    throw new WorkbenchError("INVALID_ARGUMENT", `inputs.${field}: expected an array of numbers`, {
      field: `inputs.${field}`,
    });
  }
  return v as number[];
}

function discount(inputs: Record<string, unknown>) {
  return {
    fixedCost: num(inputs, "fixed_cost"),
    holdingCostRate: num(inputs, "holding_cost_rate"),
    demandRate: num(inputs, "demand_rate"),
    breakpoints: numbers(inputs, "breakpoints"),
    unitCosts: numbers(inputs, "unit_costs"),
  };
}

export const solvers: Record<string, Solver> = {
  eoq: (i) => {
    const r = economicOrderQuantity({
      fixedCost: num(i, "fixed_cost"),
      holdingCost: num(i, "holding_cost"),
      demandRate: num(i, "demand_rate"),
    });
    return { order_quantity: r.orderQuantity, cost: r.cost };
  },
  eoq_backorders: (i) => {
    const r = eoqWithBackorders({
      fixedCost: num(i, "fixed_cost"),
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      demandRate: num(i, "demand_rate"),
    });
    return { order_quantity: r.orderQuantity, stockout_fraction: r.stockoutFraction, cost: r.cost };
  },
  epq: (i) => {
    const r = economicProductionQuantity({
      fixedCost: num(i, "fixed_cost"),
      holdingCost: num(i, "holding_cost"),
      demandRate: num(i, "demand_rate"),
      productionRate: num(i, "production_rate"),
    });
    return { order_quantity: r.orderQuantity, cost: r.cost };
  },
  eoq_all_units_discount: (i) => {
    const r = eoqAllUnitsDiscount(discount(i));
    return { order_quantity: r.orderQuantity, region: r.region, cost: r.cost };
  },
  eoq_incremental_discount: (i) => {
    const r = eoqIncrementalDiscount(discount(i));
    return { order_quantity: r.orderQuantity, region: r.region, cost: r.cost };
  },
  wagner_whitin: (i) => {
    const r = wagnerWhitin({
      demand: numbers(i, "demand"),
      fixedCost: num(i, "fixed_cost"),
      holdingCost: num(i, "holding_cost"),
    });
    return { order_quantities_by_period: Array.from(r.orderQuantities), total_cost: r.totalCost };
  },
  newsvendor_normal: (i) => {
    const r = newsvendorNormal({
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      demandMean: num(i, "demand_mean"),
      demandSd: num(i, "demand_sd"),
    });
    return { base_stock_level: r.baseStockLevel, cost: r.cost };
  },
  base_stock_lead_time: (i) => {
    const r = baseStockWithLeadTime({
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      demandMean: num(i, "demand_mean"),
      demandSd: num(i, "demand_sd"),
      leadTime: num(i, "lead_time"),
    });
    return { base_stock_level: r.baseStockLevel, cost_per_period: r.costPerPeriod };
  },
  newsvendor_explicit_profit: (i) => {
    const r = newsvendorExplicitProfit({
      revenue: num(i, "revenue"),
      purchaseCost: num(i, "purchase_cost"),
      salvageValue: num(i, "salvage_value"),
      demandMean: num(i, "demand_mean"),
      demandSd: num(i, "demand_sd"),
    });
    return { order_quantity: r.orderQuantity, expected_profit: r.expectedProfit };
  },
  newsvendor_poisson: (i) => {
    const r = newsvendorPoisson({
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      demandMean: num(i, "demand_mean"),
    });
    return { base_stock_level: r.baseStockLevel, cost: r.cost };
  },
  s_S_poisson_exact: (i) => {
    const one = (demandMean: number) => {
      const r = ssExact({
        holdingCost: num(i, "holding_cost"),
        stockoutCost: num(i, "stockout_cost"),
        fixedCost: num(i, "fixed_cost"),
        demandMean,
      });
      return { s: r.reorderPoint, S: r.orderUpToLevel, cost: r.cost };
    };
    if (i.rows !== undefined) return { rows: numbers(i, "rows").map((m) => ({ demand_mean: m, ...one(m) })) };
    return one(num(i, "demand_mean"));
  },
  r_Q_normal_eil: (i) => {
    const r = rqEil({
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      fixedCost: num(i, "fixed_cost"),
      demandMean: num(i, "demand_mean"),
      demandSd: num(i, "demand_sd"),
      leadTime: num(i, "lead_time"),
    });
    return { r: r.reorderPoint, Q: r.orderQuantity, cost: r.cost };
  },
  r_Q_poisson_exact: (i) => {
    const r = rqPoissonExact({
      holdingCost: num(i, "holding_cost"),
      stockoutCost: num(i, "stockout_cost"),
      fixedCost: num(i, "fixed_cost"),
      demandMean: num(i, "demand_mean"),
      leadTime: num(i, "lead_time"),
    });
    return { r: r.reorderPoint, Q: r.orderQuantity, cost: r.cost };
  },
  gsm_serial: (i, c) => solveNetworkCase("gsm_serial", i, c),
  gsm_tree: (i, c) => solveNetworkCase("gsm_tree", i, c),
  ssm_serial_clark_scarf: (i, c) => solveNetworkCase("ssm_serial_clark_scarf", i, c),
  gsm_general_network: (i, c) => solveNetworkCase("gsm_general_network", i, c),
  network_io: (i, c) => solveNetworkCase("network_io", i, c),
};

/** Resolves a case's `dataset_file`: `shared/…` against the parent of the repository root; absolute as given. */
export function resolveDatasetFile(file: string, context: SolveContext): string {
  return isAbsolute(file) ? file : resolve(context.sharedParent, file);
}

function checkProblem(p: Problem, k: number): Solver {
  if (
    typeof p?.id !== "string" ||
    typeof p.model !== "string" ||
    typeof p.inputs !== "object" ||
    p.inputs === null
  ) {
    throw new WorkbenchError(
      "INVALID_ARGUMENT",
      `problem ${k}: needs string id, string model and an inputs object`,
      {
        field: `[${k}]`,
      },
    );
  }
  const solver = solvers[p.model];
  if (!solver) {
    throw new WorkbenchError(
      "NOT_FOUND",
      `problem '${p.id}': unknown model '${p.model}' (known: ${Object.keys(solvers).join(", ")})`,
      { field: `[${k}].model` },
    );
  }
  return solver;
}

/** Solves one problem (the worker task). */
export async function solveProblem(
  problem: Problem,
  context: SolveContext,
): Promise<Record<string, unknown>> {
  return checkProblem(problem, 0)(problem.inputs, context);
}

/**
 * Solves every problem; with a worker pool, each problem is one task (the heavy ones, MILPs on Willems
 * chains, run side by side on the pool's threads). Answers are keyed by problem id, in input order.
 */
export async function solveProblems(
  problems: Problem[],
  context: SolveContext,
  pool?: WorkerPool,
): Promise<Record<string, Record<string, unknown>>> {
  const solversOf = problems.map((p, k) => checkProblem(p, k));
  const answers = await Promise.all(
    problems.map((p, k) =>
      pool && pool.threads > 0
        ? pool.run<Record<string, unknown>>("solve", { problem: p, context })
        : Promise.resolve(solversOf[k]!(p.inputs, context)),
    ),
  );
  const out: Record<string, Record<string, unknown>> = {};
  problems.forEach((p, k) => {
    out[p.id] = answers[k]!;
  });
  return out;
}

/** Reads a problem file: one problem, a list, or a case file `{cases: […]}`. */
export function readProblems(path: string): Problem[] {
  const doc = readJsonFile(path);
  if (Array.isArray(doc)) return doc as Problem[];
  if (doc !== null && typeof doc === "object" && Array.isArray((doc as { cases?: unknown }).cases)) {
    return (doc as { cases: Problem[] }).cases;
  }
  return [doc as Problem];
}

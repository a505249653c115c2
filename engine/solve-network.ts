import { WorkbenchError } from "../core/errors.ts";
import type { Network } from "../core/network.ts";
import { loadWillemsChain } from "../datasets/willems.ts";
import { guaranteedServiceTree } from "../models/inventory/gsm-tree.ts";
import { networkFromStageList, networkStructure, type StageListEntry } from "../models/inventory/network.ts";
import { stochasticServiceSerial } from "../models/inventory/ssm-serial.ts";
import { guaranteedServiceNetwork } from "./gsm-network.ts";
import { resolveDatasetFile, type SolveContext } from "./solve.ts";

/**
 * The multi-echelon problems of `workbench solve`: stage lists as in the cases (`nodes` with `index`, edges as
 * [upstream, downstream] index pairs), or a Willems (2008) chain file for general networks.
 */
type Edge = readonly [number, number];

function stageList(inputs: Record<string, unknown>): { nodes: StageListEntry[]; edges: Edge[] } {
  if (!Array.isArray(inputs.nodes) || !Array.isArray(inputs.edges)) {
    throw new WorkbenchError("INVALID_ARGUMENT", "inputs: needs a nodes array and an edges array", {
      field: "inputs.nodes",
    });
  }
  return { nodes: inputs.nodes as StageListEntry[], edges: inputs.edges as Edge[] };
}

interface SsmNode {
  index: number;
  echelon_holding_cost: number;
  lead_time: number;
}

function serialNetwork(inputs: Record<string, unknown>): Network {
  const nodes = inputs.nodes as SsmNode[] | undefined;
  const demand = inputs.demand as { mean?: number; sd?: number } | undefined;
  if (!Array.isArray(nodes) || !demand) {
    throw new WorkbenchError("INVALID_ARGUMENT", "inputs: needs nodes, demand {type, mean, sd} and edges", {
      field: "inputs",
    });
  }
  return {
    nodes: nodes.map((s) => ({
      id: String(s.index),
      processingTime: s.lead_time,
      holdingCost: s.echelon_holding_cost,
      ...(s.index === inputs.downstream_node
        ? { demandMean: demand.mean ?? 0, demandSd: demand.sd ?? 0 }
        : {}),
    })),
    edges: (inputs.edges as Edge[]).map(([u, d]) => ({ upstream: String(u), downstream: String(d) })),
  };
}

export async function solveNetworkCase(
  model: string,
  inputs: Record<string, unknown>,
  context: SolveContext,
): Promise<Record<string, unknown>> {
  switch (model) {
    case "gsm_serial":
    case "gsm_tree": {
      const { nodes, edges } = stageList(inputs);
      const { network, options } = networkFromStageList(nodes, edges);
      const r = guaranteedServiceTree(network, options);
      return { committed_service_times: r.committedServiceTimes, cost: r.cost };
    }
    case "ssm_serial_clark_scarf": {
      const demand = inputs.demand as { type?: string };
      const r = stochasticServiceSerial(serialNetwork(inputs), {
        stockoutCost: Number(inputs.stockout_cost),
        demandDistribution: demand.type === "P" ? "poisson" : "normal",
        holdingCostKind: "echelon",
      });
      return {
        echelon_base_stock_levels: r.echelonBaseStockLevels,
        expected_cost_per_period: r.expectedCostPerPeriod,
      };
    }
    case "network_io":
    case "gsm_general_network": {
      if (typeof inputs.dataset_file !== "string") {
        throw new WorkbenchError(
          "INVALID_ARGUMENT",
          "inputs.dataset_file: expected the path of a Willems chain CSV",
          {
            field: "inputs.dataset_file",
          },
        );
      }
      const { network } = loadWillemsChain(resolveDatasetFile(inputs.dataset_file, context));
      const s = networkStructure(network);
      if (model === "network_io") {
        return {
          nodes: s.nodes,
          arcs_unique: s.arcs,
          demand_stages: s.demandStages,
          source_stages: s.sourceStages,
          sink_stages: s.sinkStages,
          longest_path_arcs: s.longestPathArcs,
          is_tree: s.isTree,
        };
      }
      const r = await guaranteedServiceNetwork(network, { gap: 1e-7, timeLimitSeconds: 60 });
      return {
        nodes: s.nodes,
        arcs: s.arcs,
        demand_stages: s.demandStages,
        source_stages: s.sourceStages,
        longest_path_arcs: s.longestPathArcs,
        optimal_cost: r.cost,
        lower_bound: r.lowerBound,
        gap: r.gap,
        committed_service_times: r.committedServiceTimes,
      };
    }
    default:
      throw new WorkbenchError("NOT_FOUND", `unknown network model '${model}'`, { field: "model" });
  }
}

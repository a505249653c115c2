import type { SimulationResult } from "./replications.ts";

/**
 * Compares what the optimiser targeted (service level, cost) with what the simulation of its policy
 * delivers: per target the simulated mean, its standard error, the gap, and whether the target lies
 * inside the simulated mean ± z·SE (z = 1.96 by default, a 95% confidence interval over replications).
 */
export interface PolicyTargets {
  /** Node id → targets at that node. */
  [node: string]: { fillRate?: number; cycleServiceLevel?: number; costPerPeriod?: number };
}

export interface TargetComparison {
  node: string;
  metric: "fillRate" | "cycleServiceLevel" | "costPerPeriod";
  target: number;
  simulated: number;
  se: number;
  gap: number;
  withinInterval: boolean;
}

export function simulatedVersusTarget(
  result: SimulationResult,
  targets: PolicyTargets,
  z = 1.96,
): TargetComparison[] {
  const rows: TargetComparison[] = [];
  for (const [node, t] of Object.entries(targets)) {
    const r = result.nodes[node];
    if (!r) continue;
    const add = (
      metric: TargetComparison["metric"],
      target: number | undefined,
      s: { mean: number; se: number },
    ) => {
      if (target === undefined) return;
      const gap = s.mean - target;
      rows.push({
        node,
        metric,
        target,
        simulated: s.mean,
        se: s.se,
        gap,
        withinInterval: Math.abs(gap) <= z * s.se,
      });
    };
    add("fillRate", t.fillRate, r.fillRate);
    add("cycleServiceLevel", t.cycleServiceLevel, r.cycleServiceLevel);
    add("costPerPeriod", t.costPerPeriod, r.totalCost);
  }
  return rows;
}

import { Piscina } from "piscina";
import { type FleetInput, simulateOrderUpToFleet } from "../simulator/order-up-to-fleet.ts";
import { type BacktestBatch, backtestBatch } from "./backtest-batch.ts";
import { type ForecastBatch, forecastBatch } from "./forecast-batch.ts";
import { type GroupBatch, placeGroups } from "./plan/stages/network.ts";
import { type ReplicationBatch, runReplicationBatch } from "./simulate.ts";
import { type Problem, type SolveContext, solveProblem } from "./solve.ts";

/** Marks a result so that piscina transfers the listed buffers back instead of copying them. */
function transferring<T>(value: T, buffers: ArrayBufferLike[]): unknown {
  return Piscina.move({ [Piscina.transferableSymbol]: buffers, [Piscina.valueSymbol]: value } as never);
}

/** The functions a worker can run, by name. */
export const tasks: Record<string, (payload: never) => unknown> = {
  forecast: (batch: ForecastBatch) => {
    const result = forecastBatch(batch);
    return transferring(result, [result.out.buffer]);
  },
  backtest: (batch: BacktestBatch) => {
    const result = backtestBatch(batch);
    return transferring(result, [result.forecasts.buffer]);
  },
  replications: (task: ReplicationBatch) => {
    const rows = runReplicationBatch(task);
    return transferring(rows, [rows.buffer]);
  },
  solve: (task: { problem: Problem; context: SolveContext }) => solveProblem(task.problem, task.context),
  network: (batch: GroupBatch) => {
    const r = placeGroups(batch);
    return transferring(r, [
      r.leadTime.buffer,
      r.orderUpTo.buffer,
      r.reorderPoint.buffer,
      r.safetyStock.buffer,
      r.formulaFillRate.buffer,
      r.family.buffer,
      r.reviewPeriod.buffer,
      r.serviceTime.buffer,
      r.dcSafetyStock.buffer,
      r.dcBaseStock.buffer,
      r.costNetwork.buffer,
      r.costAlone.buffer,
      r.costNoPooling.buffer,
    ]);
  },
  fleet: (input: FleetInput) => {
    const r = simulateOrderUpToFleet(input);
    return transferring(r, [
      r.fillRate.buffer,
      r.cycleServiceLevel.buffer,
      r.meanOnHand.buffer,
      r.meanBackorders.buffer,
    ]);
  },
};

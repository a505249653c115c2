import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { readJsonFile } from "../../datasets/json-file.ts";
import { WorkerPool } from "../../engine/pool.ts";
import { simulateInPool } from "../../engine/simulate.ts";
import { readyMadeScenario } from "../../simulator/index.ts";
import { integerArg } from "../args.ts";

export function registerSimulateCommand(program: Command): void {
  program
    .command("simulate")
    .description("simulate a supply-network scenario (JSON) by Monte Carlo replications in worker threads")
    .requiredOption(
      "--input <file>",
      "scenario JSON (simulator/scenario.schema.json), or beer-game | clark-scarf",
    )
    .requiredOption("--output <file>", "result JSON: per node mean and standard error of every metric")
    .option("--replications <n>", "overrides settings.replications", integerArg("--replications", 1))
    .option("--seed <s>", "overrides settings.seed", integerArg("--seed", 0))
    .option(
      "--threads <n>",
      "worker threads (default: all cores; 0 = this thread)",
      integerArg("--threads", 0),
    )
    .option("--trace", "add the per-period trace of replication 0 (runs in this thread)")
    .action(
      async (opts: {
        input: string;
        output: string;
        replications?: number;
        seed?: number;
        threads?: number;
        trace?: boolean;
      }) => {
        const doc =
          opts.input === "beer-game" || opts.input === "clark-scarf"
            ? readyMadeScenario(opts.input)
            : readJsonFile(opts.input);
        const pool = new WorkerPool(opts.threads === undefined ? {} : { threads: opts.threads });
        const t = performance.now();
        try {
          const result = await simulateInPool(pool, doc, {
            ...(opts.replications !== undefined && { replications: opts.replications }),
            ...(opts.seed !== undefined && { seed: opts.seed }),
            ...(opts.trace !== undefined && { trace: opts.trace }),
          });
          writeFileSync(opts.output, `${JSON.stringify(result, null, 1)}\n`);
          const cost = result.totalCostPerPeriod;
          process.stdout.write(
            `${result.scenario}: ${result.replications} replications × ${result.periods} periods; cost per period ` +
              `${cost.mean.toFixed(4)} ± ${cost.se.toFixed(4)} (s.e.) in ${((performance.now() - t) / 1000).toFixed(2)} s; ` +
              `result in ${opts.output}\n`,
          );
        } finally {
          await pool.close();
        }
      },
    );
}

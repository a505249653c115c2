import type { Command } from "commander";
import { loadPlanConfig, PlanConfigSchema } from "../../engine/plan/config.ts";
import { runPlan } from "../../engine/plan/run.ts";
import { summarisePlan } from "../../engine/plan/stages/publish.ts";
import { integerArg } from "../args.ts";
import { ProgressBar } from "../progress.ts";
import { printPairs } from "../table.ts";

export function registerPlanCommand(program: Command): void {
  program
    .command("plan")
    .description(
      "the planning run: forecast → classify → policies → network placement → simulated check → parameters",
    )
    .option("--config <file>", "planning configuration (JSON)", "datasets/m5_tiny/plan.json")
    .option(
      "--output <dir>",
      "run folder (outputs, manifest; a rerun resumes from finished stages)",
      "out/plan",
    )
    .option("--threads <n>", "worker threads (default: all cores)", integerArg("--threads", 0))
    .option("--schema", "print the configuration's JSON Schema and exit")
    .action(async (opts: { config: string; output: string; threads?: number; schema?: boolean }) => {
      if (opts.schema) {
        process.stdout.write(`${JSON.stringify(PlanConfigSchema, null, 2)}\n`);
        return;
      }
      const config = loadPlanConfig(opts.config);
      const t = performance.now();
      const bars = new Map<string, ProgressBar>();
      const result = await runPlan(config, {
        output: opts.output,
        ...(opts.threads !== undefined && { threads: opts.threads }),
        onStage: (stage, resumed) => {
          if (resumed) process.stdout.write(`${stage}: taken from ${opts.output} (finished earlier)\n`);
        },
        onProgress: (stage, done, total) => {
          if (!bars.has(stage)) bars.set(stage, new ProgressBar(stage, total));
          bars.get(stage)!.update(done);
        },
      });
      const s = summarisePlan(config, result.classes, result.network, result.check);
      const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
      const lines: [string, string][] = [
        ["pairs (SKU × store)", String(s.pairs)],
        ["no demand in simulation (unscored)", String(s.noDemand)],
        [
          `within ±${(100 * s.tolerance).toFixed(0)} pts of target`,
          `${s.withinBand} (${pct(s.withinBandShare)})`,
        ],
        ["above band with one unit (slowest)", String(s.oneUnitAboveBand)],
        ["within band, the other pairs", pct(s.withinBandShareReachable)],
        ["at least target − tolerance", pct(s.atLeastTargetShare)],
        ["within tolerance of planned fill", pct(s.agreesWithPlanShare)],
        ["corrected / off target", `${s.corrected} / ${s.offTarget}`],
        [
          "mean fill rate target / simulated",
          `${pct(s.meanTargetFillRate)} / ${pct(s.meanSimulatedFillRate)}`,
        ],
        ["safety-stock cost, network plan", s.safetyStockCost.network.toFixed(2)],
        ["saving vs every location alone", `${s.savingVsAlonePercent.toFixed(1)}%`],
        ["saving vs no pooling at the DC", `${s.savingVsNoPoolingPercent.toFixed(1)}%`],
        ...Object.entries(s.byPattern).map(([k, v]): [string, string] => [
          `within band, ${k} (${v.pairs})`,
          pct(v.withinBandShare),
        ]),
        [
          "stage seconds",
          Object.entries(result.seconds)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(", "),
        ],
      ];
      printPairs(lines);
      process.stdout.write(
        `parameters, network plan, summary and report.html in ${opts.output}/ (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
      );
    });
}

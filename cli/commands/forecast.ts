import type { Command } from "commander";
import { forecastFile } from "../../engine/forecast-file.ts";
import { demandModelNames } from "../../models/demand/registry.ts";
import { integerArg, levelsArg } from "../args.ts";
import { ProgressBar } from "../progress.ts";

export function registerForecastCommand(program: Command): void {
  program
    .command("forecast")
    .description("forecast every series of a history file, with prediction intervals")
    .requiredOption("--input <file>", "history in long format (CSV or Parquet): series_id, ts, y [, …]")
    .requiredOption("--horizon <h>", "steps ahead", integerArg("--horizon", 1))
    .requiredOption(
      "--output <file>",
      "forecasts to write (.csv or .parquet): series_id, step, mean, lo_L, hi_L, model",
    )
    .option("--model <name>", `one of: ${demandModelNames().join(", ")}`, "snaive")
    .option(
      "--season <m>",
      "season length (12 monthly, 4 quarterly, 7 daily, 24 hourly); inferred from ts when absent",
      integerArg("--season", 1),
    )
    .option("--levels <list>", "interval levels in percent", levelsArg, [80, 95])
    .option(
      "--threads <n>",
      "worker threads (default: all cores; 0 = this thread)",
      integerArg("--threads", 0),
    )
    .option("--fill-gaps", "fill missing periods with zero demand instead of stopping")
    .option("--non-negative", "floor forecasts and intervals at zero")
    .action(
      async (opts: {
        input: string;
        horizon: number;
        output: string;
        model: string;
        season?: number;
        levels: number[];
        threads?: number;
        fillGaps?: boolean;
        nonNegative?: boolean;
      }) => {
        let bar: ProgressBar | null = null;
        const r = await forecastFile({
          ...opts,
          onProgress: (done, total) => {
            bar ??= new ProgressBar(`forecast ${opts.model}`, total);
            bar.update(done);
          },
        });
        const n = r.table.seriesIds.length;
        process.stdout.write(
          `${opts.model}: ${n} series × ${opts.horizon} steps (season ${r.season}) to ${opts.output}; ` +
            `load ${r.seconds.load.toFixed(2)} s, forecast ${r.seconds.forecast.toFixed(2)} s, write ${r.seconds.write.toFixed(2)} s\n`,
        );
      },
    );
}

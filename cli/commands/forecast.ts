import type { Command } from "commander";
import { WorkbenchError } from "../../core/errors.ts";
import type { IntervalMethod } from "../../engine/forecast-batch.ts";
import { forecastFile } from "../../engine/forecast-file.ts";
import { demandModelNames } from "../../models/demand/registry.ts";
import { addSeriesRunOptions, integerArg, type SeriesRunFlags } from "../args.ts";
import { ProgressBar } from "../progress.ts";

function intervalMethodArg(value: string): IntervalMethod {
  if (value === "model" || value === "conformal") return value;
  throw new WorkbenchError(
    "INVALID_ARGUMENT",
    `--intervals: must be 'model' or 'conformal', got '${value}'`,
    {
      field: "intervals",
    },
  );
}

export function registerForecastCommand(program: Command): void {
  addSeriesRunOptions(
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
        "--intervals <method>",
        "model (each model's own; conformal already for croston, sba, tsb, adida, imapa, ma) or conformal (split-conformal from rolling-origin refits, any model)",
        intervalMethodArg,
        "model",
      )
      .option(
        "--calibration-windows <K>",
        "rolling origins calibrating --intervals conformal (default 20)",
        integerArg("--calibration-windows", 1),
      ),
  ).action(
    async (
      opts: SeriesRunFlags & {
        input: string;
        horizon: number;
        output: string;
        model: string;
        intervals: IntervalMethod;
        calibrationWindows?: number;
      },
    ) => {
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

import type { Command } from "commander";
import { backtestFile } from "../../engine/backtest-file.ts";
import { demandModelNames } from "../../models/demand/registry.ts";
import { addSeriesRunOptions, integerArg, type SeriesRunFlags } from "../args.ts";
import { ProgressBar } from "../progress.ts";
import { printColumns } from "../table.ts";

export function registerBacktestCommand(program: Command): void {
  addSeriesRunOptions(
    program
      .command("backtest")
      .description("rolling-origin backtest of one or more models: scores per model, per series and overall")
      .requiredOption("--input <file>", "history in long format (CSV or Parquet)")
      .requiredOption("--horizon <h>", "steps ahead per window", integerArg("--horizon", 1))
      .requiredOption("--windows <k>", "number of forecast origins", integerArg("--windows", 1))
      .requiredOption("--output <file>", "JSON report to write")
      .option("--models <list>", `comma-separated, from: ${demandModelNames().join(", ")}`, "naive,snaive")
      .option("--step <s>", "periods between origins (default: the horizon)", integerArg("--step", 1)),
  ).action(
    async (
      opts: SeriesRunFlags & {
        input: string;
        horizon: number;
        windows: number;
        output: string;
        models: string;
        step?: number;
      },
    ) => {
      let bar: ProgressBar | null = null;
      const report = await backtestFile({
        ...opts,
        models: opts.models
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        onProgress: (done, total) => {
          bar ??= new ProgressBar("backtest", total);
          bar.update(done);
        },
      });
      const header = [
        "model",
        "sMAPE",
        "MASE",
        "RMSSE",
        "WAPE %",
        "bias",
        ...report.settings.levels.map((l) => `cover${l}`),
        "failed",
      ];
      const rows = [header];
      for (const [name, r] of Object.entries(report.models)) {
        const o = r.overall;
        rows.push([
          name,
          o.smape.toFixed(3),
          o.mase.toFixed(3),
          o.rmsse.toFixed(3),
          o.wape.toFixed(2),
          o.bias.toFixed(3),
          ...report.settings.levels.map((l) => `${(100 * o.coverage[String(l)]!).toFixed(1)}%`),
          String(r.failedSeries),
        ]);
      }
      printColumns(rows);
      process.stdout.write(
        `${report.series} series × ${report.settings.windows} windows × h ${report.settings.horizon} in ${report.seconds.toFixed(2)} s; report in ${opts.output}\n`,
      );
    },
  );
}

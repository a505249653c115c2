import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { convertDataset } from "../../datasets/convert.ts";
import { readForecastTable } from "../../datasets/forecast-io.ts";
import { loadHistory } from "../../datasets/history.ts";
import { forecastFile } from "../../engine/forecast-file.ts";
import { scoreForecasts } from "../../engine/score.ts";
import { demandModels } from "../../models/demand/registry.ts";
import { printColumns } from "../table.ts";

/** Models the demo compares, in this order, where they are available. */
const DEMO_MODELS = [
  "naive",
  "snaive",
  "ma",
  "ses",
  "ets",
  "theta",
  "arima",
  "croston",
  "sba",
  "tsb",
  "adida",
  "imapa",
];

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "the main job on bundled real data: M5 tiny (280 Walmart store × item series), 28-day holdout",
    )
    .option("--output <dir>", "folder for the converted data and the forecasts", "out/demo")
    .option("--data <dir>", "the M5 tiny folder", "datasets/m5_tiny")
    .action(async (opts: { output: string; data: string }) => {
      mkdirSync(opts.output, { recursive: true });
      const history = join(opts.output, "m5_history.parquet");
      const holdout = join(opts.output, "m5_holdout.parquet");
      const t = performance.now();
      const c = await convertDataset("m5", opts.data, {
        output: history,
        holdout,
        holdoutLength: 28,
        fromFirstSale: true,
      });
      process.stdout.write(`M5 tiny: ${c.series} series, ${c.rows} training days, last 28 days held out\n`);
      const train = await loadHistory(history);
      const actual = await loadHistory(holdout);
      const rows: string[][] = [["model", "WAPE %", "RMSSE", "MASE", "cover80", "cover95", "seconds"]];
      for (const model of DEMO_MODELS.filter((m) => demandModels[m])) {
        const output = join(opts.output, `forecast_${model}.csv`);
        const r = await forecastFile({
          input: history,
          output,
          horizon: 28,
          season: 7,
          model,
          levels: [80, 95],
          nonNegative: true,
        });
        const report = scoreForecasts(await readForecastTable(output), actual, { history: train, season: 7 });
        rows.push([
          model,
          report.wape.toFixed(2),
          (report.rmsse ?? Number.NaN).toFixed(4),
          (report.mase ?? Number.NaN).toFixed(4),
          `${(100 * report.coverage["80"]!).toFixed(1)}%`,
          `${(100 * report.coverage["95"]!).toFixed(1)}%`,
          r.seconds.forecast.toFixed(2),
        ]);
      }
      printColumns(rows);
      process.stdout.write(
        `forecasts in ${opts.output}/ (${((performance.now() - t) / 1000).toFixed(1)} s in all)\n`,
      );
    });
}

import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { readForecastTable } from "../../datasets/forecast-io.ts";
import { loadHistory } from "../../datasets/history.ts";
import { scoreForecasts } from "../../engine/score.ts";
import { integerArg } from "../args.ts";

export function registerScoreCommand(program: Command): void {
  program
    .command("score")
    .description("score a forecast file against held-out actuals: sMAPE, WAPE, MASE, RMSSE, coverage")
    .requiredOption("--forecast <file>", "forecast file written by `forecast`")
    .requiredOption("--actual <file>", "held-out actuals in long format")
    .option("--history <file>", "training history (needed for MASE and RMSSE)")
    .option("--season <m>", "season length for the MASE scale (default 1)", integerArg("--season", 1))
    .option("--output <file>", "write the full report (per series too) as JSON")
    .action(
      async (opts: {
        forecast: string;
        actual: string;
        history?: string;
        season?: number;
        output?: string;
      }) => {
        const forecasts = await readForecastTable(opts.forecast);
        const actual = await loadHistory(opts.actual);
        const history = opts.history ? await loadHistory(opts.history) : undefined;
        const report = scoreForecasts(forecasts, actual, {
          ...(history && { history }),
          ...(opts.season !== undefined && { season: opts.season }),
        });
        const parts = [
          `series ${report.series}`,
          `points ${report.points}`,
          `sMAPE ${report.smape.toFixed(4)}`,
          `WAPE ${report.wape.toFixed(4)}`,
          ...(report.mase !== undefined ? [`MASE ${report.mase.toFixed(4)}`] : []),
          ...(report.rmsse !== undefined ? [`RMSSE ${report.rmsse.toFixed(4)}`] : []),
          ...Object.entries(report.coverage).map(([l, c]) => `coverage${l} ${(100 * c).toFixed(1)}%`),
        ];
        process.stdout.write(`${parts.join("  ")}\n`);
        if (opts.output) writeFileSync(opts.output, `${JSON.stringify(report, null, 2)}\n`);
      },
    );
}

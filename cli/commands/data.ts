import type { Command } from "commander";
import { WorkbenchError } from "../../core/errors.ts";
import { convertDataset, type SourceSet } from "../../datasets/convert.ts";
import { loadHistory } from "../../datasets/history.ts";
import { summariseHistory } from "../../datasets/inspect.ts";
import { integerArg } from "../args.ts";
import { printPairs } from "../table.ts";

const SETS: SourceSet[] = ["m3", "m4", "m5", "carparts"];

export function registerDataCommands(program: Command): void {
  const data = program.command("data").description("load, check and convert demand history");

  data
    .command("inspect")
    .description("summarise a history file: series, lengths, frequency, zeros, gaps")
    .argument("<file>", "history in long format (CSV or Parquet): series_id, ts, y [, …]")
    .option("--json", "print the summary as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const summary = summariseHistory(await loadHistory(file));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
      const lines = [
        ["file", summary.file],
        ["series", String(summary.series)],
        ["observations", String(summary.observations)],
        ["length", `min ${summary.length.min}, median ${summary.length.median}, max ${summary.length.max}`],
        ["frequency", `${summary.frequency} (season length ${summary.seasonLength})`],
        ["time range", `${summary.firstPeriod} .. ${summary.lastPeriod}`],
        ["zeros", pct(summary.zeroShare)],
        ["intermittent series", pct(summary.intermittentShare)],
        ["gaps", `${summary.gaps.seriesWithGaps} series, ${summary.gaps.missingPeriods} missing periods`],
        ["numeric columns", summary.numericColumns.join(", ") || "-"],
        ["label columns", summary.labelColumns.join(", ") || "-"],
      ];
      printPairs(lines as [string, string][]);
    });

  data
    .command("convert")
    .description("convert a shipped data set (M3, M4 hourly, M5, carparts) to the long format")
    .argument("<source>", "the data set's folder (or a file in it), as distributed")
    .requiredOption("--from <set>", `data set: ${SETS.join(" | ")}`)
    .requiredOption("--output <file>", "training history to write (.csv or .parquet)")
    .option(
      "--holdout <file>",
      "also write the held-out periods here (M3/M4 test part; last periods for M5/carparts)",
    )
    .option("--subset <period>", "M3 only: yearly | quarterly | monthly | other")
    .option(
      "--holdout-length <n>",
      "M5/carparts: periods held out per series (default 28 / 12)",
      integerArg("--holdout-length", 0),
    )
    .option("--from-first-sale", "M5: drop leading zeros before each item's first sale")
    .action(
      async (
        source: string,
        opts: {
          from: string;
          output: string;
          holdout?: string;
          subset?: string;
          holdoutLength?: number;
          fromFirstSale?: boolean;
        },
      ) => {
        if (!SETS.includes(opts.from as SourceSet)) {
          throw new WorkbenchError(
            "INVALID_ARGUMENT",
            `--from: '${opts.from}' is not one of ${SETS.join(", ")}`,
            {
              field: "from",
            },
          );
        }
        const t = performance.now();
        const r = await convertDataset(opts.from as SourceSet, source, {
          output: opts.output,
          ...(opts.holdout !== undefined && { holdout: opts.holdout }),
          ...(opts.subset !== undefined && { subset: opts.subset }),
          ...(opts.holdoutLength !== undefined && { holdoutLength: opts.holdoutLength }),
          ...(opts.fromFirstSale !== undefined && { fromFirstSale: opts.fromFirstSale }),
        });
        const held = opts.holdout ? `, ${r.holdoutRows} held-out rows to ${opts.holdout}` : "";
        process.stdout.write(
          `${opts.from}: ${r.series} series, ${r.rows} rows to ${opts.output}${held} (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
        );
      },
    );
}

import type { Command } from "commander";
import { WorkbenchError } from "../core/errors.ts";

/** Strict parsers for command-line values; errors name the flag. */
export function integerArg(flag: string, min = Number.NEGATIVE_INFINITY) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new WorkbenchError("INVALID_ARGUMENT", `${flag}: expected an integer ≥ ${min}, got '${value}'`, {
        field: flag,
      });
    }
    return n;
  };
}

export function levelsArg(value: string): number[] {
  const parts = value.split(",").map((s) => s.trim());
  return parts.map((p) => {
    const n = Number(p);
    if (p === "" || !Number.isFinite(n) || n <= 0 || n >= 100) {
      throw new WorkbenchError(
        "INVALID_ARGUMENT",
        `--levels: '${p}' is not a level in (0, 100); use e.g. 80,95`,
        {
          field: "levels",
        },
      );
    }
    return n;
  });
}

/** Flags shared by the commands that read a history and run models on it (forecast, backtest). */
export interface SeriesRunFlags {
  season?: number;
  levels: number[];
  threads?: number;
  fillGaps?: boolean;
  nonNegative?: boolean;
}

export function addSeriesRunOptions(command: Command): Command {
  return command
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
    .option("--non-negative", "floor forecasts and intervals at zero");
}

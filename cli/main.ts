import { Command, CommanderError } from "commander";
import { isWorkbenchError } from "../core/errors.ts";
import { registerBacktestCommand } from "./commands/backtest.ts";
import { registerDataCommands } from "./commands/data.ts";
import { registerDemoCommand } from "./commands/demo.ts";
import { registerForecastCommand } from "./commands/forecast.ts";
import { registerPlanCommand } from "./commands/plan.ts";
import { registerScoreCommand } from "./commands/score.ts";
import { registerSimulateCommand } from "./commands/simulate.ts";
import { registerSolveCommand } from "./commands/solve.ts";

/**
 * `workbench`: the command-line face of the engine. Each command parses its flags, calls one engine
 * function and prints a short summary; errors print one line and exit non-zero (code by error kind,
 * see core/errors.ts).
 */
export function buildProgram(): Command {
  const program = new Command("workbench")
    .description("Inventory workbench: forecast demand, optimise stock, simulate supply networks")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerDataCommands(program);
  registerForecastCommand(program);
  registerScoreCommand(program);
  registerBacktestCommand(program);
  registerPlanCommand(program);
  registerSolveCommand(program);
  registerSimulateCommand(program);
  registerDemoCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has printed its message (or the help/version text) already.
      return e.exitCode === 0 || e.code === "commander.helpDisplayed" ? 0 : 2;
    }
    if (isWorkbenchError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // A reader that stops early (`| head`) closes the pipe: that is the end of the output, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
}

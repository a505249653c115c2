import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { WorkerPool } from "../../engine/pool.ts";
import { readProblems, solveProblems } from "../../engine/solve.ts";
import { integerArg } from "../args.ts";

export function registerSolveCommand(program: Command): void {
  program
    .command("solve")
    .description(
      "solve inventory problems {id, model, inputs} (one, a list, or a case file) and write {id: answer}",
    )
    .requiredOption("--input <file>", "problem JSON in the format of ../shared/cases/inventory.json")
    .requiredOption("--output <file>", "answers JSON, with the field names of the cases' `expected`")
    .option(
      "--threads <n>",
      "worker threads, one problem a task (default: all cores; 0 = this thread)",
      integerArg("--threads", 0),
    )
    .action(async (opts: { input: string; output: string; threads?: number }) => {
      const problems = readProblems(opts.input);
      const t = performance.now();
      const pool = new WorkerPool(opts.threads === undefined ? {} : { threads: opts.threads });
      let answers: Awaited<ReturnType<typeof solveProblems>>;
      try {
        // `shared/…` dataset paths resolve against the parent of the repository root
        answers = await solveProblems(
          problems,
          { sharedParent: resolve(import.meta.dirname, "../../..") },
          pool,
        );
      } finally {
        await pool.close();
      }
      writeFileSync(opts.output, `${JSON.stringify(answers, null, 2)}\n`);
      process.stdout.write(
        `${problems.length} problems solved in ${((performance.now() - t) / 1000).toFixed(2)} s; answers in ${opts.output}\n`,
      );
    });
}

import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { WorkbenchError } from "../core/errors.ts";

/**
 * The worker pool: piscina threads sized to the machine. Work is sent in batches (hundreds of series,
 * ≥ 1 ms each) whose typed arrays are transferred, never copied as arrays of objects.
 */
export interface PoolOptions {
  /** Number of worker threads; default: available parallelism. 0 runs tasks in this thread. */
  threads?: number;
}

export class WorkerPool {
  private readonly piscina: Piscina | null;
  readonly threads: number;

  constructor(options: PoolOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 0) {
      throw new WorkbenchError("INVALID_ARGUMENT", `threads: must be an integer ≥ 0, got ${threads}`, {
        field: "threads",
      });
    }
    this.threads = threads;
    this.piscina =
      threads === 0
        ? null
        : new Piscina({
            filename: new URL("./worker.mjs", import.meta.url).href,
            minThreads: threads,
            maxThreads: threads,
            idleTimeout: 1000,
          });
  }

  /**
   * Run the named task with a payload; `transfer` lists the buffers to move to the worker.
   * With 0 threads the task runs inline (same code, same numbers).
   */
  async run<T>(task: string, payload: unknown, transfer: ArrayBufferLike[] = []): Promise<T> {
    if (this.piscina === null) {
      const { tasks } = await import("./worker-tasks.ts");
      const fn = tasks[task];
      if (!fn) throw new WorkbenchError("NOT_FOUND", `unknown worker task '${task}'`);
      const result = fn(payload as never) as Record<symbol, unknown> | null;
      // Inline runs get the value itself, not the transfer wrapper meant for a thread.
      return (
        result !== null && typeof result === "object" && Piscina.valueSymbol in result
          ? result[Piscina.valueSymbol]
          : result
      ) as T;
    }
    try {
      return (await this.piscina.run({ task, payload }, { transferList: transfer as ArrayBuffer[] })) as T;
    } catch (e) {
      if (e instanceof WorkbenchError) throw e;
      throw new WorkbenchError(
        "WORKER_FAILED",
        `worker task '${task}' failed: ${e instanceof Error ? e.message : e}`,
      );
    }
  }

  async close(): Promise<void> {
    await this.piscina?.destroy();
  }
}

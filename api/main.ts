import { buildServer } from "./server.ts";

/**
 * Starts the API on HOST:PORT from the environment (defaults 127.0.0.1:8080); planning runs go to
 * WORKBENCH_RUNS (default out/runs), worker threads from WORKBENCH_THREADS.
 */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
const threads =
  process.env.WORKBENCH_THREADS === undefined ? undefined : Number(process.env.WORKBENCH_THREADS);
const app = await buildServer({
  logger: true,
  runsDir: process.env.WORKBENCH_RUNS ?? "out/runs",
  ...(threads !== undefined && { threads }),
});
await app.listen({ port, host });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

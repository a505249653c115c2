import Fastify, { type FastifyInstance } from "fastify";
import { WorkerPool } from "../engine/pool.ts";
import { installErrorHandler } from "./errors.ts";
import { forecastRoutes } from "./routes/forecast.ts";
import { planRoutes } from "./routes/plans.ts";

export interface ServerOptions {
  /** Worker threads for the engine; 0 runs requests in the server's thread (lowest latency for small batches). */
  threads?: number;
  logger?: boolean;
  /** Folder of the planning runs started over the API (one sub-folder per run); default out/runs. */
  runsDir?: string;
}

/** The HTTP face of the engine: routes as plugins, schemas in TypeBox, errors from the one catalogue. */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 * 1024 });
  const pool = new WorkerPool(options.threads === undefined ? {} : { threads: options.threads });
  app.addHook("onClose", async () => pool.close());
  installErrorHandler(app);
  app.get("/health", async () => ({ status: "ok" }));
  await app.register(forecastRoutes(pool));
  await app.register(planRoutes(options.runsDir ?? "out/runs", options.threads));
  return app;
}

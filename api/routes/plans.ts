import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Type } from "@sinclair/typebox";
import type { FastifyPluginAsync } from "fastify";
import { isWorkbenchError, WorkbenchError } from "../../core/errors.ts";
import { splitCsvLine } from "../../datasets/csv-line.ts";
import { PlanConfigSchema, parsePlanConfig } from "../../engine/plan/config.ts";
import { runPlan } from "../../engine/plan/run.ts";
import { valueFingerprint } from "../../engine/plan/run-folder.ts";

/**
 * Planning runs over HTTP, for replenishment systems and notebooks.
 *
 * POST /v1/plans starts a run of a plan configuration (the same document as `workbench plan --config`) in
 * its own run folder under the server's runs directory and answers 202 at once. The run's id is the
 * fingerprint of its configuration, so posting the same configuration again resumes or returns the same
 * run (a run that failed or was cut off by a restart continues from its finished stages). Every run
 * folder keeps `config.json` and, when a run fails, `error.json` beside its finished stages: nothing is
 * lost. GET /v1/plans/:id gives the status, stages and summary; /parameters the published parameters
 * (filtered by store, SKU or status), /network the DC plan, /report the HTML report.
 */
export function planRoutes(runsDir: string, threads?: number): FastifyPluginAsync {
  const running = new Map<string, Promise<void>>();
  mkdirSync(runsDir, { recursive: true });

  function folderOf(id: string): string {
    const dir = join(runsDir, id);
    if (!/^[0-9a-f]{16}$/.test(id) || !existsSync(join(dir, "config.json"))) {
      throw new WorkbenchError("NOT_FOUND", `no planning run '${id}'`, { field: "id" });
    }
    return dir;
  }

  function statusOf(id: string, dir: string) {
    const manifestPath = join(dir, "manifest.json");
    const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, "utf8")) : null;
    const errorPath = join(dir, "error.json");
    const status = running.has(id)
      ? "running"
      : existsSync(join(dir, "summary.json"))
        ? "done"
        : existsSync(errorPath)
          ? "failed"
          : "incomplete";
    return {
      id,
      status,
      stages: manifest
        ? Object.fromEntries(
            Object.entries(manifest.stages as Record<string, { seconds: number }>).map(([k, v]) => [
              k,
              { seconds: v.seconds },
            ]),
          )
        : {},
      ...(status === "failed" && { error: JSON.parse(readFileSync(errorPath, "utf8")) }),
      ...(status === "done" && { summary: JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) }),
    };
  }

  function start(id: string, dir: string, config: ReturnType<typeof parsePlanConfig>): void {
    const errorPath = join(dir, "error.json");
    // a new attempt: the earlier failure no longer describes the run
    rmSync(errorPath, { force: true });
    const job = runPlan(config, { output: dir, ...(threads !== undefined && { threads }) })
      .then(() => undefined)
      .catch((e: unknown) => {
        const error = isWorkbenchError(e)
          ? e.toJSON()
          : { code: "INTERNAL", message: e instanceof Error ? e.message : String(e), location: {} };
        writeFileSync(errorPath, `${JSON.stringify(error, null, 2)}\n`);
      })
      .finally(() => running.delete(id));
    running.set(id, job);
  }

  return async (app) => {
    // a server that closes lets its runs finish writing (their folders stay consistent)
    app.addHook("onClose", async () => {
      await Promise.allSettled(running.values());
    });

    app.post(
      "/v1/plans",
      { schema: { body: Type.Object({}, { additionalProperties: true }) } },
      async (request, reply) => {
        const config = parsePlanConfig(request.body, "body");
        const id = valueFingerprint(config).slice(0, 16);
        const dir = join(runsDir, id);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
        if (!running.has(id) && !existsSync(join(dir, "summary.json"))) start(id, dir, config);
        return reply.status(202).send({ ...statusOf(id, dir), links: links(id) });
      },
    );

    app.get("/v1/plans/schema", async () => PlanConfigSchema);

    app.get("/v1/plans", async () => ({
      plans: readdirSync(runsDir)
        .filter((id) => existsSync(join(runsDir, id, "config.json")))
        .map((id) => {
          const { summary: _, ...rest } = statusOf(id, join(runsDir, id));
          return rest;
        }),
    }));

    app.get<{ Params: { id: string } }>("/v1/plans/:id", async (request) => {
      const { id } = request.params;
      return { ...statusOf(id, folderOf(id)), links: links(id) };
    });

    app.get<{ Params: { id: string }; Querystring: { store?: string; sku?: string; status?: string } }>(
      "/v1/plans/:id/parameters",
      {
        schema: {
          querystring: Type.Object(
            {
              store: Type.Optional(Type.String()),
              sku: Type.Optional(Type.String()),
              status: Type.Optional(
                Type.Union([
                  Type.Literal("ok"),
                  Type.Literal("corrected"),
                  Type.Literal("off-target"),
                  Type.Literal("no-demand"),
                ]),
              ),
            },
            { additionalProperties: false },
          ),
        },
      },
      async (request) => {
        const { id } = request.params;
        const rows = readCsvOfDoneRun(id, folderOf(id), "parameters.csv");
        const q = request.query;
        return {
          parameters: rows.filter(
            (r) =>
              (q.store === undefined || r.store_id === q.store) &&
              (q.sku === undefined || r.sku_id === q.sku) &&
              (q.status === undefined || r.status === q.status),
          ),
        };
      },
    );

    app.get<{ Params: { id: string } }>("/v1/plans/:id/network", async (request) => {
      const { id } = request.params;
      return { network: readCsvOfDoneRun(id, folderOf(id), "network.csv") };
    });

    app.get<{ Params: { id: string } }>("/v1/plans/:id/report", async (request, reply) => {
      const { id } = request.params;
      const html = readFileSync(publishedFile(id, folderOf(id), "report.html"), "utf8");
      return reply.type("text/html; charset=utf-8").send(html);
    });
  };

  /** The path of a file the run published; 404 while the run has not published (running, failed, cut off). */
  function publishedFile(id: string, dir: string, file: string): string {
    const path = join(dir, file);
    if (running.has(id) || !existsSync(join(dir, "summary.json")) || !existsSync(path)) {
      throw new WorkbenchError(
        "NOT_FOUND",
        `planning run '${id}' has not published its results (status: ${statusOf(id, dir).status})`,
        { field: "id" },
      );
    }
    return path;
  }

  function readCsvOfDoneRun(id: string, dir: string, file: string): Record<string, string | number | null>[] {
    return parseCsv(readFileSync(publishedFile(id, dir, file), "utf8"));
  }
}

function links(id: string) {
  return {
    self: `/v1/plans/${id}`,
    parameters: `/v1/plans/${id}/parameters`,
    network: `/v1/plans/${id}/network`,
    report: `/v1/plans/${id}/report`,
  };
}

/** A published CSV as objects; numeric cells become numbers, "NaN" null, other cells stay strings. */
function parseCsv(text: string): Record<string, string | number | null>[] {
  const lines = text.trimEnd().split("\n");
  const header = splitCsvLine(lines[0]!);
  return lines.slice(1).map((line) => {
    const cells = splitCsvLine(line);
    const row: Record<string, string | number | null> = {};
    header.forEach((name, k) => {
      const cell = cells[k] ?? "";
      const value = cell === "" ? Number.NaN : Number(cell);
      row[name] = cell === "NaN" ? null : Number.isNaN(value) ? cell : value;
    });
    return row;
  });
}

import { type Static, Type } from "@sinclair/typebox";
import type { FastifyPluginAsync } from "fastify";
import { WorkbenchError } from "../../core/errors.ts";
import { forecastSeries } from "../../engine/forecast.ts";
import type { WorkerPool } from "../../engine/pool.ts";
import { demandModelNames } from "../../models/demand/registry.ts";

const ForecastBody = Type.Object(
  {
    model: Type.String({ default: "snaive", description: "demand model name, see GET /v1/models" }),
    horizon: Type.Integer({ minimum: 1, maximum: 10000 }),
    season: Type.Integer({ minimum: 1, default: 1 }),
    levels: Type.Array(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 100 }), {
      default: [80, 95],
      maxItems: 10,
    }),
    nonNegative: Type.Boolean({ default: false }),
    intervals: Type.Union([Type.Literal("model"), Type.Literal("conformal")], {
      default: "model",
      description:
        "'model': each model's own intervals; 'conformal': split-conformal from rolling-origin refits",
    }),
    calibrationWindows: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 200, description: "conformal calibration origins (default 20)" }),
    ),
    series: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1 }), values: Type.Array(Type.Number(), { minItems: 1 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100000 },
    ),
  },
  { additionalProperties: false },
);
type ForecastBody = Static<typeof ForecastBody>;

const Interval = Type.Object({
  level: Type.Number(),
  lower: Type.Array(Type.Number()),
  upper: Type.Array(Type.Number()),
});
const ForecastReply = Type.Object({
  forecasts: Type.Array(
    Type.Object({
      id: Type.String(),
      model: Type.String(),
      mean: Type.Array(Type.Number()),
      intervals: Type.Array(Interval),
    }),
  ),
});

/** POST /v1/forecast: forecasts with intervals for a batch of series sent inline. */
export function forecastRoutes(pool: WorkerPool): FastifyPluginAsync {
  return async (app) => {
    app.get("/v1/models", async () => ({ models: demandModelNames() }));

    app.post<{ Body: ForecastBody }>(
      "/v1/forecast",
      { schema: { body: ForecastBody, response: { 200: ForecastReply } } },
      async (request) => {
        const body = request.body;
        const n = body.series.length;
        const offsets = new Int32Array(n + 1);
        for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + body.series[i]!.values.length;
        const values = new Float64Array(offsets[n]!);
        for (let i = 0; i < n; i++) values.set(body.series[i]!.values, offsets[i]!);
        const table = await forecastSeries(
          pool,
          { seriesIds: body.series.map((s) => s.id), values, offsets },
          {
            model: body.model,
            horizon: body.horizon,
            season: body.season,
            levels: body.levels,
            nonNegative: body.nonNegative,
            intervals: body.intervals,
            ...(body.calibrationWindows !== undefined && { calibrationWindows: body.calibrationWindows }),
          },
        );
        const failed = table.errors.findIndex((e) => e !== null);
        if (failed >= 0) {
          throw new WorkbenchError(
            "INVALID_MODEL_INPUT",
            `series[${failed}] ('${table.seriesIds[failed]}'): ${table.errors[failed]}`,
            {
              field: `series.${failed}.values`,
            },
          );
        }
        const width = 1 + 2 * body.levels.length;
        return {
          forecasts: table.seriesIds.map((id, i) => {
            const at = (h: number, c: number) => table.out[(i * body.horizon + h) * width + c]!;
            const steps = Array.from({ length: body.horizon }, (_, h) => h);
            return {
              id,
              model: table.modelNames[i]!,
              mean: steps.map((h) => at(h, 0)),
              intervals: body.levels.map((level, k) => ({
                level,
                lower: steps.map((h) => at(h, 1 + 2 * k)),
                upper: steps.map((h) => at(h, 2 + 2 * k)),
              })),
            };
          }),
        };
      },
    );
  };
}

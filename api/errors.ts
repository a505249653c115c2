import type { FastifyError, FastifyInstance } from "fastify";
import { errorCatalogue, isWorkbenchError } from "../core/errors.ts";

/**
 * The one place where engine errors become HTTP: status from the error catalogue, body
 * `{ error: { code, message, location } }`. Schema validation failures are INVALID_ARGUMENT (400) and
 * name the field; anything unexpected is a 500 without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isWorkbenchError(error)) {
      return reply.status(error.status).send({ error: error.toJSON() });
    }
    if (error.validation) {
      const first = error.validation[0];
      const path = (first?.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
      const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [path, missing].filter(Boolean).join(".") || "body";
      return reply.status(errorCatalogue.INVALID_ARGUMENT.status).send({
        error: {
          code: "INVALID_ARGUMENT",
          message: `${field}: ${first?.message ?? "invalid"}`,
          location: { field },
        },
      });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: "INVALID_ARGUMENT", message: error.message, location: {} } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: "INTERNAL", message: "internal error", location: {} } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: "NOT_FOUND", message: `no route ${request.method} ${request.url}`, location: {} },
    }),
  );
}

/**
 * The one error catalogue of the workbench.
 *
 * Every error the product raises on purpose is a {@link WorkbenchError} with a code from this
 * catalogue. The code fixes the HTTP status (used by `api/` and nowhere else) and the CLI exit code;
 * the message names the file, row, column, field, node or arc that is wrong and what is wrong with it.
 */

export const errorCatalogue = {
  /** A command-line flag or an API field is missing, malformed or out of range. */
  INVALID_ARGUMENT: { status: 400, exit: 2, title: "invalid argument" },
  /** A data file cannot be read: missing, empty, unknown format. */
  FILE_UNREADABLE: { status: 400, exit: 3, title: "file unreadable" },
  /** A required column is absent from a data file. */
  MISSING_COLUMN: { status: 422, exit: 3, title: "missing column" },
  /** A value in a data file has the wrong type (text where a number is needed, bad timestamp). */
  INVALID_VALUE: { status: 422, exit: 3, title: "invalid value" },
  /** The same (series_id, ts) appears twice. */
  DUPLICATE_ROW: { status: 422, exit: 3, title: "duplicate row" },
  /** Time stamps of one series are out of order or of mixed kinds. */
  INVALID_TIME_INDEX: { status: 422, exit: 3, title: "invalid time index" },
  /** A series has missing periods and the caller did not ask to fill them. */
  GAPS_IN_SERIES: { status: 422, exit: 3, title: "gaps in series" },
  /** A model input is outside the model's domain (negative cost, NaN in a series, too short). */
  INVALID_MODEL_INPUT: { status: 422, exit: 4, title: "invalid model input" },
  /** A network is malformed: cycle, unknown node, bad arc, negative cost. */
  INVALID_NETWORK: { status: 422, exit: 4, title: "invalid network" },
  /** A scenario or configuration document fails its schema. */
  INVALID_SCENARIO: { status: 422, exit: 4, title: "invalid scenario" },
  /** An optimisation problem has no feasible solution (e.g. service times that cannot be met). */
  INFEASIBLE: { status: 422, exit: 5, title: "infeasible" },
  /** A solver failed or gave up (time limit without a solution, numerical trouble). */
  SOLVER_FAILED: { status: 500, exit: 6, title: "solver failed" },
  /** Something is asked of the engine that does not exist (unknown model, job, route). */
  NOT_FOUND: { status: 404, exit: 2, title: "not found" },
  /** A worker thread died or a batch could not be processed. */
  WORKER_FAILED: { status: 500, exit: 7, title: "worker failed" },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** Where in the input the problem is; every field is optional, the message carries it too. */
export interface ErrorLocation {
  file?: string;
  row?: number;
  column?: string;
  field?: string;
  node?: string;
  arc?: string;
  series?: string;
}

export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = "WorkbenchError";
    this.code = code;
    this.location = location;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }

  toJSON(): { code: ErrorCode; message: string; location: ErrorLocation } {
    return { code: this.code, message: this.message, location: this.location };
  }
}

/** Shorthand for the most common case: an input field that is wrong. */
export function invalidInput(field: string, problem: string): WorkbenchError {
  return new WorkbenchError("INVALID_MODEL_INPUT", `${field}: ${problem}`, { field });
}

export function isWorkbenchError(e: unknown): e is WorkbenchError {
  return e instanceof WorkbenchError;
}

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

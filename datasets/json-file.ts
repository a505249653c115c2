import { readFileSync } from "node:fs";
import { WorkbenchError } from "../core/errors.ts";

/** Reads and parses a JSON document; a missing or malformed file is FILE_UNREADABLE naming the file. */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new WorkbenchError("FILE_UNREADABLE", `${path}: ${(e as Error).message.split("\n")[0]}`, {
      file: path,
    });
  }
}

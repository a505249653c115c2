import { readFileSync } from "node:fs";

/** The known-answer cases of ../shared/cases/inventory.json, all of them or those of one model. */
export function inventoryCases<T extends { model: string }>(model?: string): T[] {
  const all = (
    JSON.parse(readFileSync(new URL("../../../shared/cases/inventory.json", import.meta.url), "utf8")) as {
      cases: T[];
    }
  ).cases;
  return model === undefined ? all : all.filter((c) => c.model === model);
}

import { naiveModel } from "./naive.ts";
import { snaiveModel } from "./snaive.ts";
import type { DemandModel } from "./types.ts";

/** Every demand model by its CLI/API name. */
export const demandModels: Readonly<Record<string, DemandModel>> = Object.freeze({
  naive: naiveModel,
  snaive: snaiveModel,
});

export function demandModelNames(): string[] {
  return Object.keys(demandModels);
}

export * from "./errors.ts";
export * from "./rng.ts";
export type * from "./network.ts";

export * from "./errors.ts";
export type * from "./lp.ts";
export type * from "./network.ts";
export * from "./rng.ts";

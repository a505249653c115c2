// Entry file for piscina (or node:worker_threads): registers the TypeScript loader in the worker,
// then hands over the batch task of worker.ts. Usage:
//   new Piscina({ filename: new URL("./simulator/worker-boot.mjs", import.meta.url).href })
//   await pool.run({ scenario, fromIndex, count })  // -> Float64Array rows
import { register } from "tsx/esm/api";

register();
const task = await import("./worker.ts");
export default task.default;

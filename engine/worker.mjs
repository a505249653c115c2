// Worker-thread entry for the piscina pool. Worker threads do not inherit the parent's TypeScript
// loader (under vitest or `node --import tsx`), so each worker registers tsx itself, then loads the
// TypeScript task table.
import { register } from "tsx/esm/api";

register();
const { tasks } = await import("./worker-tasks.ts");

export default function run({ task, payload }) {
  const fn = tasks[task];
  if (!fn) throw new Error(`unknown worker task '${task}'`);
  return fn(payload);
}

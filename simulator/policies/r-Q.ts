/**
 * (r, Q): when IP ≤ r, order the smallest multiple n·Q of the batch that lifts IP above r
 * (periodic-review version of the continuous-review (r, Q) policy, Hadley & Whitin 1963;
 * Zipkin (2000) §6.5).
 */
export function rQOrder(r: number, Q: number, inventoryPosition: number): number {
  if (inventoryPosition > r) return 0;
  const batches = Math.floor((r - inventoryPosition) / Q) + 1;
  return batches * Q;
}

/**
 * Anchoring-and-adjustment ordering of the beer game (Sterman, "Modeling managerial behavior:
 * misperceptions of feedback in a dynamic decision making experiment", Management Science 35(3),
 * 1989, eq. 8–11): expected demand L̂_t = θ·(incoming orders)_t + (1 − θ)·L̂_{t−1}, and
 *   O_t = max(0, L̂_t + α_S (S′ − S_t − β SL_t)),
 * S_t = net stock (on hand − backlog), SL_t = supply line (ordered, not yet received). β < 1 means
 * the supply line is under-weighted, the misperception that creates the bullwhip.
 */
export function anchoringAdjustmentOrder(
  expectedDemand: number,
  alphaS: number,
  desiredStock: number,
  netStock: number,
  beta: number,
  supplyLine: number,
): number {
  const q = expectedDemand + alphaS * (desiredStock - netStock - beta * supplyLine);
  return Math.max(q, 0);
}

/**
 * Periodic review (R, S): every R periods (when (t − phase) mod R = 0) order S − IP. The level
 * protects R + L periods of demand (Silver, Pyke & Thomas, Inventory and Production Management in
 * Supply Chains, 4th ed., 2017, §6.7; costs on end-of-period net stock average the R cycles).
 */
export function periodicReviewOrder(
  period: number,
  R: number,
  phase: number,
  S: number,
  inventoryPosition: number,
): number {
  if ((period - phase) % R !== 0) return 0;
  return inventoryPosition < S ? S - inventoryPosition : 0;
}

/**
 * (s, S): at review, if IP ≤ s order up to S, else nothing. Optimal under a fixed ordering cost K
 * (Scarf 1960); the optimal pair is found by the Zheng & Federgruen (1991) algorithm.
 * Source: Zipkin (2000) §6.7; Snyder & Shen §4.5.
 */
export function sSOrder(s: number, S: number, inventoryPosition: number): number {
  return inventoryPosition <= s ? S - inventoryPosition : 0;
}

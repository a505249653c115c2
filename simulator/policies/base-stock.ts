/**
 * Base-stock (order-up-to S, one-for-one in the limit): order S − IP whenever IP < S.
 * With lead time L and review every period the order-up-to level protects L + 1 periods of demand;
 * the cost-minimising S is the critical fractile F⁻¹_{L+1}(p / (p + h)) (Zipkin, Foundations of
 * Inventory Management, 2000, §6.2; Snyder & Shen, Fundamentals of Supply Chain Theory, §4.3).
 */
export function baseStockOrder(S: number, inventoryPosition: number): number {
  return inventoryPosition < S ? S - inventoryPosition : 0;
}

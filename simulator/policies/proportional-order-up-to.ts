/**
 * Proportional order-up-to (POUT): o_t = f̂_t + (target_t − IP_t) / T_i, a proportional controller
 * on the inventory-position gap. With i.i.d. demand and f̂ = μ, Var(o)/Var(D) = 1/(2T_i − 1) and
 * Var(net stock)/Var(D) = 1 + L + (T_i − 1)²/(2T_i − 1) (Disney & Towill, "On the bullwhip and
 * inventory variance produced by an ordering policy", Omega 31, 2003). T_i = 1 is the order-up-to
 * policy; T_i > 1 damps the bullwhip at the cost of more net-stock variance.
 */
export function proportionalOrderUpToOrder(
  forecast: number,
  target: number,
  inventoryPosition: number,
  Ti: number,
  allowNegativeOrders: boolean,
): number {
  const q = forecast + (target - inventoryPosition) / Ti;
  return allowNegativeOrders || q > 0 ? q : 0;
}

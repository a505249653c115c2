/**
 * Order-up-to driven by a forecast: y_t = cover · m̂_t + safety stock (or, for the AR(1) forecaster,
 * y_t = Σ_{k=1..cover} E[D_{t+k} | D_t] + safety), and the order is q_t = y_t − IP_t. When every
 * order is honoured (negative orders allowed) this is q_t = y_t − y_{t−1} + D_t, the policy whose
 * bullwhip ratio Var(q)/Var(D) Chen, Drezner, Ryan & Simchi-Levi (Management Science 46(3), 2000)
 * and Lee, Padmanabhan & Whang (Management Science 43(4), 1997) derive in closed form.
 */
export function forecastOrderUpToOrder(
  target: number,
  inventoryPosition: number,
  allowNegativeOrders: boolean,
): number {
  const q = target - inventoryPosition;
  return allowNegativeOrders || q > 0 ? q : 0;
}

/**
 * Service, cost and variability metrics over per-period series (a trace, or any history).
 *  - fill rate (β service): units served from stock on arrival / units demanded;
 *  - cycle service level (α service, per period): share of periods ending without backorders;
 *  - bullwhip ratio Var(orders)/Var(demand) (Lee, Padmanabhan & Whang, Management Science 43(4),
 *    1997; Chen et al., Management Science 46(3), 2000);
 *  - net-stock amplification Var(net stock)/Var(demand) (Disney & Towill, Omega 31, 2003).
 * Variances are unbiased sample variances over [from, to).
 */
export function sampleVariance(x: Float64Array, from = 0, to = x.length): number {
  const n = to - from;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = from; i < to; i++) mean += x[i]!;
  mean /= n;
  let ss = 0;
  for (let i = from; i < to; i++) ss += (x[i]! - mean) ** 2;
  return ss / (n - 1);
}

export function bullwhipRatio(orders: Float64Array, demand: Float64Array, from = 0): number {
  return sampleVariance(orders, from) / sampleVariance(demand, from);
}

export function netStockAmplification(netStock: Float64Array, demand: Float64Array, from = 0): number {
  return sampleVariance(netStock, from) / sampleVariance(demand, from);
}

export function fillRate(served: Float64Array, demand: Float64Array, from = 0): number {
  let s = 0;
  let d = 0;
  for (let i = from; i < demand.length; i++) {
    s += served[i]!;
    d += demand[i]!;
  }
  return d > 0 ? s / d : Number.NaN;
}

export function cycleServiceLevel(backorders: Float64Array, from = 0): number {
  let ok = 0;
  for (let i = from; i < backorders.length; i++) if (backorders[i]! <= 1e-9) ok++;
  return ok / (backorders.length - from);
}

/** Mean of a series over [from, end): on hand, backorders or cost per period. */
export function periodMean(x: Float64Array, from = 0): number {
  let s = 0;
  for (let i = from; i < x.length; i++) s += x[i]!;
  return s / (x.length - from);
}

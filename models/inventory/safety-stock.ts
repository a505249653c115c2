import { invalidInput } from "../../core/errors.ts";
import { requireNonNegative, requireOpenUnit, requirePositive } from "./check.ts";
import { checkPmf, negativeBinomialPmf, pmfShortfall, poissonPmf } from "./discrete-demand.ts";
import { normalLoss, normalQuantile } from "./normal-distribution.ts";

/**
 * Safety stock and reorder points for service targets, the lead-time demand they rest on, and the
 * demand uncertainty taken from forecast errors.
 *
 * Sources: Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains, 4th ed. (2017),
 * ch. 6–7 (cycle service level P1, fill rate P2, ready rate P3, random lead times,
 * σ from MAD); Zipkin (2000) §6.4–6.5 for the exact (r, Q) fill rate with backorders; Axsäter,
 * Inventory Control (2015) §5.3.
 */

export interface DemandOverLeadTime {
  /** Mean demand per period, μ_D. */
  demandMean: number;
  /** Standard deviation of demand per period, σ_D (periods independent). */
  demandSd: number;
  /** Mean lead time in periods, E[L]. */
  leadTimeMean: number;
  /** Standard deviation of the lead time in periods (default 0: fixed lead time). */
  leadTimeSd?: number;
  /** Review period R added to the lead time for periodic review (default 0: continuous review). */
  reviewPeriod?: number;
}

/**
 * Mean and standard deviation of demand over the protection interval L + R with random L independent
 * of demand: mean μ_D(E[L] + R), variance σ_D²(E[L] + R) + μ_D² Var[L] (SPT 2017, ch. 6).
 */
export function leadTimeDemand(input: DemandOverLeadTime): { mean: number; sd: number } {
  const { demandMean, demandSd, leadTimeMean } = input;
  requireNonNegative("demandMean", demandMean);
  requireNonNegative("demandSd", demandSd);
  requireNonNegative("leadTimeMean", leadTimeMean);
  const leadTimeSd = input.leadTimeSd ?? 0;
  const review = input.reviewPeriod ?? 0;
  requireNonNegative("leadTimeSd", leadTimeSd);
  requireNonNegative("reviewPeriod", review);
  const periods = leadTimeMean + review;
  return {
    mean: demandMean * periods,
    sd: Math.sqrt(demandSd * demandSd * periods + demandMean * demandMean * leadTimeSd * leadTimeSd),
  };
}

export interface SafetyStockResult {
  /** Safety factor k (SS = kσ_L). */
  safetyFactor: number;
  safetyStock: number;
  /** Reorder point (continuous review) or order-up-to level (periodic review): μ_L + SS. */
  reorderPoint: number;
  /** Protection-interval demand used. */
  leadTimeDemandMean: number;
  leadTimeDemandSd: number;
  /** Safety stock expressed in periods of mean demand (days of cover when the period is a day). */
  periodsOfCover: number;
}

function result(k: number, ltd: { mean: number; sd: number }, demandMean: number): SafetyStockResult {
  const safetyStock = k * ltd.sd;
  return {
    safetyFactor: k,
    safetyStock,
    reorderPoint: ltd.mean + safetyStock,
    leadTimeDemandMean: ltd.mean,
    leadTimeDemandSd: ltd.sd,
    periodsOfCover: daysOfCover(safetyStock, demandMean),
  };
}

/** Cycle service level α = P(no stockout in a replenishment cycle): k = Φ⁻¹(α) (SPT §7.5.1). */
export function safetyStockForCycleService(
  input: DemandOverLeadTime & { cycleServiceLevel: number },
): SafetyStockResult {
  requireOpenUnit("cycleServiceLevel", input.cycleServiceLevel);
  return result(normalQuantile(input.cycleServiceLevel), leadTimeDemand(input), input.demandMean);
}

/**
 * Fill rate β (share of demand met from stock) for an (r, Q) policy with normal lead-time demand and
 * backorders: the expected shortage per cycle is σ_L[L(k) − L(k + Q/σ_L)] (Zipkin 2000, §6.4), so
 * k solves σ_L[L(k) − L(k + Q/σ_L)] = (1 − β)Q, by bisection (the left side falls in k). The common
 * textbook form σ_L L(k) = (1 − β)Q (SPT ch. 7) drops the second term and is slightly conservative.
 * The ready rate (share of time with stock on hand) of this continuous model has the same expression
 * (SPT §7.5.3), so it is served by this function too.
 */
export function safetyStockForFillRate(
  input: DemandOverLeadTime & { fillRate: number; orderQuantity: number },
): SafetyStockResult {
  requireOpenUnit("fillRate", input.fillRate);
  requirePositive("orderQuantity", input.orderQuantity);
  const ltd = leadTimeDemand(input);
  if (!(ltd.sd > 0))
    throw invalidInput("demandSd", "lead-time demand has no spread; a fill rate needs σ > 0");
  const target = ((1 - input.fillRate) * input.orderQuantity) / ltd.sd;
  const q = input.orderQuantity / ltd.sd;
  const shortage = (k: number): number => normalLoss(k) - normalLoss(k + q);
  let lo = -10;
  let hi = 10;
  // shortage(−10) ≈ q: with β > 0 the target is below it; widen hi until the shortage is small enough
  while (shortage(hi) > target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi);
    if (shortage(mid) > target) lo = mid;
    else hi = mid;
  }
  return result(hi, ltd, input.demandMean);
}

/** Lead-time demand of a slow mover: Poisson, negative binomial (variance > mean) or any masses. */
export type DiscreteLeadTimeDemand =
  | { distribution: "poisson"; mean: number }
  | { distribution: "negativeBinomial"; mean: number; variance: number }
  | { distribution: "pmf"; pmf: ArrayLike<number> };

/**
 * Smallest integer reorder point r of an (r, Q) policy with discrete lead-time demand whose fill rate
 * 1 − [B(r) − B(r + Q)]/Q reaches β, with B(y) = E[(D_L − y)⁺] (unit demands: Zipkin 2000 §6.5;
 * SPT §7.9 for slow movers). With unit demands this is also the ready rate.
 */
export function reorderPointForFillRateDiscrete(input: {
  leadTimeDemand: DiscreteLeadTimeDemand;
  fillRate: number;
  orderQuantity: number;
}): { reorderPoint: number; fillRate: number } {
  requireOpenUnit("fillRate", input.fillRate);
  const Q = input.orderQuantity;
  if (!(Number.isInteger(Q) && Q >= 1))
    throw invalidInput("orderQuantity", `must be a positive integer, got ${Q}`);
  const d = input.leadTimeDemand;
  const pmf =
    d.distribution === "poisson"
      ? poissonPmf(d.mean)
      : d.distribution === "negativeBinomial"
        ? negativeBinomialPmf(d.mean, d.variance)
        : checkPmf(d.pmf, "leadTimeDemand.pmf");
  const top = pmf.length + Q;
  const B = pmfShortfall(pmf, top);
  let mean = 0;
  for (let k = 1; k < pmf.length; k++) mean += k * pmf[k]!;
  const shortfall = (y: number): number => (y < 0 ? mean - y : y <= top ? B[y]! : 0);
  const fill = (r: number): number => 1 - (shortfall(r) - shortfall(r + Q)) / Q;
  // fill(r) increases with r; start below any sensible point (r = −Q gives fill 0).
  let r = -Q;
  while (fill(r) < input.fillRate - 1e-12) r++;
  return { reorderPoint: r, fillRate: fill(r) };
}

/**
 * Standard deviation of one-step demand from forecast errors e_t = y_t − ŷ_t: the RMSE, or 1.25·MAD
 * (√(π/2) MAD, exact for normal errors; SPT §4.8.2). Errors must be out-of-sample (backtest) errors.
 */
export function demandSdFromForecastErrors(
  errors: ArrayLike<number>,
  method: "rmse" | "mad" = "rmse",
): number {
  if (errors.length === 0) throw invalidInput("errors", "need at least one forecast error");
  let acc = 0;
  for (let t = 0; t < errors.length; t++) {
    const e = errors[t]!;
    if (!Number.isFinite(e)) throw invalidInput(`errors[${t}]`, `must be a finite number, got ${e}`);
    acc += method === "rmse" ? e * e : Math.abs(e);
  }
  const n = errors.length;
  return method === "rmse" ? Math.sqrt(acc / n) : Math.sqrt(Math.PI / 2) * (acc / n);
}

/** Stock expressed in periods of mean demand: stock / demand per period (days of cover for days). */
export function daysOfCover(stock: number, demandPerPeriod: number): number {
  requireNonNegative("demandPerPeriod", demandPerPeriod);
  return demandPerPeriod > 0 ? stock / demandPerPeriod : Infinity;
}

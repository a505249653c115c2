import { probit } from "simple-statistics";

/**
 * Standard normal density, distribution, quantile and loss functions at double precision, shared by
 * the single-echelon inventory models (their known answers need ~1e-9 relative accuracy, more than
 * table or single-formula approximations give).
 *
 * Φ(x): Marsaglia's Taylor series Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)) for |x| ≤ 3
 * (G. Marsaglia, "Evaluating the normal distribution", J. Stat. Software 11(4), 2004), and the
 * Laplace continued fraction for the Mills ratio beyond, which keeps tail probabilities relatively
 * accurate. Φ⁻¹: simple-statistics' probit as a start, polished by Halley steps on the exact Φ.
 * Loss functions: Zipkin (2000), Foundations of Inventory Management, §C.3;
 * L(z) = E[(Z − z)⁺] = φ(z) − z(1 − Φ(z)),  L₂(z) = ½E[((Z − z)⁺)²] = ½[(z² + 1)(1 − Φ(z)) − zφ(z)].
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** Standard normal density φ(x). */
export function normalDensity(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Upper tail 1 − Φ(x) for x ≥ 0 (relative accuracy kept in the far tail). */
function upperTail(x: number): number {
  if (x <= 3) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let i = 3; i < 200; i += 2) {
      term *= x2 / i;
      const next = sum + term;
      if (next === sum) break;
      sum = next;
    }
    return 0.5 - normalDensity(x) * sum;
  }
  // Mills ratio R(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))), evaluated bottom-up.
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / fraction;
  return normalDensity(x) / fraction;
}

/** Standard normal distribution function Φ(x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
}

/** Complementary distribution 1 − Φ(x), accurate in the upper tail. */
export function normalSurvival(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x >= 0 ? upperTail(x) : 1 - upperTail(-x);
}

/** Standard normal quantile Φ⁻¹(p) for 0 < p < 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  let x = probit(p);
  if (!Number.isFinite(x)) x = p < 0.5 ? -8 : 8;
  for (let i = 0; i < 8; i++) {
    // Halley's step on f(x) = Φ(x) − p (f' = φ, f'' = −xφ); the error is computed on the tail side
    // closer to 0 so that extreme probabilities keep their relative precision.
    const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalSurvival(x);
    const density = normalDensity(x);
    if (density === 0) break;
    const ratio = error / density;
    const step = ratio / (1 + 0.5 * x * ratio);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

/** First-order standard normal loss L(z) = E[(Z − z)⁺] = φ(z) − z(1 − Φ(z)). */
export function normalLoss(z: number): number {
  return normalDensity(z) - z * normalSurvival(z);
}

/** Second-order standard normal loss L₂(z) = ½E[((Z − z)⁺)²] = ½[(z² + 1)(1 − Φ(z)) − zφ(z)]. */
export function normalSecondLoss(z: number): number {
  return 0.5 * ((z * z + 1) * normalSurvival(z) - z * normalDensity(z));
}

import { invalidInput } from "../core/errors.ts";
import type { Rng } from "../core/rng.ts";
import { normalQuantileForLevel } from "../models/demand/intervals.ts";
import type { Forecast } from "../models/demand/types.ts";

/**
 * Demand sources for the simulator, one per demand node. Each source fills a Float64Array with one
 * value per period from a seeded {@link Rng}, so a replication's demand depends only on (seed, index).
 *
 * Samplers (all driven by the seeded Rng's 32-bit outputs):
 * - Normal: the ziggurat method with 128 layers (Marsaglia & Tsang, "The ziggurat method for
 *   generating random variables", J. Statistical Software 5(8), 2000), one 32-bit draw per variate
 *   ~99% of the time; the layer index and the signed 25-bit abscissa use disjoint bits of the draw
 *   (the correlation Doornik 2005 pointed out in the original does not arise).
 * - Poisson: inversion by sequential search for λ < 30; PTRS transformed rejection for λ ≥ 30
 *   (Hörmann, "The transformed rejection method for generating Poisson random variables",
 *   Insurance: Mathematics and Economics 12, 1993).
 * - Gamma: Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000.
 * - Negative binomial (mean μ, size r): the gamma–Poisson mixture λ ~ Gamma(r, μ/r), D ~ Poisson(λ),
 *   so Var D = μ + μ²/r.
 * - AR(1): D_t = μ + φ (D_{t−1} − μ) + ε_t, ε_t ~ N(0, σ²), started from the stationary law
 *   N(μ, σ²/(1 − φ²)) (Box & Jenkins), as the bullwhip results of Chen et al. (2000) assume.
 */
export type DemandSpec =
  | { kind: "normal"; mean: number; sd: number; allowNegative?: boolean }
  | { kind: "poisson"; mean: number }
  | { kind: "negative-binomial"; mean: number; size: number }
  | { kind: "ar1"; mean: number; phi: number; sd: number; allowNegative?: boolean }
  | { kind: "constant"; value: number }
  | { kind: "step"; before: number; after: number; at: number }
  /** Replays a history (cyclically), or bootstraps single periods from it when mode = "bootstrap". */
  | { kind: "history"; values: number[]; mode?: "replay" | "bootstrap" }
  /** Draws around a forecast: mean_t + sd_t·z, truncated at zero; sd constant or per period. */
  | { kind: "forecast"; mean: number[]; sd?: number | number[] };

export type DemandKind = DemandSpec["kind"];
export const demandKinds: readonly DemandKind[] = [
  "normal",
  "poisson",
  "negative-binomial",
  "ar1",
  "constant",
  "step",
  "history",
  "forecast",
];

// Ziggurat tables (Marsaglia & Tsang 2000, 128 layers, tail start r = 3.442619855899).
const ZIG_M = 16777216; // 2^24: |abscissa| range of the signed 25-bit integer
const zigK = new Float64Array(128);
const zigW = new Float64Array(128);
const zigF = new Float64Array(128);
{
  let dn = 3.442619855899;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / Math.exp(-0.5 * dn * dn);
  zigK[0] = (dn / q) * ZIG_M;
  zigK[1] = 0;
  zigW[0] = q / ZIG_M;
  zigW[127] = dn / ZIG_M;
  zigF[0] = 1;
  zigF[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    zigK[i + 1] = (dn / tn) * ZIG_M;
    tn = dn;
    zigF[i] = Math.exp(-0.5 * dn * dn);
    zigW[i] = dn / ZIG_M;
  }
}
const ZIG_R = 3.442619855899;

/** One standard normal draw by the ziggurat method. */
export function standardNormal(rng: Rng): number {
  // Fast path (≈99%): a point inside the layer's rectangle. Kept tiny so that it inlines.
  const u = rng.nextUint32();
  const iz = u & 127;
  const hz = (u | 0) >> 7;
  if ((hz < 0 ? -hz : hz) < zigK[iz]!) return hz * zigW[iz]!;
  return normalSlowPath(rng, hz, iz);
}

function normalSlowPath(rng: Rng, hz: number, iz: number): number {
  for (;;) {
    const x = hz * zigW[iz]!;
    if (iz === 0) {
      // Tail beyond r: Marsaglia's exponential rejection.
      let xt: number;
      let yt: number;
      do {
        xt = -Math.log(1 - rng.uniform()) / ZIG_R;
        yt = -Math.log(1 - rng.uniform());
      } while (yt + yt < xt * xt);
      return hz > 0 ? ZIG_R + xt : -ZIG_R - xt;
    }
    if (zigF[iz]! + rng.uniform() * (zigF[iz - 1]! - zigF[iz]!) < Math.exp(-0.5 * x * x)) return x;
    const u = rng.nextUint32();
    iz = u & 127;
    hz = (u | 0) >> 7;
    if ((hz < 0 ? -hz : hz) < zigK[iz]!) return hz * zigW[iz]!;
  }
}

/** One Poisson(λ) draw. */
export function samplePoisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const u = rng.uniform();
    let p = Math.exp(-lambda);
    let cdf = p;
    let k = 0;
    // Guard against u rounding above the computed cdf's limit in the far tail.
    while (u > cdf && k < 1000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - logFactorial(k)
    ) {
      return k;
    }
  }
}

/** ln k! — exact sum below 20, Stirling series above (error < 1e-10). */
export function logFactorial(k: number): number {
  if (k < 20) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/** One Gamma(shape, scale) draw (mean shape·scale). */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) · U^{1/a} (Marsaglia & Tsang, §6).
    return sampleGamma(rng, shape + 1, scale) * rng.uniform() ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** One negative binomial draw with mean μ and size r (Var = μ + μ²/r). */
export function sampleNegativeBinomial(rng: Rng, mean: number, size: number): number {
  return samplePoisson(rng, sampleGamma(rng, size, mean / size));
}

/**
 * Fills `out` with demand for periods 0..out.length−1. Draws come from `rng` in period order, so the
 * same stream always gives the same demand.
 */
export function generateDemand(spec: DemandSpec, rng: Rng, out: Float64Array): Float64Array {
  const n = out.length;
  switch (spec.kind) {
    case "normal": {
      const { mean, sd } = spec;
      const clip = spec.allowNegative !== true;
      for (let t = 0; t < n; t++) {
        const d = mean + sd * standardNormal(rng);
        out[t] = clip && d < 0 ? 0 : d;
      }
      break;
    }
    case "poisson":
      for (let t = 0; t < n; t++) out[t] = samplePoisson(rng, spec.mean);
      break;
    case "negative-binomial":
      for (let t = 0; t < n; t++) out[t] = sampleNegativeBinomial(rng, spec.mean, spec.size);
      break;
    case "ar1": {
      const { mean, phi, sd } = spec;
      const clip = spec.allowNegative !== true;
      // Stationary start: D_0 − μ ~ N(0, σ²/(1−φ²)).
      let dev = (sd / Math.sqrt(1 - phi * phi)) * standardNormal(rng);
      for (let t = 0; t < n; t++) {
        if (t > 0) dev = phi * dev + sd * standardNormal(rng);
        const d = mean + dev;
        out[t] = clip && d < 0 ? 0 : d;
      }
      break;
    }
    case "constant":
      out.fill(spec.value);
      break;
    case "step":
      for (let t = 0; t < n; t++) out[t] = t < spec.at ? spec.before : spec.after;
      break;
    case "history": {
      const v = spec.values;
      const m = v.length;
      if (spec.mode === "bootstrap") {
        for (let t = 0; t < n; t++) out[t] = v[rng.int(m)]!;
      } else {
        for (let t = 0; t < n; t++) out[t] = v[t % m]!;
      }
      break;
    }
    case "forecast": {
      const mu = spec.mean;
      const m = mu.length;
      const sd = spec.sd ?? 0;
      for (let t = 0; t < n; t++) {
        // Beyond the forecast horizon the last forecast value is held.
        const i = t < m ? t : m - 1;
        const s = typeof sd === "number" ? sd : (sd[i] ?? 0);
        const d = mu[i]! + (s > 0 ? s * standardNormal(rng) : 0);
        out[t] = Math.max(d, 0);
      }
      break;
    }
  }
  return out;
}

/** Mean demand per period implied by a spec (used for default initial stock and expectations). */
export function demandMean(spec: DemandSpec): number {
  switch (spec.kind) {
    case "normal":
    case "poisson":
    case "negative-binomial":
    case "ar1":
      return spec.mean;
    case "constant":
      return spec.value;
    case "step":
      return spec.before;
    case "history":
      return spec.values.reduce((s, x) => s + x, 0) / Math.max(1, spec.values.length);
    case "forecast":
      return spec.mean.reduce((s, x) => s + x, 0) / Math.max(1, spec.mean.length);
  }
}

/**
 * Demand drawn around a model's forecast: mean_t from the forecast and sd_t recovered from its
 * central interval at `level` (percent) as (upper − lower) / (2 z), z = Φ⁻¹(1/2 + level/200),
 * i.e. the normal approximation the interval was built with (Hyndman & Athanasopoulos, FPP3 §5.5).
 */
export function demandFromForecast(forecast: Forecast, levels: readonly number[], level: number): DemandSpec {
  const k = levels.indexOf(level);
  if (k < 0) throw invalidInput("level", `${level} is not one of the forecast's levels ${levels.join(", ")}`);
  const z = normalQuantileForLevel(level);
  const lower = forecast.lower[k]!;
  const upper = forecast.upper[k]!;
  const mean = Array.from(forecast.mean);
  const sd = mean.map((_, t) => Math.max(0, (upper[t]! - lower[t]!) / (2 * z)));
  return { kind: "forecast", mean, sd };
}

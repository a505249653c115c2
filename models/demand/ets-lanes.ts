import { MULTIPLICATIVE } from "./ets-core.ts";
import { type EtsObjective, LIKELIHOOD } from "./ets-objective.ts";

/**
 * The ETS likelihood recursion of `EtsObjective` for up to four models at once (one "lane" each): every
 * lane runs exactly the arithmetic of the one-model loop, in the same order, so each lane's −2·log L is
 * bit for bit what `EtsObjective.evaluate` returns.
 *
 * Why: one evaluation is a chain of dependent additions and multiplications (ℓ_t needs ℓ_{t−1} and
 * b_{t−1}, Hyndman et al. 2008, §2.2), so a single recursion waits on floating-point latency and leaves
 * most of the processor idle. The candidate models of AutoETS are fitted by independent Nelder–Mead
 * searches; running one trial point of each of four searches in the same loop lets the processor overlap
 * the four chains, at little more than the cost of one.
 *
 * All lanes share the series and the season type (one function per season type, so that the loop has no
 * season branches); the error type and the presence of a trend may differ per lane (predictable
 * branches). Each lane object must have been through `prepare` (its α, β, γ, φ in `values`, its initial
 * state in `x0`); the result goes to `values[LIKELIHOOD]`, to be read with `result()`. Lanes from
 * `count` on are ignored.
 */

const MULTIPLICATIVE_ERROR = MULTIPLICATIVE;

/** Models without season (ETS(·,N|A|Ad,N)). */
export function noSeasonLanes(lanes: readonly EtsObjective[], count: number): void {
  const y = lanes[0]!.y;
  const n = y.length;
  const o0 = lanes[0]!;
  const v0 = o0.values;
  const alpha0 = v0[0]!;
  const trend0 = o0.hasTrend;
  const betaRatio0 = trend0 ? v0[1]! / alpha0 : 0;
  const phi0 = v0[3]!;
  const mError0 = o0.errorType === MULTIPLICATIVE_ERROR;
  let level0 = o0.x0[0]!;
  let growth0 = trend0 ? o0.x0[1]! : 0;
  let sse0 = 0;
  let sumLog0 = 0;
  let product0 = 1;
  const on1 = count > 1;
  const o1 = on1 ? lanes[1]! : o0;
  const v1 = o1.values;
  const alpha1 = v1[0]!;
  const trend1 = o1.hasTrend;
  const betaRatio1 = trend1 ? v1[1]! / alpha1 : 0;
  const phi1 = v1[3]!;
  const mError1 = o1.errorType === MULTIPLICATIVE_ERROR;
  let level1 = o1.x0[0]!;
  let growth1 = trend1 ? o1.x0[1]! : 0;
  let sse1 = 0;
  let sumLog1 = 0;
  let product1 = 1;
  const on2 = count > 2;
  const o2 = on2 ? lanes[2]! : o0;
  const v2 = o2.values;
  const alpha2 = v2[0]!;
  const trend2 = o2.hasTrend;
  const betaRatio2 = trend2 ? v2[1]! / alpha2 : 0;
  const phi2 = v2[3]!;
  const mError2 = o2.errorType === MULTIPLICATIVE_ERROR;
  let level2 = o2.x0[0]!;
  let growth2 = trend2 ? o2.x0[1]! : 0;
  let sse2 = 0;
  let sumLog2 = 0;
  let product2 = 1;
  const on3 = count > 3;
  const o3 = on3 ? lanes[3]! : o0;
  const v3 = o3.values;
  const alpha3 = v3[0]!;
  const trend3 = o3.hasTrend;
  const betaRatio3 = trend3 ? v3[1]! / alpha3 : 0;
  const phi3 = v3[3]!;
  const mError3 = o3.errorType === MULTIPLICATIVE_ERROR;
  let level3 = o3.x0[0]!;
  let growth3 = trend3 ? o3.x0[1]! : 0;
  let sse3 = 0;
  let sumLog3 = 0;
  let product3 = 1;
  for (let t = 0; t < n; t++) {
    const yt = y[t]!;
    {
      let dampedGrowth = 0;
      let q = level0;
      if (trend0) {
        dampedGrowth = phi0 * growth0;
        q = level0 + dampedGrowth;
      }
      let e: number;
      if (mError0) {
        e = (yt - q) / q;
        product0 *= Math.abs(q);
        if (product0 > 1e150 || product0 < 1e-150) {
          sumLog0 += Math.log(product0);
          product0 = 1;
        }
      } else {
        e = yt - q;
      }
      sse0 += e * e;
      const newLevel = q + alpha0 * (yt - q);
      if (trend0) growth0 = dampedGrowth + betaRatio0 * (newLevel - level0 - dampedGrowth);
      level0 = newLevel;
    }
    if (on1) {
      let dampedGrowth = 0;
      let q = level1;
      if (trend1) {
        dampedGrowth = phi1 * growth1;
        q = level1 + dampedGrowth;
      }
      let e: number;
      if (mError1) {
        e = (yt - q) / q;
        product1 *= Math.abs(q);
        if (product1 > 1e150 || product1 < 1e-150) {
          sumLog1 += Math.log(product1);
          product1 = 1;
        }
      } else {
        e = yt - q;
      }
      sse1 += e * e;
      const newLevel = q + alpha1 * (yt - q);
      if (trend1) growth1 = dampedGrowth + betaRatio1 * (newLevel - level1 - dampedGrowth);
      level1 = newLevel;
    }
    if (on2) {
      let dampedGrowth = 0;
      let q = level2;
      if (trend2) {
        dampedGrowth = phi2 * growth2;
        q = level2 + dampedGrowth;
      }
      let e: number;
      if (mError2) {
        e = (yt - q) / q;
        product2 *= Math.abs(q);
        if (product2 > 1e150 || product2 < 1e-150) {
          sumLog2 += Math.log(product2);
          product2 = 1;
        }
      } else {
        e = yt - q;
      }
      sse2 += e * e;
      const newLevel = q + alpha2 * (yt - q);
      if (trend2) growth2 = dampedGrowth + betaRatio2 * (newLevel - level2 - dampedGrowth);
      level2 = newLevel;
    }
    if (on3) {
      let dampedGrowth = 0;
      let q = level3;
      if (trend3) {
        dampedGrowth = phi3 * growth3;
        q = level3 + dampedGrowth;
      }
      let e: number;
      if (mError3) {
        e = (yt - q) / q;
        product3 *= Math.abs(q);
        if (product3 > 1e150 || product3 < 1e-150) {
          sumLog3 += Math.log(product3);
          product3 = 1;
        }
      } else {
        e = yt - q;
      }
      sse3 += e * e;
      const newLevel = q + alpha3 * (yt - q);
      if (trend3) growth3 = dampedGrowth + betaRatio3 * (newLevel - level3 - dampedGrowth);
      level3 = newLevel;
    }
  }
  {
    let lik = n * Math.log(sse0);
    if (mError0) lik += 2 * (sumLog0 + Math.log(product0));
    v0[LIKELIHOOD] = lik;
  }
  if (on1) {
    let lik = n * Math.log(sse1);
    if (mError1) lik += 2 * (sumLog1 + Math.log(product1));
    v1[LIKELIHOOD] = lik;
  }
  if (on2) {
    let lik = n * Math.log(sse2);
    if (mError2) lik += 2 * (sumLog2 + Math.log(product2));
    v2[LIKELIHOOD] = lik;
  }
  if (on3) {
    let lik = n * Math.log(sse3);
    if (mError3) lik += 2 * (sumLog3 + Math.log(product3));
    v3[LIKELIHOOD] = lik;
  }
}

/** Models with additive season (ETS(·,N|A|Ad,A)). */
export function additiveSeasonLanes(
  lanes: readonly EtsObjective[],
  count: number,
  ring: Float64Array,
  m: number,
): void {
  const y = lanes[0]!.y;
  const n = y.length;
  const offset1 = 1 * m;
  const offset2 = 2 * m;
  const offset3 = 3 * m;
  const o0 = lanes[0]!;
  o0.loadRing(ring, 0, m);
  const v0 = o0.values;
  const alpha0 = v0[0]!;
  const trend0 = o0.hasTrend;
  const betaRatio0 = trend0 ? v0[1]! / alpha0 : 0;
  const gamma0 = v0[2]!;
  const phi0 = v0[3]!;
  const mError0 = o0.errorType === MULTIPLICATIVE_ERROR;
  let level0 = o0.x0[0]!;
  let growth0 = trend0 ? o0.x0[1]! : 0;
  let sse0 = 0;
  let sumLog0 = 0;
  let product0 = 1;
  const on1 = count > 1;
  const o1 = on1 ? lanes[1]! : o0;
  if (on1) o1.loadRing(ring, 1 * m, m);
  const v1 = o1.values;
  const alpha1 = v1[0]!;
  const trend1 = o1.hasTrend;
  const betaRatio1 = trend1 ? v1[1]! / alpha1 : 0;
  const gamma1 = v1[2]!;
  const phi1 = v1[3]!;
  const mError1 = o1.errorType === MULTIPLICATIVE_ERROR;
  let level1 = o1.x0[0]!;
  let growth1 = trend1 ? o1.x0[1]! : 0;
  let sse1 = 0;
  let sumLog1 = 0;
  let product1 = 1;
  const on2 = count > 2;
  const o2 = on2 ? lanes[2]! : o0;
  if (on2) o2.loadRing(ring, 2 * m, m);
  const v2 = o2.values;
  const alpha2 = v2[0]!;
  const trend2 = o2.hasTrend;
  const betaRatio2 = trend2 ? v2[1]! / alpha2 : 0;
  const gamma2 = v2[2]!;
  const phi2 = v2[3]!;
  const mError2 = o2.errorType === MULTIPLICATIVE_ERROR;
  let level2 = o2.x0[0]!;
  let growth2 = trend2 ? o2.x0[1]! : 0;
  let sse2 = 0;
  let sumLog2 = 0;
  let product2 = 1;
  const on3 = count > 3;
  const o3 = on3 ? lanes[3]! : o0;
  if (on3) o3.loadRing(ring, 3 * m, m);
  const v3 = o3.values;
  const alpha3 = v3[0]!;
  const trend3 = o3.hasTrend;
  const betaRatio3 = trend3 ? v3[1]! / alpha3 : 0;
  const gamma3 = v3[2]!;
  const phi3 = v3[3]!;
  const mError3 = o3.errorType === MULTIPLICATIVE_ERROR;
  let level3 = o3.x0[0]!;
  let growth3 = trend3 ? o3.x0[1]! : 0;
  let sse3 = 0;
  let sumLog3 = 0;
  let product3 = 1;
  let k = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t]!;
    {
      let dampedGrowth = 0;
      let q = level0;
      if (trend0) {
        dampedGrowth = phi0 * growth0;
        q = level0 + dampedGrowth;
      }
      const seasonal = ring[k]!;
      const fitted = q + seasonal;
      let e: number;
      if (mError0) {
        e = (yt - fitted) / fitted;
        product0 *= Math.abs(fitted);
        if (product0 > 1e150 || product0 < 1e-150) {
          sumLog0 += Math.log(product0);
          product0 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse0 += e * e;
      const newLevel = q + alpha0 * (yt - seasonal - q);
      if (trend0) growth0 = dampedGrowth + betaRatio0 * (newLevel - level0 - dampedGrowth);
      ring[k] = seasonal + gamma0 * (yt - q - seasonal);
      level0 = newLevel;
    }
    if (on1) {
      let dampedGrowth = 0;
      let q = level1;
      if (trend1) {
        dampedGrowth = phi1 * growth1;
        q = level1 + dampedGrowth;
      }
      const seasonal = ring[k + offset1]!;
      const fitted = q + seasonal;
      let e: number;
      if (mError1) {
        e = (yt - fitted) / fitted;
        product1 *= Math.abs(fitted);
        if (product1 > 1e150 || product1 < 1e-150) {
          sumLog1 += Math.log(product1);
          product1 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse1 += e * e;
      const newLevel = q + alpha1 * (yt - seasonal - q);
      if (trend1) growth1 = dampedGrowth + betaRatio1 * (newLevel - level1 - dampedGrowth);
      ring[k + offset1] = seasonal + gamma1 * (yt - q - seasonal);
      level1 = newLevel;
    }
    if (on2) {
      let dampedGrowth = 0;
      let q = level2;
      if (trend2) {
        dampedGrowth = phi2 * growth2;
        q = level2 + dampedGrowth;
      }
      const seasonal = ring[k + offset2]!;
      const fitted = q + seasonal;
      let e: number;
      if (mError2) {
        e = (yt - fitted) / fitted;
        product2 *= Math.abs(fitted);
        if (product2 > 1e150 || product2 < 1e-150) {
          sumLog2 += Math.log(product2);
          product2 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse2 += e * e;
      const newLevel = q + alpha2 * (yt - seasonal - q);
      if (trend2) growth2 = dampedGrowth + betaRatio2 * (newLevel - level2 - dampedGrowth);
      ring[k + offset2] = seasonal + gamma2 * (yt - q - seasonal);
      level2 = newLevel;
    }
    if (on3) {
      let dampedGrowth = 0;
      let q = level3;
      if (trend3) {
        dampedGrowth = phi3 * growth3;
        q = level3 + dampedGrowth;
      }
      const seasonal = ring[k + offset3]!;
      const fitted = q + seasonal;
      let e: number;
      if (mError3) {
        e = (yt - fitted) / fitted;
        product3 *= Math.abs(fitted);
        if (product3 > 1e150 || product3 < 1e-150) {
          sumLog3 += Math.log(product3);
          product3 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse3 += e * e;
      const newLevel = q + alpha3 * (yt - seasonal - q);
      if (trend3) growth3 = dampedGrowth + betaRatio3 * (newLevel - level3 - dampedGrowth);
      ring[k + offset3] = seasonal + gamma3 * (yt - q - seasonal);
      level3 = newLevel;
    }
    k++;
    if (k === m) k = 0;
  }
  {
    let lik = n * Math.log(sse0);
    if (mError0) lik += 2 * (sumLog0 + Math.log(product0));
    v0[LIKELIHOOD] = lik;
  }
  if (on1) {
    let lik = n * Math.log(sse1);
    if (mError1) lik += 2 * (sumLog1 + Math.log(product1));
    v1[LIKELIHOOD] = lik;
  }
  if (on2) {
    let lik = n * Math.log(sse2);
    if (mError2) lik += 2 * (sumLog2 + Math.log(product2));
    v2[LIKELIHOOD] = lik;
  }
  if (on3) {
    let lik = n * Math.log(sse3);
    if (mError3) lik += 2 * (sumLog3 + Math.log(product3));
    v3[LIKELIHOOD] = lik;
  }
}

/** Models with multiplicative season (ETS(·,N|A|Ad,M)). */
export function multiplicativeSeasonLanes(
  lanes: readonly EtsObjective[],
  count: number,
  ring: Float64Array,
  m: number,
): void {
  const y = lanes[0]!.y;
  const n = y.length;
  const offset1 = 1 * m;
  const offset2 = 2 * m;
  const offset3 = 3 * m;
  const o0 = lanes[0]!;
  o0.loadRing(ring, 0, m);
  const v0 = o0.values;
  const alpha0 = v0[0]!;
  const trend0 = o0.hasTrend;
  const betaRatio0 = trend0 ? v0[1]! / alpha0 : 0;
  const gamma0 = v0[2]!;
  const phi0 = v0[3]!;
  const mError0 = o0.errorType === MULTIPLICATIVE_ERROR;
  let level0 = o0.x0[0]!;
  let growth0 = trend0 ? o0.x0[1]! : 0;
  let sse0 = 0;
  let sumLog0 = 0;
  let product0 = 1;
  const on1 = count > 1;
  const o1 = on1 ? lanes[1]! : o0;
  if (on1) o1.loadRing(ring, 1 * m, m);
  const v1 = o1.values;
  const alpha1 = v1[0]!;
  const trend1 = o1.hasTrend;
  const betaRatio1 = trend1 ? v1[1]! / alpha1 : 0;
  const gamma1 = v1[2]!;
  const phi1 = v1[3]!;
  const mError1 = o1.errorType === MULTIPLICATIVE_ERROR;
  let level1 = o1.x0[0]!;
  let growth1 = trend1 ? o1.x0[1]! : 0;
  let sse1 = 0;
  let sumLog1 = 0;
  let product1 = 1;
  const on2 = count > 2;
  const o2 = on2 ? lanes[2]! : o0;
  if (on2) o2.loadRing(ring, 2 * m, m);
  const v2 = o2.values;
  const alpha2 = v2[0]!;
  const trend2 = o2.hasTrend;
  const betaRatio2 = trend2 ? v2[1]! / alpha2 : 0;
  const gamma2 = v2[2]!;
  const phi2 = v2[3]!;
  const mError2 = o2.errorType === MULTIPLICATIVE_ERROR;
  let level2 = o2.x0[0]!;
  let growth2 = trend2 ? o2.x0[1]! : 0;
  let sse2 = 0;
  let sumLog2 = 0;
  let product2 = 1;
  const on3 = count > 3;
  const o3 = on3 ? lanes[3]! : o0;
  if (on3) o3.loadRing(ring, 3 * m, m);
  const v3 = o3.values;
  const alpha3 = v3[0]!;
  const trend3 = o3.hasTrend;
  const betaRatio3 = trend3 ? v3[1]! / alpha3 : 0;
  const gamma3 = v3[2]!;
  const phi3 = v3[3]!;
  const mError3 = o3.errorType === MULTIPLICATIVE_ERROR;
  let level3 = o3.x0[0]!;
  let growth3 = trend3 ? o3.x0[1]! : 0;
  let sse3 = 0;
  let sumLog3 = 0;
  let product3 = 1;
  // function-local: a module constant in the ternaries below made V8 box a double per step
  const tol = 1e-10;
  const hugeRatio = 1e10;
  let k = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t]!;
    {
      let dampedGrowth = 0;
      let q = level0;
      if (trend0) {
        dampedGrowth = phi0 * growth0;
        q = level0 + dampedGrowth;
      }
      const seasonal = ring[k]!;
      const fitted = q * seasonal;
      let e: number;
      if (mError0) {
        e = (yt - fitted) / fitted;
        product0 *= Math.abs(fitted);
        if (product0 > 1e150 || product0 < 1e-150) {
          sumLog0 += Math.log(product0);
          product0 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse0 += e * e;
      const deseasonalised = Math.abs(seasonal) < tol ? hugeRatio : yt / seasonal;
      const newLevel = q + alpha0 * (deseasonalised - q);
      if (trend0) growth0 = dampedGrowth + betaRatio0 * (newLevel - level0 - dampedGrowth);
      const ratio = Math.abs(q) < tol ? hugeRatio : yt / q;
      ring[k] = seasonal + gamma0 * (ratio - seasonal);
      level0 = newLevel;
    }
    if (on1) {
      let dampedGrowth = 0;
      let q = level1;
      if (trend1) {
        dampedGrowth = phi1 * growth1;
        q = level1 + dampedGrowth;
      }
      const seasonal = ring[k + offset1]!;
      const fitted = q * seasonal;
      let e: number;
      if (mError1) {
        e = (yt - fitted) / fitted;
        product1 *= Math.abs(fitted);
        if (product1 > 1e150 || product1 < 1e-150) {
          sumLog1 += Math.log(product1);
          product1 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse1 += e * e;
      const deseasonalised = Math.abs(seasonal) < tol ? hugeRatio : yt / seasonal;
      const newLevel = q + alpha1 * (deseasonalised - q);
      if (trend1) growth1 = dampedGrowth + betaRatio1 * (newLevel - level1 - dampedGrowth);
      const ratio = Math.abs(q) < tol ? hugeRatio : yt / q;
      ring[k + offset1] = seasonal + gamma1 * (ratio - seasonal);
      level1 = newLevel;
    }
    if (on2) {
      let dampedGrowth = 0;
      let q = level2;
      if (trend2) {
        dampedGrowth = phi2 * growth2;
        q = level2 + dampedGrowth;
      }
      const seasonal = ring[k + offset2]!;
      const fitted = q * seasonal;
      let e: number;
      if (mError2) {
        e = (yt - fitted) / fitted;
        product2 *= Math.abs(fitted);
        if (product2 > 1e150 || product2 < 1e-150) {
          sumLog2 += Math.log(product2);
          product2 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse2 += e * e;
      const deseasonalised = Math.abs(seasonal) < tol ? hugeRatio : yt / seasonal;
      const newLevel = q + alpha2 * (deseasonalised - q);
      if (trend2) growth2 = dampedGrowth + betaRatio2 * (newLevel - level2 - dampedGrowth);
      const ratio = Math.abs(q) < tol ? hugeRatio : yt / q;
      ring[k + offset2] = seasonal + gamma2 * (ratio - seasonal);
      level2 = newLevel;
    }
    if (on3) {
      let dampedGrowth = 0;
      let q = level3;
      if (trend3) {
        dampedGrowth = phi3 * growth3;
        q = level3 + dampedGrowth;
      }
      const seasonal = ring[k + offset3]!;
      const fitted = q * seasonal;
      let e: number;
      if (mError3) {
        e = (yt - fitted) / fitted;
        product3 *= Math.abs(fitted);
        if (product3 > 1e150 || product3 < 1e-150) {
          sumLog3 += Math.log(product3);
          product3 = 1;
        }
      } else {
        e = yt - fitted;
      }
      sse3 += e * e;
      const deseasonalised = Math.abs(seasonal) < tol ? hugeRatio : yt / seasonal;
      const newLevel = q + alpha3 * (deseasonalised - q);
      if (trend3) growth3 = dampedGrowth + betaRatio3 * (newLevel - level3 - dampedGrowth);
      const ratio = Math.abs(q) < tol ? hugeRatio : yt / q;
      ring[k + offset3] = seasonal + gamma3 * (ratio - seasonal);
      level3 = newLevel;
    }
    k++;
    if (k === m) k = 0;
  }
  {
    let lik = n * Math.log(sse0);
    if (mError0) lik += 2 * (sumLog0 + Math.log(product0));
    v0[LIKELIHOOD] = lik;
  }
  if (on1) {
    let lik = n * Math.log(sse1);
    if (mError1) lik += 2 * (sumLog1 + Math.log(product1));
    v1[LIKELIHOOD] = lik;
  }
  if (on2) {
    let lik = n * Math.log(sse2);
    if (mError2) lik += 2 * (sumLog2 + Math.log(product2));
    v2[LIKELIHOOD] = lik;
  }
  if (on3) {
    let lik = n * Math.log(sse3);
    if (mError3) lik += 2 * (sumLog3 + Math.log(product3));
    v3[LIKELIHOOD] = lik;
  }
}

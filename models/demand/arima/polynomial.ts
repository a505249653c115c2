/**
 * Lag-polynomial tools for seasonal ARIMA: multiplying the non-seasonal and seasonal factors, the
 * partial-autocorrelation reparametrisation that keeps an AR part stationary, root moduli, and MA
 * root inversion.
 *
 * Conventions (those of Box, Jenkins & Reinsel and of R's `stats::arima`):
 *   AR: φ(B) = 1 − φ₁B − … − φ_pB^p,  MA: θ(B) = 1 + θ₁B + … + θ_qB^q.
 * A seasonal model multiplies φ(B)Φ(B^m) and θ(B)Θ(B^m).
 */

/**
 * Coefficients of the full AR polynomial (1 − Σ ar_i B^i)(1 − Σ sar_j B^{mj}) = 1 − Σ φ_k B^k, written to
 * `out[0..p+mP)` (φ₁ first). Returns its length p + m·P.
 */
export function expandAr(
  params: Float64Array,
  arOffset: number,
  p: number,
  sarOffset: number,
  P: number,
  m: number,
  out: Float64Array,
): number {
  const len = p + m * P;
  out.fill(0, 0, len);
  for (let i = 0; i < p; i++) out[i] = params[arOffset + i]!;
  for (let j = 0; j < P; j++) {
    const s = params[sarOffset + j]!;
    const base = (j + 1) * m;
    out[base - 1] = out[base - 1]! + s;
    for (let i = 0; i < p; i++) out[base + i] = out[base + i]! - params[arOffset + i]! * s;
  }
  return len;
}

/**
 * Coefficients of the full MA polynomial (1 + Σ ma_i B^i)(1 + Σ sma_j B^{mj}) = 1 + Σ θ_k B^k, written to
 * `out[0..q+mQ)`. Returns its length q + m·Q.
 */
export function expandMa(
  params: Float64Array,
  maOffset: number,
  q: number,
  smaOffset: number,
  Q: number,
  m: number,
  out: Float64Array,
): number {
  const len = q + m * Q;
  out.fill(0, 0, len);
  for (let i = 0; i < q; i++) out[i] = params[maOffset + i]!;
  for (let j = 0; j < Q; j++) {
    const s = params[smaOffset + j]!;
    const base = (j + 1) * m;
    out[base - 1] = out[base - 1]! + s;
    for (let i = 0; i < q; i++) out[base + i] = out[base + i]! + params[maOffset + i]! * s;
  }
  return len;
}

/**
 * Maps unconstrained values to the coefficients of a stationary AR polynomial: partial autocorrelations
 * π_j = tanh(raw_j), then the Durbin–Levinson recursion φ_{k,j} = φ_{k−1,j} − π_k φ_{k−1,k−j}
 * (Jones 1980, "Maximum likelihood fitting of ARMA models to time series with missing observations",
 * Technometrics 22(3); Barndorff-Nielsen & Schou 1973). Reads raw[offset..offset+count), writes out[...] at
 * the same offsets; `work` needs `count` slots.
 */
export function arFromUnconstrained(
  raw: Float64Array,
  out: Float64Array,
  offset: number,
  count: number,
  work: Float64Array,
): void {
  for (let j = 0; j < count; j++) {
    const v = Math.tanh(raw[offset + j]!);
    out[offset + j] = v;
    work[j] = v;
  }
  for (let j = 1; j < count; j++) {
    const a = out[offset + j]!;
    for (let k = 0; k < j; k++) work[k] = work[k]! - a * out[offset + j - k - 1]!;
    for (let k = 0; k < j; k++) out[offset + k] = work[k]!;
  }
}

/**
 * Inverse of {@link arFromUnconstrained}: the reverse Durbin–Levinson (Schur–Cohn) step recovers the partial
 * autocorrelations from the AR coefficients, then atanh. Returns false when the polynomial is not stationary
 * (some |π_k| ≥ 1), leaving `out` undefined.
 */
export function unconstrainedFromAr(
  ar: Float64Array,
  out: Float64Array,
  offset: number,
  count: number,
  work: Float64Array,
): boolean {
  for (let j = 0; j < count; j++) work[j] = ar[offset + j]!;
  for (let j = count - 1; j >= 0; j--) {
    const a = work[j]!;
    if (!(Math.abs(a) < 1)) return false;
    out[offset + j] = a;
    if (j === 0) break;
    const denom = 1 - a * a;
    // φ_{k−1,i} = (φ_{k,i} + π_k φ_{k,k−i}) / (1 − π_k²), for i = 1..k−1, done in place pairwise.
    for (let i = 0; i < Math.floor(j / 2) + (j % 2); i++) {
      const lo = work[i]!;
      const hi = work[j - 1 - i]!;
      work[i] = (lo + a * hi) / denom;
      work[j - 1 - i] = (hi + a * lo) / denom;
    }
  }
  for (let j = 0; j < count; j++) out[offset + j] = Math.atanh(out[offset + j]!);
  return true;
}

/** True when 1 − Σ ar_i z^i has all its roots outside the unit circle (Schur–Cohn via reverse Levinson). */
export function isStationaryAr(ar: Float64Array, offset: number, count: number): boolean {
  let last = count;
  while (last > 0 && ar[offset + last - 1] === 0) last--;
  if (last === 0) return true;
  const work = new Float64Array(last);
  const out = new Float64Array(offset + last);
  return unconstrainedFromAr(ar, out, offset, last, work);
}

/**
 * Complex roots of c₀ + c₁z + … + c_k z^k (increasing powers, c_k ≠ 0 after trimming), by the
 * Aberth–Ehrlich simultaneous iteration (Aberth 1973, Math. Comp. 27:339–344). Degree ≤ a few dozen.
 */
export function polynomialRoots(coefs: ArrayLike<number>): { re: Float64Array; im: Float64Array } {
  let deg = coefs.length - 1;
  while (deg > 0 && coefs[deg] === 0) deg--;
  const re = new Float64Array(deg);
  const im = new Float64Array(deg);
  if (deg === 0) return { re, im };
  const lead = coefs[deg]!;
  const a = new Float64Array(deg + 1);
  for (let i = 0; i <= deg; i++) a[i] = coefs[i]! / lead;
  if (deg === 1) {
    re[0] = -a[0]!;
    return { re, im };
  }
  if (deg === 2) {
    const b = a[1]!;
    const c = a[0]!;
    const disc = b * b - 4 * c;
    if (disc >= 0) {
      // Stable form: one root by the quadratic formula with matching sign, the other from the product.
      const s = -0.5 * (b + (b >= 0 ? Math.sqrt(disc) : -Math.sqrt(disc)));
      re[0] = s;
      re[1] = s !== 0 ? c / s : 0;
    } else {
      re[0] = re[1] = -b / 2;
      im[0] = Math.sqrt(-disc) / 2;
      im[1] = -im[0];
    }
    return { re, im };
  }
  // Start on a circle of the Cauchy-bound radius, rotated off the real axis.
  let radius = 0;
  for (let i = 0; i < deg; i++) radius = Math.max(radius, Math.abs(a[i]!) ** (1 / (deg - i)));
  radius = Math.max(radius, 1e-3);
  for (let i = 0; i < deg; i++) {
    const ang = (2 * Math.PI * i) / deg + 0.4;
    re[i] = radius * Math.cos(ang);
    im[i] = radius * Math.sin(ang);
  }
  for (let iter = 0; iter < 500; iter++) {
    let maxMove = 0;
    for (let i = 0; i < deg; i++) {
      const zr = re[i]!;
      const zi = im[i]!;
      // p(z) and p'(z) by Horner.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let k = deg - 1; k >= 0; k--) {
        const ndr = dr * zr - di * zi + pr;
        const ndi = dr * zi + di * zr + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr - pi * zi + a[k]!;
        const npi = pr * zi + pi * zr;
        pr = npr;
        pi = npi;
      }
      // ratio = p/p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum of 1/(z_i − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < deg; j++) {
        if (j === i) continue;
        const xr = zr - re[j]!;
        const xi = zi - im[j]!;
        const xx = xr * xr + xi * xi;
        if (xx === 0) continue;
        sr += xr / xx;
        si += -xi / xx;
      }
      // w = ratio / (1 − ratio·sum)
      const br = 1 - (rr * sr - ri * si);
      const bi = -(rr * si + ri * sr);
      const bb = br * br + bi * bi;
      if (bb === 0) continue;
      const wr = (rr * br + ri * bi) / bb;
      const wi = (ri * br - rr * bi) / bb;
      re[i] = zr - wr;
      im[i] = zi - wi;
      const move = Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr, zi));
      if (move > maxMove) maxMove = move;
    }
    if (maxMove < 1e-14) break;
  }
  return { re, im };
}

/**
 * Smallest modulus among the roots of 1 + s·c₁z + … + s·c_k z^k, where c = coefs[offset..offset+count) and
 * s = −1 for an AR polynomial, +1 for an MA one. Returns Infinity when the polynomial is constant.
 */
export function minRootModulus(coefs: Float64Array, offset: number, count: number, sign: 1 | -1): number {
  let last = count;
  while (last > 0 && Math.abs(coefs[offset + last - 1]!) <= 1e-8) last--;
  if (last === 0) return Number.POSITIVE_INFINITY;
  const c = new Float64Array(last + 1);
  c[0] = 1;
  for (let i = 0; i < last; i++) c[i + 1] = sign * coefs[offset + i]!;
  const { re, im } = polynomialRoots(c);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < re.length; i++) min = Math.min(min, Math.hypot(re[i]!, im[i]!));
  return min;
}

/**
 * Makes an MA polynomial 1 + Σ θ_i z^i invertible by replacing each root inside the unit circle with its
 * reciprocal; the Gaussian likelihood is unchanged (Brockwell & Davis 1991, §4.4). Works in place on
 * coefs[offset..offset+count).
 */
export function invertMa(coefs: Float64Array, offset: number, count: number): void {
  let last = count;
  while (last > 0 && coefs[offset + last - 1] === 0) last--;
  if (last === 0) return;
  if (last === 1) {
    const t = coefs[offset]!;
    if (Math.abs(t) > 1) coefs[offset] = 1 / t;
    return;
  }
  const c = new Float64Array(last + 1);
  c[0] = 1;
  for (let i = 0; i < last; i++) c[i + 1] = coefs[offset + i]!;
  const { re, im } = polynomialRoots(c);
  let any = false;
  for (let i = 0; i < re.length; i++) {
    const mod2 = re[i]! * re[i]! + im[i]! * im[i]!;
    if (mod2 < 1) {
      any = true;
      re[i] = re[i]! / mod2;
      im[i] = -im[i]! / mod2;
    }
  }
  if (!any) return;
  // Rebuild Π (1 − z/root_i): the constant term stays 1.
  const pr = new Float64Array(last + 1);
  const pi = new Float64Array(last + 1);
  pr[0] = 1;
  for (let k = 0; k < last; k++) {
    const mod2 = re[k]! * re[k]! + im[k]! * im[k]!;
    const ir = re[k]! / mod2; // 1/root = conj(root)/|root|²
    const ii = -im[k]! / mod2;
    for (let j = k + 1; j >= 1; j--) {
      // coefficient_j −= coefficient_{j−1} · (1/root)
      pr[j] = pr[j]! - (pr[j - 1]! * ir - pi[j - 1]! * ii);
      pi[j] = pi[j]! - (pr[j - 1]! * ii + pi[j - 1]! * ir);
    }
  }
  for (let i = 0; i < last; i++) coefs[offset + i] = pr[i + 1]!;
}

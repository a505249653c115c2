import { describe, expect, it } from "vitest";
import { isWorkbenchError } from "../../../core/errors.ts";
import { fitArima, forecastArima } from "./arima.ts";
import { autoArima } from "./auto-arima.ts";
import { m3Train } from "./m3.testkit.ts";
import { olsResiduals } from "./regression.ts";

// y = M3 N0700 + 800·promo − 300·price, promo = 1 every fifth period, price = sin(t/3), t = 1..n, frequency 4.
const base = m3Train(["N0700"]).get("N0700")!.y;
const n = base.length;
const promo = Float64Array.from({ length: n }, (_, i) => ((i + 1) % 5 === 0 ? 1 : 0));
const price = Float64Array.from({ length: n }, (_, i) => Math.sin((i + 1) / 3));
const y = base.map((v, i) => v + 800 * promo[i]! - 300 * price[i]!);

describe("regression with ARIMA errors against R's forecast::Arima(y, xreg = X)", () => {
  it("ARIMA(1,0,0) errors with intercept", () => {
    // Arima(y, order = c(1,0,0), xreg = cbind(promo, price)):
    // ar1 0.784406422011, intercept 6105.098535738986, promo 811.281336820641, price -175.361166689824,
    // loglik -270.548340421
    const fit = fitArima(
      y,
      { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 4, constant: true },
      { xreg: [promo, price] },
    );
    expect(fit.loglik).toBeCloseTo(-270.548340421, 4);
    expect(fit.arma[0]).toBeCloseTo(0.784406422011, 3);
    expect(fit.beta[0]).toBeCloseTo(6105.098535738986, -1);
    expect(fit.beta[1]).toBeCloseTo(811.281336820641, 0);
    expect(fit.beta[2]).toBeCloseTo(-175.361166689824, 0);
  });

  it("ARIMA(0,1,1) errors: regressors differenced with the series", () => {
    // Arima(y, order = c(0,1,1), xreg = X): ma1 0.0592491587346, promo 795.1914361381529,
    // price -233.9458012246353, loglik -264.754578489
    const fit = fitArima(
      y,
      { p: 0, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 4, constant: false },
      { xreg: [promo, price] },
    );
    expect(fit.loglik).toBeCloseTo(-264.754578489, 4);
    expect(fit.arma[0]).toBeCloseTo(0.0592491587346, 2);
    expect(fit.beta[0]).toBeCloseTo(795.1914361381529, -1);
    expect(fit.beta[1]).toBeCloseTo(-233.9458012246353, -1);
  });

  it("auto.arima with xreg picks R's model and forecasts with future regressors as R does", () => {
    // a <- auto.arima(y, xreg = X) → "Regression with ARIMA(0,1,0) errors", promo 808.3122358, price -226.7974226
    // forecast(a, xreg = cbind(promo = c(1,0,0,0,0,1,0,0), price = sin((n+1):(n+8)/3)), level = 95)
    const rMean = [
      6524.86593921, 5641.46975149, 5568.88571952, 5506.79210107, 5462.02454089, 6247.8235612, 5441.73084693,
      5468.43876691,
    ];
    const rHi95 = [
      7467.39649924, 6974.40925243, 7201.39653717, 7391.85322112, 7569.58694398, 8556.54250024, 7935.43231184,
      8134.31776879,
    ];
    const result = autoArima(y, { season: 4, xreg: [promo, price], xregNames: ["promo", "price"] });
    expect(result.name).toBe("Regression with ARIMA(0,1,0) errors");
    expect(result.fit.beta[0]).toBeCloseTo(808.3122358, 3);
    expect(result.fit.beta[1]).toBeCloseTo(-226.7974226, 3);
    const futurePromo = Float64Array.of(1, 0, 0, 0, 0, 1, 0, 0);
    const futurePrice = Float64Array.from({ length: 8 }, (_, i) => Math.sin((n + 1 + i) / 3));
    const fc = forecastArima(result.fit, 8, [95], [futurePromo, futurePrice]);
    for (let h = 0; h < 8; h++) {
      expect(fc.mean[h]).toBeCloseTo(rMean[h]!, 3);
      expect(Math.abs(fc.upper[0]![h]! - rHi95[h]!) / rHi95[h]!).toBeLessThan(1e-5);
    }
  });
});

describe("least-squares residuals for the differencing tests", () => {
  it("removes an exact linear relation and keeps the part orthogonal to it", () => {
    const x = Float64Array.from({ length: 20 }, (_, i) => i * i);
    const e = Float64Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const r = olsResiduals(
      x.map((v, i) => 3 + 2 * v + e[i]!),
      [x],
    );
    // Least-squares residuals are orthogonal to every column of the design (1, x).
    let sumR = 0;
    let sumRx = 0;
    for (let i = 0; i < 20; i++) {
      sumR += r[i]!;
      sumRx += r[i]! * x[i]!;
    }
    expect(Math.abs(sumR)).toBeLessThan(1e-8);
    expect(Math.abs(sumRx)).toBeLessThan(1e-6);
  });

  it("rejects a regressor collinear with the intercept, naming it", () => {
    let caught: unknown;
    try {
      olsResiduals(y, [promo, promo.map((v) => 2 * v + 1)], ["promo", "promo2"]);
    } catch (e) {
      caught = e;
    }
    expect(isWorkbenchError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/exogenous\.promo2/);
  });
});

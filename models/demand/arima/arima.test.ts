import { describe, expect, it } from "vitest";
import {
  differencingPolynomial,
  filteredState,
  fitArima,
  forecastArima,
  stationaryStateCovariance,
} from "./arima.ts";
import { ArmaWorkspace } from "./likelihood.ts";
import { m3Train } from "./m3.testkit.ts";

const data = m3Train(["N0646", "N0700", "N1402"]);
const series = (id: string): Float64Array => data.get(id)!.y;

const relClose = (a: number, b: number, tol: number): void => {
  expect(Math.abs(a - b) / Math.max(Math.abs(b), 1e-12)).toBeLessThan(tol);
};

describe("fixed-order ARIMA against R's stats::arima (R 4.2.2, method CSS-ML)", () => {
  it("ARIMA(1,0,1)(1,0,0)[4] with mean on M3 N0700", () => {
    // arima(ts(y, frequency = 4), order = c(1,0,1), seasonal = list(order = c(1,0,0), period = 4),
    //       include.mean = TRUE)
    // coef 0.642584817652 0.326207878052 0.221188464346 6088.818517909215; loglik -269.421978087
    const fit = fitArima(series("N0700"), { p: 1, d: 0, q: 1, P: 1, D: 0, Q: 0, m: 4, constant: true });
    expect(fit.loglik).toBeCloseTo(-269.421978087, 4);
    expect(fit.arma[0]).toBeCloseTo(0.642584817652, 3);
    expect(fit.arma[1]).toBeCloseTo(0.326207878052, 3);
    expect(fit.arma[2]).toBeCloseTo(0.221188464346, 3);
    relClose(fit.beta[0]!, 6088.818517909215, 1e-5);
    expect(fit.betaNames).toEqual(["intercept"]);
  });

  it("ARIMA(2,0,0) with mean on M3 N0646", () => {
    // arima(y, order = c(2,0,0), include.mean = TRUE): ar 1.0768738141 -0.1082583777, intercept 4417.3185399,
    // loglik -254.4427775
    const fit = fitArima(series("N0646"), { p: 2, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 4, constant: true });
    expect(fit.loglik).toBeCloseTo(-254.4427775, 4);
    expect(fit.arma[0]).toBeCloseTo(1.0768738141, 3);
    expect(fit.arma[1]).toBeCloseTo(-0.1082583777, 3);
    relClose(fit.beta[0]!, 4417.3185399, 1e-4);
  });

  it("ARIMA(0,1,2) with drift (xreg = 1:n) on M3 N0646", () => {
    // arima(y, order = c(0,1,2), xreg = 1:length(y)): ma 0.03643671938 0.00865218073, drift 67.55980270653,
    // loglik -245.3055657
    const fit = fitArima(series("N0646"), { p: 0, d: 1, q: 2, P: 0, D: 0, Q: 0, m: 1, constant: true });
    expect(fit.betaNames).toEqual(["drift"]);
    expect(fit.loglik).toBeCloseTo(-245.3055657, 4);
    expect(fit.arma[0]).toBeCloseTo(0.03643671938, 3);
    expect(fit.arma[1]).toBeCloseTo(0.00865218073, 3);
    relClose(fit.beta[0]!, 67.55980270653, 1e-4);
  });

  it("ARIMA(0,1,1)(2,0,0)[12] on M3 N1402 (seasonal AR of lag 24 in the state)", () => {
    // arima(ts(y, frequency = 12), order = c(0,1,1), seasonal = list(order = c(2,0,0), period = 12))
    // coef -0.89709689538 -0.07156455246 -0.12872814840; loglik -442.0428719
    const fit = fitArima(series("N1402"), { p: 0, d: 1, q: 1, P: 2, D: 0, Q: 0, m: 12, constant: false });
    expect(fit.loglik).toBeCloseTo(-442.0428719, 4);
    expect(fit.arma[0]).toBeCloseTo(-0.89709689538, 3);
    expect(fit.arma[1]).toBeCloseTo(-0.07156455246, 3);
    expect(fit.arma[2]).toBeCloseTo(-0.1287281484, 3);
  });
});

describe("forecasts and intervals against R's forecast(Arima(...))", () => {
  it("ARIMA(1,0,1)(1,0,0)[4] with mean, N0700, h = 8, 95%", () => {
    // forecast(Arima(y, order = c(1,0,1), seasonal = c(1,0,0), include.mean = TRUE), h = 8, level = 95)
    const rMean = [
      5554.1491725, 5824.22712636, 5955.53719258, 5857.80975863, 5888.05093371, 5977.27756287, 6025.27069799,
      6015.83076877,
    ];
    const rHi95 = [
      6433.15552251, 7048.08660648, 7296.16012624, 7243.77956105, 7336.37036035, 7463.50957125, 7526.87818847,
      7523.74129803,
    ];
    const fit = fitArima(series("N0700"), { p: 1, d: 0, q: 1, P: 1, D: 0, Q: 0, m: 4, constant: true });
    const fc = forecastArima(fit, 8, [95]);
    for (let h = 0; h < 8; h++) {
      relClose(fc.mean[h]!, rMean[h]!, 2e-4);
      relClose(fc.upper[0]![h]!, rHi95[h]!, 2e-4);
    }
  });

  it("ARIMA(0,1,1) with drift, N0700: drift extends, intervals widen as R's", () => {
    // f <- Arima(y, order = c(0,1,1), include.drift = TRUE); forecast(f, h = 8, level = 95)
    // coef ma1 0.059825870389 drift -18.975919970901; sigma2 230774.523083
    const rMean = [5561.0152594, 5542.03933943, 5523.06341946, 5504.08749949, 5485.11157952, 5466.13565954];
    const rHi95 = [6502.56229874, 6913.9967586, 7219.53726032, 7472.27951894, 7691.81413268, 7887.97225413];
    const fit = fitArima(series("N0700"), { p: 0, d: 1, q: 1, P: 0, D: 0, Q: 0, m: 4, constant: true });
    relClose(fit.sigma2, 230774.523083, 1e-3);
    const fc = forecastArima(fit, 6, [95]);
    for (let h = 0; h < 6; h++) {
      relClose(fc.mean[h]!, rMean[h]!, 2e-4);
      relClose(fc.upper[0]![h]!, rHi95[h]!, 2e-4);
    }
  });

  it("a random walk's forecast variance grows as h·σ² (closed form)", () => {
    const y = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) * 3 + i * 0.1 + ((i * 7919) % 13));
    const fit = fitArima(y, { p: 0, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: false });
    const fc = forecastArima(fit, 5, [80]);
    for (let h = 0; h < 5; h++) {
      expect(fc.mean[h]).toBeCloseTo(y[49]!, 10);
      expect(fc.sd[h]! ** 2).toBeCloseTo(fit.sigma2 * (h + 1), 6);
    }
  });
});

describe("likelihood machinery", () => {
  it("the Chandrasekhar filter gives the same likelihood as the full-covariance Kalman filter", () => {
    const y = series("N1402");
    const w = new Float64Array(y.length - 1);
    for (let t = 1; t < y.length; t++) w[t - 1] = y[t]! - y[t - 1]!;
    let mean = 0;
    for (const v of w) mean += v / w.length;
    for (let t = 0; t < w.length; t++) w[t] = w[t]! - mean;
    const ws = new ArmaWorkspace({ p: 2, q: 1, P: 1, Q: 1, m: 12 }, w, w.length, 0);
    ws.setParameters(Float64Array.of(0.3, -0.2, 0.4, 0.25, -0.5), false);
    expect(ws.filter()).toBe(true);
    ws.profileRegression();
    const full = filteredState(w, ws.phi, ws.pFull, ws.theta, ws.qFull, ws.r);
    expect(ws.nUsed).toBe(full.nUsed);
    relClose(ws.ssq, full.ssq, 1e-9);
    expect(ws.sumLog).toBeCloseTo(full.sumLog, 8);
  });

  it("stationary state covariance of an AR(1) is 1/(1 − φ²), and of an MA(1) is [[1+θ², θ],[θ, θ²]]", () => {
    const ar = stationaryStateCovariance(Float64Array.of(0.8), 1, new Float64Array(0), 0, 1);
    expect(ar[0]).toBeCloseTo(1 / (1 - 0.64), 10);
    const ma = stationaryStateCovariance(new Float64Array(0), 0, Float64Array.of(0.5), 1, 2);
    expect([...ma].map((v) => Number(v.toFixed(10)))).toEqual([1.25, 0.5, 0.5, 0.25]);
  });

  it("differencing polynomial of (1−B)(1−B⁴) is y_t = y_{t−1} + y_{t−4} − y_{t−5}", () => {
    expect([...differencingPolynomial(1, 1, 4)]).toEqual([1, 0, 0, 1, -1]);
    expect([...differencingPolynomial(2, 0, 1)]).toEqual([2, -1]);
  });

  it("does not mutate the series", () => {
    const y = series("N0700");
    const copy = y.slice();
    fitArima(y, { p: 1, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 4, constant: true });
    expect([...y]).toEqual([...copy]);
  });
});

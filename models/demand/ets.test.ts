import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isWorkbenchError } from "../../core/errors.ts";
import { splitCsvLine } from "../../datasets/csv-line.ts";
import { type EtsSpec, etsModel, fitEts, forecastEts } from "./ets.ts";
import { initialStates, isAdmissible, schurStable } from "./ets-core.ts";
import { additiveSeasonLanes, multiplicativeSeasonLanes, noSeasonLanes } from "./ets-lanes.ts";
import { EtsObjective } from "./ets-objective.ts";
import { hardSeriesCases } from "./hard-series.testkit.ts";

const shared = new URL("../../../shared/", import.meta.url);

interface M3Series {
  id: string;
  season: number;
  horizon: number;
  train: Float64Array;
}

function m3Series(period: string): M3Series[] {
  const lines = readFileSync(new URL("datasets/m3/m3_series.csv", shared), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const out: M3Series[] = [];
  for (const line of lines) {
    if (!line.includes(`"${period}"`)) continue;
    const c = splitCsvLine(line);
    out.push({
      id: c[0]!,
      season: Number(c[3]),
      horizon: Number(c[7]),
      train: Float64Array.from(c[8]!.split(";").map(Number)),
    });
  }
  return out;
}

interface RReference {
  model: string;
  mean: number[];
  lo95: number[];
  hi95: number[];
}

function rEtsReference(file: string): Map<string, RReference> {
  const lines = readFileSync(new URL(`reference/${file}`, shared), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const out = new Map<string, RReference>();
  for (const line of lines) {
    const c = splitCsvLine(line);
    if (c[1] !== "ets") continue;
    const r = out.get(c[0]!) ?? { model: c[2]!, mean: [], lo95: [], hi95: [] };
    r.mean.push(Number(c[4]));
    r.lo95.push(Number(c[7]));
    r.hi95.push(Number(c[8]));
    out.set(c[0]!, r);
  }
  return out;
}

function specOf(code: string): EtsSpec {
  return {
    error: code[0] as EtsSpec["error"],
    trend: code[1] as EtsSpec["trend"],
    season: code[code.length - 1] as EtsSpec["season"],
    damped: code.includes("d"),
  };
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

describe("fixed-spec fits equal R forecast 8.20's ets()", () => {
  // R numbers from: x <- ts(<M3 train of the series>, frequency = 4 | 12);
  //   f <- ets(x, model = "<ETS>", damped = <d>); f$loglik; f$aicc; f$sigma2; f$par[c("alpha","beta","gamma","phi")]
  // (R 4.2.2, forecast 8.20; printed with sprintf("%.10f") / "%.10g").
  const cases: { id: string; spec: string; loglik: number; aicc: number; sigma2: number; par: number[] }[] = [
    {
      id: "N0700",
      spec: "ANN",
      loglik: -285.2852057786,
      aicc: 577.3204115573,
      sigma2: 224766.5471,
      par: [0.999899306],
    },
    {
      id: "N0700",
      spec: "AAdN",
      loglik: -286.1082881778,
      aicc: 587.1131280796,
      sigma2: 258052.3355,
      par: [0.999898419, 0.0001005007366, 0.8000015707],
    },
    {
      id: "N0700",
      spec: "MAdN",
      loglik: -281.8633591563,
      aicc: 578.6232700366,
      sigma2: 0.005405923038,
      par: [0.9998994668, 0.000100024028, 0.8040227245],
    },
    {
      id: "N0700",
      spec: "AAA",
      loglik: -284.6965384189,
      aicc: 594.3161537609,
      sigma2: 264149.3248,
      par: [0.9998251634, 0.0469320744, 0.0001744525104],
    },
    {
      id: "N0700",
      spec: "MAdM",
      loglik: -279.7317193552,
      aicc: 588.2634387105,
      sigma2: 0.005499163063,
      par: [0.999544629, 0.0001000296963, 0.0002154587632, 0.9131974021],
    },
    {
      id: "N0700",
      spec: "MMN",
      loglik: -282.2158334216,
      aicc: 576.4316668431,
      sigma2: 0.005387925317,
      par: [0.9998997023, 0.0008510960327],
    },
    {
      id: "N1500",
      spec: "ANA",
      loglik: -405.3491586404,
      aicc: 854.4126029951,
      sigma2: 216452.7427,
      par: [0.1583538825, 0.0003062231453],
    },
    {
      id: "N1500",
      spec: "MAM",
      loglik: -403.9829013203,
      aicc: 860.511257186,
      sigma2: 0.0222592086,
      par: [0.1129110924, 0.0003337473625, 0.0001395577324],
    },
    {
      id: "N1500",
      spec: "MNM",
      loglik: -403.3129775898,
      aicc: 850.3402408938,
      sigma2: 0.02061470182,
      par: [0.1436031601, 0.0001796570128],
    },
  ];
  const byId = new Map([...m3Series("QUARTERLY"), ...m3Series("MONTHLY")].map((s) => [s.id, s]));
  for (const c of cases) {
    it(`${c.id} ${c.spec}: log-likelihood, AICc, σ² and parameters`, () => {
      const s = byId.get(c.id)!;
      const fit = fitEts(s.train, s.season, specOf(c.spec));
      expect(fit.logLik).toBeCloseTo(c.loglik, 5);
      expect(fit.aicc).toBeCloseTo(c.aicc, 5);
      expect(relative(fit.sigma2, c.sigma2)).toBeLessThan(1e-6);
      const par = Object.values(fit.params);
      expect(par.length).toBe(c.par.length);
      for (let i = 0; i < par.length; i++) expect(relative(par[i]!, c.par[i]!)).toBeLessThan(1e-5);
    });
  }
});

describe("AutoETS chooses R's model on M3 and forecasts what R forecasts", () => {
  for (const [period, file, step, count] of [
    ["QUARTERLY", "r_m3_quarterly.csv", 37, 20],
    ["MONTHLY", "r_m3_monthly.csv", 142, 10],
  ] as const) {
    it(`${count} ${period.toLowerCase()} series spread over the set`, () => {
      const reference = rEtsReference(file);
      const series = m3Series(period);
      let same = 0;
      for (let k = 0; k < count; k++) {
        const s = series[k * step]!;
        const r = reference.get(s.id)!;
        const fit = fitEts(s.train, s.season);
        if (fit.model !== r.model) continue;
        same++;
        const fc = forecastEts(fit, s.horizon, [80, 95]);
        expect(fc.model).toBe(r.model);
        for (let h = 0; h < s.horizon; h++) {
          expect(relative(fc.mean[h]!, r.mean[h]!)).toBeLessThan(1e-6);
          // R 8.20's class-1 gain vector puts γ on s_2 instead of s_1 when there is no trend, so its
          // ETS(A,N,A)/(M,N,A) intervals differ from the textbook ones; every other class matches.
          if (!/,N,A\)/.test(r.model)) {
            expect(relative(fc.mean[h]! - fc.lower[1]![h]!, r.mean[h]! - r.lo95[h]!)).toBeLessThan(1e-6);
            expect(relative(fc.upper[1]![h]! - fc.mean[h]!, r.hi95[h]! - r.mean[h]!)).toBeLessThan(1e-6);
          }
        }
      }
      expect(same / count).toBeGreaterThanOrEqual(0.8);
    });
  }
});

describe("lane loops (ets-lanes.ts) compute what the one-model loop computes", () => {
  // AutoETS evaluates up to four candidates' trial points in one loop; each lane must give bit for bit
  // the −2·log L of EtsObjective.evaluate, whatever the mix of error types and trends in the lanes and
  // whichever lane a model sits in (otherwise the Nelder–Mead searches would leave R's path).
  const yearly = m3Series("YEARLY")[40]!.train;
  const quarterly = m3Series("QUARTERLY")[300]!.train;
  const kinds: [string, number, number][] = [
    ["A", 0, 0],
    ["A", 1, 0],
    ["A", 1, 1],
    ["M", 0, 0],
    ["M", 1, 0],
    ["M", 1, 1],
  ];
  function objectivesFor(y: Float64Array, m: number, seasons: number[], errors: string[]) {
    const out: { objective: EtsObjective; par: Float64Array }[] = [];
    for (const season of seasons) {
      for (const [error, trend, damped] of kinds) {
        if (!errors.includes(error)) continue;
        const mm = season === 0 ? 1 : m;
        const objective = new EtsObjective(y, mm, error === "A" ? 1 : 2, trend, season, damped === 1);
        const par = [0.31];
        if (trend) par.push(0.042);
        if (season) par.push(0.11);
        if (damped) par.push(0.93);
        par.push(...initialStates(y, mm, trend, season));
        out.push({ objective, par: Float64Array.from(par) });
      }
    }
    return out;
  }
  const pools = [
    {
      name: "no season",
      lanes: (o: EtsObjective[], k: number) => noSeasonLanes(o, k),
      set: objectivesFor(yearly, 1, [0], ["A", "M"]),
    },
    {
      name: "additive season (with models without season, γ = 0)",
      lanes: (o: EtsObjective[], k: number) => additiveSeasonLanes(o, k, new Float64Array(16), 4),
      set: objectivesFor(quarterly, 4, [0, 1], ["A", "M"]),
    },
    {
      name: "multiplicative season",
      lanes: (o: EtsObjective[], k: number) => multiplicativeSeasonLanes(o, k, new Float64Array(16), 4),
      set: objectivesFor(quarterly, 4, [2], ["M"]),
    },
  ];
  for (const pool of pools) {
    it(pool.name, () => {
      const { set } = pool;
      const alone = set.map(({ objective, par }) => objective.evaluate(par));
      for (const value of alone) expect(Number.isFinite(value)).toBe(true);
      for (let count = 2; count <= 4; count++) {
        for (let first = 0; first < set.length; first++) {
          const lanes: EtsObjective[] = [];
          const which: number[] = [];
          for (let l = 0; l < count; l++) {
            const i = (first + l) % set.length;
            expect(set[i]!.objective.prepare(set[i]!.par)).toBe(true);
            lanes.push(set[i]!.objective);
            which.push(i);
          }
          pool.lanes(lanes, count);
          for (let l = 0; l < count; l++) expect(lanes[l]!.result()).toBe(alone[which[l]!]);
        }
      }
    });
  }
});

describe("short series follow R's rules", () => {
  it("fewer than three seasons: Fourier-regression starting values (M3 N1500, first 30 months)", () => {
    // R: x <- ts(<N1500 train>[1:30], frequency = 12); for (f in list(ets(x), ets(x, "MAM", damped = FALSE),
    //   ets(x, "ANA"))) c(f$method, f$loglik, forecast(f, h = 3)$mean)
    const r = [
      { spec: undefined, model: "ETS(M,N,N)", loglik: -236.123378, mean: [3223.988, 3223.988, 3223.988] },
      { spec: "MAM", model: "ETS(M,A,M)", loglik: -225.447871, mean: [3689.692, 2911.525, 2883.217] },
      { spec: "ANA", model: "ETS(A,N,A)", loglik: -233.237361, mean: [3835.63, 3232.867, 3368.491] },
    ];
    const y = m3Series("MONTHLY")
      .find((s) => s.id === "N1500")!
      .train.slice(0, 30);
    for (const c of r) {
      const fit = fitEts(y, 12, c.spec === undefined ? {} : specOf(c.spec));
      expect(fit.model).toBe(c.model);
      expect(fit.logLik).toBeCloseTo(c.loglik, 5);
      const fc = forecastEts(fit, 3, [95]);
      for (let h = 0; h < 3; h++) expect(relative(fc.mean[h]!, c.mean[h]!)).toBeLessThan(1e-6);
    }
  });

  it("n ≤ 6: least-squares SES/Holt fallback as R's HoltWintersZZ", () => {
    // R: m <- ets(c(3100, 2900, 3350, 3500, 3300)); m$par["alpha"]; m$sigma2; forecast(m, h = 3, level = 95)
    // R optimises α with L-BFGS-B, we with Nelder–Mead on the same least-squares criterion.
    const fit = fitEts(Float64Array.from([3100, 2900, 3350, 3500, 3300]), 1);
    expect(fit.model).toBe("ETS(A,N,N)");
    expect(relative(fit.alpha, 0.4661178)).toBeLessThan(1e-3);
    expect(relative(fit.sigma2, 53867.9696)).toBeLessThan(1e-6);
    const fc = forecastEts(fit, 3, [95]);
    const upper = [3766.69, 3813.6799, 3856.632];
    for (let h = 0; h < 3; h++) {
      expect(relative(fc.mean[h]!, 3311.7927)).toBeLessThan(1e-4);
      expect(relative(fc.upper[0]![h]!, upper[h]!)).toBeLessThan(1e-4);
    }
  });
});

describe("simulated intervals (multiplicative trend)", () => {
  it("ETS(M,M,N) on N0700: exact normal quantiles at h = 1, R's simulated intervals after", () => {
    // R: set.seed(1); forecast(ets(x, "MMN", damped = FALSE), h = 4, level = c(80, 95)), x = M3 N0700 train
    const r = {
      mean: [5609.89748, 5594.860332, 5579.863491, 5564.906849],
      lo80: [5066.507975, 4846.588634, 4660.499494, 4517.947942],
      lo95: [4773.198173, 4500.229648, 4265.77285, 4073.990235],
      hi80: [6137.834134, 6339.000831, 6481.201659, 6620.561872],
      hi95: [6434.088761, 6766.315323, 7040.526417, 7275.168914],
    };
    const s = m3Series("QUARTERLY").find((x) => x.id === "N0700")!;
    const fit = fitEts(s.train, 4, specOf("MMN"));
    const fc = forecastEts(fit, 4, [80, 95]);
    // one step ahead y = ŷ(1 + ε), ε ~ N(0, σ²): quantiles ŷ(1 ± zσ) in closed form
    const sigma = Math.sqrt(fit.sigma2);
    const z = [1.2815515655446004, 1.959963984540054];
    for (let l = 0; l < 2; l++) {
      const half = fc.mean[0]! * z[l]! * sigma;
      expect(relative(fc.mean[0]! - fc.lower[l]![0]!, half)).toBeLessThan(0.05);
      expect(relative(fc.upper[l]![0]! - fc.mean[0]!, half)).toBeLessThan(0.05);
    }
    for (let h = 0; h < 4; h++) {
      expect(relative(fc.mean[h]!, r.mean[h]!)).toBeLessThan(1e-6);
      // distances from the mean; each side carries ~2–4% sampling error with 5000 paths
      expect(relative(fc.mean[h]! - fc.lower[0]![h]!, r.mean[h]! - r.lo80[h]!)).toBeLessThan(0.08);
      expect(relative(fc.mean[h]! - fc.lower[1]![h]!, r.mean[h]! - r.lo95[h]!)).toBeLessThan(0.08);
      expect(relative(fc.upper[0]![h]! - fc.mean[h]!, r.hi80[h]! - r.mean[h]!)).toBeLessThan(0.08);
      expect(relative(fc.upper[1]![h]! - fc.mean[h]!, r.hi95[h]! - r.mean[h]!)).toBeLessThan(0.08);
    }
  });

  it("is reproducible: the same fit gives the same simulated intervals", () => {
    const s = m3Series("QUARTERLY").find((x) => x.id === "N0700")!;
    const fit = fitEts(s.train, 4, specOf("MMN"));
    const a = forecastEts(fit, 6, [90]);
    const b = forecastEts(fit, 6, [90]);
    expect(Array.from(a.lower[0]!)).toEqual(Array.from(b.lower[0]!));
  });
});

describe("admissible region", () => {
  it("Schur–Cohn agrees with polynomials of known roots", () => {
    // (z − 0.5)(z + 0.9)(z − 0.3) = z³ + 0.1z² − 0.57z + 0.135: all inside
    expect(schurStable(Float64Array.from([0.135, -0.57, 0.1, 1, 0, 0, 0, 0]), 3)).toBe(true);
    // (z − 0.5)(z + 1.1)(z − 0.3) = z³ + 0.3z² − 0.73z + 0.165: one root outside
    expect(schurStable(Float64Array.from([0.165, -0.73, 0.3, 1, 0, 0, 0, 0]), 3)).toBe(false);
    // (z² + 0.81)(z − 0.2): complex pair of modulus 0.9 → inside
    expect(schurStable(Float64Array.from([-0.162, 0.81, -0.2, 1, 0, 0, 0, 0]), 3)).toBe(true);
    // (z² + 1.21)(z − 0.2): complex pair of modulus 1.1 → outside
    expect(schurStable(Float64Array.from([-0.242, 1.21, -0.2, 1, 0, 0, 0, 0]), 3)).toBe(false);
  });

  it("matches the closed-form bounds of Hyndman, Akram & Archibald (2008) for non-seasonal models", () => {
    const scratch = new Float64Array(8);
    // ETS(A,A,N), φ = 1: 0 < α < 2, 0 < β < 4 − 2α
    expect(isAdmissible(1.5, 0.9, 0, 1, 1, true, false, scratch)).toBe(true);
    expect(isAdmissible(1.5, 1.1, 0, 1, 1, true, false, scratch)).toBe(false);
    expect(isAdmissible(2.1, 0.1, 0, 1, 1, true, false, scratch)).toBe(false);
  });

  it("seasonal: α + γ just inside 1 + 1/φ passes, a large γ fails (roots leave the unit disc)", () => {
    const scratch = new Float64Array(40);
    expect(isAdmissible(0.3, 0.05, 0.2, 0.95, 12, true, true, scratch)).toBe(true);
    expect(isAdmissible(0.3, 0.05, 1.8, 0.95, 12, true, true, scratch)).toBe(false);
  });
});

describe("model requests and bad input", () => {
  const y = Float64Array.from({ length: 40 }, (_, t) => 100 + t + 10 * Math.sin((t * Math.PI) / 2));

  it("rejects additive error with multiplicative season (infinite variance)", () => {
    expect(() => fitEts(y, 4, specOf("ANM"))).toThrow(/forbidden combination/);
  });

  it("rejects multiplicative components on data with zeros", () => {
    const z = Float64Array.from(y);
    z[3] = 0;
    let caught: unknown;
    try {
      fitEts(z, 4, specOf("MNN"));
    } catch (e) {
      caught = e;
    }
    expect(isWorkbenchError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/strictly positive/);
  });

  it("AutoETS on data with zeros only considers additive-error models", () => {
    const z = Float64Array.from(y);
    z[3] = 0;
    expect(fitEts(z, 4).spec.error).toBe("A");
  });

  it("rejects a season on season length 1 and seasons longer than 24", () => {
    expect(() => fitEts(y, 1, specOf("AAA"))).toThrow(/season/);
    expect(() =>
      fitEts(
        Float64Array.from({ length: 200 }, (_, t) => 10 + (t % 52)),
        52,
        specOf("ANA"),
      ),
    ).toThrow(/up to 24/);
  });

  it("a season longer than 24 is ignored by AutoETS (non-seasonal model)", () => {
    const w = Float64Array.from({ length: 120 }, (_, t) => 50 + 5 * Math.sin(t / 3) + (t % 7));
    expect(fitEts(w, 52).spec.season).toBe("N");
  });

  it("1e12-scale data gives the same model and scaled forecasts as the unscaled series", () => {
    const big = Float64Array.from(y, (v) => v * 1e12);
    const small = forecastEts(fitEts(y, 4), 4, [95]);
    const large = forecastEts(fitEts(big, 4), 4, [95]);
    expect(large.model).toBe(small.model);
    for (let h = 0; h < 4; h++) expect(relative(large.mean[h]!, small.mean[h]! * 1e12)).toBeLessThan(1e-4);
  });
});

describe("etsModel (DemandModel) on hard series", () => {
  hardSeriesCases(etsModel, 4);
});

/**
 * Intermittent-demand models on carparts (last 12 months held out, series with more than 24 observed
 * months) and M5 tiny (last 28 days held out, from each item's first sale), prepared as
 * ../shared/reference/r_reference.R does, next to R forecast's `ets` and `croston` from the reference
 * files. Prints pooled WAPE (Σ|e| / Σy over all series and steps), mean RMSSE (M5 definition; series
 * whose trimmed history is constant have no scale and are left out of every row alike), mean bias per
 * step, and series per CPU-second.
 *
 * Run: node --import tsx bench/intermittent.ts [model,model,…]   (default: every registered model)
 */
import {
  type HeldOutSeries,
  loadCarparts,
  loadM5Tiny,
  loadReference,
  loadReferenceCpu,
} from "../models/demand/intermittent-data.testkit.ts";
import { demandModels } from "../models/demand/registry.ts";
import type { DemandModel } from "../models/demand/types.ts";
import { coverage, rmsse } from "../models/metrics/index.ts";

// Models by name (argument: a comma-separated list); default every registered model.
const names = process.argv[2]?.split(",") ?? Object.keys(demandModels);
const models: DemandModel[] = names.map((name) => {
  const m = demandModels[name];
  if (!m) throw new Error(`unknown model ${name}`);
  return m;
});

interface Score {
  absError: number;
  volume: number;
  rmsse: number;
  bias: number;
  series: number;
  cpu: number;
  /** Cells inside the 95% interval, and cells scored (0 when the side gives no intervals). */
  covered95: number;
  cells95: number;
}

interface Prediction {
  mean: ArrayLike<number>;
  lo95?: ArrayLike<number>;
  hi95?: ArrayLike<number>;
}

function score(
  set: HeldOutSeries[],
  forecastOf: (s: HeldOutSeries) => Prediction | undefined,
  scored: Set<string>,
): Score {
  const out: Score = {
    absError: 0,
    volume: 0,
    rmsse: 0,
    bias: 0,
    series: 0,
    cpu: 0,
    covered95: 0,
    cells95: 0,
  };
  for (const s of set) {
    if (!scored.has(s.id)) continue;
    const p = forecastOf(s);
    if (!p) continue;
    const f = p.mean;
    if (p.lo95 && p.hi95 && Number.isFinite(p.lo95[0]!)) {
      out.covered95 += coverage(s.test, p.lo95, p.hi95) * s.test.length;
      out.cells95 += s.test.length;
    }
    for (let h = 0; h < s.test.length; h++) {
      out.absError += Math.abs(s.test[h]! - f[h]!);
      out.volume += Math.abs(s.test[h]!);
      out.bias += (f[h]! - s.test[h]!) / s.test.length;
    }
    out.rmsse += rmsse(s.test, f, s.train);
    out.series++;
  }
  return out;
}

function report(name: string, set: HeldOutSeries[], horizon: number, season: number, file: string): void {
  const refs = new Map<string, Map<string, number[][]>>();
  const cpus = new Map<string, Map<string, number>>();
  for (const m of ["ets", "croston"]) {
    refs.set(m, loadReference(file, m));
    cpus.set(m, loadReferenceCpu(file, m));
  }
  // Score only the series every side forecast and that have an RMSSE scale.
  const scored = new Set<string>();
  let noScale = 0;
  for (const s of set) {
    const sides = [refs.get("ets")!.get(s.id), refs.get("croston")!.get(s.id)];
    if (sides.some((r) => !r || r.some((row) => !Number.isFinite(row[0]!)))) continue;
    let start = 0;
    while (start < s.train.length && s.train[start] === 0) start++;
    let varies = false;
    for (let t = start + 1; t < s.train.length; t++) if (s.train[t] !== s.train[t - 1]) varies = true;
    if (varies) scored.add(s.id);
    else noScale++;
  }
  console.log(
    `\n${name}: ${set.length} series, ${scored.size} scored (${noScale} left out: constant history, no RMSSE scale), h = ${horizon}`,
  );
  console.log("model        WAPE %   mean RMSSE   bias/step   series/CPU-s   95% coverage");
  const line = (label: string, s: Score, cpu: number) =>
    console.log(
      `${label.padEnd(12)} ${((100 * s.absError) / s.volume).toFixed(2).padStart(6)}   ${(s.rmsse / s.series).toFixed(4).padStart(10)}   ${(s.bias / s.series).toFixed(4).padStart(9)}   ${(s.series / cpu).toFixed(0).padStart(12)}   ${s.cells95 > 0 ? (s.covered95 / s.cells95).toFixed(3).padStart(12) : "           -"}`,
    );
  for (const m of ["ets", "croston"]) {
    const ref = refs.get(m)!;
    const s = score(
      set,
      (x) => {
        const rows = ref.get(x.id)!;
        return { mean: rows.map((r) => r[0]!), lo95: rows.map((r) => r[3]!), hi95: rows.map((r) => r[4]!) };
      },
      scored,
    );
    let cpu = 0;
    for (const id of scored) cpu += cpus.get(m)!.get(id)!;
    line(`R ${m}`, s, cpu);
  }
  for (const model of models) {
    let cpu = 0;
    const s = score(
      set,
      (x) => {
        const t0 = process.cpuUsage();
        const f = model.forecast(x.train, { horizon, season, levels: [95] });
        const dt = process.cpuUsage(t0);
        cpu += (dt.user + dt.system) / 1e6;
        return { mean: f.mean, lo95: f.lower[0]!, hi95: f.upper[0]! };
      },
      scored,
    );
    line(model.name, s, cpu);
  }
}

report("carparts (monthly)", loadCarparts(), 12, 12, "r_carparts.csv");
report("M5 tiny (daily)", loadM5Tiny(), 28, 7, "r_m5_tiny.csv");
console.log(
  "\nR CPU seconds are the reference file's cpu_s (R's croston there is an O(n) re-implementation).",
);
